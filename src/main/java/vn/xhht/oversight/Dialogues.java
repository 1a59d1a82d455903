package vn.xhht.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnitDirectory;
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
 * Dialogues of an office with the businesses running out-of-school establishments (seed 001: twice a year): when,
 * who took part, the topics raised, what was concluded or answered, and what follows. A year with fewer dialogues
 * than the DIALOGUES_PER_YEAR rule in force is shown as "thiếu" with the rule's basis and certainty.
 */
@Service
@Transactional
public class Dialogues {

    public record Dialogue(long id, long unitId, String unitName, LocalDate heldOn, String parties, String topics, String conclusions,
                           String followUps, long version) {
    }

    public record Form(Long unitId, LocalDate heldOn, String parties, String topics, String conclusions, String followUps, Long version) {
    }

    /** The year of one unit: dialogues held, and how many the rule expects (null when no rule is in force). */
    public record YearSummary(int year, long held, Integer expected, String legalBasis, String certainty) {
        public boolean missing() {
            return expected != null && held < expected;
        }
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final OversightRules rules;
    private final AuditTrail audit;
    private final VietnamClock clock;

    Dialogues(JdbcClient jdbc, OrgUnitDirectory units, OversightRules rules, AuditTrail audit, VietnamClock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    private static final String SELECT = "select d.*, u.name as unit_name from ovs_dialogue d join xhht_unit u on u.id = d.unit_id";

    /** Dialogues of the user's area in a year, latest first. */
    @Transactional(readOnly = true)
    public List<Dialogue> list(CurrentUser user, int year) {
        return jdbc.sql(SELECT + """
                 where d.unit_id in (select id from xhht_read_scope(:scopeUnit)) and extract(year from d.held_on) = :year
                 order by d.held_on desc, d.id desc limit 500
                """).param("scopeUnit", user.unitId()).param("year", year).query(Dialogues::map).list();
    }

    /** As {@link #list(CurrentUser, int)}, this year when none is given, of one readable unit when one is given. */
    @Transactional(readOnly = true)
    public List<Dialogue> list(CurrentUser user, Integer year, Long unitId) {
        int y = year == null ? clock.year() : year;
        if (unitId == null) {
            return list(user, y);
        }
        units.requireReadable(user, unitId);
        return list(user, y).stream().filter(d -> d.unitId() == unitId).toList();
    }

    /** The year of a unit the user may read (this year when none is given). */
    @Transactional(readOnly = true)
    public YearSummary summary(CurrentUser user, long unitId, Integer year) {
        units.requireReadable(user, unitId);
        return summary(unitId, year == null ? clock.year() : year);
    }

    @Transactional(readOnly = true)
    public YearSummary summary(long unitId, int year) {
        long held = jdbc.sql("select count(*) from ovs_dialogue where unit_id = :u and extract(year from held_on) = :year")
                .param("u", unitId).param("year", year).query(Long.class).single();
        Optional<OversightRules.RuleValue> rule = rules.value("DIALOGUES_PER_YEAR", LocalDate.of(year, 12, 31));
        return new YearSummary(year, held, rule.map(r -> r.value().intValue()).orElse(null), rule.map(OversightRules.RuleValue::legalBasis).orElse(null),
                rule.map(OversightRules.RuleValue::certainty).orElse(null));
    }

    @Transactional(readOnly = true)
    public Dialogue get(CurrentUser user, long id) {
        Dialogue d = find(id).orElseThrow(() -> new NotFoundProblem("oversight.dialogue.notFound", id));
        if (!units.canRead(user, d.unitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return d;
    }

    /** Offices and communes record the dialogues of a unit they may write. */
    public boolean canRecord(CurrentUser user, long unitId) {
        return (EstablishmentRegistry.OFFICES.contains(user.role()) || user.role() == Role.COMMUNE_OFFICER) && units.canWrite(user, unitId);
    }

    public long create(CurrentUser user, Form f) {
        Form checked = check(user, f);
        long id = jdbc.sql("""
                insert into ovs_dialogue (unit_id, held_on, parties, topics, conclusions, follow_ups, created_by)
                values (:unit, :heldOn, :parties, :topics, :conclusions, :followUps, :by) returning id
                """).params(params(checked)).param("by", user.username()).query(Long.class).single();
        Dialogue after = find(id).orElseThrow();
        audit.change(AuditAction.CREATE, "Dialogue", id, after.unitId(), null, snapshot(after), "Ghi buổi đối thoại ngày " + date(after.heldOn()));
        return id;
    }

    public void update(CurrentUser user, long id, Form f) {
        Dialogue before = get(user, id);
        if (!canRecord(user, before.unitId())) {
            throw new AccessDeniedProblem("oversight.cannotEdit");
        }
        if (f.version() == null) {
            throw new InvalidInputProblem("version", "oversight.dialogue.version.required");
        }
        Form checked = check(user, f);
        int n = jdbc.sql("""
                update ovs_dialogue set unit_id = :unit, held_on = :heldOn, parties = :parties, topics = :topics, conclusions = :conclusions,
                       follow_ups = :followUps, version = version + 1, updated_at = now()
                where id = :id and version = :v
                """).params(params(checked)).param("id", id).param("v", f.version() == null ? -1 : f.version()).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("Dialogue " + id);
        }
        Dialogue after = find(id).orElseThrow();
        audit.change(AuditAction.UPDATE, "Dialogue", id, after.unitId(), snapshot(before), snapshot(after), "Sửa buổi đối thoại ngày " + date(after.heldOn()));
    }

    private Form check(CurrentUser user, Form f) {
        List<Violation> v = new ArrayList<>();
        if (f.unitId() == null) {
            v.add(new Violation("unitId", "oversight.dialogue.unit.required"));
        } else if (!units.find(f.unitId()).isPresent() || !canRecord(user, f.unitId())) {
            // a unit outside the user's area is refused like a wrong value: named, nothing saved
            v.add(new Violation("unitId", "error.unitOutOfScope"));
        }
        if (f.heldOn() == null) {
            v.add(new Violation("heldOn", "oversight.dialogue.heldOn.required"));
        } else {
            InputRules.date(v, "heldOn", f.heldOn());
        }
        if (blank(f.parties())) {
            v.add(new Violation("parties", "oversight.dialogue.parties.required"));
        }
        if (blank(f.topics())) {
            v.add(new Violation("topics", "oversight.dialogue.topics.required"));
        }
        InputRules.maxLength(v, "parties", f.parties(), TextLimits.OVS_DIALOGUE__PARTIES);
        InputRules.maxLength(v, "topics", f.topics(), TextLimits.OVS_DIALOGUE__TOPICS);
        InputRules.maxLength(v, "conclusions", f.conclusions(), TextLimits.OVS_DIALOGUE__CONCLUSIONS);
        InputRules.maxLength(v, "followUps", f.followUps(), TextLimits.OVS_DIALOGUE__FOLLOW_UPS);
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        return new Form(f.unitId(), f.heldOn(), f.parties().strip(), f.topics().strip(), strip(f.conclusions()), strip(f.followUps()), f.version());
    }

    Optional<Dialogue> find(long id) {
        return jdbc.sql(SELECT + " where d.id = :id").param("id", id).query(Dialogues::map).optional();
    }

    private static Map<String, Object> params(Form f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("unit", f.unitId());
        p.put("heldOn", f.heldOn());
        p.put("parties", f.parties());
        p.put("topics", f.topics());
        p.put("conclusions", f.conclusions());
        p.put("followUps", f.followUps());
        return p;
    }

    private static Map<String, Object> snapshot(Dialogue d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitId", d.unitId());
        m.put("heldOn", String.valueOf(d.heldOn()));
        m.put("parties", d.parties());
        m.put("topics", d.topics());
        m.put("conclusions", d.conclusions());
        m.put("followUps", d.followUps());
        m.put("version", d.version());
        return m;
    }

    private static Dialogue map(ResultSet rs, int n) throws SQLException {
        return new Dialogue(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getObject("held_on", LocalDate.class),
                rs.getString("parties"), rs.getString("topics"), rs.getString("conclusions"), rs.getString("follow_ups"), rs.getLong("version"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }

    private static String date(LocalDate d) {
        return d.format(OversightDocuments.DMY);
    }

}
