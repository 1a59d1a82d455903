package vn.xhht.centre;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.VietnamClock;

/**
 * Planned activities moved or marked when another module activates a contingency scenario (R45). The centre owns its
 * activities, so the move happens here: postponed activities keep their date and carry the mark until the centre sets
 * a new one; online and moved activities get their new venue, the old one kept on the mark. Reports count them apart.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional
public class ActivityDisruptions {

    public enum Action { POSTPONE, ONLINE, MOVE_VENUE }

    /** A planned activity the activation touched, as it is after the move. */
    public record Affected(long activityId, long centreId, String centreName, String title, LocalDate startDate, String venue,
                           Action action, String reason, String originalVenue) {
    }

    /** The venue written on activities moved online. */
    public static final String ONLINE_VENUE = "Trực tuyến";

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final AuditTrail audit;
    private final VietnamClock clock;

    ActivityDisruptions(JdbcClient jdbc, OrgUnitDirectory units, AuditTrail audit, VietnamClock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Moves or marks the activities not yet held (start after today) that start in [from, to], of one centre or of
     * every centre in the unit's own subtree. An activity already marked by the same source is left as it is, so
     * activating twice moves nothing twice.
     */
    public List<Affected> apply(CurrentUser user, long unitId, Long centreId, LocalDate from, LocalDate to, Action action,
                                String altVenue, String reason, String sourceRef) {
        units.checkWritable(user, unitId);
        LocalDate first = from.isAfter(clock.today()) ? from : clock.today().plusDays(1);
        List<long[]> targets = jdbc.sql("""
                select a.id, c.commune_id from activity a join centre c on c.id = a.centre_id
                where c.commune_id in (select id from xhht_unit_subtree(:unit))
                  and (cast(:centre as bigint) is null or c.id = :centre)
                  and a.start_date between :from and :to
                  and not exists (select 1 from activity_disruption d where d.activity_id = a.id and d.source_ref = :ref)
                order by a.start_date, a.id
                """).param("unit", unitId).param("centre", centreId).param("from", first).param("to", to).param("ref", sourceRef)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
        for (long[] t : targets) {
            long id = t[0];
            String venue = jdbc.sql("select venue from activity where id = :id").param("id", id).query(String.class).optional().orElse(null);
            jdbc.sql("""
                    insert into activity_disruption (activity_id, action, reason, source_ref, original_venue, created_by)
                    values (:a, :action, :reason, :ref, :venue, :by)
                    """).param("a", id).param("action", action.name()).param("reason", reason).param("ref", sourceRef)
                    .param("venue", venue).param("by", user.username()).update();
            String newVenue = switch (action) {
                case POSTPONE -> venue;
                case ONLINE -> ONLINE_VENUE;
                case MOVE_VENUE -> altVenue;
            };
            if (action != Action.POSTPONE) {
                jdbc.sql("update activity set venue = :v, version = version + 1, updated_at = now() where id = :id")
                        .param("v", newVenue).param("id", id).update();
            }
            Map<String, Object> before = new HashMap<>();
            before.put("venue", venue);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("venue", newVenue);
            after.put("disruption", action.name());
            after.put("reason", reason);
            audit.change(AuditAction.UPDATE, "Activity", id, t[1], before, after, "Điều chỉnh hoạt động theo kịch bản ứng phó: " + reason);
        }
        return list(sourceRef);
    }

    /** The activities an activation (its source reference) touched. */
    @Transactional(readOnly = true)
    public List<Affected> list(String sourceRef) {
        return jdbc.sql("""
                select a.id, a.centre_id, c.name as centre_name, a.title, a.start_date, a.venue, d.action, d.reason, d.original_venue
                from activity_disruption d join activity a on a.id = d.activity_id join centre c on c.id = a.centre_id
                where d.source_ref = :ref order by a.start_date, a.id
                """).param("ref", sourceRef).query((rs, n) -> new Affected(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("centre_name"),
                rs.getString("title"), rs.getObject("start_date", LocalDate.class), rs.getString("venue"), Action.valueOf(rs.getString("action")),
                rs.getString("reason"), rs.getString("original_venue"))).list();
    }

    /** The mark of one activity, if an activation touched it (the latest). */
    @Transactional(readOnly = true)
    public java.util.Optional<Affected> of(long activityId) {
        return jdbc.sql("""
                select a.id, a.centre_id, c.name as centre_name, a.title, a.start_date, a.venue, d.action, d.reason, d.original_venue
                from activity_disruption d join activity a on a.id = d.activity_id join centre c on c.id = a.centre_id
                where d.activity_id = :id order by d.id desc limit 1
                """).param("id", activityId).query((rs, n) -> new Affected(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("centre_name"),
                rs.getString("title"), rs.getObject("start_date", LocalDate.class), rs.getString("venue"), Action.valueOf(rs.getString("action")),
                rs.getString("reason"), rs.getString("original_venue"))).optional();
    }

    /** The latest mark of each of the activities that an activation touched (the others are absent), for a list. */
    @Transactional(readOnly = true)
    public Map<Long, Affected> marks(java.util.Collection<Long> activityIds) {
        Map<Long, Affected> m = new HashMap<>();
        if (activityIds.isEmpty()) {
            return m;
        }
        jdbc.sql("""
                select distinct on (d.activity_id) a.id, a.centre_id, c.name as centre_name, a.title, a.start_date, a.venue, d.action,
                       d.reason, d.original_venue
                from activity_disruption d join activity a on a.id = d.activity_id join centre c on c.id = a.centre_id
                where d.activity_id = any(:ids) order by d.activity_id, d.id desc
                """).param("ids", activityIds.toArray(Long[]::new)).query((rs, n) -> new Affected(rs.getLong("id"), rs.getLong("centre_id"),
                rs.getString("centre_name"), rs.getString("title"), rs.getObject("start_date", LocalDate.class), rs.getString("venue"),
                Action.valueOf(rs.getString("action")), rs.getString("reason"), rs.getString("original_venue")))
                .list().forEach(a -> m.put(a.activityId(), a));
        return m;
    }

    /** Activities of the unit's roll-up scope starting in the period that an activation marked, by action (absent: none). */
    @Transactional(readOnly = true)
    public Map<Action, Long> counts(long unitId, LocalDate from, LocalDate to) {
        Map<Action, Long> m = new LinkedHashMap<>();
        jdbc.sql("""
                select d.action, count(distinct a.id) as n
                from activity_disruption d join activity a on a.id = d.activity_id join centre c on c.id = a.centre_id
                where c.commune_id in (select id from xhht_rollup_scope(:unit)) and a.start_date between :from and :to
                group by d.action
                """).param("unit", unitId).param("from", from).param("to", to)
                .query((java.sql.ResultSet rs) -> {
                    m.put(Action.valueOf(rs.getString("action")), rs.getLong("n"));
                });
        return m;
    }
}
