package vn.xhht.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.centre.ActivityDisruptions;
import vn.xhht.centre.ActivityDisruptions.Action;
import vn.xhht.centre.Centre;
import vn.xhht.centre.CentreRegistry;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.InvalidInputProblem.Violation;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.Texts;

/**
 * Contingency scenarios (R45): for an office or a centre, one scenario per hazard saying what happens to planned
 * activities and who decides. Activating one moves or marks the affected planned activities through the centre module,
 * which owns them; the activation keeps the date range, the reason and how many activities it touched.
 */
@Service
@Transactional
public class Contingency {

    public enum Hazard { FLOOD, STORM, LANDSLIDE, EPIDEMIC }

    public record Activation(long id, LocalDate startsOn, LocalDate endsOn, String reason, int affected, String activatedBy) {
    }

    public record Scenario(long id, long unitId, String unitName, Long centreId, String centreName, Hazard hazard, Action action,
                           String altVenue, String decider, String note, List<Activation> activations, long version) {
    }

    public record Form(Long unitId, Long centreId, Hazard hazard, Action action, String altVenue, String decider, String note, Long version) {
    }

    public record ActivationForm(LocalDate startsOn, LocalDate endsOn, String reason) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final CentreRegistry centres;
    private final ActivityDisruptions disruptions;
    private final AuditTrail audit;

    Contingency(JdbcClient jdbc, OrgUnitDirectory units, CentreRegistry centres, ActivityDisruptions disruptions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.centres = centres;
        this.disruptions = disruptions;
        this.audit = audit;
    }

    /** Scenarios of the user's area: the office's own and those of the centres and offices below. */
    @Transactional(readOnly = true)
    public List<Scenario> list(CurrentUser user) {
        return jdbc.sql(SELECT + " where s.unit_id in (select id from xhht_read_scope(:scope)) order by u.name, s.centre_id nulls first, s.hazard")
                .param("scope", user.unitId()).query((rs, n) -> map(rs, List.of())).list();
    }

