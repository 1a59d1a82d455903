package vn.xhht.orgunit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over org_unit and org_unit_succession. Scope filters are set-based: the database walks the tree. */
@Repository
class OrgUnitRepository {

    static final String SELECT = """
            select u.id, u.code, u.name, u.type, u.level, u.parent_id, p.code as parent_code, p.name as parent_name,
                   u.province_id, u.valid_from, u.valid_to, u.border_commune, u.zone, u.especially_difficult,
                   u.ethnic_minority_area, u.source, u.version
            from org_unit u left join org_unit p on p.id = u.parent_id
            """;

    /** The roots of a user's read scope: its unit and every unit its unit succeeded (transitively). */
    static final String READ_ROOTS = """
            with recursive roots(id) as (
                select cast(:scopeUnit as bigint)
                union
                select s.predecessor_id from org_unit_succession s join roots r on s.successor_id = r.id
            )
            """;

    /** Units a user may read: {@link UnitScope#READ}, the subtrees of the roots (function xhht_read_scope, V95). */
    static final String IN_READ_SCOPE = " u.id in (select id from xhht_read_scope(:scopeUnit)) ";

    static final String VALID_ON = " (u.valid_from is null or u.valid_from <= :date) and (u.valid_to is null or u.valid_to >= :date) ";

    static final RowMapper<OrgUnit> MAPPER = OrgUnitRepository::map;

    private final JdbcClient jdbc;

    OrgUnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrgUnit> find(long id) {
        return jdbc.sql(SELECT + " where u.id = :id").param("id", id).query(MAPPER).optional();
    }

    Optional<OrgUnit> findByCode(String code, int level, LocalDate date) {
        return jdbc.sql(SELECT + " where u.code = :code and u.level = :level and " + VALID_ON)
                .param("code", code).param("level", level).param("date", date)
                .query(MAPPER).optional();
    }

    boolean isWithinReadScope(long scopeUnitId, long targetId) {
        return jdbc.sql("select exists (select 1 from org_unit u where u.id = :target and " + IN_READ_SCOPE + ")")
                .param("scopeUnit", scopeUnitId).param("target", targetId)
                .query(Boolean.class).single();
    }

    boolean isWithin(UnitScope scope, long scopeUnitId, long targetId) {
        return jdbc.sql("select cast(:target as bigint) in (" + scope.ids(":scopeUnit") + ")")
                .param("scopeUnit", scopeUnitId).param("target", targetId).query(Boolean.class).single();
    }

    /** Write scope: the subtree of the user's own unit only (history of predecessors is read-only). */
    boolean isWithinWriteScope(long scopeUnitId, long targetId) {
        return jdbc.sql("""
                select cast(:target as bigint) in (select id from xhht_unit_subtree(:scopeUnit))
                """).param("scopeUnit", scopeUnitId).param("target", targetId).query(Boolean.class).single();
    }

    /** Ancestors from the nation down to the parent of the unit (for breadcrumbs). */
    List<OrgUnit> ancestors(OrgUnit unit) {
        return jdbc.sql(SELECT + """
                 where u.id in (select cast(x as bigint) from unnest(string_to_array(trim(both '/' from
                                   (select path from org_unit where id = :id)), '/')) x)
                   and u.id <> :id
                 order by u.level
                """).param("id", unit.id()).query(MAPPER).list();
    }

    /** The units at the top of a user's read scope that are valid on the date (the roots of its tree). */
    List<OrgUnit> scopeRoots(long scopeUnitId, LocalDate date) {
        return jdbc.sql(READ_ROOTS + SELECT + " where u.id in (select id from roots) and " + VALID_ON
                        + " order by u.level, u.code")
                .param("scopeUnit", scopeUnitId).param("date", date)
                .query(MAPPER).list();
    }

    record ChildCount(OrgUnit unit, int children) {
    }

    List<ChildCount> children(long parentId, LocalDate date) {
        return jdbc.sql(SELECT.replace("select u.id", "select (select count(*) from org_unit c where c.parent_id = u.id and "
                        + VALID_ON.replace("u.", "c.") + ") as child_count, u.id")
                        + " where u.parent_id = :parent and " + VALID_ON + " order by u.level, u.name collate \"C\", u.code")
                .param("parent", parentId).param("date", date)
                .query((rs, n) -> new ChildCount(map(rs, n), rs.getInt("child_count")))
                .list();
    }

    /** Every child ever recorded (open ones first): a commune's hamlet list including closed ones. */
    List<OrgUnit> allChildren(long parentId) {
        return jdbc.sql(SELECT + " where u.parent_id = :p order by u.valid_to nulls first, u.name, u.id")
                .param("p", parentId).query(MAPPER).list();
    }

    /** Criteria of a unit list; null fields do not filter. */
    /** attributes: values the unit must have on {@code date} (dated rows of unit_attribute, V205); NONE: no filter. */
    record Filter(long scopeUnitId, LocalDate date, Integer level, Long parentId, String query, int limit,
                  UnitAttributeFilter attributes) {
        Filter(long scopeUnitId, LocalDate date, Integer level, Long parentId, String query, int limit) {
            this(scopeUnitId, date, level, parentId, query, limit, UnitAttributeFilter.NONE);
        }
    }

