package vn.xhht.identity;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.Role;
import vn.xhht.shared.VietnamClock;

/**
 * Runs at start-up, after the schema is migrated and before the web server opens. In demo mode it creates the
 * documented demo accounts (password {@value #DEMO_PASSWORD}); otherwise it removes any demo account, refuses
 * to start without a strong administrator password in configuration, and creates the first administrator.
 */
@Component
class AccountBootstrap implements SmartInitializingSingleton {

    static final String DEMO_PASSWORD = "xhht-demo";
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    record DemoAccount(String username, String fullName, Role role, String unitCode, int level, LocalDate structureDate) {
    }

    static final LocalDate BEFORE_REFORM = LocalDate.of(2025, 6, 30);
    static final LocalDate AFTER_REFORM = LocalDate.of(2025, 7, 1);

    static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("admin", "Quản trị hệ thống", Role.SYSTEM_ADMIN, "VN", OrgUnit.NATION, AFTER_REFORM),
            new DemoAccount("so.caobang", "Chuyên viên Sở GD&ĐT Cao Bằng", Role.PROVINCE_OFFICER, "04", OrgUnit.PROVINCE, AFTER_REFORM),
            new DemoAccount("pgd.haquang", "Chuyên viên Phòng GD&ĐT Hà Quảng", Role.DISTRICT_OFFICER, "045", OrgUnit.DISTRICT, BEFORE_REFORM),
            new DemoAccount("xa.canyen", "Giám đốc TTHTCĐ xã Cần Yên", Role.COMMUNE_OFFICER, "01366", OrgUnit.COMMUNE, AFTER_REFORM),
            new DemoAccount("hkh.caobang", "Hội Khuyến học tỉnh Cao Bằng", Role.ASSOCIATION_EVALUATOR, "04", OrgUnit.PROVINCE, AFTER_REFORM));

    private final DemoMode demoMode;
    private final UserAccountRepository accounts;
    private final OrgUnitDirectory units;
    private final PasswordEncoder encoder;
    private final Environment env;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final VietnamClock clock;

    AccountBootstrap(DemoMode demoMode, UserAccountRepository accounts, OrgUnitDirectory units, PasswordEncoder encoder,
                     Environment env, JdbcClient jdbc, TransactionTemplate tx, VietnamClock clock) {
        this.demoMode = demoMode;
        this.accounts = accounts;
        this.units = units;
        this.encoder = encoder;
        this.env = env;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        tx.executeWithoutResult(s -> {
            if (demoMode.enabled()) {
                createDemoAccounts();
                vn.xhht.orgunit.DemoUnitAttributes.apply(jdbc);
            } else {
                int removed = accounts.deleteDemoAccounts();
                if (removed > 0) {
                    log.warn("Removed {} demo accounts: demo mode is off", removed);
                }
                ensureAdministrator();
            }
        });
    }

    private void createDemoAccounts() {
        String hash = null;
        for (DemoAccount d : DEMO_ACCOUNTS) {
            if (accounts.exists(d.username())) {
                continue;
            }
            OrgUnit unit = units.findByCode(d.unitCode(), d.level(), d.structureDate())
                    .orElseThrow(() -> new IllegalStateException("Demo unit " + d.unitCode() + " not found"));
            if (hash == null) {
                hash = encoder.encode(DEMO_PASSWORD);
            }
            accounts.insert(d.username(), d.fullName(), null, hash, d.role(), unit.id(), false, true);
        }
        // the literacy permission: every demo officer except the association evaluator (who sees figures only)
        jdbc.sql("update app_user set literacy_access = (username <> 'hkh.caobang') where demo").update();
        log.info("Demo mode: demo accounts {} (password '{}')", DEMO_ACCOUNTS.stream().map(DemoAccount::username).toList(), DEMO_PASSWORD);
    }

    private void ensureAdministrator() {
        String username = env.getProperty("xhht.admin.username", "admin").strip().toLowerCase();
        String password = env.getProperty("xhht.admin.password", "");
        String problem = PasswordPolicy.problem(username, password);
        if (problem != null) {
            throw new IllegalStateException("""
                    XHHT refuses to start: set a strong administrator password in XHHT_ADMIN_PASSWORD \
                    (property xhht.admin.password; at least %d characters, not a default or demo password, \
                    not containing the user name). Problem: %s""".formatted(PasswordPolicy.MIN_LENGTH, problem));
        }
        if (!accounts.anyAdmin() && !accounts.exists(username)) {
            long nation = units.findByCode("VN", OrgUnit.NATION, clock.today()).orElseThrow().id();
            accounts.insert(username, env.getProperty("xhht.admin.full-name", "Quản trị hệ thống"), null,
                    encoder.encode(password), Role.SYSTEM_ADMIN, nation, true, false);
            log.info("Created the first administrator '{}' from configuration; it must change its password at first login", username);
        }
    }
}
