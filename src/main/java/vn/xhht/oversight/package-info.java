/**
 * Oversight of out-of-school education establishments (R33, R34): the registry of foreign-language and IT centres,
 * other continuing-education centres, extra-teaching establishments and study-abroad consultants with their acts;
 * inspections of establishments and of community learning centres with findings, violations from an effective-dated
 * catalogue, remedies and sanction decisions; the public list of licensed and sanctioned establishments.
 * Who licenses what, fines, thresholds and check items are data with their legal basis and certainty.
 * API: {@link vn.xhht.oversight.Establishment}, {@link vn.xhht.oversight.EstablishmentRegistry},
 * {@link vn.xhht.oversight.Inspections}, {@link vn.xhht.oversight.OversightRules}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Oversight of out-of-school education",
        allowedDependencies = {"audit::api", "calendar::api", "centre::api", "document::api", "evidence::api", "orgunit::api", "platform::api", "reporting::api", "review::api", "shared"})
package vn.xhht.oversight;
