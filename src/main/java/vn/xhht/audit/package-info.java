/**
 * Audit trail (nhật ký kiểm tra): every change to business data (who, when, what, before/after) and every
 * read or export of personal data. Append-only in the database. API: {@link vn.xhht.audit.AuditTrail}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail", allowedDependencies = {"platform::api", "shared"})
package vn.xhht.audit;
