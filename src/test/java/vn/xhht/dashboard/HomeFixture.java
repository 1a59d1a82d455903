package vn.xhht.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.evaluation.Evaluation;
import vn.xhht.evaluation.EvaluationService;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.plan.Plan;
import vn.xhht.plan.PlanService;
import vn.xhht.reporting.Report;
import vn.xhht.reporting.ReportDeadlines;
import vn.xhht.reporting.ReportEntry;
import vn.xhht.reporting.ReportService;
import vn.xhht.support.TestUsers;

/** Work waiting in the demo province, through the modules' services, for the home tests (page and browser). */
public final class HomeFixture {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final JdbcClient jdbc;
    private final ReportService reports;
    private final ReportEntry entry;
    private final ReportDeadlines deadlines;
    private final PlanService plans;
    private final EvaluationService evaluations;

    public HomeFixture(JdbcClient jdbc, ReportService reports, ReportEntry entry, ReportDeadlines deadlines, PlanService plans,
                       EvaluationService evaluations) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.entry = entry;
        this.deadlines = deadlines;
        this.plans = plans;
        this.evaluations = evaluations;
    }

    public long canYen;
    public long caoBang;
    final List<Long> reportIds = new ArrayList<>();
    final List<Long> planIds = new ArrayList<>();
    final List<Long> evaluationIds = new ArrayList<>();
    Long campaignId;

    private void deletePlan(long id) {
        jdbc.sql("delete from review_event where subject_type = 'Plan' and subject_id = :id").param("id", id).update();
        jdbc.sql("delete from review_state where subject_type = 'Plan' and subject_id = :id").param("id", id).update();
        jdbc.sql("delete from plan_row where plan_id = :id").param("id", id).update();
        jdbc.sql("delete from plan_target where plan_id = :id").param("id", id).update();
        jdbc.sql("delete from plan where id = :id").param("id", id).update();
    }

    /** Removes what {@link #create()} made (other tests share the demo units). */
    public void clean() {
        for (long id : reportIds) {
            jdbc.sql("delete from review_event where subject_type = 'Report' and subject_id = :id").param("id", id).update();
            jdbc.sql("delete from review_state where subject_type = 'Report' and subject_id = :id").param("id", id).update();
            jdbc.sql("delete from report_value where report_id = :id").param("id", id).update();
            jdbc.sql("delete from report where id = :id").param("id", id).update();
        }
        for (long id : planIds) {
            deletePlan(id);
        }
        for (long id : evaluationIds) {
            for (String t : new String[]{"evaluation_event", "evaluation_score", "eval_dossier_document", "eval_check_member"}) {
                jdbc.sql("delete from " + t + " where evaluation_id = :id").param("id", id).update();
            }
            jdbc.sql("delete from evaluation where id = :id").param("id", id).update();
        }
        if (campaignId != null) {
            jdbc.sql("delete from eval_campaign where id = :id").param("id", campaignId).update();
        }
        jdbc.sql("delete from report_reminder where sent_by = 'test-home'").update();
        jdbc.sql("delete from report_due_override where set_by = 'so.caobang' and province_id = :p").param("p", caoBang).update();
    }

    /**
     * Puts every kind of home alert into the demo province: a report submitted by Xã Cần Yên waiting for the
     * province, a report overdue and one coming due (deadlines set by the province), a reminder, a dossier overdue
     * and one due within days, and a plan for next year waiting for approval.
     */
    public void create() {
        var xa = TestUsers.load(jdbc, "xa.canyen");
        var so = TestUsers.load(jdbc, "so.caobang");
        canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        int year = TODAY.getYear();
        String quarter = year + "Q" + ((TODAY.getMonthValue() - 1) / 3 + 1);
        String lastQuarter = TODAY.getMonthValue() <= 3 ? (year - 1) + "Q4" : year + "Q" + ((TODAY.getMonthValue() - 1) / 3);

        // submitted as xa.canyen: waits for the province ({0,number,#} of report.alert.toReview)
        vn.xhht.support.SharedPeriods.freeReport(jdbc, "centre-quarterly", lastQuarter, canYen);
        Report r = reports.create(xa, "centre-quarterly", lastQuarter, canYen);
        reportIds.add(r.id());
        r = entry.saveValues(xa, r.id(), r.version(), Map.of("results", "Tổ chức 3 chuyên đề.", "difficulties", "Kinh phí hạn hẹp."), Map.of());
        reports.submit(xa, r.id());
        // the current quarter overdue, the year's report due in 5 days, a reminder for the first quarter
        deadlines.overrideDueDate(so, "centre-quarterly", quarter, caoBang, TODAY.minusDays(2).isBefore(TODAY.withDayOfMonth(1).withMonth(((TODAY.getMonthValue() - 1) / 3) * 3 + 1))
                ? TODAY : TODAY.minusDays(2));
        deadlines.overrideDueDate(so, "centre-annual", String.valueOf(year), caoBang, TODAY.plusDays(5));
        jdbc.sql("insert into report_reminder (template_code, period_code, unit_id, sent_by) values ('centre-quarterly', :p, :u, 'test-home')")
                .param("p", year + "Q1").param("u", canYen).update();

        // a dossier of last year never submitted (tt25: due 28/02 of the next year), one of this year due in 3 days
        // other tests of the shared context may have left Cần Yên's dossier of these years (one per year is allowed)
        for (Long stale : jdbc.sql("select e.id from evaluation e join eval_framework_version v on v.id = e.framework_version_id"
                        + " where v.code = 'tt25-2023-commune' and e.subject_unit_id = :u and e.eval_year in (:a, :b)")
                .param("u", canYen).param("a", year - 1).param("b", year).query(Long.class).list()) {
            jdbc.sql("update award set evaluation_id = null where evaluation_id = :id").param("id", stale).update();
            for (String t : new String[]{"evaluation_event", "evaluation_score", "eval_dossier_document", "eval_check_member"}) {
                jdbc.sql("delete from " + t + " where evaluation_id = :id").param("id", stale).update();
            }
            jdbc.sql("delete from evaluation where id = :id").param("id", stale).update();
        }
        Evaluation late = evaluations.create(xa, "tt25-2023-commune", canYen, null, year - 1, null);
        evaluationIds.add(late.id());
        Evaluation soon = evaluations.create(xa, "tt25-2023-commune", canYen, null, year, null);
        evaluationIds.add(soon.id());
        campaignId = jdbc.sql("""
                insert into eval_campaign (owner_unit_id, province_id, framework_version_id, eval_year, title, dossier_due, decision_due)
                values (:p, :p, :v, :y, 'Đợt đánh giá thử', :d, :dd) returning id
                """).param("p", caoBang).param("v", soon.frameworkVersionId()).param("y", year).param("d", TODAY.plusDays(3))
                .param("dd", TODAY.plusDays(40)).query(Long.class).single();
        jdbc.sql("update evaluation set campaign_id = :c where id = :id").param("c", campaignId).param("id", soon.id()).update();

        // next year's plan submitted: waits for the province
        // another test of the shared context may have left Cần Yên's plan of next year (one per year is allowed)
        for (Long stale : jdbc.sql("select id from plan where owner_unit_id = :u and plan_year = :y")
                .param("u", canYen).param("y", year + 1).query(Long.class).list()) {
            deletePlan(stale);
        }
        Plan plan = plans.create(xa, canYen, year + 1, false);
        planIds.add(plan.id());
        plans.addRow(xa, plan.id(), plan.yearKind().equals("SCHOOL") ? LocalDate.of(year + 1, 10, 1) : LocalDate.of(year + 1, 3, 1),
                "Chuyên đề phòng chống lừa đảo qua mạng", "TTHTCĐ", null, null);
        plans.submit(xa, plan.id());
    }

}
