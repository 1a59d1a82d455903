package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.Texts;
import vn.xhht.shared.VietnamClock;

/**
 * Emulation (R27): an association's plan of contents and criteria with their points, the clusters of units that
 * compete under it, their quarterly briefings, and each member's points, ranked into the cluster's results.
 */
@Service
@Transactional
public class EmulationClusters {

    public record Plan(long id, long ownerUnitId, String ownerName, int year, String title, String issuer, List<PlanItem> items,
                       long version) {
        public BigDecimal maxTotal() {
            return items.stream().map(PlanItem::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public long contentCount() {
            return items.stream().map(PlanItem::contentNo).distinct().count();
        }
    }

    public record PlanItem(long id, int contentNo, String contentTitle, int criterionNo, String criterionTitle, BigDecimal maxPoints) {
    }

    public record Briefing(long id, int quarter, LocalDate heldOn, String note) {
    }

    public record Member(long unitId, String name) {
    }

    /** A member's line in the cluster's results: its points per criterion, its total and its rank (1 = first). */
    public record Result(long unitId, String name, Map<Long, BigDecimal> points, BigDecimal total, int rank, boolean complete) {
    }

    public record Cluster(long id, Plan plan, String name, List<Member> members, List<Briefing> briefings, long version) {
        /** Quarters of the plan's year so far without a briefing (for the "not yet briefed" line). */
        public List<Integer> quartersWithoutBriefing(LocalDate today) {
            int last = today.getYear() > plan.year() ? 4 : today.getYear() < plan.year() ? 0 : (today.getMonthValue() - 1) / 3;
            Set<Integer> held = new TreeSet<>();
            briefings.forEach(b -> held.add(b.quarter()));
            List<Integer> out = new ArrayList<>();
            for (int q = 1; q <= last; q++) {
                if (!held.contains(q)) {
                    out.add(q);
                }
            }
            return out;
        }
    }

    public record ClusterLine(long id, String name, int memberCount, int briefingCount) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final AuditTrail audit;
    private final VietnamClock clock;

    EmulationClusters(JdbcClient jdbc, OrgUnitDirectory units, AuditTrail audit, VietnamClock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- plans

    @Transactional(readOnly = true)
    public List<Plan> plans(CurrentUser user, long unitId) {
        units.requireReadable(user, unitId);
        // the unit's own plans and those of the units above it that it competes under
        List<Long> chain = new ArrayList<>();
        chain.add(unitId);
        units.ancestors(units.require(unitId)).forEach(u -> chain.add(u.id()));
        return jdbc.sql("""
                select p.id from emulation_plan p where p.owner_unit_id in (:chain) order by p.plan_year desc, p.id desc limit 200
                """).param("chain", chain).query(Long.class).list().stream().map(this::plan).toList();
    }

    @Transactional(readOnly = true)
    public Plan plan(long id) {
        List<PlanItem> items = jdbc.sql("select * from emulation_plan_item where plan_id = :p order by criterion_no").param("p", id)
                .query((rs, n) -> new PlanItem(rs.getLong("id"), rs.getInt("content_no"), rs.getString("content_title"),
                        rs.getInt("criterion_no"), rs.getString("criterion_title"), rs.getBigDecimal("max_points"))).list();
        return jdbc.sql("select p.*, o.name as owner_name from emulation_plan p join xhht_unit o on o.id = p.owner_unit_id where p.id = :id")
                .param("id", id).query((rs, n) -> new Plan(rs.getLong("id"), rs.getLong("owner_unit_id"), rs.getString("owner_name"),
                        rs.getInt("plan_year"), rs.getString("title"), rs.getString("issuer"), items, rs.getLong("version"))).optional()
                .orElseThrow(() -> new NotFoundProblem("emulation.plan.notFound", id));
    }

    /**
     * A plan whose criteria are given one a line: "content; criterion; maximum points". A new content starts where
     * the content text changes. Every line is checked first; one bad line saves nothing, and it is named.
     */
    public Plan createPlan(CurrentUser user, long unitId, Integer year, String title, String issuer, String criteria) {
        OrgUnit unit = units.requireReadable(user, unitId);
        units.checkWritable(user, unitId);
        if (year == null || year < 2010 || year > clock.year() + 1) {
            throw new InvalidInputProblem("year", "emulation.year.invalid");
        }
        String t = text(title, "title", "emulation.plan.title.required", TextLimits.EMULATION_PLAN__TITLE);
        String i = text(issuer, "issuer", "emulation.plan.issuer.required", TextLimits.EMULATION_PLAN__ISSUER);
        record Line(String content, String criterion, BigDecimal max) {
        }
        List<Line> lines = new ArrayList<>();
        String[] raw = criteria == null ? new String[0] : criteria.split("\\R");
        for (int n = 0; n < raw.length; n++) {
            if (raw[n].isBlank()) {
                continue;
            }
            String[] parts = raw[n].split(";");
            BigDecimal max = null;
            if (parts.length == 3) {
                try {
                    max = new BigDecimal(parts[2].strip().replace(',', '.'));
                } catch (NumberFormatException e) {
                    max = null;
                }
            }
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || max == null || max.signum() <= 0 || max.scale() > 2
                    || max.compareTo(new BigDecimal("9999")) > 0 || parts[0].strip().length() > TextLimits.EMULATION_PLAN_ITEM__CONTENT_TITLE
                    || parts[1].strip().length() > TextLimits.EMULATION_PLAN_ITEM__CRITERION_TITLE) {
                throw new InvalidInputProblem("criteria", "emulation.plan.line.invalid", n + 1);
            }
            lines.add(new Line(parts[0].strip(), parts[1].strip(), max));
        }
        if (lines.isEmpty()) {
            throw new InvalidInputProblem("criteria", "emulation.plan.criteria.required");
        }
        long id = jdbc.sql("""
                insert into emulation_plan (owner_unit_id, province_id, plan_year, title, issuer, created_by)
                values (:u, :p, :y, :t, :i, :by) returning id
                """).param("u", unitId).param("p", unit.provinceId() == null ? unit.id() : unit.provinceId()).param("y", year)
                .param("t", t).param("i", i).param("by", user.username()).query(Long.class).single();
        int content = 0;
        String previous = null;
        for (int n = 0; n < lines.size(); n++) {
            Line l = lines.get(n);
            if (!l.content().equals(previous)) {
                content++;
                previous = l.content();
            }
            jdbc.sql("""
                    insert into emulation_plan_item (plan_id, content_no, content_title, criterion_no, criterion_title, max_points)
                    values (:p, :cn, :ct, :n, :t, :m)
                    """).param("p", id).param("cn", content).param("ct", l.content()).param("n", n + 1).param("t", l.criterion())
                    .param("m", l.max()).update();
        }
        audit.change(AuditAction.CREATE, "EmulationPlan", id, unitId, null,
                Map.of("title", t, "year", year, "criteria", lines.size()), "Kế hoạch thi đua " + t);
        return plan(id);
    }

    // ---------------------------------------------------------------- clusters

    @Transactional(readOnly = true)
    public List<ClusterLine> clusters(long planId) {
        return jdbc.sql("""
                select c.id, c.name, (select count(*) from emulation_cluster_member m where m.cluster_id = c.id),
                       (select count(*) from emulation_briefing b where b.cluster_id = c.id)
                  from emulation_cluster c where c.plan_id = :p order by c.name
                """).param("p", planId).query((rs, n) -> new ClusterLine(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4))).list();
    }

    /** A cluster of units in the plan owner's area (its wards, for a district association). */
    public Cluster createCluster(CurrentUser user, long planId, String name, List<Long> memberUnitIds) {
        Plan p = plan(planId);
        units.checkWritable(user, p.ownerUnitId());
        String n = text(name, "name", "emulation.cluster.name.required", TextLimits.EMULATION_CLUSTER__NAME);
        List<Long> ids = memberUnitIds == null ? List.of() : memberUnitIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            throw new InvalidInputProblem("memberUnitIds", "emulation.cluster.members.required");
        }
        checkMembers(p, ids);
        Integer exists = jdbc.sql("select count(*) from emulation_cluster where plan_id = :p and name = :n").param("p", planId).param("n", n)
                .query(Integer.class).single();
        if (exists > 0) {
            throw new InvalidInputProblem("name", "emulation.cluster.exists", n);
        }
        long id = jdbc.sql("insert into emulation_cluster (plan_id, name, created_by) values (:p, :n, :by) returning id")
                .param("p", planId).param("n", n).param("by", user.username()).query(Long.class).single();
        for (long u : ids) {
            jdbc.sql("insert into emulation_cluster_member (cluster_id, unit_id) values (:c, :u)").param("c", id).param("u", u).update();
        }
        audit.change(AuditAction.CREATE, "EmulationCluster", id, p.ownerUnitId(), null, Map.of("name", n, "members", ids.size()),
                "Cụm thi đua " + n);
        return cluster(user, id);
    }

