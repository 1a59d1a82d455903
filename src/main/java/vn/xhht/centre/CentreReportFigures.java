package vn.xhht.centre;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.ReportFigureSource;
import vn.xhht.shared.VietnamClock;

/**
 * The centres' figures that periodic reports pre-fill from: activities and participations with their breakdown,
 * thematic and vocational classes, clubs, the Lifelong Learning Week, the number of centres. Scope: the centres of
 * the communes in the unit's subtree and in the subtrees of the units it wholly succeeded (as {@link ActivitySummary}).
 */
@Component
@Transactional(readOnly = true)
class CentreReportFigures implements ReportFigureSource {

    static final List<Figure> FIGURES = java.util.stream.Stream.of(
            "activities.count", "activities.participations", "activities.women", "activities.ethnic_minority", "activities.disadvantaged",
            "activities.age_under_15", "activities.age_15_35", "activities.age_36_60", "activities.age_over_60",
            "activities.thematic_sessions", "activities.thematic_participations", "activities.vocational_classes",
            "activities.vocational_participations", "clubs.count", "clubs.members", "campaign.llw.activities",
            "campaign.llw.participations", "campaign.llw.women", "centres.count",
            "career.activities", "career.participations", "career.partner_schools")
            .map(c -> new Figure(c, "figure." + c)).toList();

    private final JdbcClient jdbc;
    private final VietnamClock clock;
    private final OrgUnitDirectory units;

