package vn.xhht.oversight;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.calendar.WorkingDays;
import vn.xhht.centre.Centre;
import vn.xhht.centre.CentreRegistry;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.oversight.Inspection.Finding;
import vn.xhht.oversight.Inspection.Member;
import vn.xhht.oversight.Inspection.Sanction;
import vn.xhht.oversight.Inspection.SubjectType;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.InvalidInputProblem.Violation;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.VietnamClock;

/**
 * Inspections with their findings and sanction decisions. An establishment is inspected by the roles the INSPECTION
 * rule of its kind names on the inspection date (a commune its extra-teaching establishments since 1/7/2025), by
 * inspectors and administrators; a centre by the offices above it and by its own commune. Everything recorded is
 * checked against the rules valid on the inspection date: check items of the subject, violations in force, fines
 * within the range.
 */
@Service
@Transactional
public class Inspections {

    public record Form(SubjectType subjectType, Long subjectId, LocalDate date, Integer planYear, List<Member> team, String conclusion) {
    }

    public record FindingForm(Integer item, String violationCode, String note, String remedy, Integer remedyWorkingDays) {
    }

    public record DecisionForm(String number, LocalDate date, String authority, Long fineVnd) {
    }

    static final Set<Role> CENTRE_INSPECTORS = EnumSet.of(Role.SYSTEM_ADMIN, Role.INSPECTOR, Role.PROVINCE_OFFICER,
            Role.DISTRICT_OFFICER, Role.COMMUNE_OFFICER);
    static final int MAX_REMEDY_DAYS = 365;

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final EstablishmentRegistry establishments;
    private final CentreRegistry centres;
    private final OversightRules rules;
    private final WorkingDays workingDays;
    private final AuditTrail audit;
    private final VietnamClock clock;

    Inspections(JdbcClient jdbc, OrgUnitDirectory units, EstablishmentRegistry establishments, CentreRegistry centres,
                OversightRules rules, WorkingDays workingDays, AuditTrail audit, VietnamClock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.establishments = establishments;
        this.centres = centres;
        this.rules = rules;
        this.workingDays = workingDays;
        this.audit = audit;
        this.clock = clock;
    }

    /** Inspections of the user's area, optionally of one plan year or one establishment, latest first. */
    @Transactional(readOnly = true)
    public List<Inspection> list(CurrentUser user, Integer planYear, Long establishmentId, int limit) {
        if (establishmentId != null) {
            establishments.get(user, establishmentId);
        }
        return jdbc.sql("""
                select i.*, u.name as unit_name from ovs_inspection i join xhht_unit u on u.id = i.unit_id
                where i.unit_id in (select id from xhht_read_scope(:scopeUnit))
                  and (cast(:year as integer) is null or i.plan_year = :year)
                  and (cast(:est as bigint) is null or i.establishment_id = :est)
                order by i.inspected_on desc, i.id desc limit :limit
                """).param("scopeUnit", user.unitId()).param("year", planYear).param("est", establishmentId)
                .param("limit", Math.max(1, Math.min(limit, 5000)))
                .query((rs, n) -> map(rs, List.of(), List.of(), null)).list();
    }

