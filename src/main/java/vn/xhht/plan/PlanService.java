package vn.xhht.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.centre.Centre;
import vn.xhht.centre.CentreRegistry;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.review.Review;
import vn.xhht.review.SubmissionBoard;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Texts;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.VietnamClock;

@Service
@Transactional
@org.springframework.modulith.NamedInterface("api")
public class PlanService {

    public static final String SUBJECT = "Plan";

    /** Well-known targets every centre plan starts with (R11, seed 002: ~86 classes, 13,760 participations). */
    static final List<String[]> DEFAULT_TARGETS = List.of(
            new String[]{"THEMATIC_CLASSES", "Số lớp chuyên đề", "lớp"},
            new String[]{"PARTICIPATIONS", "Số lượt người tham gia", "lượt người"},
            new String[]{"LITERACY_CLASSES", "Số lớp xóa mù chữ", "lớp"},
            new String[]{"CLUBS", "Số câu lạc bộ", "câu lạc bộ"});

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final CentreRegistry centres;
    private final ReviewWorkflow reviews;
    private final AuditTrail audit;
    private final VietnamClock clock;
    private final SubmissionBoard submissions;

    PlanService(JdbcClient jdbc, OrgUnitDirectory units, CentreRegistry centres, ReviewWorkflow reviews, AuditTrail audit, VietnamClock clock, SubmissionBoard submissions) {
        this.jdbc = jdbc;
        this.units = units;
        this.centres = centres;
        this.reviews = reviews;
        this.audit = audit;
        this.clock = clock;
        this.submissions = submissions;
    }

    /** Creates the plan of a unit (a commune: its centre's plan; an office: its own) for a year, copying last year's. */
    public Plan create(CurrentUser user, long ownerUnitId, int planYear, boolean copyLastYear) {
        OrgUnit owner = units.require(ownerUnitId);
        if (!units.canWrite(user, ownerUnitId) || user.role() == Role.ASSOCIATION_EVALUATOR || user.role() == Role.INSPECTOR) {
            throw new AccessDeniedProblem("plan.cannotEdit");
        }
        if (planYear < 2000 || planYear > clock.today().getYear() + 2) {
            throw new InvalidInputProblem("planYear", "plan.year.range", clock.today().getYear() + 2);
        }
        if (owner.level() < OrgUnit.PROVINCE || owner.level() > OrgUnit.COMMUNE || owner.parentId() == null) {
            throw new InvalidInputProblem("ownerUnitId", "plan.owner.invalid");
        }
        if (findId(ownerUnitId, planYear).isPresent()) {
            throw new InvalidInputProblem("planYear", "plan.exists", planYear);
        }
        long province = owner.provinceId();
        String kind = jdbc.sql("select year_kind from plan_setting where province_id = :p").param("p", province)
                .query(String.class).optional().orElse("SCHOOL");
        LocalDate start = "SCHOOL".equals(kind) ? LocalDate.of(planYear, 9, 1) : LocalDate.of(planYear, 1, 1);
        if (!owner.validOn(start) && !owner.validOn(start.plusMonths(11))) {
            throw new InvalidInputProblem("planYear", "plan.owner.notValid", owner.name());
        }
        Long centreId = owner.level() == OrgUnit.COMMUNE ? centres.ofCommune(ownerUnitId).map(Centre::id).orElse(null) : null;
        String yearText = "SCHOOL".equals(kind) ? "năm học " + planYear + " - " + (planYear + 1) : "năm " + planYear;
        String title = (centreId != null ? "Kế hoạch hoạt động của " + centres.find(centreId).orElseThrow().name()
                : "Kế hoạch thực hiện nhiệm vụ giáo dục thường xuyên của " + owner.name()) + " " + yearText;
        long id = jdbc.sql("""
                insert into plan (owner_unit_id, centre_id, province_id, plan_year, year_kind, title)
                values (:owner, :centre, :province, :year, :kind, :title) returning id
                """).param("owner", ownerUnitId).param("centre", centreId).param("province", province).param("year", planYear)
                .param("kind", kind).param("title", title).query(Long.class).single();
        Optional<Long> last = copyLastYear ? findId(ownerUnitId, planYear - 1) : Optional.empty();
        if (last.isPresent()) {
            jdbc.sql("update plan p set direction = l.direction, tasks = l.tasks, solutions = l.solutions from plan l where p.id = :id and l.id = :last")
                    .param("id", id).param("last", last.get()).update();
            jdbc.sql("insert into plan_target (plan_id, code, label, unit, target, sort) select :id, code, label, unit, target, sort from plan_target where plan_id = :last")
                    .param("id", id).param("last", last.get()).update();
            jdbc.sql("""
                    insert into plan_row (plan_id, month, activity, lead_unit, coordinating, note, sort)
                    select :id, month + interval '1 year', activity, lead_unit, coordinating, note, sort from plan_row where plan_id = :last
                    """).param("id", id).param("last", last.get()).update();
        } else if (centreId != null) {
            int sort = 0;
            for (String[] t : DEFAULT_TARGETS) {
                jdbc.sql("insert into plan_target (plan_id, code, label, unit, target, sort) values (:id, :c, :l, :u, 0, :s)")
                        .param("id", id).param("c", t[0]).param("l", t[1]).param("u", t[2]).param("s", sort++).update();
            }
        }
        LocalDate due = dueDate(province, planYear);
        reviews.open(user, SUBJECT, id, ownerUnitId, owner.parentId(), due);
        audit.change(AuditAction.CREATE, "Plan", id, ownerUnitId, null, Map.of("title", title, "copiedFrom", last.orElse(0L)), "Tạo " + title);
        return require(user, id);
    }