    CentreReportFigures(JdbcClient jdbc, VietnamClock clock, OrgUnitDirectory units) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.units = units;
    }

    @Override
    public List<Figure> figures() {
        return FIGURES;
    }

    /** Figures an activity may leave blank: summed over the activities that entered them, with their count. */
    static final Map<String, String> OPTIONAL = Map.of("activities.women", "women", "activities.ethnic_minority", "ethnic_minority",
            "activities.disadvantaged", "disadvantaged",
            "activities.age_under_15", "age_under_15", "activities.age_15_35", "age_15_35",
            "activities.age_36_60", "age_36_60", "activities.age_over_60", "age_over_60");

    @Override
    public Map<String, Coverage> coverage(long unitId, LocalDate from, LocalDate to) {
        String in = scope("a.centre_id", unitId);
        Map<String, Coverage> m = new HashMap<>();
        LocalDate held = ActivitySummary.heldUntil(to, clock.today());
        if (in == null || held.isBefore(from)) {
            return m;
        }
        jdbc.sql("""
                select count(*) as n, count(women) as w, count(ethnic_minority) as e, count(disadvantaged) as d, count(age_under_15) as a1, count(age_15_35) as a2,
                       count(age_36_60) as a3, count(age_over_60) as a4
                from activity a where %s and a.start_date between :from and :to
                """.formatted(in)).param("from", from).param("to", held).query((java.sql.ResultSet rs) -> {
            long n = rs.getLong("n");
            m.put("activities.women", new Coverage(rs.getLong("w"), n, "figure.coverage.activities"));
            m.put("activities.ethnic_minority", new Coverage(rs.getLong("e"), n, "figure.coverage.activities"));
            m.put("activities.disadvantaged", new Coverage(rs.getLong("d"), n, "figure.coverage.activities"));
            m.put("activities.age_under_15", new Coverage(rs.getLong("a1"), n, "figure.coverage.activities"));
            m.put("activities.age_15_35", new Coverage(rs.getLong("a2"), n, "figure.coverage.activities"));
            m.put("activities.age_36_60", new Coverage(rs.getLong("a3"), n, "figure.coverage.activities"));
            m.put("activities.age_over_60", new Coverage(rs.getLong("a4"), n, "figure.coverage.activities"));
        });
        return m;
    }

    /**
     * The centres in the unit's roll-up scope as a condition on {@code column}, null when there are none. The nation's
     * scope is every centre: no list at all (a literal list of 13,000 ids made each figure query cost a second).
     */
    private String scope(String column, long unitId) {
        if (units.require(unitId).level() == OrgUnit.NATION) {
            return "true";
        }
        List<Long> ids = jdbc.sql(ActivitySummary.SCOPE).param("unit", unitId).query(Long.class).list();
        return ids.isEmpty() ? null : column + " in (" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
    }

    /**
     * Activities dated after today (Vietnam) are planned, not held: "Số hoạt động đã tổ chức" and every figure here
     * count only activities up to today.
     */
    @Override
    public Map<String, BigDecimal> values(long unitId, LocalDate from, LocalDate periodEnd) {
        return compute(code -> true, unitId, from, periodEnd);
    }

    /** Only the queries of the wanted codes run: the dashboard's quarterly line asks for participations alone. */
    @Override
    public Map<String, BigDecimal> values(java.util.Collection<String> wanted, long unitId, LocalDate from, LocalDate periodEnd) {
        return compute(wanted::contains, unitId, from, periodEnd);
    }

    private Map<String, BigDecimal> compute(java.util.function.Predicate<String> wanted, long unitId, LocalDate from, LocalDate periodEnd) {
        LocalDate to = ActivitySummary.heldUntil(periodEnd, clock.today());
        String in = scope("c.id", unitId);
        Map<String, BigDecimal> m = new HashMap<>();
        if (in == null) {
            return m;
        }
        String activities = in.replaceFirst("^c\\.id ", "a.centre_id ");
        boolean activityFigures = FIGURES.stream().map(Figure::code)
                .anyMatch(c -> (c.startsWith("activities.") || c.startsWith("campaign.") || c.equals("career.activities")
                        || c.equals("career.participations")) && wanted.test(c));
        if (activityFigures) jdbc.sql("""
                select count(*) as n, sum(participations) as p, sum(women) as w, sum(ethnic_minority) as e, sum(disadvantaged) as d,
                       sum(age_under_15) as a1, sum(age_15_35) as a2, sum(age_36_60) as a3, sum(age_over_60) as a4,
                       count(*) filter (where type_code = 'THEMATIC_SESSION') as ts,
                       sum(participations) filter (where type_code = 'THEMATIC_SESSION') as tp,
                       count(*) filter (where type_code = 'SHORT_VOCATIONAL') as vc,
                       sum(participations) filter (where type_code = 'SHORT_VOCATIONAL') as vp,
                       count(*) filter (where cp.kind = 'LIFELONG_LEARNING_WEEK') as lw,
                       sum(participations) filter (where cp.kind = 'LIFELONG_LEARNING_WEEK') as lp,
                       sum(women) filter (where cp.kind = 'LIFELONG_LEARNING_WEEK') as lwo,
                       count(*) filter (where a.type_code = 'CAREER_GUIDANCE' or a.topic_code = 'CAREER_GUIDANCE') as cg,
                       sum(participations) filter (where a.type_code = 'CAREER_GUIDANCE' or a.topic_code = 'CAREER_GUIDANCE') as cgp
                from activity a left join campaign cp on cp.id = a.campaign_id
                where %s and a.start_date between :from and :to
                """.formatted(activities)).param("from", from).param("to", to).query((java.sql.ResultSet rs) -> {
            put(m, "activities.count", rs.getBigDecimal("n"));
            put(m, "activities.participations", rs.getBigDecimal("p"));
            // no activity held: truly 0; activities that all left it blank: absent ("chưa nhập")
            boolean none = rs.getLong("n") == 0;
            putEntered(m, "activities.women", none ? BigDecimal.ZERO : rs.getBigDecimal("w"));
            putEntered(m, "activities.ethnic_minority", none ? BigDecimal.ZERO : rs.getBigDecimal("e"));
            // null when no activity entered it: absent from the map ("chưa nhập"), never 0
            putEntered(m, "activities.disadvantaged", rs.getBigDecimal("d"));
            putEntered(m, "activities.age_under_15", rs.getBigDecimal("a1"));
            putEntered(m, "activities.age_15_35", rs.getBigDecimal("a2"));
            putEntered(m, "activities.age_36_60", rs.getBigDecimal("a3"));
            putEntered(m, "activities.age_over_60", rs.getBigDecimal("a4"));
            put(m, "activities.thematic_sessions", rs.getBigDecimal("ts"));
            put(m, "activities.thematic_participations", zeroIfNull(rs.getBigDecimal("tp")));
            put(m, "activities.vocational_classes", rs.getBigDecimal("vc"));
            put(m, "activities.vocational_participations", zeroIfNull(rs.getBigDecimal("vp")));
            put(m, "campaign.llw.activities", rs.getBigDecimal("lw"));
            put(m, "campaign.llw.participations", zeroIfNull(rs.getBigDecimal("lp")));
            put(m, "career.activities", rs.getBigDecimal("cg"));
            put(m, "career.participations", zeroIfNull(rs.getBigDecimal("cgp")));
            // no week activity: 0 women took part; week activities that all left it blank: "chưa nhập"
            if (rs.getLong("lw") == 0) {
                put(m, "campaign.llw.women", BigDecimal.ZERO);
            } else {
                putEntered(m, "campaign.llw.women", rs.getBigDecimal("lwo"));
            }
        });
        if (wanted.test("clubs.count") || wanted.test("clubs.members")) jdbc.sql("""
                select count(distinct c.id) as clubs, count(m.id) as members
                from club c left join club_member m on m.club_id = c.id and m.joined_on <= :to and (m.left_on is null or m.left_on > :to)
                where c.centre_id in (select c.id from centre c where %s) and (c.founded_on is null or c.founded_on <= :to)
                """.formatted(in)).param("to", periodEnd).query((java.sql.ResultSet rs) -> {
            put(m, "clubs.count", rs.getBigDecimal("clubs"));
            put(m, "clubs.members", rs.getBigDecimal("members"));
        });
        // the lower-secondary schools the centres' communes work with on career guidance (R42); partners carry no dates
        if (wanted.test("career.partner_schools")) m.put("career.partner_schools", jdbc.sql("""
                select count(*) from partner_org p where p.kind = 'LOWER_SECONDARY'
                   and p.unit_id in (select c.commune_id from centre c where %s)
                """.formatted(in)).query(BigDecimal.class).single());
        // centres of the communes existing at the end of the period
        if (wanted.test("centres.count")) m.put("centres.count", jdbc.sql("""
                select count(*) from centre c join xhht_unit u on u.id = c.commune_id
                where %s and (u.valid_from is null or u.valid_from <= :to) and (u.valid_to is null or u.valid_to >= :to)
                """.formatted(in)).param("to", periodEnd).query(BigDecimal.class).single());
        return m;
    }

    private static void putEntered(Map<String, BigDecimal> m, String code, BigDecimal v) {
        if (v != null) {
            m.put(code, v);
        }
    }

    private static BigDecimal zeroIfNull(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static void put(Map<String, BigDecimal> m, String code, BigDecimal v) {
        m.put(code, v == null ? BigDecimal.ZERO : v);
    }
}