    @Transactional(readOnly = true)
    public Scenario get(CurrentUser user, long id) {
        Scenario s = jdbc.sql(SELECT + " where s.id = :id").param("id", id).query((rs, n) -> map(rs, activations(id))).optional()
                .orElseThrow(() -> new NotFoundProblem("outreach.scenario.notFound", id));
        if (!units.canRead(user, s.unitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return s;
    }

    public boolean canEdit(CurrentUser user, Scenario s) {
        return units.canWrite(user, s.unitId());
    }

    @Transactional(readOnly = true)
    public List<ActivityDisruptions.Affected> affected(CurrentUser user, long scenarioId, long activationId) {
        get(user, scenarioId);
        boolean ours = jdbc.sql("select exists (select 1 from contingency_activation where id = :a and scenario_id = :s)")
                .param("a", activationId).param("s", scenarioId).query(Boolean.class).single();
        if (!ours) {
            throw new NotFoundProblem("outreach.activation.notFound", activationId);
        }
        return disruptions.list(ref(activationId));
    }

    /** Creates the scenario of the unit (or centre) for the hazard, or changes it when one exists (optimistic lock). */
    public long save(CurrentUser user, Form f) {
        List<Violation> v = new ArrayList<>();
        String alt = Texts.orNull(f.altVenue());
        String decider = Texts.orNull(f.decider());
        String note = Texts.orNull(f.note());
        if (f.unitId() == null && f.centreId() == null) {
            v.add(new Violation("unitId", "outreach.unit.required"));
        }
        if (f.hazard() == null) {
            v.add(new Violation("hazard", "outreach.scenario.hazard.required"));
        }
        if (f.action() == null) {
            v.add(new Violation("action", "outreach.scenario.action.required"));
        }
        if (f.action() == Action.MOVE_VENUE && alt == null) {
            v.add(new Violation("altVenue", "outreach.scenario.altVenue.required"));
        }
        InputRules.maxLength(v, "altVenue", alt, TextLimits.CONTINGENCY_SCENARIO__ALT_VENUE);
        if (decider == null) {
            v.add(new Violation("decider", "outreach.scenario.decider.required"));
        }
        InputRules.maxLength(v, "decider", decider, TextLimits.CONTINGENCY_SCENARIO__DECIDER);
        InputRules.maxLength(v, "note", note, TextLimits.CONTINGENCY_SCENARIO__NOTE);
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        long unitId;
        Long centreId = null;
        if (f.centreId() != null) {
            Centre c;
            try {
                c = centres.require(user, f.centreId());
            } catch (NotFoundProblem | AccessDeniedProblem e) {
                throw new InvalidInputProblem("centreId", "outreach.scenario.centre.unknown");
            }
            if (!units.canWrite(user, c.communeId())) {
                throw new InvalidInputProblem("centreId", "outreach.unit.outOfArea");
            }
            if (f.unitId() != null && f.unitId() != c.communeId()) {
                throw new InvalidInputProblem("unitId", "outreach.scenario.centre.otherUnit");
            }
            unitId = c.communeId();
            centreId = c.id();
        } else {
            OrgUnit u = units.find(f.unitId()).orElseThrow(() -> new InvalidInputProblem("unitId", "outreach.unit.unknown"));
            if (!units.canWrite(user, u.id())) {
                throw new InvalidInputProblem("unitId", "outreach.unit.outOfArea");
            }
            unitId = u.id();
        }
        Long existing = jdbc.sql("select id from contingency_scenario where unit_id = :u and coalesce(centre_id, 0) = :c and hazard = :h")
                .param("u", unitId).param("c", centreId == null ? 0L : centreId).param("h", f.hazard().name()).query(Long.class).optional().orElse(null);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("hazard", f.hazard().name());
        after.put("action", f.action().name());
        after.put("altVenue", alt);
        after.put("decider", decider);
        after.put("note", note);
        if (existing == null) {
            long id = jdbc.sql("""
                    insert into contingency_scenario (unit_id, centre_id, hazard, action, alt_venue, decider, note, created_by)
                    values (:u, :c, :h, :a, :alt, :d, :n, :by) returning id
                    """).param("u", unitId).param("c", centreId).param("h", f.hazard().name()).param("a", f.action().name())
                    .param("alt", alt).param("d", decider).param("n", note).param("by", user.username()).query(Long.class).single();
            audit.change(AuditAction.CREATE, "ContingencyScenario", id, unitId, null, after, "Kịch bản ứng phó " + label(f.hazard()));
            return id;
        }
        Scenario old = get(user, existing);
        int n = jdbc.sql("""
                update contingency_scenario set action = :a, alt_venue = :alt, decider = :d, note = :n, version = version + 1, updated_at = now()
                where id = :id and version = :v
                """).param("a", f.action().name()).param("alt", alt).param("d", decider).param("n", note).param("id", existing)
                .param("v", f.version() == null ? old.version() : f.version()).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("ContingencyScenario " + existing);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("hazard", old.hazard().name());
        before.put("action", old.action().name());
        before.put("altVenue", old.altVenue());
        before.put("decider", old.decider());
        before.put("note", old.note());
        audit.change(AuditAction.UPDATE, "ContingencyScenario", existing, unitId, before, after, "Sửa kịch bản ứng phó " + label(f.hazard()));
        return existing;
    }

    /** Activates the scenario for the date range: the planned activities in it are moved or marked with the reason. */
    public long activate(CurrentUser user, long scenarioId, ActivationForm f) {
        Scenario s = get(user, scenarioId);
        if (!canEdit(user, s)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        List<Violation> v = new ArrayList<>();
        String reason = Texts.orNull(f.reason());
        if (f.startsOn() == null) {
            v.add(new Violation("startsOn", "outreach.activation.startsOn.required"));
        }
        if (f.endsOn() == null) {
            v.add(new Violation("endsOn", "outreach.activation.endsOn.required"));
        }
        InputRules.date(v, "startsOn", f.startsOn());
        InputRules.date(v, "endsOn", f.endsOn());
        if (f.startsOn() != null && f.endsOn() != null && f.endsOn().isBefore(f.startsOn())) {
            v.add(new Violation("endsOn", "outreach.dates.endBeforeStart"));
        }
        if (f.startsOn() != null && f.endsOn() != null && f.endsOn().isAfter(f.startsOn().plusDays(366))) {
            v.add(new Violation("endsOn", "outreach.activation.tooLong"));
        }
        if (reason == null) {
            v.add(new Violation("reason", "outreach.activation.reason.required"));
        }
        InputRules.maxLength(v, "reason", reason, TextLimits.CONTINGENCY_ACTIVATION__REASON);
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        long id = jdbc.sql("""
                insert into contingency_activation (scenario_id, starts_on, ends_on, reason, activated_by) values (:s, :f, :t, :r, :by) returning id
                """).param("s", scenarioId).param("f", f.startsOn()).param("t", f.endsOn()).param("r", reason).param("by", user.username())
                .query(Long.class).single();
        int affected = disruptions.apply(user, s.unitId(), s.centreId(), f.startsOn(), f.endsOn(), s.action(), s.altVenue(), reason, ref(id)).size();
        jdbc.sql("update contingency_activation set affected = :n where id = :id").param("n", affected).param("id", id).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("startsOn", f.startsOn().toString());
        after.put("endsOn", f.endsOn().toString());
        after.put("reason", reason);
        after.put("affected", affected);
        audit.change(AuditAction.CREATE, "ContingencyActivation", id, s.unitId(), null, after, "Kích hoạt kịch bản ứng phó: " + reason);
        return id;
    }

    /** The hazard as the audit page shows it to users (Vietnamese, never the code). */
    static String label(Hazard h) {
        return switch (h) {
            case FLOOD -> "lũ, lụt";
            case STORM -> "bão";
            case LANDSLIDE -> "sạt lở đất";
            case EPIDEMIC -> "dịch bệnh";
        };
    }

    static String ref(long activationId) {
        return "contingency:" + activationId;
    }

    private List<Activation> activations(long scenarioId) {
        return jdbc.sql("select * from contingency_activation where scenario_id = :s order by starts_on desc, id desc").param("s", scenarioId)
                .query((rs, n) -> new Activation(rs.getLong("id"), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                        rs.getString("reason"), rs.getInt("affected"), rs.getString("activated_by"))).list();
    }

    private static final String SELECT = "select s.*, u.name as unit_name from contingency_scenario s join xhht_unit u on u.id = s.unit_id";

    private Scenario map(java.sql.ResultSet rs, List<Activation> activations) throws java.sql.SQLException {
        Long centreId = rs.getObject("centre_id", Long.class);
        String centreName = centreId == null ? null : centres.find(centreId).map(Centre::name).orElse(null);
        return new Scenario(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), centreId, centreName,
                Hazard.valueOf(rs.getString("hazard")), Action.valueOf(rs.getString("action")), rs.getString("alt_venue"), rs.getString("decider"),
                rs.getString("note"), activations, rs.getLong("version"));
    }
}
