package vn.xhht.identity;

import java.time.Instant;

import vn.xhht.shared.Role;

/** An account as the administrator sees it. */
record UserAccount(long id, String username, String fullName, String email, Role role, long unitId,
                   String unitName, String unitCode, boolean enabled, boolean mustChangePassword,
                   int failedAttempts, Instant lockedUntil, Instant lastLoginAt, boolean demo, long version) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
