package vn.xhht.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.platform.HomeAlert;
import vn.xhht.platform.HomeAlertSource;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/**
 * Home-page notices of the user's own unit: reminders sent from the completeness board, and reports due within two
 * weeks or overdue (up to 60 days) that it has not submitted.
 */
@Component
class ReportAlerts implements HomeAlertSource {

    private final JdbcClient jdbc;
    private final TemplateCatalog templates;
    private final OrgUnitDirectory units;
    private final ReportDeadlines deadlines;
    private final ReportListing listing;

    ReportAlerts(JdbcClient jdbc, TemplateCatalog templates, OrgUnitDirectory units, ReportDeadlines deadlines, ReportListing listing) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.units = units;
        this.deadlines = deadlines;
        this.listing = listing;
    }

    @Override
    public List<HomeAlert> alertsFor(CurrentUser user, LocalDate today) {
        if (!ReportService.WRITERS.contains(user.role()) || user.role() == Role.SYSTEM_ADMIN) {
            return List.of();
        }
        OrgUnit unit = units.require(user.unitId());
        List<HomeAlert> alerts = new ArrayList<>();
        if (user.role() == Role.PROVINCE_OFFICER || user.role() == Role.DISTRICT_OFFICER) {
            long waiting = jdbc.sql("select count(*) from xhht_review where subject_type = 'Report' and reviewer_unit_id = :u and status = 'SUBMITTED'")
                    .param("u", unit.id()).query(Long.class).single();
            if (waiting > 0) {
                alerts.add(new HomeAlert(HomeAlert.Severity.INFO, "report.alert.toReview", List.of(waiting), "/reports"));
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        jdbc.sql("""
                select m.template_code, m.period_code, max(m.sent_at) as sent_at
                from report_reminder m
                left join report r on r.template_code = m.template_code and r.period_code = m.period_code and r.unit_id = m.unit_id
                left join xhht_review s on s.subject_type = 'Report' and s.subject_id = r.id
                where m.unit_id = :u and m.sent_at > now() - interval '90 days' and (s.status is null or s.status in ('DRAFT', 'RETURNED'))
                group by m.template_code, m.period_code order by 3 desc limit 10
                """).param("u", unit.id()).query((java.sql.ResultSet rs) -> {
            String periodCode = rs.getString("period_code");
            templates.find(rs.getString("template_code")).ifPresent(t -> ReportPeriods.parse(t, periodCode).ifPresent(p -> {
                seen.add(t.code() + "/" + p.code());
                LocalDate due = deadlines.dueDate(t, p, unit.provinceId());
                alerts.add(new HomeAlert(HomeAlert.Severity.OVERDUE, "report.alert.reminded", List.of(t.title(), p.label(), format(due)),
                        "/reports?templateCode=" + t.code() + "&period=" + p.code()));
            }));
        });
        for (ReportTemplate t : templates.all()) {
            for (int y = today.getYear() - 1; y <= today.getYear(); y++) {
                for (ReportPeriod p : ReportPeriods.periods(t, y)) {
                    if (seen.contains(t.code() + "/" + p.code()) || t.submittingLevel(p.to()).orElse(-1) != unit.level() || !unit.validOn(p.to())) {
                        continue;
                    }
                    LocalDate due = deadlines.dueDate(t, p, unit.provinceId());
                    if (due.isAfter(today.plusDays(14)) || due.isBefore(today.minusDays(60)) || p.from().isAfter(today)) {
                        continue;
                    }
                    String status = listing.find(t.code(), p.code(), unit.id()).flatMap(id -> jdbc.sql(
                            "select status from xhht_review where subject_type = 'Report' and subject_id = :id").param("id", id).query(String.class).optional())
                            .orElse(null);
                    if (status == null || status.equals("DRAFT") || status.equals("RETURNED")) {
                        boolean overdue = vn.xhht.review.Review.late(due, null, today);
                        alerts.add(new HomeAlert(overdue ? HomeAlert.Severity.OVERDUE : HomeAlert.Severity.WARNING,
                                overdue ? "report.alert.overdue" : "report.alert.due", List.of(t.title(), p.label(), format(due)),
                                "/reports?templateCode=" + t.code() + "&period=" + p.code()));
                    }
                }
            }
        }
        return alerts;
    }

    private static String format(LocalDate d) {
        return d.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
