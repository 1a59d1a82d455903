package vn.xhht.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xhht.orgunit.SeriesFigureSource;

/**
 * Recognised evaluation results per evaluation year (learning families, clans, units and communes), for the time series
 * of a unit across the reforms. A result belongs to the place of its subject (the family's hamlet or commune, the
 * commune evaluated), so a result of a commune split in a reform follows the hamlet it was in.
 *
 * <p>A year with no decided result of a kind is blank; decided results none of which was recognised count 0.
 */
@Component
class EvaluationSeries implements SeriesFigureSource {

    static final String FAMILY = "series.evaluation.family";
    static final String CLAN = "series.evaluation.clan";
    static final String UNIT = "series.evaluation.unit";
    static final String COMMUNE = "series.evaluation.commune";

    private final JdbcClient jdbc;

    EvaluationSeries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> figures() {
        return List.of(FAMILY, CLAN, UNIT, COMMUNE);
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<Point> points(long unitId, int fromYear, int toYear, LocalDate today) {
        List<Point> out = new ArrayList<>();
        jdbc.sql("""
                with l as (select * from xhht_lineage(:unit)),
                h as (select * from xhht_lineage_hamlets(:unit)),
                results as (
                    select e.eval_year as y, v.subject_type as kind, e.recognised,
                           case when p.level = 4 then p.parent_id when p.level = 3 then p.id end as commune_id,
                           case when p.level = 4 then p.id end as hamlet_id
                    from evaluation e join eval_framework_version v on v.id = e.framework_version_id
                    left join eval_subject s on s.id = e.subject_id
                    join xhht_unit p on p.id = coalesce(s.unit_id, e.subject_unit_id)
                    where e.stage in ('DECIDED', 'PUBLISHED') and v.subject_type in ('FAMILY', 'CLAN', 'UNIT', 'COMMUNE')
                      and e.eval_year between :from and :to
                ),
                rows as (
                    select r.y, r.kind, r.recognised, l.reconstructed,
                           l.whole or coalesce(h.ours, false) as ours,
                           not l.whole and h.hamlet_id is null as open_share
                    from results r join l on l.unit_id = r.commune_id
                    left join h on not l.whole and h.hamlet_id = r.hamlet_id
                )
                select y, kind,
                       count(*) filter (where ours) as decided,
                       count(*) filter (where ours and recognised) as recognised,
                       count(*) filter (where ours and recognised and reconstructed) as recognised_rec,
                       count(*) filter (where open_share and recognised) as recognised_na,
                       count(*) filter (where open_share) as decided_na
                from rows group by y, kind order by y, kind
                """).param("unit", unitId).param("from", fromYear).param("to", toYear)
                .query((rs, n) -> {
                    long decided = rs.getLong("decided");
                    Long value = decided == 0 && rs.getLong("decided_na") == 0 ? null : rs.getLong("recognised");
                    out.add(new Point(figure(rs.getString("kind")), rs.getInt("y"), value, rs.getLong("recognised_rec"),
                            rs.getLong("recognised_na")));
                    return n;
                }).list();
        return out;
    }

    private static String figure(String subjectType) {
        return switch (subjectType) {
            case "FAMILY" -> FAMILY;
            case "CLAN" -> CLAN;
            case "UNIT" -> UNIT;
            default -> COMMUNE;
        };
    }
}
