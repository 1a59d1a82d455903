package vn.xhht.literacy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.UnitAttributeFilter;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.VietnamClock;

/**
 * Indicators and standards over any unit's subtree on any date, computed by the database from the register in
 * one grouped pass (consistent the moment a change is saved). Rates are exact fractions of counts, shown with
 * two decimals.
 */
@Service
@Transactional(readOnly = true)
public class LiteracyIndicators {

    public record Band(int from, int to, long population, long literateLevel1, long literateLevel2, long illiterate,
                       long reilliterate, BigDecimal rateLevel1, BigDecimal rateLevel2) {
    }

    public record Breakdown(String key, String label, long population1560, long literateLevel1, long literateLevel2,
                            BigDecimal rateLevel2) {
    }

    public record ConditionResult(String code, String measure, Integer ageFrom, Integer ageTo, BigDecimal value,
                                  long numerator, long denominator, BigDecimal threshold, Boolean met, long missing,
                                  String certainty, String note) {
    }

    public record StandardResult(String code, int level, boolean met, String source, int version,
                                 List<ConditionResult> conditions) {
    }

    public record Indicators(long unitId, String unitName, LocalDate date, boolean especiallyDifficult, long population,
                             List<Band> ageBands, List<Breakdown> bySex, List<Breakdown> byEthnicity,
                             List<Breakdown> byPriority, List<StandardResult> standards, String ageMethod,
                             String ageRuleBasis, String ageRuleCertainty, long computeMillis,
                             @io.swagger.v3.oas.annotations.media.Schema(description = "Mọi độ tuổi × tổng/nữ/nam. / Every band for all, women and men.")
                             List<BandRow> bands,
                             @io.swagger.v3.oas.annotations.media.Schema(description = "Mọi độ tuổi theo dân tộc. / Every band by ethnicity.")
                             List<GroupBands> bandsByEthnicity,
                             @io.swagger.v3.oas.annotations.media.Schema(description = "Mọi độ tuổi theo nhóm ưu tiên. / Every band by priority group.")
                             List<GroupBands> bandsByPriority,
                             @io.swagger.v3.oas.annotations.media.Schema(description = "Phổ cập bậc trung học 18–21. / Upper secondary 18–21.")
                             List<UpperSecondary> upperSecondary) {
    }

    /** One age band (rule data, table lit_band) with its seven figures for everybody, for women and for men. */
    public record BandRow(int from, int to, String measure, String legalBasis, String certainty, Band all, Band women, Band men) {
    }

    /** The bands of one ethnicity or priority group. */
    public record GroupBands(String key, String label, List<BandRow> bands) {
    }

    /**
     * Upper secondary in a band of measure UPPER_SECONDARY: people having completed grade 12 (the register has no
     * diploma column, so completing grade 12 stands for it) and the share, cut to two decimals.
     */
    public record UpperSecondary(int from, int to, String sex, long population, long completed, BigDecimal rate,
                                 String legalBasis, String certainty) {
    }

    /** A band of the indicators as rule data. */
    record BandRule(int from, int to, String measure, String legalBasis, String certainty) {
    }

    /** A commune's line in a province view. */
    public record CommuneLine(long unitId, String name, boolean especiallyDifficult, long population1535, BigDecimal rate1535,
                              long population1560, BigDecimal rate1560, int xmcLevel) {
    }

    /** Bands used when no band rule is in force (and by the boundaries of the age segments). */
    static final int[][] BANDS = {{6, 6}, {11, 11}, {11, 14}, {15, 18}, {18, 21}, {15, 25}, {15, 35}, {36, 60}, {15, 60}};

    private final JdbcClient jdbc;
    private final LiteracyAccess access;
    private final Standards standards;
    private final org.springframework.transaction.support.TransactionTemplate readOnly;
    private final VietnamClock clock;

    LiteracyIndicators(JdbcClient jdbc, LiteracyAccess access, Standards standards,
                       org.springframework.transaction.PlatformTransactionManager transactions, VietnamClock clock,
                       vn.xhht.shared.PlanTargets plans) {
        this.plans = plans;
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.jdbc = jdbc;
        this.access = access;
        this.standards = standards;
        this.clock = clock;
    }

    AgeRule ageRule(LocalDate date) {
        return jdbc.sql("select * from lit_setting where effective_from <= :d order by effective_from desc limit 1").param("d", date)
                .query((rs, n) -> new AgeRule(rs.getObject("effective_from", LocalDate.class), rs.getString("age_method"),
                        rs.getInt("rollover_month"), rs.getInt("rollover_day"), rs.getBigDecimal("pass_score"),
                        rs.getString("legal_basis"), rs.getString("certainty")))
                .optional().orElse(new AgeRule(date, "EXACT", 9, 1, BigDecimal.valueOf(5), "", "unknown"));
    }

