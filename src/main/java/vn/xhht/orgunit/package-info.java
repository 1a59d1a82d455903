/**
 * Administrative units over time (R1): nation → province → district (until 30/06/2025) → commune →
 * hamlet / residential group, each valid over a period, with the successor links of the 2025 reform, and
 * the area-based access rule (R3): a user reads and writes within the subtree of its unit; it also reads the
 * history of the units its unit succeeded.
 *
 * <p>API: {@link vn.xhht.orgunit.OrgUnit}, {@link vn.xhht.orgunit.OrgUnitDirectory}. Everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Administrative units",
        allowedDependencies = {"audit::api", "document::api", "platform::api", "shared"})
package vn.xhht.orgunit;
