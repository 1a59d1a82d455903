package vn.xhht.shared;

/**
 * The signed-in user as other modules see it: who, which role, which unit bounds its access.
 * Implemented by the identity module's principal.
 */
public interface CurrentUser {
    long userId();

    String username();

    String fullName();

    Role role();

    long unitId();

    default boolean isAdmin() {
        return role() == Role.SYSTEM_ADMIN;
    }
}
