package vn.xhht.literacy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.AccessDeniedProblem;

/**
 * The standards (XMC, PCGD) as versioned rule data. The first start loads literacy-standards.yaml (the
 * research notes' encoding of NĐ 20/2014 with certainty per condition); afterwards an administrator edits a
 * standard by saving a new version from a date, which ends the previous one the day before.
 */
@Service
class Standards implements SmartInitializingSingleton {

    record Condition(int position, String code, String measure, Integer ageFrom, Integer ageTo, BigDecimal minPercent,
                     BigDecimal difficultMinPercent, String appliesTo, String requiresCode, Integer requiresLevel,
                     String certainty, String note) {
    }

    record Standard(long id, String code, int level, String subjectLevel, int version, LocalDate effectiveFrom,
                    LocalDate effectiveTo, String source, String note, List<Condition> conditions) {
        public String certainty() {
            List<String> order = List.of("unknown", "uncertain", "secondary", "verified");
            return conditions.stream().map(Condition::certainty).min(java.util.Comparator.comparingInt(order::indexOf)).orElse("unknown");
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;

    Standards(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        tx.executeWithoutResult(s -> {
            jdbc.sql("lock table lit_standard in exclusive mode").update();
            if (jdbc.sql("select count(*) from lit_standard").query(Long.class).single() == 0) {
                loadYaml();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private void loadYaml() {
        Map<String, Object> doc;
        try (InputStream in = getClass().getResourceAsStream("/literacy/literacy-standards.yaml")) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        for (Map<String, Object> s : (List<Map<String, Object>>) doc.get("standards")) {
            List<Map<String, Object>> conds = (List<Map<String, Object>>) s.get("conditions");
            Set<String> codes = new HashSet<>();
            conds.forEach(c -> codes.add((String) c.get("code")));
            long id = jdbc.sql("""
                    insert into lit_standard (code, level, subject_level, version, effective_from, effective_to, source, created_by)
                    values (:c, :l, :s, 1, :f, :t, :src, 'literacy-standards.yaml') returning id
                    """).param("c", s.get("code")).param("l", ((Number) s.get("level")).intValue()).param("s", s.get("subjectLevel"))
                    .param("f", date(s.get("effectiveFrom"))).param("t", date(s.get("effectiveTo"))).param("src", s.get("source"))
                    .query(Long.class).single();
            int pos = 0;
            for (Map<String, Object> c : conds) {
                String code = (String) c.get("code");
                Object min = c.get("minPercent");
                Object dmin = c.get("difficultMinPercent");
                // a condition only for especially difficult communes has no normal threshold; its normal twin is then
                // for the other communes only
                String applies = min == null && dmin != null ? "DIFFICULT" : codes.contains(code + "_DIFFICULT") ? "NORMAL" : "ALL";
                Map<String, Object> req = (Map<String, Object>) c.get("requires");
                jdbc.sql("""
                        insert into lit_standard_condition (standard_id, position, code, measure, age_from, age_to, min_percent,
                               difficult_min_percent, applies_to, requires_code, requires_level, certainty, note)
                        values (:id, :p, :code, :m, :af, :at, :min, :dmin, :ap, :rc, :rl, :cert, :note)
                        """).param("id", id).param("p", pos++).param("code", code).param("m", c.get("measure"))
                        .param("af", c.get("ageFrom")).param("at", c.get("ageTo"))
                        .param("min", min == null ? null : new BigDecimal(min.toString()))
                        .param("dmin", dmin == null ? null : new BigDecimal(dmin.toString()))
                        .param("ap", applies).param("rc", req == null ? null : req.get("code"))
                        .param("rl", req == null ? null : req.get("level")).param("cert", c.get("certainty"))
                        .param("note", c.get("note")).update();
            }
        }
    }

    private static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof java.util.Date d) {
            return new java.sql.Date(d.getTime()).toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }

    /** Standards in force on the date for a subject level (commune, district, province). */
    List<Standard> inForce(String subjectLevel, LocalDate date) {
        return cached().stream().filter(s -> s.subjectLevel().equals(subjectLevel)
                && (s.effectiveFrom() == null || !s.effectiveFrom().isAfter(date))
                && (s.effectiveTo() == null || !s.effectiveTo().isBefore(date))).toList();
    }

    private record Snapshot(String stamp, List<Standard> standards) {
    }

    private volatile Snapshot snapshot;

    /**
     * The rule table is tiny and read on every indicator request: it is kept in memory and reloaded when its
     * stamp changes (an edit on any instance adds a row).
     */
    private List<Standard> cached() {
        String stamp = jdbc.sql("select count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(effective_to)::text, '') from lit_standard")
                .query(String.class).single();
        Snapshot s = snapshot;
        if (s == null || !s.stamp().equals(stamp)) {
            s = new Snapshot(stamp, List.copyOf(all()));
            snapshot = s;
        }
        return s.standards();
    }

    /** Every age where a condition's band starts or ends (ageFrom, ageTo + 1), over every version. */
    java.util.SortedSet<Integer> ageBoundaries() {
        java.util.SortedSet<Integer> out = new java.util.TreeSet<>();
        for (Standard s : cached()) {
            for (Condition c : s.conditions()) {
                if (c.ageFrom() != null) {
                    out.add(c.ageFrom());
                }
                if (c.ageTo() != null) {
                    out.add(c.ageTo() + 1);
                }
            }
        }
        return out;
    }

    /** Every version, newest first within each standard. */
    List<Standard> all() {
        return load("where true", Map.of());
    }

    Standard get(long id) {
        return load("where id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(() -> new NotFoundProblem("lit.standard.notFound", id));
    }

    private List<Standard> load(String where, Map<String, Object> params) {
        List<Standard> list = new ArrayList<>();
        jdbc.sql("select * from lit_standard " + where + " order by code, level, subject_level, version desc").params(params)
                .query((rs, n) -> new Standard(rs.getLong("id"), rs.getString("code"), rs.getInt("level"), rs.getString("subject_level"),
                        rs.getInt("version"), rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class),
                        rs.getString("source"), rs.getString("note"), new ArrayList<>()))
                .list().forEach(list::add);
        for (Standard s : list) {
            s.conditions().addAll(jdbc.sql("select * from lit_standard_condition where standard_id = :id order by position")
                    .param("id", s.id())
                    .query((rs, n) -> new Condition(rs.getInt("position"), rs.getString("code"), rs.getString("measure"),
                            (Integer) rs.getObject("age_from"), (Integer) rs.getObject("age_to"), rs.getBigDecimal("min_percent"),
                            rs.getBigDecimal("difficult_min_percent"), rs.getString("applies_to"), rs.getString("requires_code"),
                            (Integer) rs.getObject("requires_level"), rs.getString("certainty"), rs.getString("note")))
                    .list());
        }
        return list;
    }

    /**
     * A new version of the register settings (how ages are counted, the rollover day of the school year, the pass
     * mark of literacy classes) from a date, with its legal basis and certainty. Administrators only.
     */
    void newSetting(CurrentUser admin, LocalDate from, String method, Integer rolloverMonth, Integer rolloverDay,
                    BigDecimal passScore, String basis, String certainty) {
        if (!admin.isAdmin()) {
            throw new AccessDeniedProblem("lit.standard.adminOnly");
        }
        if (from == null) {
            throw new InvalidInputProblem("settingFrom", "lit.standard.fromRequired");
        }
        if ((method == null || !List.of("EXACT", "BIRTH_YEAR").contains(method))) {
            throw new InvalidInputProblem("ageMethod", "lit.setting.method");
        }
        if (rolloverMonth == null || rolloverMonth < 1 || rolloverMonth > 12 || rolloverDay == null || rolloverDay < 1 || rolloverDay > 28) {
            throw new InvalidInputProblem("rollover", "lit.setting.rollover");
        }
        if (passScore == null || passScore.signum() < 0 || passScore.compareTo(BigDecimal.TEN) > 0) {
            throw new InvalidInputProblem("passScore", "lit.class.score");
        }
        if (basis == null || basis.isBlank()) {
            throw new InvalidInputProblem("settingBasis", "lit.standard.sourceRequired");
        }
        if ((certainty == null || !List.of("verified", "secondary", "uncertain", "unknown").contains(certainty))) {
            throw new InvalidInputProblem("settingCertainty", "lit.standard.certainty");
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    insert into lit_setting (effective_from, age_method, rollover_month, rollover_day, pass_score, legal_basis, certainty, created_by)
                    values (:f, :m, :rm, :rd, :p, :b, :c, :u)
                    on conflict (effective_from) do update set age_method = excluded.age_method, rollover_month = excluded.rollover_month,
                        rollover_day = excluded.rollover_day, pass_score = excluded.pass_score, legal_basis = excluded.legal_basis,
                        certainty = excluded.certainty, created_by = excluded.created_by, created_at = now()
                    """).param("f", from).param("m", method).param("rm", rolloverMonth).param("rd", rolloverDay).param("p", passScore)
                    .param("b", basis.strip()).param("c", certainty).param("u", admin.username()).update();
            audit.change(AuditAction.UPDATE, "LiteracySetting", from.toString(), null, null,
                    Map.of("ageMethod", method, "rollover", rolloverMonth + "-" + rolloverDay, "passScore", passScore, "basis", basis.strip()),
                    "Cách tính tuổi / điểm đạt từ " + from);
        });
    }

    /**
     * A new version of a standard from {@code from}: new thresholds per condition (same conditions), its legal
     * source and certainty. The version in force the day before ends then.
     */
    long newVersion(CurrentUser admin, long standardId, LocalDate from, String source, String certainty,
                    Map<String, BigDecimal[]> thresholds) {
        if (!admin.isAdmin()) {
            throw new AccessDeniedProblem("lit.standard.adminOnly");
        }
        Standard old = get(standardId);
        if (from == null) {
            throw new InvalidInputProblem("effectiveFrom", "lit.standard.fromRequired");
        }
        if (old.effectiveFrom() != null && !from.isAfter(old.effectiveFrom())) {
            throw new InvalidInputProblem("effectiveFrom", "lit.standard.fromAfter", old.effectiveFrom().toString());
        }
        if (source == null || source.isBlank()) {
            throw new InvalidInputProblem("source", "lit.standard.sourceRequired");
        }
        if ((certainty == null || !List.of("verified", "secondary", "uncertain", "unknown").contains(certainty))) {
            throw new InvalidInputProblem("certainty", "lit.standard.certainty");
        }
        for (BigDecimal[] t : thresholds.values()) {
            for (BigDecimal v : t) {
                if (v != null && (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0)) {
                    throw new InvalidInputProblem("threshold", "lit.standard.percent");
                }
            }
        }
        return tx.execute(s -> {
            int version = jdbc.sql("select max(version) from lit_standard where code = :c and level = :l and subject_level = :s")
                    .param("c", old.code()).param("l", old.level()).param("s", old.subjectLevel()).query(Integer.class).single() + 1;
            jdbc.sql("update lit_standard set effective_to = :to where id = :id and (effective_to is null or effective_to >= :from)")
                    .param("to", from.minusDays(1)).param("from", from).param("id", standardId).update();
            long id = jdbc.sql("""
                    insert into lit_standard (code, level, subject_level, version, effective_from, effective_to, source, note, created_by)
                    values (:c, :l, :s, :v, :f, :t, :src, :note, :by) returning id
                    """).param("c", old.code()).param("l", old.level()).param("s", old.subjectLevel()).param("v", version)
                    .param("f", from).param("t", old.effectiveTo() != null && old.effectiveTo().isAfter(from) ? old.effectiveTo() : null)
                    .param("src", source.strip()).param("note", null).param("by", admin.username()).query(Long.class).single();
            for (Condition c : old.conditions()) {
                BigDecimal[] t = thresholds.getOrDefault(c.code(), new BigDecimal[]{c.minPercent(), c.difficultMinPercent()});
                jdbc.sql("""
                        insert into lit_standard_condition (standard_id, position, code, measure, age_from, age_to, min_percent,
                               difficult_min_percent, applies_to, requires_code, requires_level, certainty, note)
                        values (:id, :p, :code, :m, :af, :at, :min, :dmin, :ap, :rc, :rl, :cert, :note)
                        """).param("id", id).param("p", c.position()).param("code", c.code()).param("m", c.measure())
                        .param("af", c.ageFrom()).param("at", c.ageTo()).param("min", t[0]).param("dmin", t[1])
                        .param("ap", c.appliesTo()).param("rc", c.requiresCode()).param("rl", c.requiresLevel())
                        .param("cert", certainty).param("note", c.note()).update();
            }
            audit.change(AuditAction.CREATE, "LiteracyStandard", id, null, Map.of("version", old.version()),
                    Map.of("version", version, "from", from.toString(), "source", source.strip()),
                    "Phiên bản mới của chuẩn " + old.code() + " mức " + old.level() + " (" + old.subjectLevel() + ")");
            return id;
        });
    }
}