    /** The province's rules for plans: the kind of plan year and a year's submission deadline (data, per year). */
    public void configure(CurrentUser user, long provinceId, String yearKind, Integer year, LocalDate dueDate) {
        OrgUnit province = units.require(provinceId);
        if (province.level() != OrgUnit.PROVINCE || !units.canWrite(user, provinceId)
                || !(user.role() == Role.SYSTEM_ADMIN || user.role() == Role.PROVINCE_OFFICER)) {
            throw new AccessDeniedProblem("plan.cannotConfigure");
        }
        if (yearKind != null && !yearKind.isBlank()) {
            if (!yearKind.equals("SCHOOL") && !yearKind.equals("CALENDAR")) {
                throw new InvalidInputProblem("yearKind", "plan.yearKind.invalid");
            }
            jdbc.sql("insert into plan_setting (province_id, year_kind) values (:p, :k) on conflict (province_id) do update set year_kind = :k")
                    .param("p", provinceId).param("k", yearKind).update();
            audit.change(AuditAction.UPDATE, "PlanSetting", provinceId, provinceId, null, Map.of("yearKind", yearKind), "Loại năm kế hoạch");
        }
        if (year != null && dueDate != null) {
            jdbc.sql("""
                    insert into plan_deadline (province_id, plan_year, due_date) values (:p, :y, :d)
                    on conflict (coalesce(province_id, 0), plan_year) do update set due_date = :d
                    """).param("p", provinceId).param("y", year).param("d", dueDate).update();
            // plans already opened for that year follow the new deadline unless already submitted
            reviews.setDueDate(SUBJECT, jdbc.sql("select id from plan where province_id = :p and plan_year = :y")
                    .param("p", provinceId).param("y", year).query(Long.class).list(), dueDate, true);
            audit.change(AuditAction.UPDATE, "PlanDeadline", provinceId, provinceId, null,
                    Map.of("year", year, "dueDate", dueDate.toString()), "Hạn nộp kế hoạch năm " + year);
        }
    }

    @Transactional(readOnly = true)
    public String yearKind(long provinceId) {
        return jdbc.sql("select year_kind from plan_setting where province_id = :p").param("p", provinceId).query(String.class)
                .optional().orElse("SCHOOL");
    }

    public LocalDate dueDate(long province, int year) {
        return jdbc.sql("""
                select due_date from plan_deadline where plan_year = :y and (province_id = :p or province_id is null)
                order by province_id nulls last limit 1
                """).param("y", year).param("p", province).query(LocalDate.class).optional().orElse(null);
    }

    Optional<Long> findId(long ownerUnitId, int year) {
        return jdbc.sql("select id from plan where owner_unit_id = :o and plan_year = :y").param("o", ownerUnitId).param("y", year)
                .query(Long.class).optional();
    }

