package vn.xhht.resources;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.TextLimits;

/**
 * Training of the centres' people (R37): events with their attendance taken from the centres' people records, and
 * each centre's count of events attended in a calendar year against the province's minimum (data with certainty).
 */
@Service
@Transactional
public class Trainings {

    public enum Organiser { PROVINCE, COMMUNE, TTGDNN, ASSOCIATION, OTHER }

    static final Set<Role> ORGANISERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER,
            Role.COMMUNE_OFFICER, Role.TTGDNN_STAFF, Role.ASSOCIATION_EVALUATOR);

    @Schema(name = "Training", description = "Một đợt tập huấn. / A training event.")
    public record Training(long id, long unitId, String unitName, Organiser organiser, String title, String topic,
                           LocalDate startDate, LocalDate endDate, String venue, String trainers, String audience, long attendees) {
    }

    public record Form(Long unitId, String title, String topic, LocalDate startDate, LocalDate endDate, String organiser,
                       String venue, String trainers, String audience) {
    }

    @Schema(name = "TrainingCompliance", description = "Số đợt tập huấn người của trung tâm đã dự trong năm so với mức tối thiểu. "
            + "/ Events the centre's people attended in the year against the minimum.")
    public record Compliance(long centreId, String centreName, long events, int required, boolean compliant) {
    }

    public record Rule(int minPerYear, String legalBasis, String certainty) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final AuditTrail audit;

    Trainings(JdbcClient jdbc, OrgUnitDirectory units, AuditTrail audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
    }

    public Training create(CurrentUser user, Form f) {
        List<InvalidInputProblem.Violation> v = new ArrayList<>();
        if (f.unitId() == null) {
            v.add(new InvalidInputProblem.Violation("unitId", "training.unit.required"));
        }
        if (f.title() == null || f.title().isBlank()) {
            v.add(new InvalidInputProblem.Violation("title", "training.title.required"));
        }
        InputRules.maxLength(v, "title", f.title(), TextLimits.TRAINING_EVENT__TITLE);
        InputRules.maxLength(v, "topic", f.topic(), TextLimits.TRAINING_EVENT__TOPIC);
        InputRules.maxLength(v, "venue", f.venue(), TextLimits.TRAINING_EVENT__VENUE);
        InputRules.maxLength(v, "trainers", f.trainers(), TextLimits.TRAINING_EVENT__TRAINERS);
        InputRules.maxLength(v, "audience", f.audience(), TextLimits.TRAINING_EVENT__AUDIENCE);
        if (f.startDate() == null) {
            v.add(new InvalidInputProblem.Violation("startDate", "training.startDate.required"));
        }
        InputRules.date(v, "startDate", f.startDate());
        LocalDate end = f.endDate() == null ? f.startDate() : f.endDate();
        InputRules.date(v, "endDate", end);
        if (f.startDate() != null && end != null && end.isBefore(f.startDate())) {
            v.add(new InvalidInputProblem.Violation("endDate", "training.endDate.beforeStart"));
        }
        Organiser organiser = null;
        try {
            organiser = InputRules.choice("organiser", Organiser.class, f.organiser());
        } catch (InvalidInputProblem e) {
            v.addAll(e.violations());
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        OrgUnit unit = units.require(f.unitId());
        if (!ORGANISERS.contains(user.role()) || !units.canWrite(user, unit.id())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        if (unit.level() == OrgUnit.NATION) {
            throw new InvalidInputProblem("unitId", "training.unit.province");
        }
        long province = unit.provinceId() == null ? unit.id() : unit.provinceId();
        long id = jdbc.sql("""
                insert into training_event (unit_id, province_id, organiser, title, topic, start_date, end_date, venue, trainers, audience, created_by)
                values (:u, :p, :o, :t, :topic, :s, :e, :venue, :trainers, :audience, :by) returning id
                """).param("u", unit.id()).param("p", province).param("o", organiser == null ? null : organiser.name())
                .param("t", f.title().strip()).param("topic", blank(f.topic())).param("s", f.startDate()).param("e", end)
                .param("venue", blank(f.venue())).param("trainers", blank(f.trainers())).param("audience", blank(f.audience()))
                .param("by", user.username()).query(Long.class).single();
        audit.change(AuditAction.CREATE, "TrainingEvent", id, unit.id(), null, Map.of("title", f.title().strip(),
                "startDate", f.startDate().toString()), "Tạo đợt tập huấn " + f.title().strip());
        return require(user, id);
    }

    /**
     * Records who attended, from the centres' people records; a person of another province than the event's, or one
     * the user cannot see, refuses the whole list (nothing saved).
     */
    public Training attend(CurrentUser user, long eventId, List<Long> personIds) {
        Training t = require(user, eventId);
        if (!ORGANISERS.contains(user.role()) || !units.canWrite(user, t.unitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        if (personIds == null || personIds.isEmpty()) {
            throw new InvalidInputProblem("personIds", "training.persons.required");
        }
        Set<Long> ids = checkedPeople(user, eventId, personIds);
        for (Long p : ids) {
            jdbc.sql("insert into training_attendance (event_id, person_id) values (:e, :p) on conflict do nothing")
                    .param("e", eventId).param("p", p).update();
        }
        audit.change(AuditAction.UPDATE, "TrainingEvent", eventId, t.unitId(), null, Map.of("personIds", List.copyOf(ids)),
                "Ghi người dự tập huấn " + t.title());
        return require(user, eventId);
    }

    /**
     * Each person must be in the people records of a centre the user can read, recorded in the event's province;
     * one that is not refuses the whole list (nothing saved).
     */
    private Set<Long> checkedPeople(CurrentUser user, long eventId, List<Long> personIds) {
        long province = jdbc.sql("select province_id from training_event where id = :id").param("id", eventId).query(Long.class).single();
        Set<Long> ids = new LinkedHashSet<>(personIds);
        for (Long p : ids) {
            if (p == null) {
                throw new InvalidInputProblem("personIds", "training.person.unknown");
            }
            List<Long> communes = jdbc.sql("""
                    select c.commune_id from xhht_centre_person cp join xhht_centre c on c.id = cp.centre_id
                     where cp.person_id = :p and cp.person_province_id = :province
                    """).param("p", p).param("province", province).query(Long.class).list();
            if (communes.isEmpty() || communes.stream().noneMatch(c -> units.canRead(user, c))) {
                throw new InvalidInputProblem("personIds", "training.person.otherProvince");
            }
        }
        return ids;
    }

    /** Whether the user takes the attendance of the event: an organiser who may write for the organising unit. */
    public boolean canRecord(CurrentUser user, Training t) {
        return ORGANISERS.contains(user.role()) && units.canWrite(user, t.unitId());
    }

    /** Who attended, by person. */
    @Transactional(readOnly = true)
    public List<Long> attendees(long eventId) {
        return jdbc.sql("select person_id from training_attendance where event_id = :e order by person_id").param("e", eventId)
                .query(Long.class).list();
    }

    /**
     * The attendance form's one save: the ticked people become the event's attendance (added and removed at once),
     * audited with the list before and after. An empty list clears it (everyone unticked is a choice, not a blank).
     */
    public Training setAttendance(CurrentUser user, long eventId, List<Long> personIds) {
        Training t = require(user, eventId);
        if (!canRecord(user, t)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        Set<Long> ids = checkedPeople(user, eventId, personIds == null ? List.of() : personIds);
        List<Long> before = attendees(eventId);
        if (before.equals(ids.stream().sorted().toList())) {
            return t;
        }
        jdbc.sql("delete from training_attendance where event_id = :e").param("e", eventId).update();
        for (Long p : ids) {
            jdbc.sql("insert into training_attendance (event_id, person_id) values (:e, :p)").param("e", eventId).param("p", p).update();
        }
        audit.change(AuditAction.UPDATE, "TrainingEvent", eventId, t.unitId(), Map.of("personIds", before),
                Map.of("personIds", ids.stream().sorted().toList()), "Điểm danh người dự tập huấn " + t.title() + ": " + ids.size() + " người");
        return require(user, eventId);
    }

    /** The centres' counts of the year against their province's minimum, for the given centres only. */
    @Transactional(readOnly = true)
    public List<Compliance> complianceOf(java.util.Collection<Long> centreIds, int year) {
        if (centreIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> required = new LinkedHashMap<>();
        return jdbc.sql(COMPLIANCE + " where c.id in (:ids) order by c.name, c.id").param("ids", centreIds).param("y", year)
                .query((rs, n) -> compliance(rs, required, year)).list();
    }

    private Compliance compliance(java.sql.ResultSet rs, Map<Long, Integer> required, int year) throws java.sql.SQLException {
        int req = required.computeIfAbsent(rs.getLong("province_id"), p -> rule(p, year).minPerYear());
        long events = rs.getLong("events");
        return new Compliance(rs.getLong("id"), rs.getString("name"), events, req, events >= req);
    }

    private static final String COMPLIANCE = """
            select c.id, c.name, c.province_id,
                   (select count(distinct a.event_id) from xhht_centre_person cp
                      join training_attendance a on a.person_id = cp.person_id
                      join training_event e on e.id = a.event_id and extract(year from e.start_date) = :y
                     where cp.centre_id = c.id) as events
              from xhht_centre c
            """;

    @Transactional(readOnly = true)
    public Training require(CurrentUser user, long id) {
        Training t = jdbc.sql(SELECT + " where e.id = :id").param("id", id).query(Trainings::map).optional()
                .orElseThrow(() -> new NotFoundProblem("training.notFound", id));
        if (!units.canRead(user, t.unitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return t;
    }

    /** Events organised in the unit's subtree or by the units above it, in the year. */
    @Transactional(readOnly = true)
    public List<Training> list(CurrentUser user, long unitId, int year) {
        OrgUnit unit = units.requireReadable(user, unitId);
        List<Long> above = new ArrayList<>(units.ancestors(unit).stream().map(OrgUnit::id).toList());
        above.add(-1L);
        return jdbc.sql(SELECT + """
                 where extract(year from e.start_date) = :y
                   and (e.unit_id in (select id from xhht_unit_subtree(:unit))
                        or e.unit_id in (:above))
                 order by e.start_date desc, e.id desc limit 500
                """).param("y", year).param("unit", unitId).param("above", above).query(Trainings::map).list();
    }

    /** A training concerns a centre when its commune (or a hamlet of it) organised it, or the centre's people attended it. */
    private static final String CONCERNS_CENTRE = """
            (e.unit_id in (select id from xhht_unit_subtree(:commune))
             or exists (select 1 from training_attendance a join xhht_centre_person cp on cp.person_id = a.person_id
                         where a.event_id = e.id and cp.centre_id = :centre))
            """;

    /** Whether a centre's budget may pay for the training (see {@link #CONCERNS_CENTRE}). */
    @Transactional(readOnly = true)
    public boolean concernsCentre(CurrentUser user, long trainingId, long centreId, long communeId) {
        if (!units.canRead(user, communeId)) {
            return false;
        }
        return jdbc.sql("select exists (select 1 from training_event e where e.id = :id and " + CONCERNS_CENTRE + ")")
                .param("id", trainingId).param("commune", communeId).param("centre", centreId).query(Boolean.class).single();
    }

    /** The trainings of the year that concern the centre, for the budget's spending lines. */
    @Transactional(readOnly = true)
    public List<Training> concerningCentre(long centreId, long communeId, int year) {
        return jdbc.sql(SELECT + " where extract(year from e.start_date) = :y and " + CONCERNS_CENTRE
                        + " order by e.start_date desc, e.id desc limit 200")
                .param("y", year).param("commune", communeId).param("centre", centreId).query(Trainings::map).list();
    }

    /** Whether the user may open the training's page. */
    boolean readable(CurrentUser user, Training t) {
        return units.canRead(user, t.unitId());
    }

    /** One training without an access check, to name it where a readable record already points at it. */
    @Transactional(readOnly = true)
    java.util.Optional<Training> find(long id) {
        return jdbc.sql(SELECT + " where e.id = :id").param("id", id).query(Trainings::map).optional();
    }

    /** The minimum per year in the province on 1 January of the year: its own rule, else the general one. */
    @Transactional(readOnly = true)
    public Rule rule(long provinceId, int year) {
        LocalDate on = LocalDate.of(year, 1, 1);
        return jdbc.sql("""
                select min_per_year, legal_basis, certainty from training_rule
                 where (province_id = :p or province_id is null) and valid_from <= :d and (valid_to is null or valid_to >= :d)
                 order by province_id nulls last, valid_from desc limit 1
                """).param("p", provinceId).param("d", on)
                .query((rs, n) -> new Rule(rs.getInt("min_per_year"), rs.getString("legal_basis"), rs.getString("certainty")))
                .optional().orElse(new Rule(0, "", "unknown"));
    }

    /** Each centre under the unit: the events its people attended in the calendar year, against its province's minimum. */
    @Transactional(readOnly = true)
    public List<Compliance> compliance(CurrentUser user, long unitId, int year) {
        units.requireReadable(user, unitId);
        Map<Long, Integer> required = new LinkedHashMap<>();
        return jdbc.sql(COMPLIANCE + """
                 where c.commune_id in (select id from xhht_unit_subtree(:unit))
                 order by c.name, c.id limit 5000
                """).param("unit", unitId).param("y", year).query((rs, n) -> compliance(rs, required, year)).list();
    }

    static final String SELECT = """
            select e.*, u.name as unit_name, (select count(*) from training_attendance a where a.event_id = e.id) as attendees
              from training_event e join xhht_unit u on u.id = e.unit_id
            """;

    static Training map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Training(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                rs.getString("organiser") == null ? null : Organiser.valueOf(rs.getString("organiser")), rs.getString("title"),
                rs.getString("topic"), rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getString("venue"), rs.getString("trainers"), rs.getString("audience"), rs.getLong("attendees"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