    private volatile Long nationId;

    /** The nation's unit: a user assigned to it reads everything, so no scope filter is needed. */
    private boolean isNation(long unitId) {
        Long id = nationId;
        if (id == null) {
            id = jdbc.sql("select id from org_unit where level = 0").query(Long.class).single();
            nationId = id;
        }
        return id == unitId;
    }

    List<OrgUnit> list(Filter f) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql;
        if (isNation(f.scopeUnitId())) {
            sql = new StringBuilder(SELECT).append(" where true");
        } else {
            sql = new StringBuilder(SELECT).append(" where ").append(IN_READ_SCOPE);
            params.put("scopeUnit", f.scopeUnitId());
        }
        if (f.date() != null) {
            sql.append(" and ").append(VALID_ON);
            params.put("date", f.date());
        }
        if (f.level() != null) {
            sql.append(" and u.level = :level");
            params.put("level", f.level());
        }
        if (f.parentId() != null) {
            sql.append(" and u.parent_id = :parentId");
            params.put("parentId", f.parentId());
        }
        if (!f.attributes().isEmpty()) {
            // the value valid on the date asked (a filter needs a date: the list's own, today by default)
            sql.append(" and ").append(f.attributes().sql("u.id", ":attrDay"));
            params.putAll(f.attributes().params());
            params.put("attrDay", f.date());
        }
        if (f.query() != null && !f.query().isBlank()) {
            sql.append(" and u.search_name like '%' || xhht_search_key(:q) || '%'");
            params.put("q", f.query().trim());
            // exact and prefix matches of the name first, then by level
            sql.append(" order by (u.search_name = xhht_search_key(:q) or u.search_name like '% ' || xhht_search_key(:q)) desc, u.level, u.name, u.id");
        } else {
            sql.append(" order by u.level, u.code, u.valid_from nulls first");
        }
        sql.append(" limit :limit");
        params.put("limit", f.limit());
        return jdbc.sql(sql.toString()).params(params).query(MAPPER).list();
    }

    /** Streams the read scope valid on a date (for exports): no list is held in memory. */
    void streamScope(long scopeUnitId, LocalDate date, Consumer<OrgUnit> sink) {
        jdbc.sql(SELECT + " where " + IN_READ_SCOPE + " and " + VALID_ON + " order by u.path")
                .param("scopeUnit", scopeUnitId).param("date", date)
                .withFetchSize(1000)
                .query((ResultSet rs) -> {
                    sink.accept(map(rs, 0));
                });
    }

    List<Succession> successors(long id) {
        return succession("s.predecessor_id = :id", "s.successor_id", id);
    }

    /**
     * The units that took over a closed unit: its own successor links, or, for a unit that has none (a district
     * abolished in 2025), the successors of the communes below it, each once.
     */
    List<OrgUnit> takenOverBy(long id) {
        return jdbc.sql(SELECT + """
                 where u.id in (select s.successor_id from org_unit_succession s where s.predecessor_id = :id)
                    or (not exists (select 1 from org_unit_succession s where s.predecessor_id = :id)
                        and u.id in (select s.successor_id from org_unit_succession s join org_unit c on c.id = s.predecessor_id
                                      where c.path like (select path from org_unit where id = :id) || '%' and c.id <> :id))
                 order by u.level, u.name
                """).param("id", id).query(MAPPER).list();
    }

    /** The resolution(s) that brought this version of the unit into force, where the history records them. */
    Optional<String> legalBasis(long id) {
        return jdbc.sql("select legal_basis from org_unit where id = :id and legal_basis is not null").param("id", id)
                .query(String.class).optional();
    }

    List<Succession> predecessors(long id) {
        return succession("s.successor_id = :id", "s.predecessor_id", id);
    }

    private List<Succession> succession(String where, String other, long id) {
        return jdbc.sql("select s.coverage, s.effective_on, s.basis, s.certainty, s.legal_basis as succession_basis, x.* from org_unit_succession s join ("
                        + SELECT + ") x on x.id = " + other + " where " + where + " order by x.level, x.code")
                .param("id", id)
                .query((rs, n) -> new Succession(map(rs, n), Succession.Coverage.valueOf(rs.getString("coverage")),
                        rs.getObject("effective_on", LocalDate.class), Succession.Basis.valueOf(rs.getString("basis")),
                        vn.xhht.shared.Certainty.valueOf(rs.getString("certainty")), rs.getString("succession_basis")))
                .list();
    }

    private static OrgUnit map(ResultSet rs, int n) throws SQLException {
        String zone = rs.getString("zone");
        return new OrgUnit(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("type"),
                rs.getInt("level"), (Long) rs.getObject("parent_id", Long.class), rs.getString("parent_code"),
                rs.getString("parent_name"), rs.getObject("province_id", Long.class),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getBoolean("border_commune"), zone == null ? null : OrgUnit.Zone.valueOf(zone),
                rs.getBoolean("especially_difficult"), rs.getBoolean("ethnic_minority_area"),
                rs.getString("source"), rs.getLong("version"));
    }
}
