/**
 * Evidence files (minh chứng) of any module: photos, attendance sheets, scans. Checked for type (by content,
 * not by name) and size, stored in the database, served only to users whose area contains the owning unit.
 * API: {@link vn.xhht.evidence.EvidenceStore}, {@link vn.xhht.evidence.EvidenceFile}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence files",
        allowedDependencies = {"audit::api", "document::api", "orgunit::api", "shared"})
package vn.xhht.evidence;
