package vn.xhht.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;

/**
 * Lock-out after repeated wrong passwords, counted in the database so every instance sees the same count
 * (form login and HTTP Basic alike).
 */
@Component
class LoginThrottle {

    private final UserAccountRepository accounts;
    private final AuditTrail audit;
    private final int maxAttempts;
    private final int lockMinutes;

    LoginThrottle(UserAccountRepository accounts, AuditTrail audit,
                  @Value("${xhht.login.max-attempts:5}") int maxAttempts,
                  @Value("${xhht.login.lock-minutes:15}") int lockMinutes) {
        this.accounts = accounts;
        this.audit = audit;
        this.maxAttempts = maxAttempts;
        this.lockMinutes = lockMinutes;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        accounts.recordFailure(name, maxAttempts, lockMinutes);
        audit.event(AuditAction.LOGIN_FAILED, name.length() > 64 ? name.substring(0, 64) : name, "AppUser", null,
                "Sai tên đăng nhập hoặc mật khẩu");
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        accounts.recordSuccess(event.getAuthentication().getName());
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
    }
}
