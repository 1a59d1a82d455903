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

    /** May see person-level data of the literacy register (quyền xem dữ liệu cá nhân xóa mù chữ). */
    default boolean literacyAccess() {
        return false;
    }

    default boolean isAdmin() {
        return role() == Role.SYSTEM_ADMIN;
    }
}
