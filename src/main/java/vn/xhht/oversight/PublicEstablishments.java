package vn.xhht.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.shared.NotFoundProblem;

/**
 * The public list (no login): establishments that hold a licence or registration, or were sanctioned, with their
 * acts and sanction decisions. Only what the province publishes: no owner as a person, no teachers, no fees typed
 * for internal use beyond what the establishment disclosed.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class PublicEstablishments {

    public record PublicAct(String kind, String number, LocalDate issuedOn, String issuer) {
    }

    public record PublicSanction(String number, LocalDate decidedOn, String authority, long fineVnd, List<String> violations) {
    }

    public record PublicEstablishment(long id, String name, String kind, String address, String commune, String province,
                                      String status, String disclosure, List<PublicAct> acts, List<PublicSanction> sanctions) {
    }

    static final int MAX = 200;

    private static final String PUBLISHED = """
            (e.status <> 'PENDING' or exists (select 1 from ovs_inspection i join ovs_sanction s on s.inspection_id = i.id
                                               where i.establishment_id = e.id))
            """;

    private static final String SELECT = """
            select e.id, e.name, e.kind, e.address, e.status, e.disclosure, u.name as commune, p.name as province
            from ovs_establishment e join xhht_unit u on u.id = e.unit_id left join xhht_unit p on p.id = u.province_id
            """;

    private final JdbcClient jdbc;

    PublicEstablishments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * At most {@code limit} (≤ 200) published establishments whose name, address or owner matches q, diacritics
     * ignored, in name order. Blank q and a typed q are two statements: one "q is blank or matches" condition gives a
     * single cached plan that can use neither the name order nor the trigram index.
     */
    public List<PublicEstablishment> search(String q, int limit) {
        String query = q == null ? "" : q.strip();
        if (!query.isEmpty()) {
            // A cached generic plan cannot see the pattern: it guesses a few matches and takes the trigram index,
            // which for a common word ("công ty") or two letters reads all 50,000 rows and sorts them. Planned with
            // the pattern, common words walk the name index and stop at the limit; rare ones use the trigram index.
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        }
        var sql = jdbc.sql(searchSql(!query.isEmpty())).param("limit", Math.max(1, Math.min(limit, MAX)));
        if (!query.isEmpty()) {
            sql = sql.param("q", likeLiteral(query));
        }
        List<PublicEstablishment> base = sql.query((rs, n) -> new PublicEstablishment(rs.getLong("id"), rs.getString("name"), rs.getString("kind"),
                rs.getString("address"), rs.getString("commune"), rs.getString("province"), rs.getString("status"), rs.getString("disclosure"),
                new ArrayList<>(), new ArrayList<>())).list();
        return withDetails(base);
    }

    /**
     * At most {@code limit} (≤ 200) published establishments of a province, in name order: the province's read scope,
     * so establishments registered in communes of the provinces it succeeded stay listed after a merger.
     */
    public List<PublicEstablishment> inProvince(long provinceId, int limit) {
        List<PublicEstablishment> base = jdbc.sql(SELECT + " where " + PUBLISHED + """
                  and e.unit_id in (select id from xhht_read_scope(:p)) order by e.name, e.id limit :limit
                """).param("p", provinceId).param("limit", Math.max(1, Math.min(limit, MAX)))
                .query((rs, n) -> new PublicEstablishment(rs.getLong("id"), rs.getString("name"), rs.getString("kind"),
                        rs.getString("address"), rs.getString("commune"), rs.getString("province"), rs.getString("status"),
                        rs.getString("disclosure"), new ArrayList<>(), new ArrayList<>())).list();
        return withDetails(base);
    }

    /** The search statement (parameters :limit, and :q when typed); also what bench/oversight explains. */
    static String searchSql(boolean typed) {
        return SELECT + " where " + PUBLISHED + (typed ? " and e.search_text like '%' || xhht_search_key(:q) || '%'" : "")
                + " order by e.name, e.id limit :limit";
    }

    /** What the user typed, searched as text: % and _ match themselves, not "anything". */
    static String likeLiteral(String typed) {
        return typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public PublicEstablishment get(long id) {
        Optional<PublicEstablishment> e = jdbc.sql(SELECT + " where e.id = :id and " + PUBLISHED).param("id", id)
                .query((rs, n) -> new PublicEstablishment(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getString("address"),
                        rs.getString("commune"), rs.getString("province"), rs.getString("status"), rs.getString("disclosure"),
                        new ArrayList<>(), new ArrayList<>())).optional();
        return withDetails(List.of(e.orElseThrow(() -> new NotFoundProblem("oversight.establishment.notFound", id)))).get(0);
    }

    /** Every published establishment matching q, one flat row each (for .csv and .xlsx), streamed. */
    public void forEachRow(String q, Consumer<Object[]> sink) {
        String query = q == null ? "" : q.strip();
        jdbc.sql(SELECT.replace("select e.id,", """
                select (select string_agg(a.number || ' (' || to_char(a.issued_on, 'DD/MM/YYYY') || ', ' || a.issuer || ')', '; ' order by a.issued_on)
                        from ovs_act a where a.establishment_id = e.id) as acts,
                       (select string_agg(s.number || ' (' || to_char(s.decided_on, 'DD/MM/YYYY') || ', ' || s.authority || ')', '; ' order by s.decided_on)
                        from ovs_inspection i join ovs_sanction s on s.inspection_id = i.id where i.establishment_id = e.id) as sanctions,
                       e.id,""") + " where " + PUBLISHED + """
                  and (:q = '' or e.search_text like '%' || xhht_search_key(:q) || '%')
                order by e.name, e.id
                """).param("q", likeLiteral(query)).query((java.sql.ResultSet rs) -> {
            sink.accept(new Object[]{rs.getString("name"), rs.getString("kind"), rs.getString("address"), rs.getString("commune"),
                    rs.getString("status"), rs.getString("acts"), rs.getString("sanctions")});
        });
    }

    private List<PublicEstablishment> withDetails(List<PublicEstablishment> base) {
        if (base.isEmpty()) {
            return base;
        }
        Map<Long, PublicEstablishment> byId = new LinkedHashMap<>();
        base.forEach(e -> byId.put(e.id(), e));
        Long[] ids = byId.keySet().toArray(Long[]::new);
        jdbc.sql("""
                select establishment_id, kind, number, issued_on, issuer from ovs_act
                where establishment_id = any(:ids) order by issued_on, id
                """).param("ids", ids).query((java.sql.ResultSet rs) -> {
            byId.get(rs.getLong("establishment_id")).acts().add(new PublicAct(rs.getString("kind"), rs.getString("number"),
                    rs.getObject("issued_on", LocalDate.class), rs.getString("issuer")));
        });
        jdbc.sql("""
                select i.establishment_id, s.number, s.decided_on, s.authority, s.fine_vnd,
                       array(select v.description from ovs_finding f join ovs_violation_type v on v.code = f.violation_code
                             where f.inspection_id = i.id order by f.id) as violations
                from ovs_sanction s join ovs_inspection i on i.id = s.inspection_id
                where i.establishment_id = any(:ids) order by s.decided_on, s.id
                """).param("ids", ids).query((java.sql.ResultSet rs) -> {
            String[] v = (String[]) rs.getArray("violations").getArray();
            byId.get(rs.getLong("establishment_id")).sanctions().add(new PublicSanction(rs.getString("number"),
                    rs.getObject("decided_on", LocalDate.class), rs.getString("authority"), rs.getLong("fine_vnd"), List.of(v)));
        });
        return base.stream().map(e -> new PublicEstablishment(e.id(), e.name(), e.kind(), e.address(), e.commune(), e.province(),
                e.status(), e.disclosure(), List.copyOf(e.acts()), List.copyOf(e.sanctions()))).toList();
    }
}