    @Transactional(readOnly = true)
    public Inspection get(CurrentUser user, long id) {
        Inspection i = find(id).orElseThrow(() -> new NotFoundProblem("oversight.inspection.notFound", id));
        if (!units.canRead(user, i.unitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return i;
    }

    Optional<Inspection> find(long id) {
        List<Member> team = jdbc.sql("select * from ovs_team_member where inspection_id = :id order by id").param("id", id)
                .query((rs, n) -> new Member(rs.getString("full_name"), rs.getString("agency"), rs.getString("position"))).list();
        List<Finding> findings = jdbc.sql("""
                select f.*, c.title as item_title, v.description as violation_description
                from ovs_finding f join ovs_inspection i on i.id = f.inspection_id
                left join ovs_check_item c on c.subject_type = i.subject_type and c.item_no = f.item_no
                left join ovs_violation_type v on v.code = f.violation_code
                where f.inspection_id = :id order by f.item_no nulls last, f.id
                """).param("id", id).query((rs, n) -> new Finding(rs.getLong("id"), rs.getObject("item_no", Integer.class),
                rs.getString("item_title"), rs.getString("violation_code"), rs.getString("violation_description"), rs.getString("note"),
                rs.getString("remedy"), rs.getObject("remedy_working_days", Integer.class), rs.getObject("remedy_due", LocalDate.class),
                rs.getObject("resolved_on", LocalDate.class), rs.getString("resolved_note"))).list();
        Sanction sanction = jdbc.sql("select * from ovs_sanction where inspection_id = :id").param("id", id)
                .query((rs, n) -> new Sanction(rs.getLong("id"), rs.getString("number"), rs.getObject("decided_on", LocalDate.class),
                        rs.getString("authority"), rs.getLong("fine_vnd"), Establishment.OwnerKind.valueOf(rs.getString("offender_kind"))))
                .optional().orElse(null);
        return jdbc.sql("select i.*, u.name as unit_name from ovs_inspection i join xhht_unit u on u.id = i.unit_id where i.id = :id")
                .param("id", id).query((rs, n) -> map(rs, team, findings, sanction)).optional();
    }

    /** The teams of these inspections (for the yearly plan document), by inspection id. */
    Map<Long, List<Member>> teams(List<Long> inspectionIds) {
        Map<Long, List<Member>> out = new LinkedHashMap<>();
        if (inspectionIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select * from ovs_team_member where inspection_id = any(:ids) order by inspection_id, id")
                .param("ids", inspectionIds.toArray(Long[]::new)).query((ResultSet rs) -> {
                    out.computeIfAbsent(rs.getLong("inspection_id"), k -> new ArrayList<>())
                            .add(new Member(rs.getString("full_name"), rs.getString("agency"), rs.getString("position")));
                });
        return out;
    }

    /** The subject's commune, name and kind, after checking the user may read it. */
    private record Subject(long unitId, String name, Establishment establishment) {
    }

    private Subject subject(CurrentUser user, SubjectType type, long id) {
        if (type == SubjectType.ESTABLISHMENT) {
            Establishment e = establishments.get(user, id);
            return new Subject(e.unitId(), e.name(), e);
        }
        Centre c = centres.require(user, id);
        return new Subject(c.communeId(), c.name(), null);
    }

    /** May the user inspect this subject on that date (role by the rule, and the subject in its own area)? */
    boolean mayInspect(CurrentUser user, Subject s, LocalDate date) {
        if (!units.canWrite(user, s.unitId())) {
            return false;
        }
        if (user.role() == Role.SYSTEM_ADMIN || user.role() == Role.INSPECTOR) {
            return true;
        }
        if (s.establishment() == null) {
            return CENTRE_INSPECTORS.contains(user.role());
        }
        return rules.issuerRules(s.establishment().kind(), "INSPECTION", date).stream().anyMatch(r -> r.recorderRole() == user.role());
    }

    public boolean canRecord(CurrentUser user, Inspection i) {
        Subject s = new Subject(i.unitId(), i.subjectName(), i.establishmentId() == null ? null
                : establishments.find(i.establishmentId()).orElse(null));
        return user.userId() == (i.inspectorId() == null ? -1 : i.inspectorId()) && units.canWrite(user, i.unitId())
                || mayInspect(user, s, i.date());
    }

    public long create(CurrentUser user, Form f) {
        List<Violation> v = new ArrayList<>();
        if (f.subjectType() == null) {
            v.add(new Violation("subjectType", "oversight.inspection.subjectType.required"));
        }
        if (f.subjectId() == null) {
            v.add(new Violation("subjectId", "oversight.inspection.subject.required"));
        }
        if (f.date() == null) {
            v.add(new Violation("date", "oversight.inspection.date.required"));
        }
        InputRules.date(v, "date", f.date());
        if (f.planYear() != null && (f.planYear() < 2000 || f.planYear() > 2100)) {
            v.add(new Violation("planYear", "oversight.inspection.planYear.invalid"));
        }
        InputRules.maxLength(v, "conclusion", f.conclusion(), TextLimits.OVS_INSPECTION__CONCLUSION);
        List<Member> team = new ArrayList<>();
        List<Member> given = f.team() == null ? List.of() : f.team();
        for (int i = 0; i < given.size(); i++) {
            Member m = given.get(i);
            if (m == null || EstablishmentRegistry.nfc(m.fullName()) == null && EstablishmentRegistry.nfc(m.agency()) == null
                    && EstablishmentRegistry.nfc(m.position()) == null) {
                continue;
            }
            String p = "team[" + i + "].";
            if (EstablishmentRegistry.nfc(m.fullName()) == null) {
                v.add(new Violation(p + "fullName", "oversight.team.name.required"));
            }
            if (EstablishmentRegistry.nfc(m.agency()) == null) {
                v.add(new Violation(p + "agency", "oversight.team.agency.required"));
            }
            InputRules.maxLength(v, p + "fullName", m.fullName(), TextLimits.OVS_TEAM_MEMBER__FULL_NAME);
            InputRules.maxLength(v, p + "agency", m.agency(), TextLimits.OVS_TEAM_MEMBER__AGENCY);
            InputRules.maxLength(v, p + "position", m.position(), TextLimits.OVS_TEAM_MEMBER__POSITION);
            team.add(new Member(EstablishmentRegistry.nfc(m.fullName()), EstablishmentRegistry.nfc(m.agency()),
                    EstablishmentRegistry.nfc(m.position())));
        }
        if (team.isEmpty() && v.stream().noneMatch(x -> x.field().startsWith("team"))) {
            v.add(new Violation("team", "oversight.team.required"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        Subject s = subject(user, f.subjectType(), f.subjectId());
        if (!units.canWrite(user, s.unitId())) {
            throw new InvalidInputProblem("subjectId", "oversight.unit.outOfArea");
        }
        if (!mayInspect(user, s, f.date())) {
            throw new AccessDeniedProblem("oversight.inspection.notYourAuthority");
        }
        long id = jdbc.sql("""
                insert into ovs_inspection (subject_type, establishment_id, centre_id, unit_id, subject_name, inspected_on, plan_year,
                                            conclusion, inspector_id, created_by)
                values (:type, :est, :centre, :unit, :name, :date, :year, :conclusion, :inspector, :by) returning id
                """).param("type", f.subjectType().name())
                .param("est", f.subjectType() == SubjectType.ESTABLISHMENT ? f.subjectId() : null)
                .param("centre", f.subjectType() == SubjectType.CENTRE ? f.subjectId() : null)
                .param("unit", s.unitId()).param("name", s.name()).param("date", f.date())
                .param("year", f.planYear() == null ? f.date().getYear() : f.planYear())
                .param("conclusion", EstablishmentRegistry.nfc(f.conclusion())).param("inspector", user.userId() > 0 ? user.userId() : null)
                .param("by", user.username()).query(Long.class).single();
        for (Member m : team) {
            jdbc.sql("insert into ovs_team_member (inspection_id, full_name, agency, position) values (:i, :n, :a, :p)")
                    .param("i", id).param("n", m.fullName()).param("a", m.agency()).param("p", m.position()).update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("subjectType", f.subjectType().name());
        after.put("subjectId", f.subjectId());
        after.put("subject", s.name());
        after.put("date", String.valueOf(f.date()));
        after.put("team", team.stream().map(m -> m.fullName() + " (" + m.agency() + ")").toList());
        audit.change(AuditAction.CREATE, "Inspection", id, s.unitId(), null, after, "Kiểm tra " + s.name());
        return id;
    }

    public long addFinding(CurrentUser user, long inspectionId, FindingForm f) {
        Inspection i = get(user, inspectionId);
        if (!canRecord(user, i)) {
            throw new AccessDeniedProblem("oversight.inspection.notYourAuthority");
        }
        List<Violation> v = new ArrayList<>();
        String note = EstablishmentRegistry.nfc(f.note());
        if (note == null) {
            v.add(new Violation("note", "oversight.finding.note.required"));
        }
        InputRules.maxLength(v, "note", note, TextLimits.OVS_FINDING__NOTE);
        InputRules.maxLength(v, "remedy", f.remedy(), TextLimits.OVS_FINDING__REMEDY);
        if (f.item() != null && rules.checkItems(i.subjectType().name()).stream().noneMatch(c -> c.itemNo() == f.item())) {
            v.add(new Violation("item", "oversight.finding.item.notInRecord", f.item()));
        }
        String code = EstablishmentRegistry.nfc(f.violationCode());
        if (code != null) {
            Optional<OversightRules.ViolationType> vt = rules.violationType(code);
            if (i.subjectType() == SubjectType.CENTRE) {
                v.add(new Violation("violationCode", "oversight.finding.violation.notForCentre"));
            } else if (vt.isEmpty()) {
                v.add(new Violation("violationCode", "oversight.finding.violation.unknown", code));
            } else if (!vt.get().validOn(i.date())) {
                v.add(new Violation("violationCode", "oversight.finding.violation.notInForce", code));
            }
        }
        boolean remedyGiven = EstablishmentRegistry.nfc(f.remedy()) != null;
        if (f.remedyWorkingDays() != null && (f.remedyWorkingDays() < 1 || f.remedyWorkingDays() > MAX_REMEDY_DAYS)) {
            v.add(new Violation("remedyWorkingDays", "oversight.finding.remedyDays.range", MAX_REMEDY_DAYS));
        } else if (remedyGiven && f.remedyWorkingDays() == null) {
            v.add(new Violation("remedyWorkingDays", "oversight.finding.remedyDays.required"));
        } else if (!remedyGiven && f.remedyWorkingDays() != null) {
            v.add(new Violation("remedy", "oversight.finding.remedy.required"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        LocalDate due = f.remedyWorkingDays() == null ? null : workingDays.add(i.date(), f.remedyWorkingDays());
        long id = jdbc.sql("""
                insert into ovs_finding (inspection_id, item_no, violation_code, note, remedy, remedy_working_days, remedy_due)
                values (:i, :item, :code, :note, :remedy, :days, :due) returning id
                """).param("i", inspectionId).param("item", f.item()).param("code", code).param("note", note)
                .param("remedy", EstablishmentRegistry.nfc(f.remedy())).param("days", f.remedyWorkingDays()).param("due", due)
                .query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("item", f.item());
        after.put("violationCode", code);
        after.put("note", note);
        after.put("remedy", EstablishmentRegistry.nfc(f.remedy()));
        after.put("remedyDue", String.valueOf(due));
        audit.change(AuditAction.CREATE, "InspectionFinding", id, i.unitId(), null, after, "Kết quả kiểm tra " + i.subjectName());
        return id;
    }

    /** The follow-up check: the remedy was carried out on {@code date}. */
    public void resolve(CurrentUser user, long inspectionId, long findingId, LocalDate date, String note) {
        Inspection i = get(user, inspectionId);
        if (!canRecord(user, i)) {
            throw new AccessDeniedProblem("oversight.inspection.notYourAuthority");
        }
        Finding f = i.findings().stream().filter(x -> x.id() == findingId).findFirst()
                .orElseThrow(() -> new NotFoundProblem("oversight.finding.notFound", findingId));
        List<Violation> v = new ArrayList<>();
        if (date == null) {
            v.add(new Violation("date", "oversight.finding.resolved.required"));
        } else if (date.isBefore(i.date()) || date.isAfter(clock.today())) {
            v.add(new Violation("date", "oversight.finding.resolved.range"));
        }
        InputRules.maxLength(v, "note", note, TextLimits.OVS_FINDING__RESOLVED_NOTE);
        if (f.remedyDue() == null) {
            v.add(new Violation("date", "oversight.finding.noRemedy"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        jdbc.sql("update ovs_finding set resolved_on = :d, resolved_note = :n where id = :id").param("d", date)
                .param("n", EstablishmentRegistry.nfc(note)).param("id", findingId).update();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("resolvedOn", String.valueOf(f.resolvedOn()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("resolvedOn", String.valueOf(date));
        after.put("resolvedNote", EstablishmentRegistry.nfc(note));
        audit.change(AuditAction.UPDATE, "InspectionFinding", findingId, i.unitId(), before, after, "Kiểm tra lại " + i.subjectName());
    }

    /** The fine range of the inspection's violations for the offender: the sum of each violation's range. */
    public record FineRange(long min, long max, Establishment.OwnerKind offenderKind, int percent) {
    }

    @Transactional(readOnly = true)
    public Optional<FineRange> fineRange(Inspection i) {
        if (i.establishmentId() == null) {
            return Optional.empty();
        }
        List<OversightRules.ViolationType> types = i.findings().stream().filter(f -> f.violationCode() != null)
                .map(f -> rules.violationType(f.violationCode()).orElseThrow()).toList();
        if (types.isEmpty()) {
            return Optional.empty();
        }
        Establishment.OwnerKind offender = establishments.find(i.establishmentId()).map(Establishment::ownerKind)
                .orElse(Establishment.OwnerKind.ORGANISATION);
        int percent = offender == Establishment.OwnerKind.INDIVIDUAL ? rules.value(OversightRules.INDIVIDUAL_FINE_PERCENT, i.date())
                .map(r -> r.value().intValue()).orElse(100) : 100;
        long min = types.stream().mapToLong(t -> t.fineMinVnd() == null ? 0 : t.fineMinVnd()).sum() * percent / 100;
        long max = types.stream().mapToLong(OversightRules.ViolationType::fineMaxVnd).sum() * percent / 100;
        return Optional.of(new FineRange(min, max, offender, percent));
    }

    public long decide(CurrentUser user, long inspectionId, DecisionForm f) {
        Inspection i = get(user, inspectionId);
        if (!canRecord(user, i)) {
            throw new AccessDeniedProblem("oversight.inspection.notYourAuthority");
        }
        List<Violation> v = new ArrayList<>();
        String number = EstablishmentRegistry.nfc(f.number());
        String authority = EstablishmentRegistry.nfc(f.authority());
        if (number == null) {
            v.add(new Violation("number", "oversight.decision.number.required"));
        }
        InputRules.maxLength(v, "number", number, TextLimits.OVS_SANCTION__NUMBER);
        if (authority == null) {
            v.add(new Violation("authority", "oversight.decision.authority.required"));
        }
        InputRules.maxLength(v, "authority", authority, TextLimits.OVS_SANCTION__AUTHORITY);
        if (f.date() == null) {
            v.add(new Violation("date", "oversight.decision.date.required"));
        } else if (f.date().isBefore(i.date()) || f.date().isAfter(clock.today())) {
            v.add(new Violation("date", "oversight.decision.date.range"));
        }
        Optional<FineRange> range = fineRange(i);
        if (i.sanction() != null) {
            v.add(new Violation("number", "oversight.decision.exists", i.sanction().number()));
        }
        if (f.fineVnd() == null) {
            v.add(new Violation("fineVnd", "oversight.decision.fine.required"));
        } else if (range.isEmpty()) {
            v.add(new Violation("fineVnd", "oversight.decision.noViolation"));
        } else if (f.fineVnd() < range.get().min() || f.fineVnd() > range.get().max()) {
            v.add(new Violation("fineVnd", "oversight.decision.fine.outOfRange", vnd(range.get().min()), vnd(range.get().max())));
        }
        if (number != null && authority != null && jdbc.sql("""
                select exists (select 1 from ovs_sanction where xhht_search_key(authority) = xhht_search_key(:a)
                               and xhht_search_key(number) = xhht_search_key(:n))
                """).param("a", authority).param("n", number).query(Boolean.class).single()) {
            v.add(new Violation("number", "oversight.decision.number.duplicate", number));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into ovs_sanction (inspection_id, number, decided_on, authority, fine_vnd, offender_kind, created_by)
                    values (:i, :n, :d, :a, :fine, :offender, :by) returning id
                    """).param("i", inspectionId).param("n", number).param("d", f.date()).param("a", authority).param("fine", f.fineVnd())
                    .param("offender", range.get().offenderKind().name()).param("by", user.username()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputProblem("number", "oversight.decision.number.duplicate", number);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("number", number);
        after.put("date", String.valueOf(f.date()));
        after.put("authority", authority);
        after.put("fineVnd", f.fineVnd());
        audit.change(AuditAction.CREATE, "SanctionDecision", id, i.unitId(), null, after, "Quyết định xử phạt " + number + " — " + i.subjectName());
        return id;
    }

    /** Open remedies of the user's work: inspections it leads, or of its own unit. */
    @Transactional(readOnly = true)
    public List<OpenRemedy> openRemedies(CurrentUser user) {
        return jdbc.sql(OPEN_REMEDIES + " order by f.remedy_due, f.id limit 50")
                .param("user", user.userId()).param("unit", user.unitId()).query(Inspections::openRemedy).list();
    }

    /** The first {@code limit} open remedies of the user that are overdue on {@code today} (or, {@code overdue} false, not yet). */
    public List<OpenRemedy> openRemedies(CurrentUser user, boolean overdue, LocalDate today, int limit) {
        return jdbc.sql(OPEN_REMEDIES + (overdue ? " and f.remedy_due < :today" : " and f.remedy_due >= :today")
                        + " order by f.remedy_due, f.id limit :limit")
                .param("user", user.userId()).param("unit", user.unitId()).param("today", today).param("limit", limit)
                .query(Inspections::openRemedy).list();
    }

    /** How many open remedies of the user are overdue on {@code today}, counted in SQL for the home. */
    public long countOverdueRemedies(CurrentUser user, LocalDate today) {
        return jdbc.sql("select count(*) from (" + OPEN_REMEDIES + " and f.remedy_due < :today) o")
                .param("user", user.userId()).param("unit", user.unitId()).param("today", today).query(Long.class).single();
    }

    private static final String OPEN_REMEDIES = """
            select i.id, i.subject_name, f.remedy, f.remedy_due from ovs_finding f join ovs_inspection i on i.id = f.inspection_id
            where f.resolved_on is null and f.remedy_due is not null and (i.inspector_id = :user or i.unit_id = :unit)
            """;

    private static OpenRemedy openRemedy(ResultSet rs, int n) throws SQLException {
        return new OpenRemedy(rs.getLong("id"), rs.getString("subject_name"), rs.getString("remedy"), rs.getObject("remedy_due", LocalDate.class));
    }

    public record OpenRemedy(long inspectionId, String subjectName, String remedy, LocalDate due) {
    }

    static String vnd(long amount) {
        return vn.xhht.shared.VietnameseNumbers.format(BigDecimal.valueOf(amount));
    }

    private static Inspection map(ResultSet rs, List<Member> team, List<Finding> findings, Sanction sanction) throws SQLException {
        return new Inspection(rs.getLong("id"), SubjectType.valueOf(rs.getString("subject_type")), rs.getObject("establishment_id", Long.class),
                rs.getObject("centre_id", Long.class), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("subject_name"),
                rs.getObject("inspected_on", LocalDate.class), rs.getInt("plan_year"), rs.getString("conclusion"),
                rs.getObject("inspector_id", Long.class), team, findings, sanction);
    }
}
