package vn.xhht.reporting;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.orgunit.Succession;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Role;

/**
 * Periods and due dates of reports: a period code read against its template, the unit that reports for a period (or the
 * one it wholly succeeded), the due date by the template's rule unless the province moved it, and moving it.
 */
@Service
@Transactional
public class ReportDeadlines {

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final ReviewWorkflow reviews;
    private final AuditTrail audit;
    private final TemplateCatalog templates;

    ReportDeadlines(JdbcClient jdbc, OrgUnitDirectory units, ReviewWorkflow reviews, AuditTrail audit, TemplateCatalog templates) {
        this.jdbc = jdbc;
        this.units = units;
        this.reviews = reviews;
        this.audit = audit;
        this.templates = templates;
    }

    public ReportPeriod period(ReportTemplate t, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputProblem("period", "report.period.required");
        }
        return ReportPeriods.parse(t, code).orElseThrow(() -> new InvalidInputProblem("period", "report.period.invalid",
                code, t.title()));
    }

    /** The unit that reports for the period: the unit itself, or the one it wholly succeeded if it did not exist yet. */
    OrgUnit unitForPeriod(OrgUnit unit, ReportPeriod p) {
        if (unit.validOn(p.to())) {
            return unit;
        }
        for (Succession s : units.predecessors(unit.id())) {
            OrgUnit pre = s.unit();
            if (s.coverage() == Succession.Coverage.FULL && pre.validOn(p.to()) && pre.level() == unit.level()) {
                return pre;
            }
        }
        throw new InvalidInputProblem("unitId", "report.unit.notValid", unit.name(), p.label());
    }

    /** The due date: the province's override for that period, else the template's rule. */
    @Transactional(readOnly = true)
    public LocalDate dueDate(ReportTemplate t, ReportPeriod p, Long provinceId) {
        if (provinceId != null) {
            Optional<LocalDate> o = jdbc.sql("select due_date from report_due_override where template_code = :t and period_code = :p and province_id = :pr")
                    .param("t", t.code()).param("p", p.code()).param("pr", provinceId).query(LocalDate.class).optional();
            if (o.isPresent()) {
                return o.get();
            }
        }
        return ReportPeriods.due(t.dueRule(), p);
    }

    /** A province sets the due date of a period for its units (per year, data). */
    public void overrideDueDate(CurrentUser user, String templateCode, String periodCode, long provinceId, LocalDate due) {
        ReportTemplate t = templates.require(templateCode);
        ReportPeriod p = period(t, periodCode);
        OrgUnit province = units.require(provinceId);
        if (province.level() != OrgUnit.PROVINCE || !units.canWrite(user, provinceId)
                || !(user.role() == Role.SYSTEM_ADMIN || user.role() == Role.PROVINCE_OFFICER)) {
            throw new AccessDeniedProblem("report.cannotSetDue");
        }
        if (due == null) {
            throw new InvalidInputProblem("dueDate", "report.due.required");
        }
        if (due.isBefore(p.from()) || due.isAfter(p.to().plusYears(1))) {
            throw new InvalidInputProblem("dueDate", "report.due.range");
        }
        LocalDate before = dueDate(t, p, provinceId);
        jdbc.sql("""
                insert into report_due_override (template_code, period_code, province_id, due_date, set_by) values (:t, :p, :pr, :d, :u)
                on conflict (template_code, period_code, province_id) do update set due_date = excluded.due_date, set_by = excluded.set_by, set_at = now()
                """).param("t", t.code()).param("p", p.code()).param("pr", provinceId).param("d", due).param("u", user.username()).update();
        reviews.setDueDate(ReportService.SUBJECT, jdbc.sql("select id from report where template_code = :t and period_code = :p and province_id = :pr")
                .param("t", t.code()).param("p", p.code()).param("pr", provinceId).query(Long.class).list(), due, false);
        audit.change(AuditAction.UPDATE, "ReportDueDate", t.code() + "/" + p.code(), provinceId, Map.of("dueDate", before.toString()),
                Map.of("dueDate", due.toString()), "Hạn nộp " + t.title() + " " + p.label());
    }
}