    /** The bands in force on the date, in their order (rule data, V110). */
    List<BandRule> bandRules(LocalDate date) {
        List<BandRule> rules = jdbc.sql("""
                select age_from, age_to, measure, legal_basis, certainty from lit_band
                where (valid_from is null or valid_from <= :d) and (valid_to is null or valid_to >= :d) order by position, id
                """).param("d", date).query((rs, n) -> new BandRule(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getString(5))).list();
        if (!rules.isEmpty()) {
            return rules;
        }
        List<BandRule> fallback = new ArrayList<>();
        for (int[] b : BANDS) {
            fallback.add(new BandRule(b[0], b[1], "LITERACY", "", "unknown"));
        }
        return fallback;
    }

    private final vn.xhht.shared.PlanTargets plans;

    /** The literacy-rate targets of the unit's plan for the year ("Tỷ lệ biết chữ 15–35"), published by the plan module. */
    public List<vn.xhht.shared.PlanTargets.LabelledTarget> planTargets(long unitId, int year) {
        return plans.labelled(unitId, year, "biết chữ");
    }

    /** The filter selecting the persons of a unit's subtree (ids are numbers from the directory, never user text). */
    static String scope(OrgUnit unit) {
        return switch (unit.level()) {
            case OrgUnit.NATION -> "true";
            // a province's persons usually fill most of the table: a scan with this filter beats any index
            case OrgUnit.PROVINCE -> "p.province_id = " + unit.id();
            case OrgUnit.COMMUNE -> "p.commune_id = " + unit.id();
            // a hamlet is read within its commune (the (commune_id, code) key) — no separate index to maintain
            case OrgUnit.HAMLET -> "p.commune_id = " + unit.parentId() + " and p.hamlet_id = " + unit.id();
            default -> "p.commune_id in (select id from xhht_unit_subtree(" + unit.id() + "))";
        };
    }

    /**
     * How to read a person's literacy status and level as they were on a date: the register holds today's status;
     * for an earlier date a person whose status was changed after it is read with the status it had then (the old
     * value of the first change after the date), and the level derived as the generated column lit_level does
     * (V20). {@code join} joins that change as {@code h} to {@code lit_person p}; queries bind {@code :cut}.
     */
    record StatusOn(String join, String level, String status, java.time.OffsetDateTime cut) {
    }

    StatusOn statusOn(LocalDate date) {
        java.time.OffsetDateTime cut = date.plusDays(1).atStartOfDay(vn.xhht.shared.VietnamClock.ZONE).toOffsetDateTime();
        boolean replay = date.isBefore(clock.today()) && jdbc.sql("""
                select exists (select 1 from lit_person_change where field = 'literacyStatus' and changed_at >= :cut)
                """).param("cut", cut).query(Boolean.class).single();
        if (!replay) {
            return new StatusOn("", "p.lit_level", "p.literacy_status", cut);
        }
        return new StatusOn("""
                left join (select distinct on (c.person_id) c.person_id, c.old_value from lit_person_change c
                           where c.field = 'literacyStatus' and c.changed_at >= :cut
                           order by c.person_id, c.changed_at, c.id) h on h.person_id = p.id""", """
                (case when h.person_id is null then p.lit_level
                      when h.old_value in ('ILLITERATE', 'REILLITERATE') then 0
                      when h.old_value = 'L2' or p.highest_grade >= 5 or p.primary_year is not null then 2
                      when h.old_value = 'L1' or p.highest_grade >= 3 then 1 else 0 end)""",
                "(case when h.person_id is null then p.literacy_status else h.old_value end)", cut);
    }

    // ------------------------------------------------------------------ the register summed by the database

    /** What a condition counts over an age range (both ends included); {@link #EVERYBODY} counts every resident. */
    record Measure(String kind, int from, int to) {
        static final Measure EVERYBODY = new Measure("all", 0, 1000);

        static Measure of(Standards.Condition c) {
            return new Measure(c.measure(), c.ageFrom() == null ? 0 : c.ageFrom(), c.ageTo() == null ? 200 : c.ageTo());
        }
    }

    /** Band rows summed for everybody, per ethnicity, per priority group. */
    static final int ALL = 0, ETHNICITY = 1, PRIORITY = 2;

    /** The counts behind a band's seven figures: population, ≥ level 1, level 2, illiterate, re-illiterate, completed grade 12. */
    record Sums(long population, long level1, long level2, long illiterate, long reilliterate, long upperSecondary) {
        static final Sums ZERO = new Sums(0, 0, 0, 0, 0, 0);

        Band band(int from, int to) {
            return new Band(from, to, population, level1, level2, illiterate, reilliterate, rate(level1, population), rate(level2, population));
        }
    }

