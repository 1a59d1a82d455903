/**
 * Periodic reporting (R28–R32, R11): report templates as data, periods and due dates, reports pre-filled from
 * every {@link vn.xhht.shared.ReportFigureSource} bean (never from a named data module), review through the shared
 * workflow, roll-up of approved reports along the structure valid for the period, the completeness board,
 * exports and dashboards.
 * API: {@link vn.xhht.reporting.ReportService} (lifecycle), {@link vn.xhht.reporting.ReportEntry} (typed values),
 * {@link vn.xhht.reporting.ReportRollup} (pre-fill and roll-up), {@link vn.xhht.reporting.ReportListing},
 * {@link vn.xhht.reporting.ReportDeadlines}, {@link vn.xhht.reporting.TemplateCatalog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Periodic reporting",
        allowedDependencies = {"audit::api", "document::api", "evidence::api", "identity::api", "orgunit::api", "platform::api", "review::api", "shared"})
package vn.xhht.reporting;
