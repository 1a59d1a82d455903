/**
 * Register of legal documents (R41): type, number and symbol, date, issuer, effective period and how sure
 * we are of each figure. Plans, evaluation frameworks and decisions cite these records.
 * API: {@link vn.xhht.legaldoc.LegalDocument}, {@link vn.xhht.legaldoc.LegalDocumentRegister}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Legal documents",
        allowedDependencies = {"audit::api", "orgunit::api", "platform::api", "shared"})
package vn.xhht.legaldoc;
