package vn.xhht.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
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
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.oversight.Establishment.Act;
import vn.xhht.oversight.Establishment.ActKind;
import vn.xhht.oversight.Establishment.Kind;
import vn.xhht.oversight.Establishment.OwnerKind;
import vn.xhht.oversight.Establishment.Status;
import vn.xhht.oversight.Establishment.Teacher;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.InvalidInputProblem.Violation;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.VietnamClock;

/**
 * The province-wide registry of out-of-school establishments. Everyone reads the establishments of its area (a
 * commune its own); offices register and edit them, a commune only its extra-teaching establishments (it manages
 * them since 1/7/2025). Acts are recorded only by the role the issuer rule of that kind, act and date names.
 */
@Service
@Transactional
public class EstablishmentRegistry {

    public record Form(Kind kind, String name, String address, Long unitId, String owner, OwnerKind ownerKind, String director,
                       LocalDate directorTermFrom, LocalDate directorTermTo, String programmes, String fees, String disclosure,
                       LocalDate firstActivityOn, List<Teacher> teachers, Long version) {
    }

    public record ActForm(ActKind kind, String number, LocalDate issuedOn, String issuer, String note) {
    }

    public record Filter(Long unitId, Kind kind, String q) {
    }

    static final Set<Role> OFFICES = EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER);

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final OversightRules rules;
    private final AuditTrail audit;
    private final VietnamClock clock;

    EstablishmentRegistry(JdbcClient jdbc, OrgUnitDirectory units, OversightRules rules, AuditTrail audit, VietnamClock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /** The SQL condition "establishment e is in the user's read area"; the one place to swap for an orgunit scope function. */
    private static String inReadScope() {
        return """
                e.unit_id in (select id from xhht_read_scope(:scopeUnit))
                """;
    }

    private static final String SELECT = """
            select e.*, u.name as unit_name,
                   (select min(a.issued_on) from ovs_act a where a.establishment_id = e.id
                     and a.kind in ('ESTABLISHMENT_DECISION', 'OPERATION_PERMISSION')) as licensed_on
            from ovs_establishment e join xhht_unit u on u.id = e.unit_id
            """;

    @Transactional(readOnly = true)
    public List<Establishment> list(CurrentUser user, Filter f, int limit) {
        if (f.unitId() != null) {
            units.requireReadable(user, f.unitId());
        }
        String q = f.q() == null ? "" : f.q().strip();
        List<OversightRules.RuleValue> inactivity = inactivityRules();
        // one statement per shape (as the public search): a cached generic plan of "(:q = '' or …)" read every row of
        // the area through the trigram index and sorted them; a typed search is planned with its own pattern
        StringBuilder where = new StringBuilder(" where ").append(inReadScope());
        if (f.unitId() != null) {
            where.append(" and u.id in (select id from xhht_unit_subtree(:unit))");
        }
        if (f.kind() != null) {
            where.append(" and e.kind = :kind");
        }
        if (!q.isEmpty()) {
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            where.append(" and e.search_text like '%' || xhht_search_key(:q) || '%'");
        }
        var sql = jdbc.sql(SELECT + where + " order by e.name, e.id limit :limit").param("scopeUnit", user.unitId())
                .param("limit", Math.max(1, Math.min(limit, 5000)));
        if (f.unitId() != null) {
            sql = sql.param("unit", f.unitId());
        }
        if (f.kind() != null) {
            sql = sql.param("kind", f.kind().name());
        }
        if (!q.isEmpty()) {
            sql = sql.param("q", PublicEstablishments.likeLiteral(q));
        }
        return sql.query((rs, n) -> map(rs, List.of(), List.of(), inactivity)).list();
    }

    /**
     * How many establishments of the user's area are due for suspension, counted in SQL with the same rule as
     * {@link #suspensionDue}: the home asks this on every visit and must not load the registry to count it.
     */
    @Transactional(readOnly = true)
    public long countSuspensionDue(CurrentUser user) {
        return jdbc.sql("""
                select count(*) from ovs_establishment e
                join lateral (select min(a.issued_on) as licensed_on from ovs_act a where a.establishment_id = e.id
                                and a.kind in ('ESTABLISHMENT_DECISION', 'OPERATION_PERMISSION')) l on l.licensed_on is not null
                join lateral (select cast(l.licensed_on + make_interval(months => cast(r.value_num as int)) as date) as deadline
                              from ovs_rule r where r.code = :code and r.valid_from <= l.licensed_on
                                and (r.valid_to is null or r.valid_to >= l.licensed_on)
                              order by r.valid_from limit 1) d on true
                where e.status = 'ACTIVE'
                """ + " and " + inReadScope() + """
                  and :today > d.deadline and (e.first_activity_on is null or e.first_activity_on > d.deadline)
                """).param("code", OversightRules.INACTIVITY_MONTHS).param("today", clock.today()).param("scopeUnit", user.unitId())
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Establishment get(CurrentUser user, long id) {
        Establishment e = find(id).orElseThrow(() -> new NotFoundProblem("oversight.establishment.notFound", id));
        if (!units.canRead(user, e.unitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return e;
    }

    Optional<Establishment> find(long id) {
        List<Teacher> teachers = jdbc.sql("select * from ovs_teacher where establishment_id = :id order by id").param("id", id)
                .query((rs, n) -> new Teacher(rs.getLong("id"), rs.getString("full_name"), rs.getBoolean("is_foreign"),
                        rs.getString("nationality"), rs.getString("qualification"), rs.getObject("work_permit_until", LocalDate.class)))
                .list();
        List<Act> acts = acts(id);
        List<OversightRules.RuleValue> inactivity = inactivityRules();
        return jdbc.sql(SELECT + " where e.id = :id").param("id", id).query((rs, n) -> map(rs, teachers, acts, inactivity)).optional();
    }

    List<Act> acts(long establishmentId) {
        return jdbc.sql("""
                select a.*, r.issuer_vi, r.legal_basis, r.certainty from ovs_act a left join ovs_issuer_rule r on r.id = a.rule_id
                where a.establishment_id = :id order by a.issued_on, a.id
                """).param("id", establishmentId).query((rs, n) -> new Act(rs.getLong("id"), ActKind.valueOf(rs.getString("kind")),
                rs.getString("number"), rs.getObject("issued_on", LocalDate.class), rs.getString("issuer"), rs.getString("note"),
                rs.getString("issuer_vi"), rs.getString("legal_basis"), rs.getString("certainty"))).list();
    }

    /** May this user register or edit establishments of this kind (the area is checked with the commune)? */
    public boolean canEdit(CurrentUser user, Kind kind) {
        return OFFICES.contains(user.role()) || user.role() == Role.COMMUNE_OFFICER && kind == Kind.EXTRA_TEACHING;
    }

    public boolean canEdit(CurrentUser user, Establishment e) {
        return canEdit(user, e.kind()) && units.canWrite(user, e.unitId());
    }

    /** The acts this user may record for the establishment today (the rule's recorder role). */
    public List<ActKind> recordableActs(CurrentUser user, Establishment e) {
        if (!units.canWrite(user, e.unitId())) {
            return List.of();
        }
        LocalDate today = clock.today();
        return java.util.Arrays.stream(ActKind.values()).filter(k -> user.role() == Role.SYSTEM_ADMIN && !rules.issuerRules(e.kind(), k.name(), today).isEmpty()
                || rules.issuerRules(e.kind(), k.name(), today).stream().anyMatch(r -> r.recorderRole() == user.role())).toList();
    }

    public long create(CurrentUser user, Form f) {
        if (f.kind() != null && !canEdit(user, f.kind())) {
            throw new AccessDeniedProblem("oversight.cannotEdit");
        }
        Form checked = check(user, f);
        long id = jdbc.sql("""
                insert into ovs_establishment (kind, name, address, unit_id, owner_name, owner_kind, director_name, director_term_from,
                       director_term_to, programmes, fees, disclosure, first_activity_on, created_by)
                values (:kind, :name, :address, :unit, :owner, :ownerKind, :director, :termFrom, :termTo, :programmes, :fees,
                        :disclosure, :firstActivity, :by) returning id
                """).params(params(checked)).param("by", user.username()).query(Long.class).single();
        saveTeachers(id, checked.teachers());
        Establishment after = find(id).orElseThrow();
        audit.change(AuditAction.CREATE, "Establishment", id, after.unitId(), null, snapshot(after), "Thêm cơ sở " + after.name());
        return id;
    }

    public void update(CurrentUser user, long id, Form f) {
        Establishment before = get(user, id);
        if (!canEdit(user, before)) {
            throw new AccessDeniedProblem("oversight.cannotEdit");
        }
        if (f.kind() != null && !canEdit(user, f.kind())) {
            throw new AccessDeniedProblem("oversight.cannotEdit");
        }
        Form checked = check(user, f);
        int n = jdbc.sql("""
                update ovs_establishment set kind = :kind, name = :name, address = :address, unit_id = :unit, owner_name = :owner,
                       owner_kind = :ownerKind, director_name = :director, director_term_from = :termFrom, director_term_to = :termTo,
                       programmes = :programmes, fees = :fees, disclosure = :disclosure, first_activity_on = :firstActivity,
                       version = version + 1, updated_at = now()
                where id = :id and version = :v
                """).params(params(checked)).param("id", id).param("v", f.version() == null ? before.version() : f.version()).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("Establishment " + id);
        }
        if (f.teachers() != null) {
            jdbc.sql("delete from ovs_teacher where establishment_id = :id").param("id", id).update();
            saveTeachers(id, checked.teachers());
        }
        Establishment after = find(id).orElseThrow();
        audit.change(AuditAction.UPDATE, "Establishment", id, after.unitId(), snapshot(before), snapshot(after), "Sửa cơ sở " + after.name());
    }

    public long addAct(CurrentUser user, long establishmentId, ActForm f) {
        Establishment e = get(user, establishmentId);
        List<Violation> v = new ArrayList<>();
        if (f.kind() == null) {
            v.add(new Violation("kind", "oversight.act.kind.required"));
        }
        String number = nfc(f.number());
        if (number == null) {
            v.add(new Violation("number", "oversight.act.number.required"));
        }
        InputRules.maxLength(v, "number", number, TextLimits.OVS_ACT__NUMBER);
        if (f.issuedOn() == null) {
            v.add(new Violation("issuedOn", "oversight.act.issuedOn.required"));
        } else if (f.issuedOn().isAfter(clock.today())) {
            v.add(new Violation("issuedOn", "oversight.act.issuedOn.future"));
        }
        InputRules.date(v, "issuedOn", f.issuedOn());
        InputRules.maxLength(v, "note", f.note(), TextLimits.OVS_ACT__NOTE);
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        if (!units.canWrite(user, e.unitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        List<OversightRules.IssuerRule> applicable = rules.issuerRules(e.kind(), f.kind().name(), f.issuedOn());
        if (applicable.isEmpty()) {
            throw new InvalidInputProblem("kind", "oversight.act.kind.notForKind");
        }
        OversightRules.IssuerRule rule = applicable.stream().filter(r -> r.recorderRole() == user.role()).findFirst()
                .orElse(user.role() == Role.SYSTEM_ADMIN ? applicable.get(0) : null);
        if (rule == null) {
            throw new AccessDeniedProblem("oversight.act.notYourAuthority");
        }
        String issuer = nfc(f.issuer()) == null ? rule.issuer() : nfc(f.issuer());
        List<Violation> w = new ArrayList<>();
        InputRules.maxLength(w, "issuer", issuer, TextLimits.OVS_ACT__ISSUER);
        if (!w.isEmpty()) {
            throw new InvalidInputProblem(w);
        }
        boolean taken = jdbc.sql("""
                select exists (select 1 from ovs_act where xhht_search_key(issuer) = xhht_search_key(:issuer)
                               and xhht_search_key(number) = xhht_search_key(:number))
                """).param("issuer", issuer).param("number", number).query(Boolean.class).single();
        if (taken) {
            throw new InvalidInputProblem("number", "oversight.act.number.duplicate", number);
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into ovs_act (establishment_id, kind, number, issued_on, issuer, rule_id, note, created_by)
                    values (:e, :kind, :number, :issued, :issuer, :rule, :note, :by) returning id
                    """).param("e", establishmentId).param("kind", f.kind().name()).param("number", number).param("issued", f.issuedOn())
                    .param("issuer", issuer).param("rule", rule.id()).param("note", nfc(f.note())).param("by", user.username())
                    .query(Long.class).single();
        } catch (DuplicateKeyException ex) {
            throw new InvalidInputProblem("number", "oversight.act.number.duplicate", number);
        }
        Status status = statusOf(acts(establishmentId));
        jdbc.sql("update ovs_establishment set status = :s, version = version + 1, updated_at = now() where id = :id")
                .param("s", status.name()).param("id", establishmentId).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", f.kind().name());
        after.put("number", number);
        after.put("issuedOn", String.valueOf(f.issuedOn()));
        after.put("issuer", issuer);
        after.put("status", status.name());
        audit.change(AuditAction.CREATE, "EstablishmentAct", id, e.unitId(), null, after, "Ghi văn bản " + number + " của " + e.name());
        return id;
    }

    /** Dissolution ends it; otherwise the latest of licence and suspension decides. */
    static Status statusOf(List<Act> acts) {
        if (acts.stream().anyMatch(a -> a.kind() == ActKind.DISSOLUTION)) {
            return Status.DISSOLVED;
        }
        Status s = Status.PENDING;
        for (Act a : acts) {
            s = a.kind() == ActKind.SUSPENSION ? Status.SUSPENDED : Status.ACTIVE;
        }
        return s;
    }

    private Form check(CurrentUser user, Form f) {
        List<Violation> v = new ArrayList<>();
        if (f.kind() == null) {
            v.add(new Violation("kind", "oversight.kind.required"));
        }
        String name = nfc(f.name());
        if (name == null) {
            v.add(new Violation("name", "oversight.name.required"));
        }
        InputRules.maxLength(v, "name", name, TextLimits.OVS_ESTABLISHMENT__NAME);
        String address = nfc(f.address());
        if (address == null) {
            v.add(new Violation("address", "oversight.address.required"));
        }
        InputRules.maxLength(v, "address", address, TextLimits.OVS_ESTABLISHMENT__ADDRESS);
        if (f.unitId() == null) {
            v.add(new Violation("unitId", "oversight.unit.required"));
        } else {
            Optional<OrgUnit> unit = units.find(f.unitId());
            if (unit.isEmpty() || !unit.get().isCommune() || !unit.get().validOn(clock.today())) {
                v.add(new Violation("unitId", "oversight.unit.notCommune"));
            } else if (!units.canWrite(user, f.unitId())) {
                v.add(new Violation("unitId", "oversight.unit.outOfArea"));
            }
        }
        InputRules.maxLength(v, "owner", f.owner(), TextLimits.OVS_ESTABLISHMENT__OWNER_NAME);
        String director = nfc(f.director());
        InputRules.maxLength(v, "director", director, TextLimits.OVS_ESTABLISHMENT__DIRECTOR_NAME);
        InputRules.date(v, "directorTermFrom", f.directorTermFrom());
        InputRules.date(v, "directorTermTo", f.directorTermTo());
        InputRules.date(v, "firstActivityOn", f.firstActivityOn());
        LocalDate termTo = f.directorTermTo();
        if (director != null && f.kind() == Kind.FOREIGN_LANGUAGE_IT) {
            // the director of a foreign-language or IT centre is appointed for a term (TT 21/2018): no term, no director
            if (f.directorTermFrom() == null) {
                v.add(new Violation("directorTermFrom", "oversight.director.termRequired"));
            } else {
                Optional<OversightRules.RuleValue> years = rules.value(OversightRules.DIRECTOR_TERM_YEARS, f.directorTermFrom());
                if (years.isPresent()) {
                    LocalDate longest = f.directorTermFrom().plusYears(years.get().value().longValue()).minusDays(1);
                    if (termTo == null) {
                        termTo = longest;
                    } else if (termTo.isAfter(longest)) {
                        v.add(new Violation("directorTermTo", "oversight.director.termTooLong", years.get().value().intValue()));
                    }
                }
            }
        }
        if (f.directorTermFrom() != null && termTo != null && termTo.isBefore(f.directorTermFrom())) {
            v.add(new Violation("directorTermTo", "oversight.director.termBeforeStart"));
        }
        InputRules.maxLength(v, "programmes", f.programmes(), TextLimits.OVS_ESTABLISHMENT__PROGRAMMES);
        InputRules.maxLength(v, "fees", f.fees(), TextLimits.OVS_ESTABLISHMENT__FEES);
        InputRules.maxLength(v, "disclosure", f.disclosure(), TextLimits.OVS_ESTABLISHMENT__DISCLOSURE);
        List<Teacher> teachers = new ArrayList<>();
        List<Teacher> given = f.teachers() == null ? List.of() : f.teachers();
        for (int i = 0; i < given.size(); i++) {
            Teacher t = given.get(i);
            String p = "teachers[" + i + "].";
            if (t == null) {
                continue;
            }
            String tn = nfc(t.fullName());
            if (tn == null && nfc(t.nationality()) == null && nfc(t.qualification()) == null && t.workPermitUntil() == null) {
                continue;
            }
            if (tn == null) {
                v.add(new Violation(p + "fullName", "oversight.teacher.name.required"));
            }
            InputRules.maxLength(v, p + "fullName", tn, TextLimits.OVS_TEACHER__FULL_NAME);
            InputRules.maxLength(v, p + "nationality", t.nationality(), TextLimits.OVS_TEACHER__NATIONALITY);
            InputRules.maxLength(v, p + "qualification", t.qualification(), TextLimits.OVS_TEACHER__QUALIFICATION);
            InputRules.date(v, p + "workPermitUntil", t.workPermitUntil());
            if (t.foreign() && nfc(t.nationality()) == null) {
                v.add(new Violation(p + "nationality", "oversight.teacher.nationality.required"));
            }
            teachers.add(new Teacher(null, tn, t.foreign(), nfc(t.nationality()), nfc(t.qualification()), t.workPermitUntil()));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        return new Form(f.kind(), name, address, f.unitId(), nfc(f.owner()), f.ownerKind() == null ? OwnerKind.ORGANISATION : f.ownerKind(),
                director, director == null ? null : f.directorTermFrom(), director == null ? null : termTo, nfc(f.programmes()),
                nfc(f.fees()), nfc(f.disclosure()), f.firstActivityOn(), teachers, f.version());
    }

    private void saveTeachers(long id, List<Teacher> teachers) {
        for (Teacher t : teachers) {
            jdbc.sql("""
                    insert into ovs_teacher (establishment_id, full_name, is_foreign, nationality, qualification, work_permit_until)
                    values (:e, :n, :f, :nat, :q, :wp)
                    """).param("e", id).param("n", t.fullName()).param("f", t.foreign()).param("nat", t.nationality())
                    .param("q", t.qualification()).param("wp", t.workPermitUntil()).update();
        }
    }

    static String nfc(String s) {
        return s == null || s.isBlank() ? null : Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    }

    private static Map<String, Object> params(Form f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", f.kind().name());
        p.put("name", f.name());
        p.put("address", f.address());
        p.put("unit", f.unitId());
        p.put("owner", f.owner());
        p.put("ownerKind", f.ownerKind().name());
        p.put("director", f.director());
        p.put("termFrom", f.directorTermFrom());
        p.put("termTo", f.directorTermTo());
        p.put("programmes", f.programmes());
        p.put("fees", f.fees());
        p.put("disclosure", f.disclosure());
        p.put("firstActivity", f.firstActivityOn());
        return p;
    }

    static Map<String, Object> snapshot(Establishment e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind().name());
        m.put("name", e.name());
        m.put("address", e.address());
        m.put("unitId", e.unitId());
        m.put("owner", e.owner());
        m.put("ownerKind", e.ownerKind().name());
        m.put("director", e.director());
        m.put("directorTermFrom", String.valueOf(e.directorTermFrom()));
        m.put("directorTermTo", String.valueOf(e.directorTermTo()));
        m.put("programmes", e.programmes());
        m.put("fees", e.fees());
        m.put("disclosure", e.disclosure());
        m.put("firstActivityOn", String.valueOf(e.firstActivityOn()));
        m.put("teachers", e.teachers().stream().map(t -> t.fullName() + (t.foreign() ? " (" + t.nationality() + ")" : "")).toList());
        m.put("status", e.status().name());
        m.put("version", e.version());
        return m;
    }

    private List<OversightRules.RuleValue> inactivityRules() {
        return rules.values().stream().filter(r -> r.code().equals(OversightRules.INACTIVITY_MONTHS)).toList();
    }

    private Establishment map(ResultSet rs, List<Teacher> teachers, List<Act> acts, List<OversightRules.RuleValue> inactivity)
            throws SQLException {
        Status status = Status.valueOf(rs.getString("status"));
        LocalDate licensedOn = rs.getObject("licensed_on", LocalDate.class);
        LocalDate firstActivity = rs.getObject("first_activity_on", LocalDate.class);
        return new Establishment(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("address"),
                rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("owner_name"), OwnerKind.valueOf(rs.getString("owner_kind")),
                rs.getString("director_name"), rs.getObject("director_term_from", LocalDate.class),
                rs.getObject("director_term_to", LocalDate.class), rs.getString("programmes"), rs.getString("fees"),
                rs.getString("disclosure"), firstActivity, status, suspensionDue(status, licensedOn, firstActivity, inactivity), teachers, acts,
                rs.getLong("version"));
    }

    /** Licensed, and no activity started within the inactivity period of the rule in force on the licence date. */
    boolean suspensionDue(Status status, LocalDate licensedOn, LocalDate firstActivity, List<OversightRules.RuleValue> inactivity) {
        if (status != Status.ACTIVE || licensedOn == null) {
            return false;
        }
        return inactivity.stream().filter(r -> !r.validFrom().isAfter(licensedOn) && (r.validTo() == null || !r.validTo().isBefore(licensedOn)))
                .findFirst().map(r -> {
            LocalDate deadline = licensedOn.plusMonths(r.value().longValue());
            return clock.today().isAfter(deadline) && (firstActivity == null || firstActivity.isAfter(deadline));
        }).orElse(false);
    }
}