    @Transactional(readOnly = true)
    public Cluster cluster(CurrentUser user, long id) {
        record Row(long planId, String name, long version) {
        }
        Row r = jdbc.sql("select plan_id, name, version from emulation_cluster where id = :id").param("id", id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3))).optional()
                .orElseThrow(() -> new NotFoundProblem("emulation.cluster.notFound", id));
        Plan p = plan(r.planId());
        List<Member> members = jdbc.sql("""
                select u.id, u.name from emulation_cluster_member m join xhht_unit u on u.id = m.unit_id where m.cluster_id = :c order by u.name
                """).param("c", id).query((rs, n) -> new Member(rs.getLong(1), rs.getString(2))).list();
        // the plan's owner and above read every cluster; a member reads its own cluster
        if (!units.canRead(user, p.ownerUnitId()) && members.stream().noneMatch(m -> units.canRead(user, m.unitId()))) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        List<Briefing> briefings = jdbc.sql("select id, quarter, held_on, note from emulation_briefing where cluster_id = :c order by quarter, held_on")
                .param("c", id).query((rs, n) -> new Briefing(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDate.class), rs.getString(4))).list();
        return new Cluster(id, p, r.name(), members, briefings, r.version());
    }

    public boolean canManage(CurrentUser user, Cluster c) {
        return units.canWrite(user, c.plan().ownerUnitId());
    }

    /** A quarterly briefing of the cluster (the association's standing committee with the cluster's wards). */
    public void addBriefing(CurrentUser user, long clusterId, Integer quarter, LocalDate heldOn, String note) {
        Cluster c = cluster(user, clusterId);
        if (!canManage(user, c)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        if (quarter == null || quarter < 1 || quarter > 4) {
            throw new InvalidInputProblem("quarter", "emulation.briefing.quarter.invalid");
        }
        if (heldOn == null) {
            throw new InvalidInputProblem("heldOn", "emulation.briefing.date.required");
        }
        if (heldOn.isAfter(clock.today())) {
            throw new InvalidInputProblem("heldOn", "evaluation.date.future");
        }
        if (heldOn.getYear() != c.plan().year() || (heldOn.getMonthValue() - 1) / 3 + 1 != quarter) {
            throw new InvalidInputProblem("heldOn", "emulation.briefing.date.notInQuarter", quarter, c.plan().year());
        }
        long id = jdbc.sql("insert into emulation_briefing (cluster_id, quarter, held_on, note, created_by) values (:c, :q, :d, :n, :by) returning id")
                .param("c", clusterId).param("q", quarter).param("d", heldOn).param("n", Texts.orNull(note)).param("by", user.username())
                .query(Long.class).single();
        audit.change(AuditAction.CREATE, "EmulationBriefing", id, c.plan().ownerUnitId(), null,
                Map.of("cluster", c.name(), "quarter", quarter, "date", heldOn.toString()), "Giao ban cụm " + c.name() + " quý " + quarter);
    }

    /** A member's points per criterion (item id → points; blank: not scored yet). Above a maximum: refused, the field named. */
    public void saveScores(CurrentUser user, long clusterId, long unitId, Map<Long, BigDecimal> points) {
        Cluster c = cluster(user, clusterId);
        if (!canManage(user, c)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        if (c.members().stream().noneMatch(m -> m.unitId() == unitId)) {
            throw new InvalidInputProblem("unitId", "emulation.score.notMember");
        }
        List<InvalidInputProblem.Violation> errors = new ArrayList<>();
        Map<Long, PlanItem> items = new LinkedHashMap<>();
        c.plan().items().forEach(i -> items.put(i.id(), i));
        for (var e : points.entrySet()) {
            PlanItem i = items.get(e.getKey());
            String field = "score_" + e.getKey();
            if (i == null) {
                errors.add(new InvalidInputProblem.Violation(field, "emulation.score.unknownCriterion", new Object[]{e.getKey()}));
            } else if (e.getValue() != null && (e.getValue().signum() < 0 || e.getValue().compareTo(i.maxPoints()) > 0)) {
                errors.add(new InvalidInputProblem.Violation(field, "emulation.score.range",
                        new Object[]{i.criterionNo(), RuleEngine.plain(i.maxPoints())}));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        for (var e : points.entrySet()) {
            if (e.getValue() == null) {
                jdbc.sql("delete from emulation_score where cluster_id = :c and unit_id = :u and item_id = :i")
                        .param("c", clusterId).param("u", unitId).param("i", e.getKey()).update();
            } else {
                jdbc.sql("""
                        insert into emulation_score (cluster_id, unit_id, item_id, points) values (:c, :u, :i, :p)
                        on conflict (cluster_id, unit_id, item_id) do update set points = excluded.points
                        """).param("c", clusterId).param("u", unitId).param("i", e.getKey()).param("p", e.getValue()).update();
            }
            after.put(String.valueOf(items.get(e.getKey()).criterionNo()), e.getValue() == null ? "" : e.getValue());
        }
        audit.change(AuditAction.UPDATE, "EmulationScore", clusterId + "/" + unitId, unitId, null, after,
                "Chấm thi đua cụm " + c.name());
    }

    /** The cluster's results: members ranked by total points (equal totals share a rank); blank criteria count nothing. */
    @Transactional(readOnly = true)
    public List<Result> results(CurrentUser user, long clusterId) {
        Cluster c = cluster(user, clusterId);
        Map<Long, Map<Long, BigDecimal>> byUnit = new LinkedHashMap<>();
        c.members().forEach(m -> byUnit.put(m.unitId(), new LinkedHashMap<>()));
        jdbc.sql("select unit_id, item_id, points from emulation_score where cluster_id = :c").param("c", clusterId)
                .query((rs, n) -> byUnit.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getLong(2), rs.getBigDecimal(3))).list();
        List<Result> unranked = new ArrayList<>();
        for (Member m : c.members()) {
            Map<Long, BigDecimal> pts = byUnit.getOrDefault(m.unitId(), Map.of());
            BigDecimal total = pts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            unranked.add(new Result(m.unitId(), m.name(), pts, total, 0, pts.size() == c.plan().items().size()));
        }
        unranked.sort(Comparator.comparing(Result::total).reversed().thenComparing(Result::name));
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Result r = unranked.get(i);
            int rank = i > 0 && r.total().compareTo(unranked.get(i - 1).total()) == 0 ? out.get(i - 1).rank() : i + 1;
            out.add(new Result(r.unitId(), r.name(), r.points(), r.total(), rank, r.complete()));
        }
        return out;
    }

    private static String text(String value, String field, String key, int max) {
        String v = Texts.orNull(value);
        if (v == null) {
            throw new InvalidInputProblem(field, key);
        }
        if (v.length() > max) {
            throw new InvalidInputProblem(field, "error.tooLong", max);
        }
        return v;
    }

    /** Every member must be a unit below the plan's owner (its wards, for a district association). */
    private void checkMembers(Plan p, List<Long> ids) {
        for (long id : ids) {
            OrgUnit u = units.find(id).orElseThrow(() -> new InvalidInputProblem("memberUnitIds", "emulation.cluster.member.unknown", id));
            if (u.id() == p.ownerUnitId() || !units.ancestors(u).stream().anyMatch(a -> a.id() == p.ownerUnitId())) {
                throw new AccessDeniedProblem("error.unitOutOfScope");
            }
        }
    }

    // ---------------------------------------------------------------- edit and delete

    /** Renames a plan or changes its issuer; its criteria stay (points were given against them). */
    public Plan updatePlan(CurrentUser user, long planId, Long version, String title, String issuer) {
        Plan p = plan(planId);
        units.checkWritable(user, p.ownerUnitId());
        String t = text(title, "title", "emulation.plan.title.required", TextLimits.EMULATION_PLAN__TITLE);
        String i = text(issuer, "issuer", "emulation.plan.issuer.required", TextLimits.EMULATION_PLAN__ISSUER);
        long v = requireVersion(version);
        int n = jdbc.sql("update emulation_plan set title = :t, issuer = :i, version = version + 1 where id = :id and version = :v")
                .param("t", t).param("i", i).param("id", planId).param("v", v).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("EmulationPlan " + planId);
        }
        audit.change(AuditAction.UPDATE, "EmulationPlan", planId, p.ownerUnitId(), Map.of("title", p.title(), "issuer", p.issuer()),
                Map.of("title", t, "issuer", i), "Sửa kế hoạch thi đua " + t);
        return plan(planId);
    }

    /**
     * Deletes a plan with its clusters and briefings, refused once any member has been given points under it: results
     * are a record of the association's decision and stay.
     */
    public void deletePlan(CurrentUser user, long planId, Long version) {
        Plan p = plan(planId);
        units.checkWritable(user, p.ownerUnitId());
        long v = requireVersion(version);
        long current = jdbc.sql("select version from emulation_plan where id = :id for update").param("id", planId).query(Long.class).single();
        if (current != v) {
            throw new ConcurrentEditProblem("EmulationPlan " + planId);
        }
        if (jdbc.sql("select exists (select 1 from emulation_score s join emulation_cluster c on c.id = s.cluster_id where c.plan_id = :p)")
                .param("p", planId).query(Boolean.class).single()) {
            throw new InvalidInputProblem("planId", "s14fig.emulation.plan.hasResults");
        }
        List<String> clusters = jdbc.sql("select name from emulation_cluster where plan_id = :p order by name").param("p", planId)
                .query(String.class).list();
        jdbc.sql("delete from emulation_briefing where cluster_id in (select id from emulation_cluster where plan_id = :p)").param("p", planId).update();
        jdbc.sql("delete from emulation_cluster_member where cluster_id in (select id from emulation_cluster where plan_id = :p)").param("p", planId).update();
        jdbc.sql("delete from emulation_cluster where plan_id = :p").param("p", planId).update();
        jdbc.sql("delete from emulation_plan_item where plan_id = :p").param("p", planId).update();
        jdbc.sql("delete from emulation_plan where id = :p").param("p", planId).update();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("title", p.title());
        before.put("year", p.year());
        before.put("criteria", p.items().size());
        before.put("clusters", String.join(", ", clusters));
        audit.change(AuditAction.DELETE, "EmulationPlan", planId, p.ownerUnitId(), before, null, "Xóa kế hoạch thi đua " + p.title());
    }

    /**
     * Renames a cluster and changes its members. A member that already has points cannot be taken out (its points
     * would be lost); new members are checked like at creation.
     */
    public Cluster updateCluster(CurrentUser user, long clusterId, Long version, String name, List<Long> memberUnitIds) {
        Cluster c = cluster(user, clusterId);
        if (!canManage(user, c)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        String n = text(name, "name", "emulation.cluster.name.required", TextLimits.EMULATION_CLUSTER__NAME);
        List<Long> ids = memberUnitIds == null ? List.of() : memberUnitIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            throw new InvalidInputProblem("memberUnitIds", "emulation.cluster.members.required");
        }
        checkMembers(c.plan(), ids);
        long v = requireVersion(version);
        if (jdbc.sql("select count(*) from emulation_cluster where plan_id = :p and name = :n and id <> :id").param("p", c.plan().id())
                .param("n", n).param("id", clusterId).query(Integer.class).single() > 0) {
            throw new InvalidInputProblem("name", "emulation.cluster.exists", n);
        }
        List<Long> removed = c.members().stream().map(Member::unitId).filter(u -> !ids.contains(u)).toList();
        if (!removed.isEmpty() && jdbc.sql("select exists (select 1 from emulation_score where cluster_id = :c and unit_id in (:u))")
                .param("c", clusterId).param("u", removed).query(Boolean.class).single()) {
            throw new InvalidInputProblem("memberUnitIds", "s14fig.emulation.member.hasPoints");
        }
        int updated = jdbc.sql("update emulation_cluster set name = :n, version = version + 1 where id = :id and version = :v")
                .param("n", n).param("id", clusterId).param("v", v).update();
        if (updated == 0) {
            throw new ConcurrentEditProblem("EmulationCluster " + clusterId);
        }
        if (!removed.isEmpty()) {
            jdbc.sql("delete from emulation_cluster_member where cluster_id = :c and unit_id in (:u)").param("c", clusterId).param("u", removed).update();
        }
        for (long u : ids) {
            jdbc.sql("insert into emulation_cluster_member (cluster_id, unit_id) values (:c, :u) on conflict do nothing")
                    .param("c", clusterId).param("u", u).update();
        }
        audit.change(AuditAction.UPDATE, "EmulationCluster", clusterId, c.plan().ownerUnitId(),
                Map.of("name", c.name(), "members", c.members().stream().map(Member::unitId).toList().toString()),
                Map.of("name", n, "members", ids.toString()), "Sửa cụm thi đua " + n);
        return cluster(user, clusterId);
    }

    /** Deletes a cluster and its briefings; refused once a member has points (the results stay on record). */
    public void deleteCluster(CurrentUser user, long clusterId, Long version) {
        Cluster c = cluster(user, clusterId);
        if (!canManage(user, c)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        long v = requireVersion(version);
        long current = jdbc.sql("select version from emulation_cluster where id = :id for update").param("id", clusterId)
                .query(Long.class).single();
        if (current != v) {
            throw new ConcurrentEditProblem("EmulationCluster " + clusterId);
        }
        if (jdbc.sql("select exists (select 1 from emulation_score where cluster_id = :c)").param("c", clusterId).query(Boolean.class).single()) {
            throw new InvalidInputProblem("clusterId", "s14fig.emulation.cluster.hasResults");
        }
        jdbc.sql("delete from emulation_briefing where cluster_id = :c").param("c", clusterId).update();
        jdbc.sql("delete from emulation_cluster_member where cluster_id = :c").param("c", clusterId).update();
        jdbc.sql("delete from emulation_cluster where id = :c").param("c", clusterId).update();
        audit.change(AuditAction.DELETE, "EmulationCluster", clusterId, c.plan().ownerUnitId(),
                Map.of("name", c.name(), "members", c.members().size(), "briefings", c.briefings().size()), null,
                "Xóa cụm thi đua " + c.name());
    }

    private static long requireVersion(Long version) {
        if (version == null) {
            throw new InvalidInputProblem("version", "s14fig.emulation.versionRequired");
        }
        return version;
    }
}
