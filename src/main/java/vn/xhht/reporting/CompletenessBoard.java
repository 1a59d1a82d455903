package vn.xhht.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.review.Review;
import vn.xhht.review.SubmissionBoard;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Role;

/**
 * Who has reported (R28–R30): every unit that must submit the template for the period within the subtree of a unit
 * (the structure valid at the end of the period, including the units it wholly succeeded), with on time / late /
 * missing / returned / approved, counted by the database; and reminders to the missing ones.
 */
@Service
@Transactional
public class CompletenessBoard {

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final TemplateCatalog templates;
    private final ReportDeadlines deadlines;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final SubmissionBoard submissions;

    CompletenessBoard(JdbcClient jdbc, OrgUnitDirectory units, TemplateCatalog templates, ReportDeadlines deadlines, AuditTrail audit,
                      ApplicationEventPublisher events, SubmissionBoard submissions) {
        this.jdbc = jdbc;
        this.units = units;
        this.templates = templates;
        this.deadlines = deadlines;
        this.audit = audit;
        this.events = events;
        this.submissions = submissions;
    }

    /** A unit's line: its report (if any), status, due date and standing. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReportCompletenessLine")
    public record Line(long unitId, String unitName, String parentName, Long reportId, Review.Status status, OffsetDateTime submittedAt,
                       LocalDate dueDate, String standing) {
    }

    public record Counts(long expected, long onTime, long late, long missing, long approved, long returned, long notDue) {
    }

    public record Board(ReportTemplate template, ReportPeriod period, OrgUnit unit, LocalDate dueDate, Counts counts, List<Line> lines) {
    }

    @Transactional(readOnly = true)
    public Board board(CurrentUser user, String templateCode, String periodCode, Long unitId, LocalDate today) {
        ReportTemplate t = templates.require(templateCode);
        ReportPeriod p = deadlines.period(t, periodCode);
        OrgUnit unit = units.requireReadable(user, unitId == null ? user.unitId() : unitId);
        int level = t.submittingLevel(p.to()).orElseThrow(() -> new InvalidInputProblem("period", "report.period.noLevel", p.label()));
        LocalDate defaultDue = ReportPeriods.due(t.dueRule(), p);
        record Row(long unitId, String name, String parentName, Long reportId, LocalDate due) {
        }
        // who must submit is reporting's; where each stands, and whether late, is review's one rule
        List<Row> rows = jdbc.sql("""
                select u.id, u.name, pu.name as parent_name, r.id as report_id,
                       coalesce(o.due_date, :due) as due_date
                from xhht_unit u
                left join xhht_unit pu on pu.id = u.parent_id
                left join report r on r.unit_id = u.id and r.template_code = :t and r.period_code = :p
                left join report_due_override o on o.template_code = :t and o.period_code = :p and o.province_id = u.province_id
                where u.level = :level
                  and (u.valid_from is null or u.valid_from <= :to) and (u.valid_to is null or u.valid_to >= :to)
                  and u.id in (select id from xhht_rollup_scope(:unit))
                order by pu.name, u.name
                """).param("unit", unit.id()).param("due", defaultDue).param("t", t.code()).param("p", p.code())
                .param("level", level).param("to", p.to())
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("parent_name"),
                        rs.getObject("report_id", Long.class), rs.getObject("due_date", LocalDate.class))).list();
        List<SubmissionBoard.Entry> entries = submissions.entries("Report",
                rows.stream().map(r -> new SubmissionBoard.Expected(r.unitId(), r.reportId(), r.due())).toList(), SubmissionBoard.DueFrom.GIVEN, today);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            SubmissionBoard.Entry e = entries.get(i);
            lines.add(new Line(r.unitId(), r.name(), r.parentName(), r.reportId(), e.status(), e.submittedAt(), e.dueDate(), e.standing().name()));
        }
        SubmissionBoard.Counts sc = SubmissionBoard.count(entries);
        Counts counts = new Counts(sc.expected(), sc.onTime(), sc.late(), sc.missing(), sc.approved(), sc.returned(), sc.notDue());
        LocalDate due = unit.provinceId() != null || unit.level() == OrgUnit.PROVINCE
                ? deadlines.dueDate(t, p, unit.provinceId() == null ? unit.id() : unit.provinceId()) : defaultDue;
        return new Board(t, p, unit, due, counts, lines);
    }

    /**
     * Reminds the units that have not submitted (or were returned): a notice on their home page and, where an SMTP
     * server is configured, an e-mail to their accounts once the reminder committed ({@link ReportReminderSent}).
     * Returns how many units were reminded.
     */
    public int remind(CurrentUser user, String templateCode, String periodCode, long unitId, LocalDate today) {
        if (!(user.role() == Role.SYSTEM_ADMIN || user.role() == Role.PROVINCE_OFFICER || user.role() == Role.DISTRICT_OFFICER)
                || !units.canWrite(user, unitId)) {
            throw new AccessDeniedProblem("report.cannotRemind");
        }
        Board b = board(user, templateCode, periodCode, unitId, today);
        int n = 0;
        for (Line l : b.lines()) {
            if (l.status() == null || l.status() == Review.Status.DRAFT || l.status() == Review.Status.RETURNED) {
                long reminder = jdbc.sql("""
                        insert into report_reminder (template_code, period_code, unit_id, sent_by) values (:t, :p, :u, :by) returning id
                        """)
                        .param("t", b.template().code()).param("p", b.period().code()).param("u", l.unitId()).param("by", user.username())
                        .query(Long.class).single();
                // the e-mail goes after this commits (ReportReminderMail), never inside the officer's transaction
                events.publishEvent(new ReportReminderSent(reminder, l.unitId(), b.template().code(), b.period().code(), l.dueDate()));
                n++;
            }
        }
        audit.change(AuditAction.CREATE, "ReportReminder", b.template().code() + "/" + b.period().code(), unitId, null,
                Map.of("units", n), "Nhắc nộp " + b.template().title() + " " + b.period().label());
        return n;
    }
}
