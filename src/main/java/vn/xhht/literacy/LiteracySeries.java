package vn.xhht.literacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xhht.orgunit.SeriesFigureSource;

/**
 * Literacy rates of people aged 15–60 (level 1 and level 2, NĐ 20/2014) per year for the time series of a unit across
 * the reforms: the register read as it stood on 31/12 of each year (today for this year), residents of that day with
 * the status they had then, over the unit's communes and those it took over.
 *
 * <p>The register holds people as surveyed; a year before a commune's first survey would be the later survey read
 * backwards, so a commune counts only from the date of its first survey round (a round of the commune or of a unit
 * above it).
 */
@Component
class LiteracySeries implements SeriesFigureSource {

    static final String LEVEL1 = "series.literacy.level1";
    static final String LEVEL2 = "series.literacy.level2";
    static final int AGE_FROM = 15;
    static final int AGE_TO = 60;

    private final JdbcClient jdbc;
    private final LiteracyIndicators indicators;

    LiteracySeries(JdbcClient jdbc, LiteracyIndicators indicators) {
        this.jdbc = jdbc;
        this.indicators = indicators;
    }

    @Override
    public List<String> figures() {
        return List.of(LEVEL1, LEVEL2);
    }

    @Override
    public boolean isRate(String figure) {
        return true;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Point> points(long unitId, int fromYear, int toYear, LocalDate today) {
        List<Point> out = new ArrayList<>();
        List<Surveyed> communes = surveyed(unitId);
        if (communes.isEmpty()) {
            return out;
        }
        for (int y = fromYear; y <= toYear; y++) {
            LocalDate day = LocalDate.of(y, 12, 31).isAfter(today) ? today : LocalDate.of(y, 12, 31);
            if (communes.stream().noneMatch(c -> !c.firstSurvey().isAfter(day))) {
                continue;
            }
            out.addAll(year(unitId, y, day));
        }
        return out;
    }

    /** A commune of the unit's lineage and the date of its first survey round. */
    private record Surveyed(long communeId, LocalDate firstSurvey) {
    }

    private List<Surveyed> surveyed(long unitId) {
        return jdbc.sql("""
                select l.unit_id, min(r.survey_date) from xhht_lineage(:unit) l join xhht_unit u on u.id = l.unit_id
                join lit_survey_round r on r.unit_id = any(u.line)
                group by l.unit_id
                """).param("unit", unitId).query((rs, n) -> new Surveyed(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
    }

    private List<Point> year(long unitId, int year, LocalDate day) {
        AgeRule rule = indicators.ageRule(day);
        int ref = rule.referenceKey(day);
        LiteracyIndicators.StatusOn on = indicators.statusOn(day);
        return jdbc.sql("""
                with l as (select * from xhht_lineage(:unit)),
                lh as (select * from xhht_lineage_hamlets(:unit)),
                first_survey as (
                    select l.unit_id, min(r.survey_date) as since from l join xhht_unit u on u.id = l.unit_id
                    join lit_survey_round r on r.unit_id = any(u.line) group by l.unit_id
                ),
                rows as (
                    select %s as lvl, l.reconstructed,
                           l.whole or coalesce(lh.ours, false) as ours,
                           not l.whole and lh.hamlet_id is null as open_share
                    from l join first_survey f on f.unit_id = l.unit_id and f.since <= :d
                    join lit_person p on p.commune_id = l.unit_id %s
                    left join lh on not l.whole and lh.hamlet_id = p.hamlet_id
                    where (p.moved_in_date is null or p.moved_in_date <= :d) and (p.left_date is null or p.left_date > :d)
                      and p.birth_key <= %d and (%d - p.birth_key) / 10000 between %d and %d
                )
                select count(*) filter (where ours) as base,
                       count(*) filter (where ours and lvl >= 1) as level1,
                       count(*) filter (where ours and lvl >= 2) as level2,
                       count(*) filter (where ours and reconstructed) as base_rec,
                       count(*) filter (where open_share) as base_na
                from rows
                """.formatted(on.level(), on.join(), ref, ref, AGE_FROM, AGE_TO))
                .param("unit", unitId).param("d", day).param("cut", on.cut())
                .query((rs, n) -> {
                    long base = rs.getLong("base");
                    long rec = rs.getLong("base_rec");
                    long na = rs.getLong("base_na");
                    if (base == 0 && na == 0) {
                        return List.<Point>of();
                    }
                    return List.of(new Point(LEVEL1, year, rs.getLong("level1"), rec, na, base),
                            new Point(LEVEL2, year, rs.getLong("level2"), rec, na, base));
                }).single();
    }
}
