package vn.xhht.centre;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.VietnamClock;

/**
 * Activity figures over the subtree of any unit and a period, computed by the database. The subtree also covers
 * the units the unit wholly succeeded (a 2024 summary of Cao Bằng counts the activities of its old districts);
 * partly merged communes are not re-homed.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class ActivitySummary {

    /**
     * Figures of the activities held in the period (dated up to today); {@code planned}: those dated after today.
     * {@code disadvantaged} sums only the {@code disadvantagedEntered} activities that entered it (null: none did);
     * {@code women} and {@code ethnicMinority} likewise with {@code womenEntered} and {@code ethnicMinorityEntered}.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ActivitySummary")
    public record Summary(long unitId, LocalDate from, LocalDate to, long activities, long participations, Long women,
                          Long ethnicMinority, Long disadvantaged, Map<String, Long> byType, Map<String, Long> byTopic,
                          long planned, long disadvantagedEntered, long womenEntered, long ethnicMinorityEntered) {
    }

    /** The last day of a period whose activities can have been held: the period's end or today, whichever is first. */
    public static LocalDate heldUntil(LocalDate to, LocalDate today) {
        return to.isAfter(today) ? today : to;
    }

    /** Centres in scope: the unit's roll-up scope (its subtree and those of its FULL predecessors). */
    static final String SCOPE = "select c.id from centre c where c.commune_id in (select id from xhht_rollup_scope(:unit))";

    /** Provinces in scope: the province and the provinces it FULLY succeeded. */
    static final String PROVINCES = "select id from xhht_unit where level = 1 and id in (select id from xhht_rollup_scope(:unit))";

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final VietnamClock clock;

    private final vn.xhht.shared.PlanTargets plans;

    ActivitySummary(JdbcClient jdbc, OrgUnitDirectory units, VietnamClock clock, vn.xhht.shared.PlanTargets plans) {
        this.plans = plans;
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
    }

    public Summary summarize(CurrentUser user, long unitId, LocalDate from, LocalDate periodEnd) {
        OrgUnit unit = units.requireReadable(user, unitId);
        LocalDate to = heldUntil(periodEnd, clock.today());
        // the scope is resolved first and given as literal ids, so the planner can use the covering indexes
        String filter = switch (unit.level()) {
            case OrgUnit.NATION -> "true";
            case OrgUnit.PROVINCE -> "a.province_id in (" + ids(PROVINCES, unitId) + ")";
            default -> "a.centre_id in (" + ids(SCOPE, unitId) + ")";
        };
        long[] totals = new long[8];
        Map<String, Long> byType = new LinkedHashMap<>();
        Map<String, Long> byTopic = new LinkedHashMap<>();
        java.util.function.Consumer<java.sql.ResultSet> fold = rs -> {
            try {
                long n = rs.getLong("n");
                totals[0] += n;
                totals[1] += rs.getLong("p");
                totals[2] += rs.getLong("w");
                totals[3] += rs.getLong("e");
                totals[4] += rs.getLong("d");
                totals[5] += rs.getLong("dn");
                totals[6] += rs.getLong("wn");
                totals[7] += rs.getLong("en");
                if (n != 0) {
                    byType.merge(rs.getString("type_code"), n, Long::sum);
                    byTopic.merge(rs.getString("topic_code"), n, Long::sum);
                }
            } catch (java.sql.SQLException ex) {
                throw new IllegalStateException(ex);
            }
        };
        // whole months of a national or provincial period come from the monthly roll-up; the rest from the activities
        LocalDate firstFull = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastFull = to.plusDays(1).withDayOfMonth(1);
        boolean rollup = unit.level() <= OrgUnit.PROVINCE && firstFull.isBefore(afterLastFull);
        if (rollup) {
            String provinceFilter = unit.level() == OrgUnit.NATION ? "true" : filter.replace("a.province_id", "m.province_id");
            jdbc.sql("""
                    select type_code, topic_code, sum(n) as n, sum(p) as p, sum(w) as w, sum(e) as e, sum(d) as d, sum(dn) as dn,
                           sum(wn) as wn, sum(en) as en
                    from activity_month m where %s and m.month >= :first and m.month < :after group by type_code, topic_code
                    """.formatted(provinceFilter)).params(Map.of("first", firstFull, "after", afterLastFull))
                    .query((java.sql.ResultSet rs) -> fold.accept(rs));
            raw(filter, from, firstFull.minusDays(1), fold);
            raw(filter, afterLastFull, to, fold);
        } else {
            raw(filter, from, to, fold);
        }
        byType.values().removeIf(v -> v == 0);
        byTopic.values().removeIf(v -> v == 0);
        long planned = to.isBefore(periodEnd) ? jdbc.sql("select count(*) from activity a where %s and a.start_date > :today and a.start_date between :from and :to"
                .formatted(filter)).params(Map.of("today", to, "from", from, "to", periodEnd)).query(Long.class).single() : 0;
        return new Summary(unitId, from, periodEnd, totals[0], totals[1], totals[6] == 0 ? null : totals[2], totals[7] == 0 ? null : totals[3],
                totals[5] == 0 ? null : totals[4], sorted(byType), sorted(byTopic), planned, totals[5], totals[6], totals[7]);
    }

    /** Activities with a start date in [from, to] (nothing when the range is empty), grouped by type and topic. */
    private void raw(String filter, LocalDate from, LocalDate to, java.util.function.Consumer<java.sql.ResultSet> fold) {
        if (to.isBefore(from)) {
            return;
        }
        jdbc.sql("""
                select type_code, topic_code, count(*) as n, sum(participations) as p, coalesce(sum(women), 0) as w,
                       coalesce(sum(ethnic_minority), 0) as e, coalesce(sum(disadvantaged), 0) as d, count(disadvantaged) as dn,
                       count(women) as wn, count(ethnic_minority) as en
                from activity a where %s and a.start_date between :from and :to
                group by type_code, topic_code
                """.formatted(filter)).params(Map.of("from", from, "to", to))
                .query((java.sql.ResultSet rs) -> fold.accept(rs));
    }

    /**
     * A child unit's figures in a per-child breakdown; unitId null: units of the former structure. women and
     * ethnicMinority are null when none of its activities entered them ("chưa nhập", shown "—").
     */
    public record ChildLine(Long unitId, String name, long activities, long participations, Long women, Long ethnicMinority) {
    }

    /** The same figures for each unit directly below (drill-down), in one grouped pass over the activities. */
    public List<ChildLine> byChild(CurrentUser user, long unitId, LocalDate from, LocalDate periodEnd) {
        OrgUnit unit = units.requireReadable(user, unitId);
        LocalDate to = heldUntil(periodEnd, clock.today());
        int pos = unit.level() + 2; // line[level + 2]: the child of the unit that the commune lies under
        String filter = switch (unit.level()) {
            case OrgUnit.NATION -> "true";
            case OrgUnit.PROVINCE -> "a.province_id in (" + ids(PROVINCES, unitId) + ")";
            default -> "a.centre_id in (" + ids(SCOPE, unitId) + ")";
        };
        Map<Long, long[]> figures = new java.util.HashMap<>();
        jdbc.sql("""
                select u.line[%d] as child, count(*) as n, sum(a.participations) as p,
                       coalesce(sum(a.women), 0) as w, coalesce(sum(a.ethnic_minority), 0) as e,
                       count(a.women) as wn, count(a.ethnic_minority) as en
                from activity a join centre c on c.id = a.centre_id join xhht_unit u on u.id = c.commune_id
                where %s and a.start_date between :from and :to group by 1
                """.formatted(pos, filter)).params(Map.of("from", from, "to", to))
                .query((java.sql.ResultSet rs) -> {
                    String child = rs.getString("child");
                    figures.put(child == null ? -1L : Long.parseLong(child),
                            new long[]{rs.getLong("n"), rs.getLong("p"), rs.getLong("w"), rs.getLong("e"), rs.getLong("wn"), rs.getLong("en")});
                });
        List<ChildLine> lines = new java.util.ArrayList<>();
        for (OrgUnit child : units.search(user, periodEnd, null, unitId, null, 5000)) {
            long[] f = figures.remove(child.id());
            lines.add(f == null ? new ChildLine(child.id(), child.name(), 0, 0, null, null)
                    : new ChildLine(child.id(), child.name(), f[0], f[1], f[4] == 0 ? null : f[2], f[5] == 0 ? null : f[3]));
        }
        long[] rest = figures.values().stream().reduce(new long[6], (x, y) -> new long[]{x[0] + y[0], x[1] + y[1], x[2] + y[2], x[3] + y[3],
                x[4] + y[4], x[5] + y[5]});
        if (rest[0] > 0) {
            lines.add(new ChildLine(null, null, rest[0], rest[1], rest[4] == 0 ? null : rest[2], rest[5] == 0 ? null : rest[3]));
        }
        return lines;
    }

    /**
     * The yearly participation target (chỉ tiêu lượt người) of each commune directly below the unit, from its latest
     * plan that had started by {@code on}: what the per-unit figures are compared with.
     */
    public Map<Long, java.math.BigDecimal> participationTargets(long unitId, LocalDate on) {
        Map<Long, java.math.BigDecimal> m = new java.util.HashMap<>();
        List<Long> children = jdbc.sql("select id from xhht_unit where parent_id = :unit").param("unit", unitId).query(Long.class).list();
        plans.latest(children, "PARTICIPATIONS", on).forEach((unit, t) -> m.put(unit, t.target()));
        return m;
    }

    private String ids(String sql, long unitId) {
        List<Long> ids = jdbc.sql(sql).param("unit", unitId).query(Long.class).list();
        return ids.isEmpty() ? "-1" : ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    private static Map<String, Long> sorted(Map<String, Long> m) {
        Map<String, Long> out = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
