package vn.xhht.reporting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.reporting.ReportTemplate.Field;
import vn.xhht.review.Review;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.InvalidInputProblem.Violation;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Role;

import static vn.xhht.reporting.ReportRules.checkRules;
import static vn.xhht.reporting.ReportRules.value;

/**
 * Reports through their life: created and pre-filled ({@link ReportRollup}), edited ({@link ReportEntry}), submitted,
 * reviewed through the shared {@link ReviewWorkflow}, approved (locked) and reopened with a reason; who may do what.
 * Periods and due dates are {@link ReportDeadlines}, lists {@link ReportListing}, exports {@link ReportDocuments}.
 */
@Service
@Transactional
public class ReportService {

    public static final String SUBJECT = "Report";
    static final Set<Role> WRITERS = Set.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER, Role.COMMUNE_OFFICER,
            Role.TTGDNN_STAFF);

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final ReviewWorkflow reviews;
    private final AuditTrail audit;
    private final TemplateCatalog templates;
    private final ReportDeadlines deadlines;
    private final ReportListing listing;
    private final ReportRollup rollup;

    ReportService(JdbcClient jdbc, OrgUnitDirectory units, ReviewWorkflow reviews, AuditTrail audit, TemplateCatalog templates,
                  ReportDeadlines deadlines, ReportListing listing, ReportRollup rollup) {
        this.jdbc = jdbc;
        this.units = units;
        this.reviews = reviews;
        this.audit = audit;
        this.templates = templates;
        this.deadlines = deadlines;
        this.listing = listing;
        this.rollup = rollup;
    }

    public Report create(CurrentUser user, String templateCode, String periodCode, Long unitId) {
        ReportTemplate t = templates.require(templateCode);
        ReportPeriod p = deadlines.period(t, periodCode);
        if (unitId == null) {
            throw new InvalidInputProblem("unitId", "report.unit.required");
        }
        OrgUnit unit = deadlines.unitForPeriod(units.require(unitId), p);
        if (!units.canWrite(user, unit.id()) || !WRITERS.contains(user.role())) {
            throw new AccessDeniedProblem("report.cannotEdit");
        }
        int submitting = t.submittingLevel(p.to()).orElseThrow(() -> new InvalidInputProblem("period", "report.period.noLevel", p.label()));
        boolean aggregate;
        if (unit.level() == submitting) {
            aggregate = false;
        } else if (unit.level() < submitting && unit.level() >= OrgUnit.PROVINCE) {
            aggregate = true;
        } else {
            throw new InvalidInputProblem("unitId", "report.unit.level", unit.name());
        }
        if (listing.find(t.code(), p.code(), unit.id()).isPresent()) {
            throw new InvalidInputProblem("period", "report.exists", p.label(), unit.name());
        }
        long province = unit.provinceId() == null ? unit.id() : unit.provinceId();
        long reviewer = reviewerOf(t, unit);
        long id = jdbc.sql("""
                insert into report (template_code, period_code, unit_id, province_id, period_from, period_to, aggregate, created_by)
                values (:t, :p, :u, :pr, :f, :to, :a, :by) returning id
                """).param("t", t.code()).param("p", p.code()).param("u", unit.id()).param("pr", province).param("f", p.from())
                .param("to", p.to()).param("a", aggregate).param("by", user.username()).query(Long.class).single();
        reviews.open(user, SUBJECT, id, unit.id(), reviewer, deadlines.dueDate(t, p, province));
        for (Field f : t.fields()) {
            jdbc.sql("insert into report_value (report_id, field_code) values (:r, :f)").param("r", id).param("f", f.code()).update();
        }
        rollup.fill(id, t, p, unit, aggregate);
        audit.change(AuditAction.CREATE, SUBJECT, id, unit.id(), null, Map.of("template", t.code(), "period", p.code()),
                "Tạo " + t.title() + " " + p.label() + " — " + unit.name());
        return load(id);
    }

    private long reviewerOf(ReportTemplate t, OrgUnit unit) {
        if (unit.level() == OrgUnit.PROVINCE || t.receiver() == ReportTemplate.Receiver.PARENT) {
            return unit.parentId();
        }
        return unit.provinceId();
    }

    @Transactional(readOnly = true)
    public Report require(CurrentUser user, long id) {
        Report r = load(id);
        if (!units.canRead(user, r.unitId()) && !units.canRead(user, r.review().reviewerUnitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return r;
    }

    Report load(long id) {
        var row = jdbc.sql("select r.*, u.name as unit_name from report r join xhht_unit u on u.id = r.unit_id where r.id = :id").param("id", id)
                .query((rs, n) -> new Object[]{rs.getString("template_code"), rs.getString("period_code"), rs.getLong("unit_id"),
                        rs.getString("unit_name"), rs.getLong("province_id"), rs.getBoolean("aggregate"),
                        rs.getObject("refreshed_at", OffsetDateTime.class), rs.getLong("version")})
                .optional().orElseThrow(() -> new NotFoundProblem("report.notFound", id));
        ReportTemplate t = templates.require((String) row[0]);
        ReportPeriod p = deadlines.period(t, (String) row[1]);
        Map<String, Report.Value> values = new LinkedHashMap<>();
        jdbc.sql("select * from report_value where report_id = :id").param("id", id).query((java.sql.ResultSet rs) -> {
            Report.Value v = value(rs);
            values.put(v.fieldCode(), v);
        });
        Review review = reviews.require(SUBJECT, id);
        return new Report(id, t, p, (Long) row[2], (String) row[3], (Long) row[4], (Boolean) row[5], review,
                review.dueDate() == null ? deadlines.dueDate(t, p, (Long) row[4]) : review.dueDate(), (OffsetDateTime) row[6], (Long) row[7], values);
    }

    /** Takes the figures again from the data; a figure typed over by hand keeps its value (its source value is updated). */
    public List<ReportRollup.Change> refresh(CurrentUser user, long id) {
        Report r = require(user, id);
        checkEditable(user, r);
        OrgUnit unit = units.require(r.unitId());
        List<ReportRollup.Change> changes = rollup.fill(id, r.template(), r.period(), unit, r.aggregate());
        jdbc.sql("update report set version = version + 1, updated_at = now() where id = :id").param("id", id).update();
        if (!changes.isEmpty()) {
            Map<String, Object> before = new LinkedHashMap<>(), after = new LinkedHashMap<>();
            changes.forEach(c -> {
                before.put(c.fieldCode(), c.before() == null ? "" : c.before().toPlainString());
                after.put(c.fieldCode(), c.after() == null ? "" : c.after().toPlainString());
            });
            audit.change(AuditAction.UPDATE, SUBJECT, id, r.unitId(), before, after, "Cập nhật số liệu từ dữ liệu: " + r.template().title());
        }
        return changes;
    }

    /** Refuses when the user may not write the report's unit, or the report is submitted or approved. */
    void checkEditable(CurrentUser user, Report r) {
        if (!units.canWrite(user, r.unitId()) || !WRITERS.contains(user.role())) {
            throw new AccessDeniedProblem("report.cannotEdit");
        }
        if (!r.review().editable()) {
            throw new InvalidInputProblem("status", r.review().status() == Review.Status.APPROVED ? "report.locked.approved" : "report.locked.submitted");
        }
    }

    public Report submit(CurrentUser user, long id) {
        Report r = require(user, id);
        checkEditable(user, r);
        List<Violation> errors = new ArrayList<>();
        Map<String, BigDecimal> nums = new HashMap<>();
        r.values().forEach((k, v) -> nums.put(k, v.num()));
        for (Field f : r.template().fields()) {
            if (f.required() && (r.text(f.code()) == null || r.text(f.code()).isBlank()) && !f.numeric()) {
                errors.add(new Violation(f.code(), "report.required", f.label()));
            }
            if (f.required() && f.numeric() && r.num(f.code()) == null) {
                errors.add(new Violation(f.code(), "report.required", f.label()));
            }
        }
        errors.addAll(checkRules(r.template(), nums));
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        reviews.submit(user, SUBJECT, id);
        return load(id);
    }

    public Report approve(CurrentUser user, long id, String comment) {
        require(user, id);
        reviews.approve(user, SUBJECT, id, comment);
        return load(id);
    }

    public Report returnWithComment(CurrentUser user, long id, String comment) {
        require(user, id);
        reviews.returnWithComment(user, SUBJECT, id, comment);
        return load(id);
    }

    public Report reopen(CurrentUser user, long id, String reason) {
        require(user, id);
        reviews.reopen(user, SUBJECT, id, reason);
        return load(id);
    }

    public boolean canEdit(CurrentUser user, Report r) {
        return WRITERS.contains(user.role()) && units.canWrite(user, r.unitId()) && r.review().editable();
    }

    public boolean canReopen(CurrentUser user, Report r) {
        return r.review().status() == Review.Status.APPROVED && user.role() != Role.COMMUNE_OFFICER
                && Set.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER).contains(user.role())
                && units.canWrite(user, r.review().reviewerUnitId());
    }
}
