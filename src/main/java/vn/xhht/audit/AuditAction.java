package vn.xhht.audit;

@org.springframework.modulith.NamedInterface("api")
public enum AuditAction {
    CREATE, UPDATE, DELETE, READ, EXPORT, LOGIN, LOGOUT, LOGIN_FAILED
}
