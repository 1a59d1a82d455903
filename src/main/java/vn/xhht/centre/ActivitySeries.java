package vn.xhht.centre;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xhht.orgunit.SeriesFigureSource;

/** Activities held and their participations per year, for the time series of a unit across the reforms. */
@Component
class ActivitySeries implements SeriesFigureSource {

    static final String ACTIVITIES = "series.activities";
    static final String PARTICIPATIONS = "series.participations";

    private final JdbcClient jdbc;

    ActivitySeries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> figures() {
        return List.of(ACTIVITIES, PARTICIPATIONS);
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Point> points(long unitId, int fromYear, int toYear, LocalDate today) {
        List<Point> out = new ArrayList<>();
        // the hamlets of split predecessors are resolved once as a set (xhht_lineage_hamlets), never per activity row
        // held = ended by today; a planned activity is not a figure of its year yet
        jdbc.sql("""
                with l as (select * from xhht_lineage(:unit)),
                h as (select * from xhht_lineage_hamlets(:unit)),
                rows as (
                    select extract(year from a.start_date)::int as y, a.participations, l.reconstructed,
                           l.whole or coalesce(h.ours, false) as ours,
                           not l.whole and h.hamlet_id is null as open_share
                    from l join centre c on c.commune_id = l.unit_id join activity a on a.centre_id = c.id
                    left join h on not l.whole and h.hamlet_id = a.hamlet_id
                    where a.start_date >= make_date(:from, 1, 1) and a.start_date < make_date(:to + 1, 1, 1)
                      and a.end_date <= :today
                )
                select y,
                       count(*) filter (where ours) as activities,
                       count(*) filter (where ours and reconstructed) as activities_rec,
                       count(*) filter (where open_share) as activities_na,
                       sum(participations) filter (where ours) as participations,
                       coalesce(sum(participations) filter (where ours and reconstructed), 0) as participations_rec,
                       coalesce(sum(participations) filter (where open_share), 0) as participations_na
                from rows group by y order by y
                """).param("unit", unitId).param("from", fromYear).param("to", toYear).param("today", today)
                .query((rs, n) -> {
                    int y = rs.getInt("y");
                    long activities = rs.getLong("activities");
                    out.add(new Point(ACTIVITIES, y, activities == 0 && rs.getLong("activities_na") == 0 ? null : activities,
                            rs.getLong("activities_rec"), rs.getLong("activities_na")));
                    out.add(new Point(PARTICIPATIONS, y, rs.getObject("participations", Long.class),
                            rs.getLong("participations_rec"), rs.getLong("participations_na")));
                    return y;
                }).list();
        return out;
    }
}
