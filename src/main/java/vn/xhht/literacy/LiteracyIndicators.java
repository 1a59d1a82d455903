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

    /** The single aggregation pass: people resident on the date, grouped by age and the facts the indicators use. */
    List<Cell> cells(OrgUnit unit, LocalDate date, boolean byCommune) {
        return cells(unit, date, byCommune, ageRule(date));
    }

    List<Cell> cells(OrgUnit unit, LocalDate date, boolean byCommune, AgeRule rule) {
        if (unit.level() > OrgUnit.PROVINCE) {
            return groupedPass(unit, date, byCommune, rule);
        }
        // a province (or the nation) is a pass over up to millions of rows into a few thousand groups; the planner
        // estimates far more groups and keeps the scan on one core: let it use parallel workers for this query only
        return readOnly.execute(status -> {
            jdbc.sql("set local parallel_setup_cost = 0").update();
            jdbc.sql("set local parallel_tuple_cost = 0").update();
            jdbc.sql("set local work_mem = '64MB'").update();
            return groupedPass(unit, date, byCommune, rule);
        });
    }

    /**
     * Every age band the indicators and the standards use starts and ends on one of these ages, so people are
     * grouped by the segment between two boundaries (a cell's age is the segment's first age) instead of by year of
     * age: a band sums exactly the same people with a tenth of the groups.
     */
    private String ageSegment(String age, List<BandRule> rules) {
        java.util.SortedSet<Integer> bounds = new java.util.TreeSet<>(standards.ageBoundaries());
        for (BandRule b : rules) {
            bounds.add(b.from());
            bounds.add(b.to() + 1);
        }
        bounds.add(0);
        bounds.add(15);
        bounds.add(61);
        for (int[] b : BANDS) {
            bounds.add(b[0]);
            bounds.add(b[1] + 1);
        }
        StringBuilder sql = new StringBuilder("case");
        List<Integer> list = new ArrayList<>(bounds);
        for (int i = list.size() - 1; i >= 0; i--) {
            sql.append(" when ").append(age).append(" >= ").append(list.get(i)).append(" then ").append(list.get(i));
        }
        return sql.append(" else ").append(age).append(" end").toString();
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

    private List<Cell> groupedPass(OrgUnit unit, LocalDate date, boolean byCommune, AgeRule rule) {
        int ref = rule.referenceKey(date);
        StatusOn on = statusOn(date);
        String status = on.status();
        String level = on.level();
        String past = on.join();
        java.time.OffsetDateTime cut = on.cut();
        return jdbc.sql("""
                select %s as commune_id, %s as age, p.sex, p.ethnicity, coalesce(p.priority_group, '') as priority,
                       %s as lit_level, %s = 'REILLITERATE' as reill,
                       (p.primary_year is not null or p.highest_grade >= 5) as prim, p.lsec_year is not null as lsec,
                       coalesce(p.current_grade, 0) as grade, p.highest_grade >= 12 as usec, count(*) as n
                from lit_person p %s
                where %s and (p.moved_in_date is null or p.moved_in_date <= :d) and (p.left_date is null or p.left_date > :d)
                  and p.birth_key <= %d
                group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
                """.formatted(byCommune ? "p.commune_id" : "0", ageSegment("(" + ref + " - p.birth_key) / 10000", bandRules(date)), level, status,
                        past, scope(unit), ref))
                .param("cut", cut)
                .param("d", date)
                .query((rs, n) -> new Cell(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9), rs.getInt(10), rs.getBoolean(11), rs.getLong(12)))
                .list();
    }

    public Indicators compute(CurrentUser user, long unitId, LocalDate date) {
        OrgUnit unit = access.requireReadable(user, unitId);
        return compute(unit, date);
    }

    Indicators compute(OrgUnit unit, LocalDate date) {
        return compute(unit, date, null);
    }

    /** A province or district page: its indicators and its communes from the same grouped pass. */
    public record View(Indicators indicators, List<CommuneLine> communes) {
    }

    public View withCommunes(CurrentUser user, long unitId, LocalDate date) {
        return withCommunes(user, unitId, date, UnitAttributeFilter.NONE);
    }

    /** As above; the commune lines keep only the communes with the attributes (the indicators stay the whole unit's). */
    public View withCommunes(CurrentUser user, long unitId, LocalDate date, UnitAttributeFilter attributes) {
        OrgUnit unit = access.requireReadable(user, unitId);
        List<Cell> communeCells = cells(unit, date, true);
        return new View(compute(unit, date, communeCells), communeLines(unit, date, communeCells, attributes));
    }

    private Indicators compute(OrgUnit unit, LocalDate date, List<Cell> givenCommuneCells) {
        long t0 = System.nanoTime();
        // a district or province needs each commune's standards: one pass grouped by commune serves both
        boolean byCommune = unit.level() == OrgUnit.PROVINCE || unit.level() == OrgUnit.DISTRICT;
        AgeRule rule = ageRule(date);
        List<Cell> communeCells = !byCommune ? null : givenCommuneCells != null ? givenCommuneCells : cells(unit, date, true, rule);
        List<Cell> cells = byCommune ? merged(communeCells) : cells(unit, date, false, rule);
        List<BandRule> bandRules = bandRules(date);
        List<Band> bands = new ArrayList<>();
        for (BandRule b : bandRules) {
            bands.add(band(cells, b.from(), b.to()));
        }
        Map<String, String> ethnicities = Codes.ETHNICITIES;
        List<Breakdown> bySex = breakdown(cells, Cell::sex, Map.of("M", "Nam", "F", "Nữ"));
        List<Breakdown> byEthnicity = breakdown(cells, Cell::ethnicity, Codes.ETHNICITIES);
        Map<String, String> prio = new LinkedHashMap<>(Codes.PRIORITY_GROUPS);
        prio.put("", "Không thuộc nhóm ưu tiên");
        List<Breakdown> byPriority = breakdown(cells, Cell::priority, prio);
        List<StandardResult> results = unit.level() == OrgUnit.COMMUNE ? evaluateCommune(cells, unit.especiallyDifficult(), date)
                : byCommune ? evaluateAbove(unit, date, communeCells) : List.of();
        long population = cells.stream().mapToLong(Cell::n).sum();
        List<BandRow> bandRows = bandRows(cells, bandRules, c -> "").getOrDefault("", emptyRows(bandRules));
        List<GroupBands> byEthBands = groups(bandRows(cells, bandRules, Cell::ethnicity), ethnicities);
        List<GroupBands> byPrioBands = groups(bandRows(cells, bandRules, Cell::priority), prio);
        return new Indicators(unit.id(), unit.name(), date, unit.especiallyDifficult(), population, bands, bySex, byEthnicity,
                byPriority, results, rule.method(), rule.legalBasis(), rule.certainty(), (System.nanoTime() - t0) / 1_000_000,
                bandRows, byEthBands, byPrioBands, upperSecondary(cells, bandRules));
    }

    private static final int FIGURES = 6; // population, ≥ level 1, level 2, illiterate, re-illiterate, upper secondary

    /**
     * Every band × all/women/men for each group the key puts a cell in, summed in one pass over the cells (the
     * database already grouped the persons; a cell is counted in every band its age segment lies in).
     */
    static Map<String, List<BandRow>> bandRows(List<Cell> cells, List<BandRule> rules, java.util.function.Function<Cell, String> key) {
        Map<String, long[][][]> sums = new java.util.TreeMap<>();
        for (Cell c : cells) {
            long[][][] s = sums.computeIfAbsent(key.apply(c), k -> new long[rules.size()][3][FIGURES]);
            int sex = "F".equals(c.sex()) ? 1 : 2;
            for (int b = 0; b < rules.size(); b++) {
                BandRule r = rules.get(b);
                if (c.age() < r.from() || c.age() > r.to()) {
                    continue;
                }
                add(s[b][0], c);
                add(s[b][sex], c);
            }
        }
        Map<String, List<BandRow>> out = new LinkedHashMap<>();
        sums.forEach((k, s) -> {
            List<BandRow> rows = new ArrayList<>(rules.size());
            for (int b = 0; b < rules.size(); b++) {
                BandRule r = rules.get(b);
                rows.add(new BandRow(r.from(), r.to(), r.measure(), r.legalBasis(), r.certainty(),
                        toBand(r, s[b][0]), toBand(r, s[b][1]), toBand(r, s[b][2])));
            }
            out.put(k, rows);
        });
        return out;
    }

    private static void add(long[] f, Cell c) {
        f[0] += c.n();
        if (c.level() >= 1) {
            f[1] += c.n();
        }
        if (c.level() == 2) {
            f[2] += c.n();
        }
        if (c.level() == 0) {
            f[c.reilliterate() ? 4 : 3] += c.n();
        }
        if (c.upperSecondary()) {
            f[5] += c.n();
        }
    }

    private static Band toBand(BandRule r, long[] f) {
        return new Band(r.from(), r.to(), f[0], f[1], f[2], f[3], f[4], rate(f[1], f[0]), rate(f[2], f[0]));
    }

    private static List<BandRow> emptyRows(List<BandRule> rules) {
        List<BandRow> rows = new ArrayList<>();
        for (BandRule r : rules) {
            Band zero = toBand(r, new long[FIGURES]);
            rows.add(new BandRow(r.from(), r.to(), r.measure(), r.legalBasis(), r.certainty(), zero, zero, zero));
        }
        return rows;
    }

    private static List<GroupBands> groups(Map<String, List<BandRow>> rows, Map<String, String> labels) {
        List<GroupBands> out = new ArrayList<>();
        rows.forEach((k, r) -> out.add(new GroupBands(k, labels.getOrDefault(k, k), r)));
        return out;
    }

    /** The upper-secondary figure of every band whose measure asks for it, for all, women and men. */
    static List<UpperSecondary> upperSecondary(List<Cell> cells, List<BandRule> rules) {
        List<UpperSecondary> out = new ArrayList<>();
        for (BandRule r : rules) {
            if (!r.measure().equals("UPPER_SECONDARY")) {
                continue;
            }
            long[][] f = new long[3][2];
            for (Cell c : cells) {
                if (c.age() < r.from() || c.age() > r.to()) {
                    continue;
                }
                int sex = "F".equals(c.sex()) ? 1 : 2;
                for (int i : new int[]{0, sex}) {
                    f[i][0] += c.n();
                    f[i][1] += c.upperSecondary() ? c.n() : 0;
                }
            }
            String[] sexes = {"", "F", "M"};
            for (int i = 0; i < 3; i++) {
                out.add(new UpperSecondary(r.from(), r.to(), sexes[i], f[i][0], f[i][1], rate(f[i][1], f[i][0]), r.legalBasis(), r.certainty()));
            }
        }
        return out;
    }

    static Band band(List<Cell> cells, int from, int to) {
        long pop = 0, l1 = 0, l2 = 0, ill = 0, reill = 0;
        for (Cell c : cells) {
            if (c.age() < from || c.age() > to) {
                continue;
            }
            pop += c.n();
            if (c.level() >= 1) {
                l1 += c.n();
            }
            if (c.level() == 2) {
                l2 += c.n();
            }
            if (c.level() == 0) {
                if (c.reilliterate()) {
                    reill += c.n();
                } else {
                    ill += c.n();
                }
            }
        }
        return new Band(from, to, pop, l1, l2, ill, reill, rate(l1, pop), rate(l2, pop));
    }

    /** A percentage with two decimals, cut not rounded (99.999 % is not 100 %); null when there is nobody to count. */
    static BigDecimal rate(long num, long den) {
        if (den == 0) {
            return null;
        }
        return BigDecimal.valueOf(num).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(den), 2, RoundingMode.DOWN);
    }

    private static List<Breakdown> breakdown(List<Cell> cells, java.util.function.Function<Cell, String> key, Map<String, String> labels) {
        Map<String, long[]> m = new LinkedHashMap<>();
        for (Cell c : cells) {
            if (c.age() < 15 || c.age() > 60) {
                continue;
            }
            long[] f = m.computeIfAbsent(key.apply(c), k -> new long[3]);
            f[0] += c.n();
            f[1] += c.level() >= 1 ? c.n() : 0;
            f[2] += c.level() == 2 ? c.n() : 0;
        }
        List<Breakdown> list = new ArrayList<>();
        m.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> list.add(new Breakdown(e.getKey(),
                labels.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                rate(e.getValue()[2], e.getValue()[0]))));
        return list;
    }

    // ------------------------------------------------------------------ standards

    /** The commune standards in force on the date, evaluated on the commune's cells. */
    List<StandardResult> evaluateCommune(List<Cell> cells, boolean difficult, LocalDate date) {
        return evaluateCommune(standards.inForce("commune", date), cells, difficult);
    }

    List<StandardResult> evaluateCommune(List<Standards.Standard> list, List<Cell> cells, boolean difficult) {
        Map<String, StandardResult> done = new LinkedHashMap<>();
        for (Standards.Standard s : dependencyOrder(list)) {
            done.put(s.code() + "/" + s.level(), evaluate(s, cells, difficult, done));
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

    private StandardResult evaluate(Standards.Standard s, List<Cell> cells, boolean difficult, Map<String, StandardResult> done) {
        List<ConditionResult> results = new ArrayList<>();
        boolean met = true;
        for (Standards.Condition c : s.conditions()) {
            if (c.appliesTo().equals("NORMAL") && difficult || c.appliesTo().equals("DIFFICULT") && !difficult) {
                continue;
            }
            ConditionResult r = condition(c, cells, difficult, done);
            results.add(r);
            met &= Boolean.TRUE.equals(r.met());
        }
        return new StandardResult(s.code(), s.level(), met, s.source(), s.version(), results);
    }

    static ConditionResult condition(Standards.Condition c, List<Cell> cells, boolean difficult, Map<String, StandardResult> done) {
        BigDecimal threshold = difficult && c.difficultMinPercent() != null ? c.difficultMinPercent() : c.minPercent();
        if (c.measure().equals("requires")) {
            StandardResult req = done.get(c.requiresCode() + "/" + c.requiresLevel());
            Boolean met = req == null ? null : req.met();
            return new ConditionResult(c.code(), c.measure(), null, null, null, 0, 0, null, met, 0, c.certainty(),
                    LiteracyLabels.standardName(c.requiresCode(), c.requiresLevel()));
        }
        int from = c.ageFrom() == null ? 0 : c.ageFrom();
        int to = c.ageTo() == null ? 200 : c.ageTo();
        Predicate<Cell> num = switch (c.measure()) {
            case "literate_l1" -> x -> x.level() >= 1;
            case "literate_l2" -> x -> x.level() == 2;
            case "primary_completed" -> Cell::primary;
            case "lsec_graduated" -> Cell::lsec;
            case "upper_studying" -> Cell::upperStudying;
            case "grade1_entry" -> x -> x.currentGrade() >= 1 || x.primary();
            case "remaining_in_primary" -> x -> !x.primary() && (x.currentGrade() < 1 || x.currentGrade() > 5);
            default -> null; // preschool and disabled-access data are not in the register
        };
        if (num == null) {
            return new ConditionResult(c.code(), c.measure(), c.ageFrom(), c.ageTo(), null, 0, 0, threshold, null, 0,
                    c.certainty(), "Sổ chưa có dữ liệu cho chỉ tiêu này");
        }
        long n = 0, d = 0;
        for (Cell x : cells) {
            if (x.age() >= from && x.age() <= to) {
                d += x.n();
                n += num.test(x) ? x.n() : 0;
            }
        }
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
    List<StandardResult> evaluateAbove(OrgUnit unit, LocalDate date, List<Cell> communeCells) {
        String subject = unit.level() == OrgUnit.DISTRICT ? "district" : unit.level() == OrgUnit.PROVINCE ? "province" : null;
        if (subject == null) {
            return List.of();
        }
        Map<Long, List<StandardResult>> perCommune = communeStandards(communeCells, date);
        List<StandardResult> out = new ArrayList<>();
        for (Standards.Standard s : standards.inForce(subject, date)) {
            List<ConditionResult> conds = new ArrayList<>();
            boolean met = true;
            for (Standards.Condition c : s.conditions()) {
                long total = perCommune.size();
                long ok = perCommune.values().stream().filter(l -> l.stream()
                        .anyMatch(r -> r.code().equals(s.code()) && r.level() == s.level() && r.met())).count();
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

    /** Every commune of the subtree with its standards, from one grouped pass. */
    /** The cells without the commune: the subtree as a whole. */
    static List<Cell> merged(List<Cell> communeCells) {
        Map<Cell, long[]> m = new HashMap<>();
        for (Cell c : communeCells) {
            Cell k = new Cell(0, c.age(), c.sex(), c.ethnicity(), c.priority(), c.level(), c.reilliterate(), c.primary(), c.lsec(),
                    c.currentGrade(), c.upperSecondary(), 0);
            m.computeIfAbsent(k, x -> new long[1])[0] += c.n();
        }
        List<Cell> out = new ArrayList<>(m.size());
        m.forEach((k, n) -> out.add(new Cell(0, k.age(), k.sex(), k.ethnicity(), k.priority(), k.level(), k.reilliterate(), k.primary(),
                k.lsec(), k.currentGrade(), k.upperSecondary(), n[0])));
        return out;
    }

    Map<Long, List<StandardResult>> communeStandards(List<Cell> communeCells, LocalDate date) {
        Map<Long, List<Cell>> byCommune = new HashMap<>();
        for (Cell c : communeCells) {
            byCommune.computeIfAbsent(c.communeId(), k -> new ArrayList<>()).add(c);
        }
        Set<Long> difficult = new java.util.HashSet<>(jdbc.sql("select id from xhht_unit where level = 3 and especially_difficult")
                .query(Long.class).list());
        Map<Long, List<StandardResult>> out = new LinkedHashMap<>();
        List<Standards.Standard> rules = standards.inForce("commune", date);
        byCommune.forEach((id, cells) -> out.put(id, evaluateCommune(rules, cells, difficult.contains(id))));
        return out;
    }

    /** The communes of a province (or district) with their 15–35 / 15–60 rates and XMC level. */
    public List<CommuneLine> communes(CurrentUser user, long unitId, LocalDate date) {
        return communes(user, unitId, date, UnitAttributeFilter.NONE);
    }

    /** As above, only the communes whose dated attributes on {@code date} have the wanted values. */
    public List<CommuneLine> communes(CurrentUser user, long unitId, LocalDate date, UnitAttributeFilter attributes) {
        OrgUnit unit = access.requireReadable(user, unitId);
        return communeLines(unit, date, cells(unit, date, true), attributes);
    }

    private List<CommuneLine> communeLines(OrgUnit unit, LocalDate date, List<Cell> communeCells, UnitAttributeFilter attributes) {
        Map<Long, List<Cell>> byCommune = new HashMap<>();
        for (Cell c : communeCells) {
            byCommune.computeIfAbsent(c.communeId(), k -> new ArrayList<>()).add(c);
        }
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
            List<Cell> cells = byCommune.getOrDefault(commune.id(), List.of());
            Band b35 = band(cells, 15, 35);
            Band b60 = band(cells, 15, 60);
            int level = 0;
            for (StandardResult r : evaluateCommune(rules, cells, commune.difficult())) {
                if (r.code().equals("XMC") && r.met()) {
                    level = Math.max(level, r.level());
                }
            }
            lines.add(new CommuneLine(commune.id(), commune.name(), commune.difficult(), b35.population(),
                    b35.rateLevel1(), b60.population(), b60.rateLevel2(), level));
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
