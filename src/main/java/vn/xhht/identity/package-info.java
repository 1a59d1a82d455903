/**
 * Accounts and access (R3): users with one role and one assigned unit, form login and HTTP Basic,
 * Argon2 password hashes, lock-out after repeated failures, the administrator's user pages, demo accounts
 * in demo mode and the first administrator from configuration otherwise.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = {"audit::api", "document::api", "orgunit::api", "platform::api", "shared"})
package vn.xhht.identity;