    /** One band's sums of a group ({@link #ALL} with key "", an ethnicity, a priority group) and sex ("" everybody, F, M). */
    record BandKey(int group, String key, int band, String sex) {
    }

    /**
     * The register on a date over a unit, as the database summed it: the band sums of every group; the ethnicities and
     * priority groups present (at any age); per commune (0 when not split by commune) each measure's people and those
     * of them it counts.
     */
    record Tally(Map<BandKey, Sums> bands, java.util.SortedSet<String> ethnicities, java.util.SortedSet<String> priorities,
                 Map<Long, Map<Measure, long[]>> measures) {

        Sums sums(int group, String key, int band, String sex) {
            return bands.getOrDefault(new BandKey(group, key, band, sex), Sums.ZERO);
        }

        boolean has(int group, String key, int band, String sex) {
            return bands.containsKey(new BandKey(group, key, band, sex));
        }

        long population() {
            return measures.values().stream().mapToLong(m -> m.getOrDefault(Measure.EVERYBODY, new long[2])[0]).sum();
        }
    }

    /** The register's counts a measure reads, by measure kind (fixed column names of the first pass, never rule text). */
    private static final Map<String, String> MEASURE_COLUMNS = Map.of("all", "n", "literate_l1", "l1", "literate_l2", "l2",
            "primary_completed", "prim", "lsec_graduated", "lsec", "upper_studying", "upper", "grade1_entry", "entry",
            "remaining_in_primary", "remaining");

    /**
     * The register on the date summed in one statement over the unit's persons. The first pass groups the residents by
     * commune, age segment, sex, ethnicity and priority group and counts, per group, those each figure asks for; the
     * bands (rule data) and the measures of the standards are then summed from these groups by the database
     * (grouping sets for everybody, each sex, each ethnicity and priority group), so the answer is a few hundred rows
     * whatever the number of persons. {@code groups} false: the band sums for everybody and each sex only.
     */
    Tally tally(OrgUnit unit, LocalDate date, boolean byCommune, boolean groups, List<BandRule> bands,
                java.util.Collection<Measure> wanted, AgeRule rule) {
        List<Measure> measures = new ArrayList<>(new java.util.LinkedHashSet<>(wanted));
        measures.remove(Measure.EVERYBODY);
        measures.add(0, Measure.EVERYBODY);
        measures.removeIf(m -> !MEASURE_COLUMNS.containsKey(m.kind()));
        if (unit.level() > OrgUnit.PROVINCE) {
            return tallyPass(unit, date, byCommune, groups, bands, measures, rule);
        }
        // a province (or the nation) is a pass over up to millions of rows: let the planner use parallel workers for
        // the first pass of this query only
        return readOnly.execute(status -> {
            jdbc.sql("set local parallel_setup_cost = 0").update();
            jdbc.sql("set local parallel_tuple_cost = 0").update();
            jdbc.sql("set local work_mem = '64MB'").update();
            return tallyPass(unit, date, byCommune, groups, bands, measures, rule);
        });
    }

    /**
     * Every band and measure starts and ends on one of these ages, so the first pass groups people by the segment
     * between two boundaries (a group's age is the segment's first age) instead of by year of age: a band sums exactly
     * the same people from a tenth of the groups. The segment is found by width_bucket over the sorted boundaries,
     * measured a third cheaper than a chain of comparisons on a million persons.
     */
    private static String ageSegment(String age, List<BandRule> bands, List<Measure> measures) {
        java.util.SortedSet<Integer> bounds = new java.util.TreeSet<>(List.of(0));
        for (BandRule b : bands) {
            bounds.add(b.from());
            bounds.add(b.to() + 1);
        }
        for (Measure m : measures) {
            bounds.add(m.from());
            bounds.add(m.to() + 1);
        }
        String array = "cast(array[" + String.join(", ", bounds.stream().map(String::valueOf).toList()) + "] as int[])";
        return "(" + array + ")[width_bucket(" + age + ", " + array + ")]";
    }

