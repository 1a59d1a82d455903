package vn.xhht.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.orgunit.Succession;
import vn.xhht.reporting.ReportTemplate.Aggregation;
import vn.xhht.reporting.ReportTemplate.Field;
import vn.xhht.reporting.ReportTemplate.FieldType;
import vn.xhht.review.Review;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.InvalidInputProblem.Violation;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.Texts;

/**
 * Reports through their life: created and pre-filled from the figure sources (or, above the submitting level, from
 * the approved reports of the units directly below in the structure valid for the period), corrected with reasons,
 * submitted, reviewed through the shared {@link ReviewWorkflow}, approved (locked) and reopened with a reason.
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
    private final FigureSources sources;

    ReportService(JdbcClient jdbc, OrgUnitDirectory units, ReviewWorkflow reviews, AuditTrail audit, TemplateCatalog templates,
                  FigureSources sources) {
        this.jdbc = jdbc;
        this.units = units;
        this.reviews = reviews;
        this.audit = audit;
        this.templates = templates;
        this.sources = sources;
    }

    /** A figure that changed at a refresh. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReportFigureChange")
    public record Change(String fieldCode, String label, BigDecimal before, BigDecimal after, boolean keptOverride) {
    }

    // ---------------------------------------------------------------- periods and units

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
        reviews.setDueDate(SUBJECT, jdbc.sql("select id from report where template_code = :t and period_code = :p and province_id = :pr")
                .param("t", t.code()).param("p", p.code()).param("pr", provinceId).query(Long.class).list(), due, false);
        audit.change(AuditAction.UPDATE, "ReportDueDate", t.code() + "/" + p.code(), provinceId, Map.of("dueDate", before.toString()),
                Map.of("dueDate", due.toString()), "Hạn nộp " + t.title() + " " + p.label());
    }

    // ---------------------------------------------------------------- create, read

    public Report create(CurrentUser user, String templateCode, String periodCode, Long unitId) {
        ReportTemplate t = templates.require(templateCode);
        ReportPeriod p = period(t, periodCode);
        if (unitId == null) {
            throw new InvalidInputProblem("unitId", "report.unit.required");
        }
        OrgUnit unit = unitForPeriod(units.require(unitId), p);
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
        if (find(t.code(), p.code(), unit.id()).isPresent()) {
            throw new InvalidInputProblem("period", "report.exists", p.label(), unit.name());
        }
        long province = unit.provinceId() == null ? unit.id() : unit.provinceId();
        long reviewer = reviewerOf(t, unit);
        long id = jdbc.sql("""
                insert into report (template_code, period_code, unit_id, province_id, period_from, period_to, aggregate, created_by)
                values (:t, :p, :u, :pr, :f, :to, :a, :by) returning id
                """).param("t", t.code()).param("p", p.code()).param("u", unit.id()).param("pr", province).param("f", p.from())
                .param("to", p.to()).param("a", aggregate).param("by", user.username()).query(Long.class).single();
        reviews.open(user, SUBJECT, id, unit.id(), reviewer, dueDate(t, p, province));
        for (Field f : t.fields()) {
            jdbc.sql("insert into report_value (report_id, field_code) values (:r, :f)").param("r", id).param("f", f.code()).update();
        }
        fill(id, t, p, unit, aggregate);
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
    public Optional<Long> find(String templateCode, String periodCode, long unitId) {
        return jdbc.sql("select id from report where template_code = :t and period_code = :p and unit_id = :u")
                .param("t", templateCode).param("p", periodCode).param("u", unitId).query(Long.class).optional();
    }

    @Transactional(readOnly = true)
    public Report require(CurrentUser user, long id) {
        Report r = load(id);
        if (!units.canRead(user, r.unitId()) && !units.canRead(user, r.review().reviewerUnitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return r;
    }

    /** Reports visible to the user, filtered (null filters do not filter); newest periods first. */
    @Transactional(readOnly = true)
    public List<Summary> list(CurrentUser user, String templateCode, String periodCode, Long unitId, int limit) {
        long scope = unitId == null ? user.unitId() : units.requireReadable(user, unitId).id();
        return jdbc.sql("""
                select r.id, r.template_code, r.period_code, r.period_to, r.unit_id, u.name as unit_name, r.aggregate, s.status, s.due_date, s.submitted_at
                from report r join xhht_unit u on u.id = r.unit_id
                join xhht_review s on s.subject_type = 'Report' and s.subject_id = r.id
                where r.unit_id in (select id from xhht_read_scope(:scope))
                  and (cast(:t as varchar) is null or r.template_code = :t) and (cast(:p as varchar) is null or r.period_code = :p)
                order by r.period_to desc, r.template_code, u.name limit :limit
                """).param("scope", scope).param("t", blankToNull(templateCode)).param("p", blankToNull(periodCode))
                .param("limit", limit)
                .query((rs, n) -> new Summary(rs.getLong("id"), rs.getString("template_code"),
                        templates.find(rs.getString("template_code")).map(ReportTemplate::title).orElse(rs.getString("template_code")),
                        rs.getString("period_code"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getBoolean("aggregate"),
                        Review.Status.valueOf(rs.getString("status")), rs.getObject("due_date", LocalDate.class),
                        rs.getObject("submitted_at", OffsetDateTime.class))).list();
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ReportSummary")
    public record Summary(long id, String templateCode, String templateTitle, String periodCode, long unitId, String unitName, boolean aggregate,
                          Review.Status status, LocalDate dueDate, OffsetDateTime submittedAt) {
        public String periodLabel() {
            return ReportPeriods.label(periodCode);
        }
    }

    Report load(long id) {
        var row = jdbc.sql("select r.*, u.name as unit_name from report r join xhht_unit u on u.id = r.unit_id where r.id = :id").param("id", id)
                .query((rs, n) -> new Object[]{rs.getString("template_code"), rs.getString("period_code"), rs.getLong("unit_id"),
                        rs.getString("unit_name"), rs.getLong("province_id"), rs.getBoolean("aggregate"),
                        rs.getObject("refreshed_at", OffsetDateTime.class), rs.getLong("version")})
                .optional().orElseThrow(() -> new NotFoundProblem("report.notFound", id));
        ReportTemplate t = templates.require((String) row[0]);
        ReportPeriod p = period(t, (String) row[1]);
        Map<String, Report.Value> values = new LinkedHashMap<>();
        jdbc.sql("select * from report_value where report_id = :id").param("id", id).query((java.sql.ResultSet rs) -> {
            values.put(rs.getString("field_code"), new Report.Value(rs.getString("field_code"), strip(rs.getBigDecimal("num")), rs.getString("txt"),
                    strip(rs.getBigDecimal("source_value")), rs.getBoolean("overridden"), rs.getString("override_reason")));
        });
        Review review = reviews.require(SUBJECT, id);
        return new Report(id, t, p, (Long) row[2], (String) row[3], (Long) row[4], (Boolean) row[5], review,
                review.dueDate() == null ? dueDate(t, p, (Long) row[4]) : review.dueDate(), (OffsetDateTime) row[6], (Long) row[7], values);
    }

    // ---------------------------------------------------------------- fill from data

    /** Takes the figures again from the data; a figure typed over by hand keeps its value (its source value is updated). */
    public List<Change> refresh(CurrentUser user, long id) {
        Report r = require(user, id);
        editableBy(user, r);
        OrgUnit unit = units.require(r.unitId());
        List<Change> changes = fill(id, r.template(), r.period(), unit, r.aggregate());
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

    /** What the data says for each field that has a source (own report) or from the children (aggregate). */
    Map<String, BigDecimal> dataValues(ReportTemplate t, ReportPeriod p, OrgUnit unit, boolean aggregate) {
        if (aggregate) {
            return aggregate(t, p, unit.id());
        }
        Set<String> codes = new LinkedHashSet<>();
        t.fields().stream().filter(Field::sourced).forEach(f -> codes.add(f.source()));
        Map<String, BigDecimal> bySource = sources.values(codes, unit.id(), p.from(), p.to());
        Map<String, BigDecimal> out = new HashMap<>();
        for (Field f : t.fields()) {
            if (f.sourced() && bySource.containsKey(f.source())) {
                out.put(f.code(), bySource.get(f.source()));
            } else if (f.sourced() && sources.provides(f.source())) {
                // the source knows the figure but nothing was entered for it: "chưa nhập", not an old 0 kept
                out.put(f.code(), null);
            }
        }
        return out;
    }

    private List<Change> fill(long id, ReportTemplate t, ReportPeriod p, OrgUnit unit, boolean aggregate) {
        Map<String, BigDecimal> data = dataValues(t, p, unit, aggregate);
        Map<String, Report.Value> current = new HashMap<>();
        jdbc.sql("select * from report_value where report_id = :id").param("id", id).query((java.sql.ResultSet rs) -> {
            current.put(rs.getString("field_code"), new Report.Value(rs.getString("field_code"), strip(rs.getBigDecimal("num")), rs.getString("txt"),
                    strip(rs.getBigDecimal("source_value")), rs.getBoolean("overridden"), rs.getString("override_reason")));
        });
        List<Change> changes = new ArrayList<>();
        Map<String, BigDecimal> nums = new HashMap<>();
        current.forEach((k, v) -> nums.put(k, v.num()));
        for (Field f : t.fields()) {
            if (!f.numeric() || f.computed() || !data.containsKey(f.code())) {
                continue;
            }
            BigDecimal now = strip(data.get(f.code()));
            Report.Value v = current.get(f.code());
            if (v.overridden()) {
                if (!same(v.sourceValue(), now)) {
                    changes.add(new Change(f.code(), f.label(), v.sourceValue(), now, true));
                }
                jdbc.sql("update report_value set source_value = :s where report_id = :r and field_code = :f")
                        .param("s", now).param("r", id).param("f", f.code()).update();
            } else {
                if (!same(v.num(), now)) {
                    changes.add(new Change(f.code(), f.label(), v.num(), now, false));
                }
                nums.put(f.code(), now);
                jdbc.sql("update report_value set num = :n, source_value = :n where report_id = :r and field_code = :f")
                        .param("n", now).param("r", id).param("f", f.code()).update();
            }
        }
        for (Field f : t.fields()) {
            if (f.computed()) {
                BigDecimal v = ratio(nums.get(f.ratioOf()), nums.get(f.ratioTo()));
                if (!same(nums.get(f.code()), v)) {
                    changes.add(new Change(f.code(), f.label(), nums.get(f.code()), v, false));
                }
                jdbc.sql("update report_value set num = :n where report_id = :r and field_code = :f").param("n", v).param("r", id).param("f", f.code()).update();
            }
        }
        jdbc.sql("update report set refreshed_at = now() where id = :id").param("id", id).update();
        return changes;
    }

    static BigDecimal ratio(BigDecimal of, BigDecimal to) {
        if (of == null || to == null || to.signum() == 0) {
            return null;
        }
        // cut, not rounded: 99.998 % of a target is not 100 % (vn.xhht.shared.Percent)
        return vn.xhht.shared.Percent.of(of, to).stripTrailingZeros();
    }

    /**
     * The figures of a unit made from the APPROVED reports of the units directly below it (the structure valid for
     * the period: a 2024 province's districts, a 2026 province's communes), by each field's aggregation rule.
     */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> aggregate(ReportTemplate t, ReportPeriod p, long unitId) {
        Map<String, BigDecimal> out = new HashMap<>();
        Map<String, Field> fields = new HashMap<>();
        t.fields().forEach(f -> fields.put(f.code(), f));
        jdbc.sql("""
                select v.field_code, sum(v.num) as s, min(v.num) as mn, max(v.num) as mx, count(*) filter (where v.num <> 0) as yes
                from report r
                join xhht_unit u on u.id = r.unit_id
                join xhht_review st on st.subject_type = 'Report' and st.subject_id = r.id and st.status = 'APPROVED'
                join report_value v on v.report_id = r.id and v.num is not null
                where r.template_code = :t and r.period_code = :p and u.parent_id = :unit
                group by v.field_code
                """).param("t", t.code()).param("p", p.code()).param("unit", unitId).query((java.sql.ResultSet rs) -> {
            Field f = fields.get(rs.getString("field_code"));
            if (f == null || !f.numeric() || f.computed()) {
                return;
            }
            BigDecimal v = switch (f.aggregation()) {
                case SUM -> rs.getBigDecimal("s");
                case MIN -> rs.getBigDecimal("mn");
                case MAX -> rs.getBigDecimal("mx");
                case COUNT_YES -> BigDecimal.valueOf(rs.getLong("yes"));
                case WEIGHTED_AVERAGE, NONE -> null;
            };
            if (v != null) {
                out.put(f.code(), strip(v));
            }
        });
        for (Field f : t.fields()) {
            if (f.aggregation() == Aggregation.WEIGHTED_AVERAGE) {
                BigDecimal v = jdbc.sql("""
                        select trunc(sum(v.num * w.num) / nullif(sum(w.num), 0), 2)
                        from report r
                        join xhht_unit u on u.id = r.unit_id
                        join xhht_review st on st.subject_type = 'Report' and st.subject_id = r.id and st.status = 'APPROVED'
                        join report_value v on v.report_id = r.id and v.field_code = :f and v.num is not null
                        join report_value w on w.report_id = r.id and w.field_code = :w and w.num is not null
                        where r.template_code = :t and r.period_code = :p and u.parent_id = :unit
                        """).param("f", f.code()).param("w", f.weight()).param("t", t.code()).param("p", p.code()).param("unit", unitId)
                        .query(BigDecimal.class).optional().orElse(null);
                if (v != null) {
                    out.put(f.code(), strip(v));
                }
            }
        }
        return out;
    }

    /** One unit directly below in the drill-down of an aggregate: its report (if any), status and figures. */
    public record ChildReport(long unitId, String unitName, Long reportId, Review.Status status, OffsetDateTime submittedAt,
                              Map<String, BigDecimal> values) {
        public boolean approved() {
            return status == Review.Status.APPROVED;
        }
    }

    /** The units directly below (valid at the end of the period) with their reports; figures only of approved ones. */
    @Transactional(readOnly = true)
    public List<ChildReport> children(ReportTemplate t, ReportPeriod p, long unitId) {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        Map<Long, Map<String, BigDecimal>> values = new HashMap<>();
        jdbc.sql("""
                select u.id, u.name, r.id as report_id, s.status, s.submitted_at, v.field_code, v.num
                from xhht_unit u
                left join report r on r.unit_id = u.id and r.template_code = :t and r.period_code = :p
                left join xhht_review s on s.subject_type = 'Report' and s.subject_id = r.id
                left join report_value v on v.report_id = r.id and s.status = 'APPROVED' and v.num is not null
                where u.parent_id = :unit and u.level < 4
                  and (u.valid_from is null or u.valid_from <= :to) and (u.valid_to is null or u.valid_to >= :to)
                order by u.name, u.id
                """).param("t", t.code()).param("p", p.code()).param("unit", unitId).param("to", p.to()).query((java.sql.ResultSet rs) -> {
            long u = rs.getLong("id");
            rows.computeIfAbsent(u, k -> {
                try {
                    return new Object[]{rs.getString("name"), rs.getObject("report_id", Long.class), rs.getString("status"),
                            rs.getObject("submitted_at", OffsetDateTime.class)};
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            String code = rs.getString("field_code");
            if (code != null) {
                values.computeIfAbsent(u, k -> new HashMap<>()).put(code, strip(rs.getBigDecimal("num")));
            }
        });
        List<ChildReport> out = new ArrayList<>(rows.size());
        rows.forEach((u, o) -> out.add(new ChildReport(u, (String) o[0], (Long) o[1], o[2] == null ? null : Review.Status.valueOf((String) o[2]),
                (OffsetDateTime) o[3], values.getOrDefault(u, Map.of()))));
        return out;
    }

    /** Same period last year, for "last year" beside each figure: that report's figures if it exists, else the data. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> lastYear(Report r) {
        ReportPeriod prev = r.period().previousYear();
        Optional<Long> id = find(r.template().code(), prev.code(), r.unitId());
        if (id.isPresent()) {
            Map<String, BigDecimal> m = new HashMap<>();
            jdbc.sql("select field_code, num from report_value where report_id = :id and num is not null").param("id", id.get())
                    .query((java.sql.ResultSet rs) -> {
                        m.put(rs.getString("field_code"), strip(rs.getBigDecimal("num")));
                    });
            return m;
        }
        OrgUnit unit = units.require(r.unitId());
        if (!unit.validOn(prev.to())) {
            return Map.of();
        }
        Map<String, BigDecimal> m = new HashMap<>(dataValues(r.template(), prev, unit, r.aggregate()));
        for (Field f : r.template().fields()) {
            if (f.computed()) {
                BigDecimal v = ratio(m.get(f.ratioOf()), m.get(f.ratioTo()));
                if (v != null) {
                    m.put(f.code(), v);
                }
            }
        }
        return m;
    }

    /** Field codes whose figure source no module provides (entered by hand). */
    /**
     * For the report's optional figures (an activity may leave its age bands blank): field code → how many records
     * entered it, so the page reads "12 (3/5 hoạt động có số liệu)". Own reports only; an aggregate sums reports.
     */
    @Transactional(readOnly = true)
    public Map<String, vn.xhht.shared.ReportFigureSource.Coverage> coverage(Report r) {
        if (r.aggregate()) {
            return Map.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        r.template().fields().stream().filter(Field::sourced).forEach(f -> codes.add(f.source()));
        var bySource = sources.coverage(codes, r.unitId(), r.period().from(), r.period().to());
        Map<String, vn.xhht.shared.ReportFigureSource.Coverage> out = new HashMap<>();
        r.template().fields().stream().filter(f -> f.sourced() && bySource.containsKey(f.source()))
                .forEach(f -> out.put(f.code(), bySource.get(f.source())));
        return out;
    }

    public Set<String> unsourced(ReportTemplate t) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, String> provided = sources.figures();
        t.fields().stream().filter(Field::sourced).filter(f -> !provided.containsKey(f.source())).forEach(f -> out.add(f.code()));
        return out;
    }

    // ---------------------------------------------------------------- edit

    /**
     * Saves figures and texts all-or-nothing. {@code values}: field code → typed text (numbers with ',' or '.');
     * {@code reasons}: field code → why a sourced figure is typed over. Only the given fields change.
     */
    public Report saveValues(CurrentUser user, long id, long version, Map<String, String> values, Map<String, String> reasons) {
        Report r = require(user, id);
        editableBy(user, r);
        if (r.version() != version) {
            throw new ConcurrentEditProblem(SUBJECT + " " + id);
        }
        ReportTemplate t = r.template();
        Set<String> unsourced = unsourced(t);
        List<Violation> errors = new ArrayList<>();
        Map<String, BigDecimal> nums = new HashMap<>();
        r.values().forEach((k, v) -> nums.put(k, v.num()));
        Map<String, Report.Value> updated = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            Optional<Field> of = t.field(e.getKey());
            if (of.isEmpty()) {
                errors.add(new Violation(e.getKey(), "report.field.unknown", e.getKey()));
                continue;
            }
            Field f = of.get();
            Report.Value old = r.value(f.code());
            if (!f.numeric()) {
                String text = Texts.orNull(e.getValue());
                if (text != null && text.length() > 20000) {
                    errors.add(new Violation(f.code(), "report.value.tooLong", 20000));
                    continue;
                }
                if (f.type() == FieldType.TABLE && text != null) {
                    for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
                        if (line.split("\\|", -1).length > f.columns().size()) {
                            errors.add(new Violation(f.code(), "report.table.columns", f.columns().size()));
                            break;
                        }
                    }
                }
                if (!java.util.Objects.equals(text, old.text())) {
                    updated.put(f.code(), new Report.Value(f.code(), null, text, null, false, null));
                }
                continue;
            }
            if (f.computed()) {
                continue; // computed from other fields
            }
            BigDecimal n;
            try {
                n = parseNumber(e.getValue());
            } catch (NumberFormatException ex) {
                errors.add(new Violation(f.code(), "report.value.number", f.label()));
                continue;
            }
            if (n != null && n.signum() < 0) {
                errors.add(new Violation(f.code(), "report.value.negative", f.label()));
                continue;
            }
            if (n != null && f.type() == FieldType.PERCENTAGE && n.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add(new Violation(f.code(), "report.value.percentage", f.label()));
                continue;
            }
            nums.put(f.code(), n);
            boolean hasData = f.sourced() && !unsourced.contains(f.code()) || r.aggregate();
            boolean overridden = hasData && old.sourceValue() != null && !same(n, old.sourceValue());
            String reason = Texts.orNull(reasons.get(f.code()));
            if (reason == null && overridden) {
                reason = old.reason();
            }
            if (overridden && reason == null) {
                errors.add(new Violation("reason." + f.code(), "report.override.reasonRequired", f.label(),
                        old.sourceValue().toPlainString()));
                continue;
            }
            if (!same(n, old.num()) || overridden != old.overridden() || !java.util.Objects.equals(overridden ? reason : null, old.reason())) {
                updated.put(f.code(), new Report.Value(f.code(), n, null, old.sourceValue(), overridden, overridden ? reason : null));
            }
        }
        for (Field f : t.fields()) {
            if (f.computed()) {
                nums.put(f.code(), ratio(nums.get(f.ratioOf()), nums.get(f.ratioTo())));
            }
        }
        errors.addAll(checkRules(t, nums));
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        int n = jdbc.sql("update report set version = version + 1, updated_at = now() where id = :id and version = :v")
                .param("id", id).param("v", version).update();
        if (n == 0) {
            throw new ConcurrentEditProblem(SUBJECT + " " + id);
        }
        Map<String, Object> before = new LinkedHashMap<>(), after = new LinkedHashMap<>();
        for (Report.Value v : updated.values()) {
            Report.Value old = r.value(v.fieldCode());
            jdbc.sql("update report_value set num = :n, txt = :t, overridden = :o, override_reason = :why where report_id = :r and field_code = :f")
                    .param("n", v.num()).param("t", v.text()).param("o", v.overridden()).param("why", v.reason()).param("r", id)
                    .param("f", v.fieldCode()).update();
            before.put(v.fieldCode(), old.num() != null ? old.num().toPlainString() : old.text() == null ? "" : abbreviate(old.text()));
            after.put(v.fieldCode(), (v.num() != null ? v.num().toPlainString() : v.text() == null ? "" : abbreviate(v.text()))
                    + (v.overridden() ? " (sửa tay: " + v.reason() + ")" : ""));
        }
        for (Field f : t.fields()) {
            if (f.computed()) {
                jdbc.sql("update report_value set num = :n where report_id = :r and field_code = :f")
                        .param("n", nums.get(f.code())).param("r", id).param("f", f.code()).update();
            }
        }
        if (!updated.isEmpty()) {
            audit.change(AuditAction.UPDATE, SUBJECT, id, r.unitId(), before, after, "Sửa " + t.title() + " " + r.period().label());
        }
        return load(id);
    }

    static List<Violation> checkRules(ReportTemplate t, Map<String, BigDecimal> nums) {
        List<Violation> errors = new ArrayList<>();
        for (ReportTemplate.Rule rule : t.rules()) {
            BigDecimal l = operand(rule.left(), nums), rt = operand(rule.right(), nums);
            if (l == null || rt == null) {
                continue;
            }
            int c = l.compareTo(rt);
            boolean ok = switch (rule.op()) {
                case "<=" -> c <= 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case ">" -> c > 0;
                default -> c == 0;
            };
            if (!ok) {
                errors.add(new Violation(rule.left(), "report.rule.failed", rule.message() == null ? rule.left() + " " + rule.op() + " " + rule.right() : rule.message(),
                        l.toPlainString(), rt.toPlainString()));
            }
        }
        return errors;
    }

    private static BigDecimal operand(String s, Map<String, BigDecimal> nums) {
        return s.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(s) : nums.get(s);
    }

    static BigDecimal parseNumber(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.strip().replace(" ", "").replace("\u00a0", "");
        // Vietnamese writes 1.234,5; accept both conventions: a single ',' is the decimal mark; '.' groups thousands if followed by 3 digits
        if (v.contains(",")) {
            v = v.replace(".", "").replace(",", ".");
        } else if (v.matches("\\d{1,3}(\\.\\d{3})+")) {
            v = v.replace(".", "");
        }
        BigDecimal n = new BigDecimal(v);
        if (n.scale() > 4 || n.precision() - n.scale() > 14) {
            throw new NumberFormatException(s);
        }
        return n.stripTrailingZeros();
    }

    private void editableBy(CurrentUser user, Report r) {
        if (!units.canWrite(user, r.unitId()) || !WRITERS.contains(user.role())) {
            throw new AccessDeniedProblem("report.cannotEdit");
        }
        if (!r.review().editable()) {
            throw new InvalidInputProblem("status", r.review().status() == Review.Status.APPROVED ? "report.locked.approved" : "report.locked.submitted");
        }
    }

    // ---------------------------------------------------------------- review

    public Report submit(CurrentUser user, long id) {
        Report r = require(user, id);
        editableBy(user, r);
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

    // ---------------------------------------------------------------- helpers

    static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    static BigDecimal strip(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
