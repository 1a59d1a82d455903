package vn.xhht.identity;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.platform.ClientAddress;

/**
 * Lock-out after repeated wrong passwords, counted in the database so every instance sees the same count (form
 * login and HTTP Basic alike). Counted per (user name, client address): someone guessing from one address
 * locks the name for that address only and the owner still signs in from elsewhere. Unknown names are counted
 * exactly like existing ones, so the lock tells nothing about which names exist. Per client address as well:
 * one address cannot spray guesses over many names.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final UserAccountRepository accounts;
    private final AuditTrail audit;
    private final int maxAttempts;
    private final int lockMinutes;
    private final int maxPerAddress;

    LoginThrottle(JdbcClient jdbc, UserAccountRepository accounts, AuditTrail audit,
                  @Value("${xhht.login.max-attempts:5}") int maxAttempts,
                  @Value("${xhht.login.lock-minutes:15}") int lockMinutes,
                  @Value("${xhht.login.max-failures-per-address:30}") int maxPerAddress) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.maxAttempts = maxAttempts;
        this.lockMinutes = lockMinutes;
        this.maxPerAddress = maxPerAddress;
    }

    /** Whether logins of this name from this address are refused for now (the credentials are not checked). */
    boolean blocked(String username, String address) {
        return jdbc.sql("select exists (select 1 from login_failure where key in (:u, :a) and locked_until > now())")
                .param("u", nameKey(username, address)).param("a", addressKey(address)).query(Boolean.class).single();
    }

    void recordFailure(String username, String address) {
        count(nameKey(username, address), maxAttempts);
        count(addressKey(address), maxPerAddress);
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        recordFailure(name, ClientAddress.current());
        audit.event(AuditAction.LOGIN_FAILED, name.length() > 64 ? name.substring(0, 64) : name, "AppUser", null,
                "Sai tên đăng nhập hoặc mật khẩu");
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        jdbc.sql("delete from login_failure where key = :k").param("k", nameKey(name, ClientAddress.current())).update();
        accounts.recordSuccess(name);
    }

    @EventListener
    void onInteractiveLogin(InteractiveAuthenticationSuccessEvent event) {
        accounts.touchLogin(event.getAuthentication().getName());
        audit.event(AuditAction.LOGIN, event.getAuthentication().getName(), "AppUser", null, "Đăng nhập");
    }

    /** Housekeeping; with several instances only one runs it (database lock). */
    @Scheduled(cron = "${xhht.login.cleanup-cron:0 */15 * * * *}")
    @SchedulerLock(name = "login-lock-cleanup", lockAtMostFor = "PT5M")
    void clearExpiredLocks() {
        accounts.clearExpiredLocks();
        jdbc.sql("""
                delete from login_failure where updated_at < now() - make_interval(mins => :m)
                   and (locked_until is null or locked_until < now())
                """).param("m", lockMinutes).update();
    }

    /**
     * One more failure under a key; the count restarts after a quiet period as long as the lock, and reaching
     * the maximum locks the key for that long.
     */
    private void count(String key, int max) {
        jdbc.sql("""
                insert into login_failure as f (key, failures, locked_until, updated_at)
                values (:k, 1, case when 1 >= :max then now() + make_interval(mins => :m) end, now())
                on conflict (key) do update set
                    failures = case when f.updated_at < now() - make_interval(mins => :m) or f.locked_until <= now()
                                    then 1 else f.failures + 1 end,
                    locked_until = case when (case when f.updated_at < now() - make_interval(mins => :m) or f.locked_until <= now()
                                                   then 1 else f.failures + 1 end) >= :max
                                        then now() + make_interval(mins => :m)
                                        when f.locked_until <= now() then null else f.locked_until end,
                    updated_at = now()
                """).param("k", key).param("max", max).param("m", lockMinutes).update();
    }

    private static String nameKey(String username, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        return "u:" + name + "|" + (address == null ? "-" : address);
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "-" : address);
    }
}
