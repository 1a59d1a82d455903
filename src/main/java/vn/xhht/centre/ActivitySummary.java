package vn.xhht.centre;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.CurrentUser;

/**
 * Activity figures over the subtree of any unit and a period, computed by the database. The subtree also covers
 * the units the unit wholly succeeded (a 2024 summary of Cao Bằng counts the activities of its old districts);
 * partly merged communes are not re-homed.
 */
@Service
@Transactional(readOnly = true)
public class ActivitySummary {

    public record Summary(long unitId, LocalDate from, LocalDate to, long activities, long participations, long women,
                          long ethnicMinority, long disadvantaged, Map<String, Long> byType, Map<String, Long> byTopic) {
    }

    /** Centres in scope: subtree of the unit and of its FULL predecessors. */
    static final String SCOPE = """
            with recursive roots(id) as (
                select cast(:unit as bigint)
                union
                select s.predecessor_id from org_unit_succession s join roots r on s.successor_id = r.id where s.coverage = 'FULL'
            ), scope as (
                select c.id from centre c join org_unit u on u.id = c.commune_id
                where exists (select 1 from org_unit r where r.id in (select id from roots) and u.path like r.path || '%')
            )
            """;

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;

    ActivitySummary(JdbcClient jdbc, OrgUnitDirectory units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    public Summary summarize(CurrentUser user, long unitId, LocalDate from, LocalDate to) {
        units.requireReadable(user, unitId);
        Map<String, Object> p = Map.of("unit", unitId, "from", from, "to", to);
        var totals = jdbc.sql(SCOPE + """
                select count(*) as n, coalesce(sum(participations), 0) as p, coalesce(sum(women), 0) as w,
                       coalesce(sum(ethnic_minority), 0) as e, coalesce(sum(disadvantaged), 0) as d
                from activity a where a.centre_id in (select id from scope) and a.start_date between :from and :to
                """).params(p).query((rs, n) -> new long[]{rs.getLong("n"), rs.getLong("p"), rs.getLong("w"), rs.getLong("e"), rs.getLong("d")})
                .single();
        return new Summary(unitId, from, to, totals[0], totals[1], totals[2], totals[3], totals[4],
                grouped("type_code", p), grouped("topic_code", p));
    }

    private Map<String, Long> grouped(String column, Map<String, Object> p) {
        Map<String, Long> m = new LinkedHashMap<>();
        List<Object[]> rows = jdbc.sql(SCOPE + "select " + column + " as k, count(*) as n from activity a "
                        + "where a.centre_id in (select id from scope) and a.start_date between :from and :to group by 1 order by 2 desc, 1")
                .params(p).query((rs, n) -> new Object[]{rs.getString("k"), rs.getLong("n")}).list();
        rows.forEach(r -> m.put((String) r[0], (Long) r[1]));
        return m;
    }
}
