package vn.xhht.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Texts;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.InvalidInputProblem.Violation;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Role;

/**
 * Administration of accounts. An administrator manages the accounts of its unit's subtree (a national
 * administrator all of them); every change is audited.
 */
@Service
@Transactional
class UserService {

    record UserForm(String username, String fullName, String email, Role role, Long unitId, boolean enabled,
                    String password, Long version) {
    }

    private final UserAccountRepository accounts;
    private final OrgUnitDirectory units;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;

    private final AccountSessions sessions;

    UserService(UserAccountRepository accounts, OrgUnitDirectory units, PasswordEncoder encoder, AuditTrail audit,
                AccountSessions sessions) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.units = units;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<UserAccount> list(CurrentUser admin, String query, int limit, int offset) {
        requireAdmin(admin);
        return accounts.listWithin(admin.unitId(), query, limit, offset);
    }

    @Transactional(readOnly = true)
    UserAccount get(CurrentUser admin, long id) {
        requireAdmin(admin);
        UserAccount a = accounts.find(id).orElseThrow(() -> new NotFoundProblem("user.notFound", id));
        if (!units.canWrite(admin, a.unitId())) {
            throw new AccessDeniedProblem("error.userOutOfScope");
        }
        return a;
    }

    long create(CurrentUser admin, UserForm f) {
        requireAdmin(admin);
        List<Violation> v = new ArrayList<>();
        String username = f.username() == null ? "" : f.username().strip().toLowerCase();
        if (!username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            v.add(new Violation("username", "user.username.invalid"));
        } else if (accounts.exists(username)) {
            v.add(new Violation("username", "user.username.taken", username));
        }
        checkCommon(admin, f, v);
        String pw = PasswordPolicy.problem(username, f.password());
        if (pw != null) {
            v.add(new Violation("password", pw, PasswordPolicy.MIN_LENGTH));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        long id = accounts.insert(username, f.fullName().strip(), Texts.orNull(f.email()), encoder.encode(f.password()),
                f.role(), f.unitId(), true, false);
        audit.change(AuditAction.CREATE, "AppUser", id, f.unitId(), null, snapshot(accounts.find(id).orElseThrow()),
                "Tạo tài khoản " + username);
        return id;
    }

    boolean literacyAccess(long id) {
        return accounts.literacyAccess(id);
    }

    /** The literacy permission (person-level register data); takes effect at the user's next sign-in. */
    void setLiteracyAccess(CurrentUser admin, long id, boolean access) {
        UserAccount a = get(admin, id);
        boolean before = accounts.literacyAccess(id);
        if (before != access) {
            accounts.setLiteracyAccess(id, access);
            audit.change(AuditAction.UPDATE, "AppUser", id, a.unitId(), Map.of("literacyAccess", before),
                    Map.of("literacyAccess", access), "Quyền dữ liệu xóa mù chữ của " + a.username());
        }
    }

    void update(CurrentUser admin, long id, UserForm f) {
        UserAccount before = get(admin, id);
        List<Violation> v = new ArrayList<>();
        checkCommon(admin, f, v);
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        if (before.id() == admin.userId() && (!f.enabled() || f.role() != Role.SYSTEM_ADMIN)) {
            throw new InvalidInputProblem("enabled", "user.cannotDemoteSelf");
        }
        int n = accounts.update(id, f.version() == null ? -1 : f.version(), f.fullName().strip(), Texts.orNull(f.email()),
                f.role(), f.unitId(), f.enabled());
        if (n == 0) {
            throw new ConcurrentEditProblem("AppUser " + id);
        }
        audit.change(AuditAction.UPDATE, "AppUser", id, f.unitId(), snapshot(before), snapshot(accounts.find(id).orElseThrow()),
                "Sửa tài khoản " + before.username());
    }

    void resetPassword(CurrentUser admin, long id, String newPassword) {
        UserAccount a = get(admin, id);
        String pw = PasswordPolicy.problem(a.username(), newPassword);
        if (pw != null) {
            throw new InvalidInputProblem("password", pw, PasswordPolicy.MIN_LENGTH);
        }
        accounts.setPassword(id, encoder.encode(newPassword), true);
        sessions.endOthers(a.username());
        audit.change(AuditAction.UPDATE, "AppUser", id, a.unitId(), null, Map.of("passwordReset", true),
                "Đặt lại mật khẩu " + a.username());
    }

    /** A user changes its own password (the current one must be right). */
    void changeOwnPassword(CurrentUser user, String current, String next, String confirm) {
        XhhtPrincipal p = accounts.principal(user.username()).orElseThrow();
        if (current == null || !encoder.matches(current, p.getPassword())) {
            throw new InvalidInputProblem("currentPassword", "password.currentWrong");
        }
        String problem = PasswordPolicy.problem(user.username(), next);
        if (problem != null) {
            throw new InvalidInputProblem("newPassword", problem, PasswordPolicy.MIN_LENGTH);
        }
        if (!next.equals(confirm)) {
            throw new InvalidInputProblem("confirmPassword", "password.mismatch");
        }
        if (encoder.matches(next, p.getPassword())) {
            throw new InvalidInputProblem("newPassword", "password.sameAsOld");
        }
        accounts.setPassword(user.userId(), encoder.encode(next), false);
        sessions.endOthers(user.username());
        audit.change(AuditAction.UPDATE, "AppUser", user.userId(), user.unitId(), null, Map.of("passwordChanged", true),
                "Đổi mật khẩu");
    }

    private void checkCommon(CurrentUser admin, UserForm f, List<Violation> v) {
        if (f.fullName() == null || f.fullName().isBlank()) {
            v.add(new Violation("fullName", "user.fullName.required"));
        } else if (f.fullName().strip().length() > TextLimits.APP_USER__FULL_NAME) {
            v.add(new Violation("fullName", "user.fullName.tooLong"));
        }
        InputRules.maxLength(v, "email", f.email(), TextLimits.APP_USER__EMAIL);
        if (f.email() != null && !f.email().isBlank() && !f.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            v.add(new Violation("email", "user.email.invalid"));
        }
        if (f.role() == null) {
            v.add(new Violation("role", "user.role.required"));
        }
        if (f.unitId() == null || units.find(f.unitId()).isEmpty()) {
            v.add(new Violation("unitId", "user.unit.required"));
        } else if (!units.canWrite(admin, f.unitId())) {
            v.add(new Violation("unitId", "user.unit.outOfScope"));
        }
    }

    private static void requireAdmin(CurrentUser user) {
        if (user.role() != Role.SYSTEM_ADMIN) {
            throw new AccessDeniedProblem("error.adminOnly");
        }
    }


    static Map<String, Object> snapshot(UserAccount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("fullName", a.fullName());
        m.put("email", a.email());
        m.put("role", a.role().name());
        m.put("unitId", a.unitId());
        m.put("unitName", a.unitName());
        m.put("enabled", a.enabled());
        m.put("version", a.version());
        return m;
    }
}
