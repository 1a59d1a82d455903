package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Texts;
import vn.xhht.shared.VietnamClock;

/** Distribution of decided results per child unit against targets, the public list, and awards (R27). */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class ResultStatistics {

    /** One child unit's counts per level code. */
    /** {@code provisional}: how many of the row's results were rated under an incomplete framework version. */
    public record Row(Long unitId, String unitName, Map<String, Long> counts, long total, long provisional) {
        public long count(String level) {
            return counts.getOrDefault(level, 0L);
        }

        public BigDecimal percent(String level) {
            return total == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(count(level) * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.DOWN);
        }
    }

    public record PublicLine(String subject, String kind, String unitName, String provinceName, int year, String level,
                             String decisionNumber, LocalDate decisionDate, LocalDate validUntil, String frameworkCode, int frameworkVersion,
                             boolean provisional, Framework.ValidityRule validity) {
    }

    public record Award(long id, String recipientKind, String recipientName, String title, int year, String decisionNumber,
                        LocalDate decisionDate, String issuer, String reason, String unitName) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final AuditTrail audit;
    private final VietnamClock clock;

    private FrameworkCatalog catalog;

    @org.springframework.beans.factory.annotation.Autowired
    void setCatalog(FrameworkCatalog catalog) {
        this.catalog = catalog;
    }

    /** The level's title in its framework ("Trung bình"), never its code. */
    private String levelTitle(String frameworkCode, int version, String levelCode) {
        if (levelCode == null || catalog == null) {
            return levelCode;
        }
        try {
            return catalog.version(frameworkCode, version).framework().level(levelCode).map(Framework.Level::title).orElse(levelCode);
        } catch (RuntimeException e) {
            return levelCode;
        }
    }

    ResultStatistics(JdbcClient jdbc, OrgUnitDirectory units, AuditTrail audit, VietnamClock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** Decided results of a framework (any version) for a year, per child unit of {@code unitId} and in total. */
    public List<Row> distribution(CurrentUser user, long unitId, String frameworkCode, int year) {
        OrgUnit unit = units.requireReadable(user, unitId);
        int pos = unit.level() + 2; // line[level + 2]: the child of the unit that the subject lies under
        Map<Long, Map<String, Long>> byChild = new LinkedHashMap<>();
        Map<Long, Long> provisionalByChild = new LinkedHashMap<>();
        jdbc.sql(("""
                select o.line[%d] as child, e.level_code, count(*) as n,
                       count(*) filter (where not v.complete) as provisional
                  from evaluation e join xhht_unit o on o.id = e.owner_unit_id join eval_framework_version v on v.id = e.framework_version_id
                 where o.id in (select id from xhht_unit_subtree(:unit)) and v.code = :code and e.eval_year = :y
                   and e.stage in ('DECIDED', 'PUBLISHED')
                 group by 1, 2
                """).formatted(pos)).param("unit", unitId).param("code", frameworkCode).param("y", year)
                .query((rs, n) -> {
                    Long child = rs.getObject(1, Long.class);
                    provisionalByChild.merge(child == null ? -1L : child, rs.getLong(4), Long::sum);
                    return byChild.computeIfAbsent(child, k -> new LinkedHashMap<>())
                            .merge(rs.getString(2) == null ? "" : rs.getString(2), rs.getLong(3), Long::sum);
                }).list();
        List<Row> rows = new ArrayList<>();
        Map<String, Long> all = new LinkedHashMap<>();
        for (var entry : byChild.entrySet()) {
            Long child = entry.getKey();
            String name = child == null ? unit.name() : units.find(child).map(OrgUnit::name).orElse("#" + child);
            long total = entry.getValue().values().stream().mapToLong(Long::longValue).sum();
            rows.add(new Row(child, name, entry.getValue(), total, provisionalByChild.getOrDefault(child == null ? -1L : child, 0L)));
            entry.getValue().forEach((k, v) -> all.merge(k, v, Long::sum));
        }
        rows.sort(java.util.Comparator.comparing(Row::unitName));
        rows.add(new Row(unitId, "Tổng cộng", all, all.values().stream().mapToLong(Long::longValue).sum(),
                provisionalByChild.values().stream().mapToLong(Long::longValue).sum()));
        return rows;
    }

    /** Recognitions published (no login): per year and province, with validity. */
    public List<PublicLine> published(Integer year, Long provinceId) {
        return jdbc.sql("""
                select e.subject_name, v.subject_type, o.name as unit_name, p.name as province_name, e.eval_year, e.level_code,
                       e.decision_number, e.decision_date, e.valid_until, v.code, v.version, not v.complete as provisional, v.id
                  from evaluation e join eval_framework_version v on v.id = e.framework_version_id
                  join xhht_unit o on o.id = e.owner_unit_id join xhht_unit p on p.id = e.province_id
                 where e.stage = 'PUBLISHED' and e.recognised
                   and (cast(:y as integer) is null or e.eval_year = :y) and (cast(:p as bigint) is null or e.province_id = :p)
                 order by e.eval_year desc, p.name, v.subject_type, e.subject_name limit 1000
                """).param("y", year).param("p", provinceId)
                .query((rs, n) -> new PublicLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        levelTitle(rs.getString(10), rs.getInt(11), rs.getString(6)), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class), rs.getString(10), rs.getInt(11), rs.getBoolean(12), validityRule(rs.getLong(13)))).list();
    }

    /** Recognitions published for subjects of a unit's subtree (or everywhere), of a year when given; at most 500. */
    public List<PublicLine> publishedUnder(Long unitId, Integer year) {
        return publicLines("(cast(:u as bigint) is null or e.owner_unit_id in (select id from xhht_unit_subtree(:u)))"
                + " and (cast(:y as integer) is null or e.eval_year = :y) order by e.eval_year desc, p.name, e.subject_name limit 500", unitId, year);
    }

    /** The latest recognition published for a subject of this unit (a centre's commune), if any. */
    public java.util.Optional<PublicLine> latestFor(long unitId) {
        return publicLines("e.owner_unit_id = :u and cast(:y as integer) is null order by e.eval_year desc, e.decision_date desc nulls last limit 1",
                unitId, null).stream().findFirst();
    }

    private List<PublicLine> publicLines(String where, Long unitId, Integer year) {
        return jdbc.sql("""
                select e.subject_name, v.subject_type, o.name as unit_name, p.name as province_name, e.eval_year, e.level_code,
                       e.decision_number, e.decision_date, e.valid_until, v.code, v.version, not v.complete as provisional, v.id
                  from evaluation e join eval_framework_version v on v.id = e.framework_version_id
                  join xhht_unit o on o.id = e.owner_unit_id join xhht_unit p on p.id = e.province_id
                 where e.stage = 'PUBLISHED' and e.recognised and
                """ + where).param("u", unitId).param("y", year)
                .query((rs, n) -> new PublicLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        levelTitle(rs.getString(10), rs.getInt(11), rs.getString(6)), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class), rs.getString(10), rs.getInt(11), rs.getBoolean(12), validityRule(rs.getLong(13)))).list();
    }

    private Framework.ValidityRule validityRule(long versionId) {
        if (catalog == null) {
            return null;
        }
        Framework f = catalog.byVersionId(versionId);
        // a version without a stated reading counts months from the decision: say so with the framework's basis
        return f.validityRule() != null ? f.validityRule() : f.validityMonths() == null ? null
                : new Framework.ValidityRule(Framework.ValidityReading.MONTHS_FROM_DECISION, f.validityMonths(), null,
                f.legalBasis().number(), f.legalBasis().certainty(), null);
    }

    /** Provinces that have a published recognition, for the public filter. */
    public List<Map.Entry<Long, String>> publishedProvinces() {
        return jdbc.sql("""
                select p.id, p.name from xhht_unit p where p.id in (select province_id from evaluation where stage = 'PUBLISHED' and recognised)
                 order by p.name
                """).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
    }

    public List<Award> awards(CurrentUser user, long unitId) {
        units.requireReadable(user, unitId);
        return jdbc.sql("""
                select a.*, u.name as unit_name from award a join xhht_unit u on u.id = a.unit_id
                 where a.unit_id in (select id from xhht_unit_subtree(:u)) order by a.award_year desc, a.decision_date desc limit 500
                """).param("u", unitId).query((rs, n) -> new Award(rs.getLong("id"), rs.getString("recipient_kind"), rs.getString("recipient_name"),
                rs.getString("award_title"), rs.getInt("award_year"), rs.getString("decision_number"), rs.getObject("decision_date", LocalDate.class),
                rs.getString("issuer"), rs.getString("reason"), rs.getString("unit_name"))).list();
    }

    @Transactional
    public long addAward(CurrentUser user, long unitId, String kind, String recipient, String title, Integer year,
                         String decisionNumber, LocalDate decisionDate, String issuer, String reason) {
        OrgUnit unit = units.requireReadable(user, unitId);
        if (!units.canWrite(user, unitId)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        if (!"COLLECTIVE".equals(kind) && !"INDIVIDUAL".equals(kind)) {
            throw new InvalidInputProblem("recipientKind", "evaluation.award.kind.required");
        }
        String r = Texts.orNull(recipient);
        String t = Texts.orNull(title);
        String d = Texts.orNull(decisionNumber);
        String i = Texts.orNull(issuer);
        if (r == null) {
            throw new InvalidInputProblem("recipientName", "evaluation.award.recipient.required");
        }
        if (t == null) {
            throw new InvalidInputProblem("awardTitle", "evaluation.award.title.required");
        }
        if (d == null || decisionDate == null || i == null) {
            throw new InvalidInputProblem("decisionNumber", "evaluation.award.decision.required");
        }
        if (decisionDate.isAfter(clock.today())) {
            throw new InvalidInputProblem("decisionDate", "evaluation.award.decision.future");
        }
        int y = year == null ? decisionDate.getYear() : year;
        long id = jdbc.sql("""
                insert into award (unit_id, province_id, recipient_kind, recipient_name, award_title, award_year, decision_number,
                       decision_date, issuer, reason, created_by)
                values (:u, :p, :k, :r, :t, :y, :d, :dd, :i, :reason, :by) returning id
                """).param("u", unitId).param("p", unit.provinceId() == null ? unit.id() : unit.provinceId()).param("k", kind)
                .param("r", r).param("t", t).param("y", y).param("d", d).param("dd", decisionDate).param("i", i)
                .param("reason", Texts.orNull(reason)).param("by", user.username()).query(Long.class).single();
        audit.change(AuditAction.CREATE, "Award", id, unitId, null, Map.of("recipient", r, "title", t, "decision", d), "Khen thưởng " + r);
        return id;
    }
}