    @Transactional(readOnly = true)
    public Plan require(CurrentUser user, long id) {
        Plan p = load(id);
        if (!units.canRead(user, p.ownerUnitId()) && !units.canWrite(user, p.review().reviewerUnitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return p;
    }

    @Transactional(readOnly = true)
    public List<Plan> ofOwner(CurrentUser user, long ownerUnitId) {
        units.requireReadable(user, ownerUnitId);
        return jdbc.sql("select id from plan where owner_unit_id = :o order by plan_year desc").param("o", ownerUnitId)
                .query(Long.class).list().stream().map(this::load).toList();
    }

    Plan load(long id) {
        var head = jdbc.sql("select p.*, u.name as owner_name from plan p join xhht_unit u on u.id = p.owner_unit_id where p.id = :id")
                .param("id", id).query((rs, n) -> new Object[]{rs.getLong("owner_unit_id"), rs.getString("owner_name"),
                        rs.getObject("centre_id", Long.class), rs.getInt("plan_year"), rs.getString("year_kind"), rs.getString("title"),
                        rs.getString("direction"), rs.getString("tasks"), rs.getString("solutions"), rs.getLong("version")})
                .optional().orElseThrow(() -> new NotFoundProblem("plan.notFound", id));
        List<Plan.Target> targets = jdbc.sql("select * from plan_target where plan_id = :id order by sort, id").param("id", id)
                .query((rs, n) -> new Plan.Target(rs.getLong("id"), rs.getString("code"), rs.getString("label"), rs.getString("unit"),
                        rs.getBigDecimal("target"))).list();
        List<Plan.Row> rows = jdbc.sql("select * from plan_row where plan_id = :id order by month, sort, id").param("id", id)
                .query((rs, n) -> new Plan.Row(rs.getLong("id"), rs.getObject("month", LocalDate.class), rs.getString("activity"),
                        rs.getString("lead_unit"), rs.getString("coordinating"), rs.getString("note"))).list();
        return new Plan(id, (Long) head[0], (String) head[1], (Long) head[2], (Integer) head[3], (String) head[4], (String) head[5],
                (String) head[6], (String) head[7], (String) head[8], (Long) head[9], targets, rows, reviews.require(SUBJECT, id));
    }

    private Plan editable(CurrentUser user, long id) {
        Plan p = require(user, id);
        if (!units.canWrite(user, p.ownerUnitId()) || user.role() == Role.ASSOCIATION_EVALUATOR || user.role() == Role.INSPECTOR) {
            throw new AccessDeniedProblem("plan.cannotEdit");
        }
        if (!p.review().editable()) {
            throw new InvalidInputProblem("status", "plan.locked");
        }
        return p;
    }

    public void updateText(CurrentUser user, long id, String direction, String tasks, String solutions, Long version) {
        Plan before = editable(user, id);
        int n = jdbc.sql("""
                update plan set direction = :d, tasks = :t, solutions = :s, version = version + 1, updated_at = now()
                where id = :id and version = :v
                """).param("d", Texts.orNull(direction)).param("t", Texts.orNull(tasks)).param("s", Texts.orNull(solutions)).param("id", id)
                .param("v", version == null ? -1 : version).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("Plan " + id);
        }
        audit.change(AuditAction.UPDATE, "Plan", id, before.ownerUnitId(),
                Map.of("direction", String.valueOf(before.direction()), "tasks", String.valueOf(before.tasks())),
                Map.of("direction", String.valueOf(Texts.orNull(direction)), "tasks", String.valueOf(Texts.orNull(tasks))), "Sửa nội dung kế hoạch");
    }

    /**
     * Everything the plan page shows, as typed: texts, each target's value (by target id, text as typed), an optional
     * new target and an optional new schedule row, and a row to remove. Saved together so nothing on the page is lost.
     */
    public record PlanInput(String direction, String tasks, String solutions, Map<Long, String> targets,
                            String newTargetLabel, String newTargetValue, String newTargetUnit,
                            String rowMonth, String rowActivity, String rowLead, String rowCoordinating, String rowNote,
                            Long deleteRowId, Long version) {

        static PlanInput of(Plan p) {
            Map<Long, String> t = new java.util.LinkedHashMap<>();
            p.targets().forEach(x -> t.put(x.id(), vn.xhht.shared.VietnameseNumbers.format(x.target())));
            return new PlanInput(p.direction(), p.tasks(), p.solutions(), t, null, null, null, null, null, null, null, null, null, p.version());
        }

        public boolean addsRow() {
            return !(blank(rowActivity) && blank(rowLead) && blank(rowCoordinating) && blank(rowNote));
        }

        public boolean addsTarget() {
            return !(blank(newTargetLabel) && blank(newTargetValue) && blank(newTargetUnit));
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** The page's form filled from the saved plan. */
    public PlanInput input(Plan p) {
        return PlanInput.of(p);
    }

    /**
     * Saves the whole plan page in one transaction: every rule is checked first and nothing is written when one
     * fails (the page then shows everything typed again); a stale version is a concurrent edit.
     */
    public void saveAll(CurrentUser user, long id, PlanInput in) {
        Plan before = editable(user, id);
        List<InvalidInputProblem.Violation> v = new java.util.ArrayList<>();
        Map<Long, BigDecimal> values = new java.util.LinkedHashMap<>();
        java.util.Set<Long> own = before.targets().stream().map(Plan.Target::id).collect(java.util.stream.Collectors.toSet());
        if (in.targets() != null) {
            in.targets().forEach((targetId, raw) -> {
                if (!own.contains(targetId)) {
                    throw new NotFoundProblem("plan.notFound", targetId);
                }
                BigDecimal value = target(raw, "target_" + targetId, v);
                if (value != null) {
                    values.put(targetId, value);
                }
            });
        }
        BigDecimal newValue = null;
        if (in.addsTarget()) {
            if (in.newTargetLabel() == null || in.newTargetLabel().isBlank()) {
                v.add(new InvalidInputProblem.Violation("t-label", "plan.target.labelRequired"));
            }
            newValue = target(in.newTargetValue(), "t-value", v);
        }
        LocalDate rowMonth = null;
        if (in.addsRow()) {
            LocalDate start = "SCHOOL".equals(before.yearKind()) ? LocalDate.of(before.planYear(), 9, 1) : LocalDate.of(before.planYear(), 1, 1);
            try {
                rowMonth = in.rowMonth() == null || in.rowMonth().isBlank() ? null : java.time.YearMonth.parse(in.rowMonth()).atDay(1);
            } catch (java.time.format.DateTimeParseException e) {
                rowMonth = null;
            }
            if (rowMonth == null) {
                v.add(new InvalidInputProblem.Violation("row-month", "plan.row.monthRequired"));
            } else if (rowMonth.isBefore(start) || !rowMonth.isBefore(start.plusYears(1))) {
                v.add(new InvalidInputProblem.Violation("row-month", "plan.row.monthOutside", before.yearLabel()));
            }
            if (in.rowActivity() == null || in.rowActivity().isBlank()) {
                v.add(new InvalidInputProblem.Violation("row-activity", "plan.row.activityRequired"));
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        int n = jdbc.sql("""
                update plan set direction = :d, tasks = :t, solutions = :s, version = version + 1, updated_at = now()
                where id = :id and version = :v
                """).param("d", Texts.orNull(in.direction())).param("t", Texts.orNull(in.tasks())).param("s", Texts.orNull(in.solutions()))
                .param("id", id).param("v", in.version() == null ? -1 : in.version()).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("Plan " + id);
        }
        Map<String, Object> old = new java.util.LinkedHashMap<>();
        Map<String, Object> now = new java.util.LinkedHashMap<>();
        old.put("direction", String.valueOf(before.direction()));
        old.put("tasks", String.valueOf(before.tasks()));
        old.put("solutions", String.valueOf(before.solutions()));
        now.put("direction", String.valueOf(Texts.orNull(in.direction())));
        now.put("tasks", String.valueOf(Texts.orNull(in.tasks())));
        now.put("solutions", String.valueOf(Texts.orNull(in.solutions())));
        for (Plan.Target t : before.targets()) {
            BigDecimal value = values.get(t.id());
            if (value != null && value.compareTo(t.target()) != 0) {
                jdbc.sql("update plan_target set target = :v where id = :t and plan_id = :p").param("v", value).param("t", t.id())
                        .param("p", id).update();
                old.put("target:" + t.label(), t.target().toPlainString());
                now.put("target:" + t.label(), value.toPlainString());
            }
        }
        if (in.addsTarget()) {
            jdbc.sql("insert into plan_target (plan_id, label, unit, target, sort) values (:p, :l, :u, :v, 100)")
                    .param("p", id).param("l", in.newTargetLabel().strip()).param("u", Texts.orNull(in.newTargetUnit())).param("v", newValue).update();
            now.put("target:" + in.newTargetLabel().strip(), newValue.toPlainString());
        }
        if (in.addsRow()) {
            long rowId = jdbc.sql("""
                    insert into plan_row (plan_id, month, activity, lead_unit, coordinating, note) values (:p, :m, :a, :l, :c, :n) returning id
                    """).param("p", id).param("m", rowMonth).param("a", in.rowActivity().strip()).param("l", Texts.orNull(in.rowLead()))
                    .param("c", Texts.orNull(in.rowCoordinating())).param("n", Texts.orNull(in.rowNote())).query(Long.class).single();
            now.put("row:" + rowId, rowMonth + " " + in.rowActivity().strip());
        }
        if (in.deleteRowId() != null) {
            int d = jdbc.sql("delete from plan_row where id = :r and plan_id = :p").param("r", in.deleteRowId()).param("p", id).update();
            if (d > 0) {
                old.put("row:" + in.deleteRowId(), "");
            }
        }
        audit.change(AuditAction.UPDATE, "Plan", id, before.ownerUnitId(), old, now, "Lưu kế hoạch");
    }

    /** A target value as typed ("98,35", "1.500"): blank or not a non-negative number is reported on its field. */
    private static BigDecimal target(String raw, String field, List<InvalidInputProblem.Violation> v) {
        try {
            BigDecimal value = vn.xhht.shared.VietnameseNumbers.parse(raw);
            if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 2 || value.precision() - value.scale() > 12) {
                v.add(new InvalidInputProblem.Violation(field, "plan.target.value.invalid"));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            v.add(new InvalidInputProblem.Violation(field, "plan.target.value.invalid"));
            return null;
        }
    }

    public void setTarget(CurrentUser user, long planId, Long targetId, String label, String unit, BigDecimal value) {
        Plan p = editable(user, planId);
        if (value == null || value.signum() < 0) {
            throw new InvalidInputProblem("target", "plan.target.invalid");
        }
        if (targetId != null) {
            int n = jdbc.sql("update plan_target set target = :v where id = :t and plan_id = :p").param("v", value)
                    .param("t", targetId).param("p", planId).update();
            if (n == 0) {
                throw new NotFoundProblem("plan.notFound", targetId);
            }
        } else {
            if (label == null || label.isBlank()) {
                throw new InvalidInputProblem("label", "plan.target.labelRequired");
            }
            jdbc.sql("insert into plan_target (plan_id, label, unit, target, sort) values (:p, :l, :u, :v, 100)")
                    .param("p", planId).param("l", label.strip()).param("u", Texts.orNull(unit)).param("v", value).update();
        }
        touch(planId);
        audit.change(AuditAction.UPDATE, "Plan", planId, p.ownerUnitId(), null,
                Map.of("target", String.valueOf(label == null ? targetId : label), "value", value.toPlainString()), "Chỉ tiêu kế hoạch");
    }

    public void addRow(CurrentUser user, long planId, LocalDate month, String activity, String leadUnit, String coordinating, String note) {
        Plan p = editable(user, planId);
        if (month == null) {
            throw new InvalidInputProblem("month", "plan.row.monthRequired");
        }
        LocalDate start = "SCHOOL".equals(p.yearKind()) ? LocalDate.of(p.planYear(), 9, 1) : LocalDate.of(p.planYear(), 1, 1);
        LocalDate first = month.withDayOfMonth(1);
        if (first.isBefore(start) || !first.isBefore(start.plusYears(1))) {
            throw new InvalidInputProblem("month", "plan.row.monthOutside", p.yearLabel());
        }
        if (activity == null || activity.isBlank()) {
            throw new InvalidInputProblem("activity", "plan.row.activityRequired");
        }
        long rowId = jdbc.sql("""
                insert into plan_row (plan_id, month, activity, lead_unit, coordinating, note) values (:p, :m, :a, :l, :c, :n) returning id
                """).param("p", planId).param("m", first).param("a", activity.strip()).param("l", Texts.orNull(leadUnit))
                .param("c", Texts.orNull(coordinating)).param("n", Texts.orNull(note)).query(Long.class).single();
        touch(planId);
        audit.change(AuditAction.CREATE, "PlanRow", rowId, p.ownerUnitId(), null, Map.of("month", first.toString(), "activity", activity.strip()),
                "Thêm dòng kế hoạch tháng " + first.getMonthValue());
    }

    public void removeRow(CurrentUser user, long planId, long rowId) {
        Plan p = editable(user, planId);
        int n = jdbc.sql("delete from plan_row where id = :r and plan_id = :p").param("r", rowId).param("p", planId).update();
        if (n == 0) {
            // a row of another plan (or one already deleted): say so instead of a success message
            throw new InvalidInputProblem("row", "plan.row.notInPlan");
        }
        touch(planId);
        audit.change(AuditAction.DELETE, "PlanRow", rowId, p.ownerUnitId(), Map.of("planId", planId), null, "Xoá dòng kế hoạch");
    }

    private void touch(long planId) {
        jdbc.sql("update plan set version = version + 1, updated_at = now() where id = :id").param("id", planId).update();
    }

    public Review submit(CurrentUser user, long id) {
        Plan p = require(user, id);
        if (p.rows().isEmpty()) {
            throw new InvalidInputProblem("rows", "plan.rows.empty");
        }
        return reviews.submit(user, SUBJECT, id);
    }

    public Review approve(CurrentUser user, long id, String comment) {
        require(user, id);
        return reviews.approve(user, SUBJECT, id, comment);
    }

    public Review returnWithComment(CurrentUser user, long id, String comment) {
        require(user, id);
        return reviews.returnWithComment(user, SUBJECT, id, comment);
    }

    /** A line of an office's board: a unit below and where its plan for the year stands. */
    public record BoardLine(long unitId, String unitName, Long planId, Review.Status status, LocalDate dueDate,
                            java.time.OffsetDateTime submittedAt, boolean late) {
    }

    /** The plans of the units directly below the user's unit (valid on the year's start) for a plan year. */
    @Transactional(readOnly = true)
    public List<BoardLine> board(CurrentUser user, long unitId, int year) {
        OrgUnit unit = units.requireReadable(user, unitId);
        LocalDate on = LocalDate.of(year, 9, 1).isAfter(clock.today()) ? clock.today() : LocalDate.of(year, 9, 1);
        LocalDate today = clock.today();
        record Row(long unitId, String name, Long planId, LocalDate due) {
        }
        // which units owe a plan, and the plan deadline, are plan's; where each stands and lateness are review's
        List<Row> rows = jdbc.sql("""
                select u.id, u.name, p.id as plan_id,
                       (select due_date from plan_deadline d where d.plan_year = :y
                         and (d.province_id = u.province_id or d.province_id is null) order by d.province_id nulls last limit 1) as due
                from xhht_unit u
                left join plan p on p.owner_unit_id = u.id and p.plan_year = :y
                where u.parent_id = :unit and u.level <= 3
                  and (u.valid_from is null or u.valid_from <= :on) and (u.valid_to is null or u.valid_to >= :on)
                order by u.name
                """).param("y", year).param("unit", unit.id()).param("on", on)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getObject("plan_id", Long.class),
                        rs.getObject("due", LocalDate.class))).list();
        List<SubmissionBoard.Entry> entries = submissions.entries(SUBJECT,
                rows.stream().map(r -> new SubmissionBoard.Expected(r.unitId(), r.planId(), r.due())).toList(), SubmissionBoard.DueFrom.REVIEW_FIRST, today);
        List<BoardLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            SubmissionBoard.Entry e = entries.get(i);
            lines.add(new BoardLine(r.unitId(), r.name(), r.planId(), e.status(), e.dueDate(), e.submittedAt(), e.late()));
        }
        return lines;
    }

    /** The plan years in which plans submitted to this unit wait for its decision, earliest first. */
    @Transactional(readOnly = true)
    public List<Integer> yearsWaitingReview(long reviewerUnitId) {
        return jdbc.sql("""
                select distinct p.plan_year from plan p join xhht_review r on r.subject_type = 'Plan' and r.subject_id = p.id
                where r.reviewer_unit_id = :u and r.status = 'SUBMITTED' order by 1
                """).param("u", reviewerUnitId).query(Integer.class).list();
    }

    /** Rows of the office plans above the user's unit falling in [from, to]: its task calendar. */
    public record Task(LocalDate month, String activity, String leadUnit, String officeName, long planId) {
    }

    @Transactional(readOnly = true)
    public List<Task> tasksFor(CurrentUser user, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select r.month, r.activity, r.lead_unit, u.name as office, p.id as plan_id
                from plan_row r join plan p on p.id = r.plan_id join xhht_unit u on u.id = p.owner_unit_id
                where p.centre_id is null
                  and p.owner_unit_id in (select id from xhht_unit_line(:unit))
                  and r.month between :from and :to
                order by r.month, r.sort, r.id limit 50
                """).param("unit", user.unitId()).param("from", from.withDayOfMonth(1)).param("to", to)
                .query((rs, n) -> new Task(rs.getObject("month", LocalDate.class), rs.getString("activity"), rs.getString("lead_unit"),
                        rs.getString("office"), rs.getLong("plan_id"))).list();
    }

}
