package vn.xhht.literacy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.ReportFigureSource;

/**
 * The literacy figures periodic reports pre-fill from: population figures of the register on {@code to}, class
 * figures over the period, all over the unit's subtree (one grouped query each).
 */
@Component
class LiteracyFigures implements ReportFigureSource {

    private final LiteracyIndicators indicators;
    private final OrgUnitDirectory units;
    private final JdbcClient jdbc;

    LiteracyFigures(LiteracyIndicators indicators, OrgUnitDirectory units, JdbcClient jdbc) {
        this.indicators = indicators;
        this.units = units;
        this.jdbc = jdbc;
    }

    @Override
    public List<Figure> figures() {
        return List.of(
                new Figure("literacy.population.15_35", "lit.figure.population.15_35"),
                new Figure("literacy.literate1.15_35", "lit.figure.literate1.15_35"),
                new Figure("literacy.literate2.15_35", "lit.figure.literate2.15_35"),
                new Figure("literacy.population.15_60", "lit.figure.population.15_60"),
                new Figure("literacy.literate1.15_60", "lit.figure.literate1.15_60"),
                new Figure("literacy.literate2.15_60", "lit.figure.literate2.15_60"),
                new Figure("literacy.illiterate.15_60", "lit.figure.illiterate.15_60"),
                new Figure("literacy.reilliterate.15_60", "lit.figure.reilliterate.15_60"),
                new Figure("literacy.classes.open", "lit.figure.classes.open"),
                new Figure("literacy.classes.learners", "lit.figure.classes.learners"),
                new Figure("literacy.classes.completed", "lit.figure.classes.completed"));
    }

    @Override
    public Map<String, BigDecimal> values(long unitId, LocalDate from, LocalDate to) {
        OrgUnit unit = units.require(unitId);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        List<Cell> cells = indicators.cells(unit, to, false);
        if (!cells.isEmpty()) {
            LiteracyIndicators.Band b35 = LiteracyIndicators.band(cells, 15, 35);
            LiteracyIndicators.Band b60 = LiteracyIndicators.band(cells, 15, 60);
            out.put("literacy.population.15_35", BigDecimal.valueOf(b35.population()));
            out.put("literacy.literate1.15_35", BigDecimal.valueOf(b35.literateLevel1()));
            out.put("literacy.literate2.15_35", BigDecimal.valueOf(b35.literateLevel2()));
            out.put("literacy.population.15_60", BigDecimal.valueOf(b60.population()));
            out.put("literacy.literate1.15_60", BigDecimal.valueOf(b60.literateLevel1()));
            out.put("literacy.literate2.15_60", BigDecimal.valueOf(b60.literateLevel2()));
            out.put("literacy.illiterate.15_60", BigDecimal.valueOf(b60.illiterate()));
            out.put("literacy.reilliterate.15_60", BigDecimal.valueOf(b60.reilliterate()));
        }
        jdbc.sql("""
                select count(distinct c.id) as classes, count(e.id) as learners,
                       count(e.id) filter (where e.result = 'COMPLETED' and e.completed_on between :from and :to) as completed
                from lit_class c left join lit_enrolment e on e.class_id = c.id
                where %s and c.start_date <= :to and (c.end_date is null or c.end_date >= :from)
                """.formatted(LiteracyClasses.scope(unit))).param("from", from).param("to", to)
                .query((java.sql.ResultSet rs) -> {
                    if (rs.getLong("classes") > 0) {
                        out.put("literacy.classes.open", BigDecimal.valueOf(rs.getLong("classes")));
                        out.put("literacy.classes.learners", BigDecimal.valueOf(rs.getLong("learners")));
                        out.put("literacy.classes.completed", BigDecimal.valueOf(rs.getLong("completed")));
                    }
                });
        return out;
    }
}