    private Tally tallyPass(OrgUnit unit, LocalDate date, boolean byCommune, boolean groups, List<BandRule> bands,
                            List<Measure> measures, AgeRule rule) {
        int ref = rule.referenceKey(date);
        StatusOn on = statusOn(date);
        StringBuilder bandValues = new StringBuilder();
        for (int i = 0; i < bands.size(); i++) {
            bandValues.append(i == 0 ? "" : ", ").append('(').append(i).append(", ").append(bands.get(i).from()).append(", ")
                    .append(bands.get(i).to()).append(')');
        }
        StringBuilder measureValues = new StringBuilder();
        StringBuilder pick = new StringBuilder("case m.i");
        for (int i = 0; i < measures.size(); i++) {
            Measure m = measures.get(i);
            measureValues.append(i == 0 ? "" : ", ").append('(').append(i).append(", ").append(m.from()).append(", ").append(m.to()).append(')');
            pick.append(" when ").append(i).append(" then c.").append(MEASURE_COLUMNS.get(m.kind()));
        }
        pick.append(" end");
        String sets = groups ? "(b.i), (b.i, c.sex), (b.i, c.ethnicity), (b.i, c.ethnicity, c.sex), (b.i, c.priority), (b.i, c.priority, c.sex)"
                : "(b.i), (b.i, c.sex)";
        String prim = "(p.primary_year is not null or p.highest_grade >= 5)";
        String sql = """
                with c as materialized (
                    select COMMUNE as commune_id, SEGMENT as age, p.sex, p.ethnicity, coalesce(p.priority_group, '') as priority,
                           count(*) as n,
                           count(*) filter (where LEVEL >= 1) as l1,
                           count(*) filter (where LEVEL = 2) as l2,
                           count(*) filter (where LEVEL = 0 and STATUS is distinct from 'REILLITERATE') as ill,
                           count(*) filter (where LEVEL = 0 and STATUS = 'REILLITERATE') as reill,
                           count(*) filter (where p.highest_grade >= 12) as usec,
                           count(*) filter (where PRIM) as prim,
                           count(*) filter (where p.lsec_year is not null) as lsec,
                           count(*) filter (where p.current_grade >= 10) as upper,
                           count(*) filter (where p.current_grade >= 1 or PRIM) as entry,
                           count(*) filter (where not PRIM and (p.current_grade is null or p.current_grade > 5)) as remaining
                    from lit_person p PAST
                    where SCOPE and (p.moved_in_date is null or p.moved_in_date <= :d) and (p.left_date is null or p.left_date > :d)
                      and p.birth_key <= REF
                    group by 1, 2, 3, 4, 5
                ),
                b (i, lo, hi) as (values BANDS),
                m (i, lo, hi) as (values MEASURES)
                select 0 as part, b.i, cast(0 as bigint) as commune_id,
                       GROUP as grp, KEY as key,
                       case when grouping(c.sex) = 0 then cast(c.sex as text) else '' end as sex,
                       sum(c.n) as n1, sum(c.l1) as n2, sum(c.l2) as n3, sum(c.ill) as n4, sum(c.reill) as n5, sum(c.usec) as n6
                from c left join b on c.age between b.lo and b.hi
                group by grouping sets (SETS)
                union all
                select 1, m.i, c.commune_id, 0, '', '', sum(c.n), sum(PICK), 0, 0, 0, 0
                from c join m on c.age between m.lo and m.hi
                group by m.i, c.commune_id
                """
                .replace("COMMUNE", byCommune ? "p.commune_id" : "cast(0 as bigint)")
                .replace("SEGMENT", ageSegment("(" + ref + " - p.birth_key) / 10000", bands, measures))
                .replace("LEVEL", on.level()).replace("STATUS", on.status()).replace("PRIM", prim).replace("PAST", on.join())
                .replace("SCOPE", scope(unit)).replace("REF", Integer.toString(ref))
                .replace("BANDS", bandValues).replace("MEASURES", measureValues).replace("SETS", sets).replace("PICK", pick)
                .replace("GROUP", groups ? "case when grouping(c.ethnicity) = 0 then 1 when grouping(c.priority) = 0 then 2 else 0 end" : "0")
                .replace("KEY", groups ? "case when grouping(c.ethnicity) = 0 then c.ethnicity when grouping(c.priority) = 0 then c.priority else '' end" : "''");
        Map<BandKey, Sums> sums = new HashMap<>();
        java.util.SortedSet<String> ethnicities = new java.util.TreeSet<>();
        java.util.SortedSet<String> priorities = new java.util.TreeSet<>();
        Map<Long, Map<Measure, long[]>> counts = new java.util.TreeMap<>();
        jdbc.sql(sql).param("cut", on.cut()).param("d", date).query((java.sql.ResultSet rs) -> {
            int i = rs.getInt("i");
            if (rs.getInt("part") == 1) {
                counts.computeIfAbsent(rs.getLong("commune_id"), k -> new HashMap<>()).put(measures.get(i), new long[]{rs.getLong("n1"), rs.getLong("n2")});
                return;
            }
            int group = rs.getInt("grp");
            String key = rs.getString("key");
            if (group == ETHNICITY) {
                ethnicities.add(key);
            } else if (group == PRIORITY) {
                priorities.add(key);
            }
            // a group whose people are all outside every band is present, with zeros in its bands
            if (rs.getObject("i") != null) {
                sums.put(new BandKey(group, key, i, rs.getString("sex")), new Sums(rs.getLong("n1"), rs.getLong("n2"), rs.getLong("n3"),
                        rs.getLong("n4"), rs.getLong("n5"), rs.getLong("n6")));
            }
        });
        return new Tally(sums, ethnicities, priorities, counts);
    }

