package vn.xhht.audit;

public enum AuditAction {
    CREATE, UPDATE, DELETE, READ, EXPORT, LOGIN, LOGOUT, LOGIN_FAILED
}
