package vn.xhht.centre;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.orgunit.UnitAttributeFilter;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Texts;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.VietnamClock;

/** The centre registry: read within the user's area, edited by the commune and the offices above it. */
@Service
@Transactional
@org.springframework.modulith.NamedInterface("api")
public class CentreRegistry {

    static final Set<Role> EDITORS = EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER, Role.COMMUNE_OFFICER);

    static final String SELECT = """
            select c.*, u.name as commune_name, u.valid_from as commune_from, u.valid_to as commune_to
            from centre c join xhht_unit u on u.id = c.commune_id
            """;

    public record Form(String name, String foundingDecision, LocalDate foundedOn, Centre.Premises premises,
                       boolean combinedWithCultureCentre, boolean modelCentre, Integer modelSinceYear,
                       String address, String phone, String email, Long version) {
    }

    /** A centre in a list with its activity figures over a period. */
    public record Row(Centre centre, String parentName, long activities, long participations,
                      java.math.BigDecimal participationTarget, Integer targetYear, long participationsSincePlanStart) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final AuditTrail audit;
    private final VietnamClock clock;

    private final vn.xhht.shared.PlanTargets plans;

    CentreRegistry(JdbcClient jdbc, OrgUnitDirectory units, AuditTrail audit, VietnamClock clock, vn.xhht.shared.PlanTargets plans) {
        this.plans = plans;
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Centre require(CurrentUser user, long id) {
        Centre c = find(id).orElseThrow(() -> new NotFoundProblem("centre.notFound", id));
        if (!units.canRead(user, c.communeId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return c;
    }

    @Transactional(readOnly = true)
    public Optional<Centre> find(long id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(CentreRegistry::map).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Centre> ofCommune(long communeId) {
        return jdbc.sql(SELECT + " where c.commune_id = :id").param("id", communeId).query(CentreRegistry::map).optional();
    }

    public boolean canEdit(CurrentUser user, Centre c) {
        return EDITORS.contains(user.role()) && units.canWrite(user, c.communeId());
    }

    /** One page of a centre list: the rows shown and how many centres the whole list has. */
    public record Page(List<Row> rows, long total, int offset, int limit) {
        public boolean hasPrevious() {
            return offset > 0;
        }

        public boolean hasNext() {
            return offset + rows.size() < total;
        }

        public int previousOffset() {
            return Math.max(0, offset - limit);
        }

        public int nextOffset() {
            return offset + limit;
        }

        /** The 1-based numbers of the first and last row shown. */
        public long first() {
            return rows.isEmpty() ? 0 : offset + 1L;
        }

        public long last() {
            return offset + (long) rows.size();
        }
    }

    /**
     * The read scope as a materialized set joined by id: written as {@code u.id in (select … xhht_read_scope)} the
     * planner guessed ~90 units for the nation's 17,000 and compared every pair (24.7 s on the bench data); joined to
     * the materialized set it hashes (0.3 s). Queries using {@link #LISTED} start with this.
     */
    private static final String SCOPE = "with scope as materialized (select id from xhht_read_scope(:scope)) ";

    /** The centres of a list (scope, commune valid on the day, name search, attributes), shared by the page and the API. */
    private static final String LISTED = """
            from centre c join xhht_unit u on u.id = c.commune_id join xhht_unit p on p.id = u.parent_id
            join scope on scope.id = u.id
            where true
              and (u.valid_from is null or u.valid_from <= :on) and (u.valid_to is null or u.valid_to >= :on)
              and (:q = '' or u.search_name like '%' || xhht_search_key(:q) || '%')
              and /*attributes*/
            """;

    /** Centres of the user's area whose commune is valid on {@code on}, with their activities in [from, to]. */
    @Transactional(readOnly = true)
    public List<Row> list(CurrentUser user, LocalDate on, LocalDate from, LocalDate to, String query, int limit) {
        return page(user, on, from, to, query, UnitAttributeFilter.NONE, 0, limit).rows();
    }

    /** As above, keeping the centres whose commune has the attributes of {@code attributes} on {@code on}. */
    @Transactional(readOnly = true)
    public List<Row> list(CurrentUser user, LocalDate on, LocalDate from, LocalDate to, String query, UnitAttributeFilter attributes,
                          int limit) {
        return page(user, on, from, to, query, attributes, 0, limit).rows();
    }

    /**
     * One page of the list: the database picks the page's centres first, and only those get their activity figures and
     * plan targets, so a national list of thousands costs one page (a national administrator's list took seconds when
     * every centre was counted).
     */
    @Transactional(readOnly = true)
    public Page page(CurrentUser user, LocalDate on, LocalDate from, LocalDate to, String query, UnitAttributeFilter attributes,
                     int offset, int limit) {
        String where = LISTED.replace("/*attributes*/", attributes.sql("u.id", ":on"));
        String q = query == null ? "" : query.strip();
        List<Row> rows = jdbc.sql(SCOPE + """
                , shown as (
                    select c.*, u.name as commune_name, u.valid_from as commune_from, u.valid_to as commune_to, p.name as parent_name
                """ + where + """
                    order by p.name, u.name, c.id limit :limit offset :offset
                )
                select s.*,
                       (select count(*) from activity a where a.centre_id = s.id and a.start_date between :from and :to) as activities,
                       (select coalesce(sum(a.participations), 0) from activity a where a.centre_id = s.id and a.start_date between :from and :to) as participations
                from shown s order by s.parent_name, s.commune_name, s.id
                """).params(attributes.params()).param("scope", user.unitId()).param("on", on).param("from", from).param("to", to)
                .param("q", q).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Row(map(rs, n), rs.getString("parent_name"), rs.getLong("activities"), rs.getLong("participations"),
                        null, null, 0))
                .list();
        long total = offset == 0 && rows.size() < limit ? rows.size()
                : jdbc.sql(SCOPE + "select count(*) " + where).params(attributes.params()).param("scope", user.unitId()).param("on", on)
                        .param("q", q).query(Long.class).single();
        return new Page(withTargets(rows, on), total, offset, limit);
    }

    /**
     * The centres of a list without figures (the API's list): one query, paged in the database.
     */
    @Transactional(readOnly = true)
    public List<Centre> centres(CurrentUser user, LocalDate on, String query, UnitAttributeFilter attributes, int offset, int limit) {
        return jdbc.sql(SCOPE + "select c.*, u.name as commune_name, u.valid_from as commune_from, u.valid_to as commune_to "
                        + LISTED.replace("/*attributes*/", attributes.sql("u.id", ":on"))
                        + " order by p.name, u.name, c.id limit :limit offset :offset")
                .params(attributes.params()).param("scope", user.unitId()).param("on", on)
                .param("q", query == null ? "" : query.strip()).param("limit", limit).param("offset", offset)
                .query(CentreRegistry::map).list();
    }

    /**
     * The centres a user may pick in a form (a drop-down), by commune name: only the centre rows, without the
     * activity counts and targets {@link #list} computes, so a national list of thousands stays fast.
     */
    public List<Centre> choices(CurrentUser user, LocalDate on, int limit) {
        return jdbc.sql(SCOPE + """
                select c.*, u.name as commune_name, u.valid_from as commune_from, u.valid_to as commune_to
                from centre c join xhht_unit u on u.id = c.commune_id join xhht_unit p on p.id = u.parent_id
                join scope on scope.id = u.id
                where (u.valid_from is null or u.valid_from <= :on) and (u.valid_to is null or u.valid_to >= :on)
                order by p.name, u.name limit :limit
                """).param("scope", user.unitId()).param("on", on).param("limit", limit).query(CentreRegistry::map).list();
    }

    /**
     * Adds each commune's participation target from its latest plan started by {@code on} (published by the plan
     * module) and the participations since that plan's year began.
     */
    private List<Row> withTargets(List<Row> rows, LocalDate on) {
        Map<Long, vn.xhht.shared.PlanTargets.Target> targets = plans.latest(
                rows.stream().map(r -> r.centre().communeId()).toList(), "PARTICIPATIONS", on);
        if (targets.isEmpty()) {
            return rows;
        }
        List<Long> centres = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        for (Row r : rows) {
            var t = targets.get(r.centre().communeId());
            if (t != null) {
                centres.add(r.centre().id());
                starts.add(t.starts().toString());
            }
        }
        Map<Long, Long> since = new java.util.HashMap<>();
        jdbc.sql("""
                select x.centre_id, coalesce(sum(a.participations), 0) as n
                from unnest(cast(:centres as bigint[]), cast(:starts as date[])) x(centre_id, starts)
                join activity a on a.centre_id = x.centre_id and a.start_date >= x.starts and a.start_date <= :on
                group by x.centre_id
                """).param("centres", "{" + centres.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + "}")
                .param("starts", "{" + String.join(",", starts) + "}").param("on", on)
                .query((ResultSet rs) -> {
                    since.put(rs.getLong(1), rs.getLong(2));
                });
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            var t = targets.get(r.centre().communeId());
            out.add(t == null ? r : new Row(r.centre(), r.parentName(), r.activities(), r.participations(), t.target(), t.planYear(),
                    since.getOrDefault(r.centre().id(), 0L)));
        }
        return out;
    }

    /** Creates the centre of a commune that has none yet (centres are created for every loaded commune). */
    public Centre create(CurrentUser user, long communeId, String name) {
        var commune = units.require(communeId);
        if (!EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER).contains(user.role()) || !units.canWrite(user, communeId)) {
            throw new AccessDeniedProblem("centre.cannotEdit");
        }
        if (!commune.isCommune()) {
            throw new InvalidInputProblem("communeId", "centre.commune.invalid");
        }
        if (ofCommune(communeId).isPresent()) {
            throw new InvalidInputProblem("communeId", "centre.exists");
        }
        if (name != null && name.strip().length() > TextLimits.CENTRE__NAME) {
            throw new InvalidInputProblem("name", "error.tooLong", TextLimits.CENTRE__NAME);
        }
        String n = name == null || name.isBlank()
                ? "Trung tâm học tập cộng đồng " + Character.toLowerCase(commune.name().charAt(0)) + commune.name().substring(1) : name.strip();
        long id = jdbc.sql("insert into centre (commune_id, province_id, name) values (:c, :p, :n) returning id")
                .param("c", communeId).param("p", commune.provinceId()).param("n", n).query(Long.class).single();
        Centre c = find(id).orElseThrow();
        audit.change(AuditAction.CREATE, "Centre", id, communeId, null, snapshot(c), "Thành lập " + n);
        return c;
    }

    public Centre update(CurrentUser user, long id, Form f) {
        Centre before = require(user, id);
        if (!canEdit(user, before)) {
            throw new AccessDeniedProblem("centre.cannotEdit");
        }
        List<InvalidInputProblem.Violation> v = new ArrayList<>();
        if (f.name() == null || f.name().isBlank()) {
            v.add(new InvalidInputProblem.Violation("name", "centre.name.required"));
        }
        if (f.modelCentre() && f.modelSinceYear() == null) {
            v.add(new InvalidInputProblem.Violation("modelSinceYear", "centre.modelSinceYear.required"));
        }
        if (f.modelSinceYear() != null && (f.modelSinceYear() < 2000 || f.modelSinceYear() > clock.today().getYear())) {
            v.add(new InvalidInputProblem.Violation("modelSinceYear", "centre.modelSinceYear.range", clock.today().getYear()));
        }
        if (f.email() != null && !f.email().isBlank() && !f.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            v.add(new InvalidInputProblem.Violation("email", "user.email.invalid"));
        }
        InputRules.maxLength(v, "name", f.name(), TextLimits.CENTRE__NAME);
        InputRules.maxLength(v, "foundingDecision", f.foundingDecision(), TextLimits.CENTRE__FOUNDING_DECISION);
        InputRules.maxLength(v, "address", f.address(), TextLimits.CENTRE__ADDRESS);
        InputRules.maxLength(v, "phone", f.phone(), TextLimits.CENTRE__PHONE);
        InputRules.maxLength(v, "email", f.email(), TextLimits.CENTRE__EMAIL);
        InputRules.date(v, "foundedOn", f.foundedOn());
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        int n = jdbc.sql("""
                update centre set name = :name, founding_decision = :fd, founded_on = :fo, premises = :pr,
                       combined_with_culture_centre = :comb, model_centre = :model, model_since_year = :since,
                       address = :addr, phone = :phone, email = :email, version = version + 1, updated_at = now()
                where id = :id and version = :v
                """).param("name", f.name().strip()).param("fd", Texts.orNull(f.foundingDecision())).param("fo", f.foundedOn())
                .param("pr", (f.premises() == null ? Centre.Premises.OTHER : f.premises()).name())
                .param("comb", f.combinedWithCultureCentre()).param("model", f.modelCentre())
                .param("since", f.modelCentre() ? f.modelSinceYear() : null)
                .param("addr", Texts.orNull(f.address())).param("phone", Texts.orNull(f.phone())).param("email", Texts.orNull(f.email()))
                .param("id", id).param("v", f.version() == null ? -1 : f.version()).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("Centre " + id);
        }
        Centre after = find(id).orElseThrow();
        audit.change(AuditAction.UPDATE, "Centre", id, before.communeId(), snapshot(before), snapshot(after), "Cập nhật " + after.name());
        return after;
    }


    static Map<String, Object> snapshot(Centre c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("foundingDecision", c.foundingDecision());
        m.put("foundedOn", String.valueOf(c.foundedOn()));
        m.put("premises", c.premises().name());
        m.put("combinedWithCultureCentre", c.combinedWithCultureCentre());
        m.put("modelCentre", c.modelCentre());
        m.put("modelSinceYear", c.modelSinceYear());
        m.put("address", c.address());
        m.put("phone", c.phone());
        m.put("email", c.email());
        m.put("version", c.version());
        return m;
    }

    static Centre map(ResultSet rs, int n) throws SQLException {
        return new Centre(rs.getLong("id"), rs.getLong("commune_id"), rs.getString("commune_name"),
                rs.getObject("commune_from", LocalDate.class), rs.getObject("commune_to", LocalDate.class),
                rs.getLong("province_id"), rs.getString("name"), rs.getString("founding_decision"),
                rs.getObject("founded_on", LocalDate.class), Centre.Premises.valueOf(rs.getString("premises")),
                rs.getBoolean("combined_with_culture_centre"), rs.getBoolean("model_centre"),
                rs.getObject("model_since_year", Integer.class), rs.getString("address"), rs.getString("phone"),
                rs.getString("email"), rs.getLong("version"));
    }
}