    /** The bands of the rules for everybody and each sex (report figures): no groups, no standards. */
    Tally bandTally(OrgUnit unit, LocalDate date, List<BandRule> rules) {
        return tally(unit, date, false, false, rules, List.of(), ageRule(date));
    }

    public Indicators compute(CurrentUser user, long unitId, LocalDate date) {
        OrgUnit unit = access.requireReadable(user, unitId);
        return compute(unit, date);
    }

    /** A province or district page: its indicators and its communes from the same statement. */
    public record View(Indicators indicators, List<CommuneLine> communes) {
    }

    public View withCommunes(CurrentUser user, long unitId, LocalDate date) {
        return withCommunes(user, unitId, date, UnitAttributeFilter.NONE);
    }

    /** As above; the commune lines keep only the communes with the attributes (the indicators stay the whole unit's). */
    public View withCommunes(CurrentUser user, long unitId, LocalDate date, UnitAttributeFilter attributes) {
        OrgUnit unit = access.requireReadable(user, unitId);
        long t0 = System.nanoTime();
        Pass pass = pass(unit, date);
        return new View(indicators(unit, date, pass, t0), communeLines(unit, date, pass.tally(), attributes));
    }

    Indicators compute(OrgUnit unit, LocalDate date) {
        long t0 = System.nanoTime();
        return indicators(unit, date, pass(unit, date), t0);
    }

    /** The rules in force on a date and the register summed with them. */
    private record Pass(AgeRule rule, List<BandRule> bandRules, List<Standards.Standard> communeStandards, Tally tally) {
    }

    /** The commune lines of a province or district: literate level 1 of 15–35, level 2 of 15–60. */
    static final Measure LINE_1535 = new Measure("literate_l1", 15, 35), LINE_1560 = new Measure("literate_l2", 15, 60);

    private Pass pass(OrgUnit unit, LocalDate date) {
        // a district or province needs each commune's standards: the measures are summed per commune
        boolean byCommune = unit.level() == OrgUnit.PROVINCE || unit.level() == OrgUnit.DISTRICT;
        AgeRule rule = ageRule(date);
        List<BandRule> bandRules = bandRules(date);
        List<BandRule> bands = new ArrayList<>(bandRules);
        bands.add(new BandRule(15, 60, "LITERACY", "", "")); // the breakdowns by sex, ethnicity and priority group
        List<Standards.Standard> rules = unit.level() == OrgUnit.COMMUNE || byCommune ? standards.inForce("commune", date) : List.of();
        List<Measure> measures = new ArrayList<>();
        rules.forEach(s -> s.conditions().forEach(c -> measures.add(Measure.of(c))));
        if (byCommune) {
            measures.add(LINE_1535);
            measures.add(LINE_1560);
        }
        return new Pass(rule, bandRules, rules, tally(unit, date, byCommune, true, bands, measures, rule));
    }

