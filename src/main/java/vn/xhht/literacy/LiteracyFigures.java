package vn.xhht.literacy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
 * figures over the period, all over the unit's subtree (one grouped query each). The bands are the rule data of
 * {@code lit_band} (a band is offered as soon as a row names it; its values are given for the dates it is in force),
 * each with the seven figures for all, women and men. Rates are cut to two decimals like the documents' tables
 * (99.999 % is not 100 %); a rate of a band nobody is in is absent, not zero.
 */
@Component
class LiteracyFigures implements ReportFigureSource {

    /** The seven figures of a band, in the order of the documents' tables. */
    static final List<String> BAND_FIGURES = List.of("population", "literate1", "literate2", "illiterate", "reilliterate", "rate1", "rate2");
    /** All people, women, men: the suffix of the code and of the label key. */
    static final List<String> SEXES = List.of("", ".women", ".men");

    private final LiteracyIndicators indicators;
    private final OrgUnitDirectory units;
    private final JdbcClient jdbc;

    LiteracyFigures(LiteracyIndicators indicators, OrgUnitDirectory units, JdbcClient jdbc) {
        this.indicators = indicators;
        this.units = units;
        this.jdbc = jdbc;
    }

    /** A band named by any row of lit_band, whatever its dates; upperSecondary when a row measures upper secondary. */
    record BandName(int from, int to, boolean upperSecondary) {
        String suffix() {
            return from + "_" + to;
        }
    }

    List<BandName> bandNames() {
        List<BandName> names = jdbc.sql("""
                select age_from, age_to, bool_or(measure = 'UPPER_SECONDARY') from lit_band
                group by age_from, age_to order by min(position), age_from, age_to
                """).query((rs, n) -> new BandName(rs.getInt(1), rs.getInt(2), rs.getBoolean(3))).list();
        if (!names.isEmpty()) {
            return names;
        }
        List<BandName> fallback = new ArrayList<>();
        for (int[] b : LiteracyIndicators.BANDS) {
            fallback.add(new BandName(b[0], b[1], false));
        }
        return fallback;
    }

    @Override
    public List<Figure> figures() {
        List<Figure> out = new ArrayList<>();
        for (BandName b : bandNames()) {
            for (String figure : BAND_FIGURES) {
                for (String sex : SEXES) {
                    out.add(new Figure("literacy." + figure + "." + b.suffix() + sex, "lit.figure." + figure + "." + b.suffix() + sex));
                }
            }
            if (b.upperSecondary()) {
                for (String figure : List.of("upper_secondary", "upper_secondary_rate")) {
                    for (String sex : SEXES) {
                        out.add(new Figure("literacy." + figure + "." + b.suffix() + sex, "lit.figure." + figure + "." + b.suffix() + sex));
                    }
                }
            }
        }
        out.add(new Figure("literacy.classes.open", "lit.figure.classes.open"));
        out.add(new Figure("literacy.classes.learners", "lit.figure.classes.learners"));
        out.add(new Figure("literacy.classes.completed", "lit.figure.classes.completed"));
        return out;
    }

    @Override
    public Map<String, BigDecimal> values(long unitId, LocalDate from, LocalDate to) {
        return compute(true, unitId, from, to);
    }

    /** The register's bands are read only when a band figure is wanted: a dashboard asking for classes skips them. */
    @Override
    public Map<String, BigDecimal> values(Collection<String> wanted, long unitId, LocalDate from, LocalDate to) {
        return compute(wanted.stream().anyMatch(c -> !c.startsWith(CLASSES)), unitId, from, to);
    }

    private static final String CLASSES = "literacy.classes.";

    private Map<String, BigDecimal> compute(boolean bands, long unitId, LocalDate from, LocalDate to) {
        OrgUnit unit = units.require(unitId);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        List<LiteracyIndicators.BandRule> rules = bands ? indicators.bandRules(to) : List.of();
        LiteracyIndicators.Tally tally = bands ? indicators.bandTally(unit, to, rules) : null;
        if (tally != null && tally.population() > 0) {
            List<LiteracyIndicators.BandRow> rows = LiteracyIndicators.bandRows(tally, rules, LiteracyIndicators.ALL, "");
            for (LiteracyIndicators.BandRow r : rows) {
                String band = r.from() + "_" + r.to();
                put(out, band, "", r.all());
                put(out, band, ".women", r.women());
                put(out, band, ".men", r.men());
            }
            for (LiteracyIndicators.UpperSecondary u : LiteracyIndicators.upperSecondary(tally, rules)) {
                String sex = switch (u.sex()) {
                    case "F" -> ".women";
                    case "M" -> ".men";
                    default -> "";
                };
                String band = u.from() + "_" + u.to();
                out.put("literacy.upper_secondary." + band + sex, BigDecimal.valueOf(u.completed()));
                if (u.rate() != null) {
                    out.put("literacy.upper_secondary_rate." + band + sex, u.rate());
                }
            }
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

    private static void put(Map<String, BigDecimal> out, String band, String sex, LiteracyIndicators.Band b) {
        out.put("literacy.population." + band + sex, BigDecimal.valueOf(b.population()));
        out.put("literacy.literate1." + band + sex, BigDecimal.valueOf(b.literateLevel1()));
        out.put("literacy.literate2." + band + sex, BigDecimal.valueOf(b.literateLevel2()));
        out.put("literacy.illiterate." + band + sex, BigDecimal.valueOf(b.illiterate()));
        out.put("literacy.reilliterate." + band + sex, BigDecimal.valueOf(b.reilliterate()));
        if (b.rateLevel1() != null) {
            out.put("literacy.rate1." + band + sex, b.rateLevel1());
        }
        if (b.rateLevel2() != null) {
            out.put("literacy.rate2." + band + sex, b.rateLevel2());
        }
    }
}