    private Indicators indicators(OrgUnit unit, LocalDate date, Pass pass, long t0) {
        Tally t = pass.tally();
        List<BandRule> bandRules = pass.bandRules();
        int b1560 = bandRules.size();
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < bandRules.size(); i++) {
            bands.add(t.sums(ALL, "", i, "").band(bandRules.get(i).from(), bandRules.get(i).to()));
        }
        Map<String, String> prio = new LinkedHashMap<>(Codes.PRIORITY_GROUPS);
        prio.put("", "Không thuộc nhóm ưu tiên");
        List<Breakdown> bySex = new ArrayList<>();
        for (String sex : List.of("F", "M")) {
            if (t.has(ALL, "", b1560, sex)) {
                bySex.add(breakdown(sex, sex.equals("F") ? "Nữ" : "Nam", t.sums(ALL, "", b1560, sex)));
            }
        }
        List<Breakdown> byEthnicity = breakdowns(t, ETHNICITY, t.ethnicities(), Codes.ETHNICITIES, b1560);
        List<Breakdown> byPriority = breakdowns(t, PRIORITY, t.priorities(), prio, b1560);
        List<StandardResult> results = unit.level() == OrgUnit.COMMUNE
                ? evaluateCommune(pass.communeStandards(), t.measures().getOrDefault(0L, Map.of()), unit.especiallyDifficult())
                : unit.level() == OrgUnit.PROVINCE || unit.level() == OrgUnit.DISTRICT ? evaluateAbove(unit, date, pass) : List.of();
        List<GroupBands> byEthBands = new ArrayList<>();
        t.ethnicities().forEach(k -> byEthBands.add(new GroupBands(k, Codes.ETHNICITIES.getOrDefault(k, k), bandRows(t, bandRules, ETHNICITY, k))));
        List<GroupBands> byPrioBands = new ArrayList<>();
        t.priorities().forEach(k -> byPrioBands.add(new GroupBands(k, prio.getOrDefault(k, k), bandRows(t, bandRules, PRIORITY, k))));
        return new Indicators(unit.id(), unit.name(), date, unit.especiallyDifficult(), t.population(), bands, bySex, byEthnicity,
                byPriority, results, pass.rule().method(), pass.rule().legalBasis(), pass.rule().certainty(),
                (System.nanoTime() - t0) / 1_000_000, bandRows(t, bandRules, ALL, ""), byEthBands, byPrioBands, upperSecondary(t, bandRules));
    }

    private static Breakdown breakdown(String key, String label, Sums s) {
        return new Breakdown(key, label, s.population(), s.level1(), s.level2(), rate(s.level2(), s.population()));
    }

    /** The 15–60 line of each group that has people aged 15–60. */
    private static List<Breakdown> breakdowns(Tally t, int group, java.util.SortedSet<String> keys, Map<String, String> labels, int band) {
        List<Breakdown> out = new ArrayList<>();
        for (String k : keys) {
            if (t.has(group, k, band, "")) {
                out.add(breakdown(k, labels.getOrDefault(k, k), t.sums(group, k, band, "")));
            }
        }
        return out;
    }

    /** Every band × all/women/men of one group, zeros where the group has nobody. */
    static List<BandRow> bandRows(Tally t, List<BandRule> rules, int group, String key) {
        List<BandRow> rows = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            BandRule r = rules.get(i);
            rows.add(new BandRow(r.from(), r.to(), r.measure(), r.legalBasis(), r.certainty(), t.sums(group, key, i, "").band(r.from(), r.to()),
                    t.sums(group, key, i, "F").band(r.from(), r.to()), t.sums(group, key, i, "M").band(r.from(), r.to())));
        }
        return rows;
    }

    /** The upper-secondary figure of every band whose measure asks for it, for all, women and men. */
    static List<UpperSecondary> upperSecondary(Tally t, List<BandRule> rules) {
        List<UpperSecondary> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            BandRule r = rules.get(i);
            if (!r.measure().equals("UPPER_SECONDARY")) {
                continue;
            }
            for (String sex : List.of("", "F", "M")) {
                Sums s = t.sums(ALL, "", i, sex);
                out.add(new UpperSecondary(r.from(), r.to(), sex, s.population(), s.upperSecondary(),
                        rate(s.upperSecondary(), s.population()), r.legalBasis(), r.certainty()));
            }
        }
        return out;
    }

    /** A percentage with two decimals, cut not rounded (99.999 % is not 100 %); null when there is nobody to count. */
    static BigDecimal rate(long num, long den) {
        if (den == 0) {
            return null;
        }
        return BigDecimal.valueOf(num).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(den), 2, RoundingMode.DOWN);
    }

    // ------------------------------------------------------------------ standards

    /** The commune standards in force on the date, evaluated on a commune's (or any unit's) register. */
    List<StandardResult> evaluateCommune(OrgUnit unit, boolean difficult, LocalDate date) {
        List<Standards.Standard> rules = standards.inForce("commune", date);
        List<Measure> measures = new ArrayList<>();
        rules.forEach(s -> s.conditions().forEach(c -> measures.add(Measure.of(c))));
        Tally t = tally(unit, date, false, false, bandRules(date), measures, ageRule(date));
        return evaluateCommune(rules, t.measures().getOrDefault(0L, Map.of()), difficult);
    }

    List<StandardResult> evaluateCommune(List<Standards.Standard> list, Map<Measure, long[]> counts, boolean difficult) {
        Map<String, StandardResult> done = new LinkedHashMap<>();
        for (Standards.Standard s : dependencyOrder(list)) {
            done.put(s.code() + "/" + s.level(), evaluate(s, counts, difficult, done));
        }
        return new ArrayList<>(done.values());
    }

    /**
     * The standards ordered so that each comes after every standard it requires (PCGDTHCS level 1 requires XMC level
     * 1, a standard of the same level: the level alone does not order them). Among standards free to go, the lower
     * level and then the code come first, so the order is stable; a cycle in the rule data leaves its members last,
     * where the missing result makes the requirement unknown rather than met.
     */
    static List<Standards.Standard> dependencyOrder(List<Standards.Standard> list) {
        List<Standards.Standard> remaining = new ArrayList<>(list);
        remaining.sort(java.util.Comparator.comparingInt(Standards.Standard::level).thenComparing(Standards.Standard::code));
        java.util.Set<String> present = new java.util.HashSet<>();
        remaining.forEach(s -> present.add(s.code() + "/" + s.level()));
        java.util.Set<String> placed = new java.util.HashSet<>();
        List<Standards.Standard> out = new ArrayList<>();
        boolean progress = true;
        while (!remaining.isEmpty() && progress) {
            progress = false;
            for (java.util.Iterator<Standards.Standard> it = remaining.iterator(); it.hasNext(); ) {
                Standards.Standard s = it.next();
                boolean ready = s.conditions().stream().filter(c -> c.measure().equals("requires"))
                        .map(c -> c.requiresCode() + "/" + c.requiresLevel())
                        .allMatch(k -> !present.contains(k) || placed.contains(k));
                if (ready) {
                    out.add(s);
                    placed.add(s.code() + "/" + s.level());
                    it.remove();
                    progress = true;
                    break;
                }
            }
        }
        out.addAll(remaining);
        return out;
    }

    private StandardResult evaluate(Standards.Standard s, Map<Measure, long[]> counts, boolean difficult, Map<String, StandardResult> done) {
        List<ConditionResult> results = new ArrayList<>();
        boolean met = true;
        for (Standards.Condition c : s.conditions()) {
            if (c.appliesTo().equals("NORMAL") && difficult || c.appliesTo().equals("DIFFICULT") && !difficult) {
                continue;
            }
            ConditionResult r = condition(c, counts, difficult, done);
            results.add(r);
            met &= Boolean.TRUE.equals(r.met());
        }
        return new StandardResult(s.code(), s.level(), met, s.source(), s.version(), results);
    }

    /** A condition on the counts of its measure (people of its ages, of them those it counts) summed by the database. */
    static ConditionResult condition(Standards.Condition c, Map<Measure, long[]> counts, boolean difficult, Map<String, StandardResult> done) {
        BigDecimal threshold = difficult && c.difficultMinPercent() != null ? c.difficultMinPercent() : c.minPercent();
        if (c.measure().equals("requires")) {
            StandardResult req = done.get(c.requiresCode() + "/" + c.requiresLevel());
            Boolean met = req == null ? null : req.met();
            return new ConditionResult(c.code(), c.measure(), null, null, null, 0, 0, null, met, 0, c.certainty(),
                    LiteracyLabels.standardName(c.requiresCode(), c.requiresLevel()));
        }
        if (c.measure().equals("all") || !MEASURE_COLUMNS.containsKey(c.measure())) {
            // preschool and disabled-access data are not in the register
            return new ConditionResult(c.code(), c.measure(), c.ageFrom(), c.ageTo(), null, 0, 0, threshold, null, 0,
                    c.certainty(), "Sổ chưa có dữ liệu cho chỉ tiêu này");
        }
        long[] nd = counts.getOrDefault(Measure.of(c), new long[2]);
        long d = nd[0], n = nd[1];
        if (c.measure().equals("remaining_in_primary")) {
            // every 11-year-old who has not completed primary is still in a primary class: met when nobody is left out
            return new ConditionResult(c.code(), c.measure(), c.ageFrom(), c.ageTo(), BigDecimal.valueOf(n), n, d, BigDecimal.ZERO,
                    n == 0, n, c.certainty(), c.note());
        }
        if (threshold == null) {
            return new ConditionResult(c.code(), c.measure(), c.ageFrom(), c.ageTo(), rate(n, d), n, d, null, null, 0, c.certainty(), c.note());
        }
        // met when n / d >= threshold %, compared exactly in integers (100 n >= threshold d)
        boolean met = d > 0 && BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100)).compareTo(threshold.multiply(BigDecimal.valueOf(d))) >= 0;
        long missing = met ? 0 : threshold.multiply(BigDecimal.valueOf(d)).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).longValue() - n;
        return new ConditionResult(c.code(), c.measure(), c.ageFrom(), c.ageTo(), rate(n, d), n, d, threshold, met,
                Math.max(0, missing), c.certainty(), c.note());
    }

    /** District / province: the share of communes meeting each standard (the rule's communes/districts share). */
    private List<StandardResult> evaluateAbove(OrgUnit unit, LocalDate date, Pass pass) {
        String subject = unit.level() == OrgUnit.DISTRICT ? "district" : "province";
        Map<Long, List<StandardResult>> perCommune = communeStandards(pass.tally(), pass.communeStandards());
        List<StandardResult> out = new ArrayList<>();
        for (Standards.Standard s : standards.inForce(subject, date)) {
            List<ConditionResult> conds = new ArrayList<>();
            boolean met = true;
            long total = perCommune.size();
            long ok = perCommune.values().stream().filter(l -> l.stream()
                    .anyMatch(r -> r.code().equals(s.code()) && r.level() == s.level() && r.met())).count();
            for (Standards.Condition c : s.conditions()) {
                BigDecimal t = c.minPercent();
                boolean m = total > 0 && t != null && BigDecimal.valueOf(ok * 100).compareTo(t.multiply(BigDecimal.valueOf(total))) >= 0;
                long missing = m || t == null ? 0 : t.multiply(BigDecimal.valueOf(total)).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).longValue() - ok;
                conds.add(new ConditionResult(c.code(), c.measure(), null, null, rate(ok, total), ok, total, t, m, missing,
                        c.certainty(), c.measure().equals("districts_recognised")
                        ? "Tính theo tỉ lệ xã đạt chuẩn trong địa bàn (chưa có số huyện được công nhận)" : c.note()));
                met &= m;
            }
            out.add(new StandardResult(s.code(), s.level(), met, s.source(), s.version(), conds));
        }
        return out;
    }

    /** Every commune of the subtree having people in the register, with its standards. */
    private Map<Long, List<StandardResult>> communeStandards(Tally t, List<Standards.Standard> rules) {
        Set<Long> difficult = new java.util.HashSet<>(jdbc.sql("select id from xhht_unit where level = 3 and especially_difficult")
                .query(Long.class).list());
        Map<Long, List<StandardResult>> out = new LinkedHashMap<>();
        t.measures().forEach((id, counts) -> out.put(id, evaluateCommune(rules, counts, difficult.contains(id))));
        return out;
    }

    /** The communes of a province (or district) with their 15–35 / 15–60 rates and XMC level. */
    public List<CommuneLine> communes(CurrentUser user, long unitId, LocalDate date) {
        return communes(user, unitId, date, UnitAttributeFilter.NONE);
    }

    /** As above, only the communes whose dated attributes on {@code date} have the wanted values. */
    public List<CommuneLine> communes(CurrentUser user, long unitId, LocalDate date, UnitAttributeFilter attributes) {
        OrgUnit unit = access.requireReadable(user, unitId);
        return communeLines(unit, date, pass(unit, date).tally(), attributes);
    }

    private List<CommuneLine> communeLines(OrgUnit unit, LocalDate date, Tally t, UnitAttributeFilter attributes) {
        record Commune(long id, String name, boolean difficult) {
        }
        List<Commune> communes = jdbc.sql("""
                select id, name, especially_difficult from xhht_unit
                where level = 3 and id in (select id from xhht_unit_subtree(:u))
                  and (valid_from is null or valid_from <= :d) and (valid_to is null or valid_to >= :d)
                  and /*attributes*/
                order by name
                """.replace("/*attributes*/", attributes.sql("id", ":d"))).params(attributes.params()).param("u", unit.id()).param("d", date)
                .query((rs, n) -> new Commune(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).list();
        List<CommuneLine> lines = new ArrayList<>();
        List<Standards.Standard> rules = standards.inForce("commune", date);
        for (Commune commune : communes) {
            Map<Measure, long[]> counts = t.measures().getOrDefault(commune.id(), Map.of());
            long[] l1 = counts.getOrDefault(LINE_1535, new long[2]);
            long[] l2 = counts.getOrDefault(LINE_1560, new long[2]);
            int level = 0;
            for (StandardResult r : evaluateCommune(rules, counts, commune.difficult())) {
                if (r.code().equals("XMC") && r.met()) {
                    level = Math.max(level, r.level());
                }
            }
            lines.add(new CommuneLine(commune.id(), commune.name(), commune.difficult(), l1[0], rate(l1[1], l1[0]), l2[0],
                    rate(l2[1], l2[0]), level));
        }
        return lines;
    }

    /** Hamlets of a commune with their population 15–60 and level-2 rate (drill-down). */
    public List<Breakdown> hamlets(CurrentUser user, long communeId, LocalDate date) {
        OrgUnit unit = access.requireReadable(user, communeId);
        int ref = ageRule(date).referenceKey(date);
        return jdbc.sql("""
                with f as (
                    select p.hamlet_id, count(*) as pop, count(*) filter (where p.lit_level >= 1) as l1,
                           count(*) filter (where p.lit_level = 2) as l2
                    from lit_person p
                    where p.commune_id = :c and (%d - p.birth_key) / 10000 between 15 and 60 and p.birth_key <= %d
                      and (p.moved_in_date is null or p.moved_in_date <= :d) and (p.left_date is null or p.left_date > :d)
                    group by p.hamlet_id
                )
                select h.id, h.name, coalesce(f.pop, 0), coalesce(f.l1, 0), coalesce(f.l2, 0)
                from xhht_unit h left join f on f.hamlet_id = h.id
                where h.parent_id = :c and h.level = 4 order by h.name
                """.formatted(ref, ref)).param("c", unit.id()).param("d", date)
                .query((rs, n) -> new Breakdown(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rate(rs.getLong(5), rs.getLong(3)))).list();
    }
}
