package vn.xhht.literacy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.xhht.orgunit.OrgUnit;

/** The small reads behind the literacy pages (hamlet choices, a person by code, plan targets), kept out of the controllers. */
@Service
class LiteracyLookups {

    /** A plan target line: band, target %, actual %. */
    public record TargetLine(String band, BigDecimal target, BigDecimal actual, boolean reached) {
    }

    private final JdbcClient jdbc;

    LiteracyLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The commune's open hamlets as id → name, by name. */
    List<Map.Entry<Long, String>> hamletsById(long communeId) {
        return jdbc.sql("select id, name from xhht_unit where parent_id = :c and level = 4 and valid_to is null order by name")
                .param("c", communeId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
    }

    /** The commune's open hamlets as code → name, by name. */
    List<Map.Entry<String, String>> hamletsByCode(long communeId) {
        return jdbc.sql("select code, name from xhht_unit where parent_id = :c and level = 4 and valid_to is null order by name")
                .param("c", communeId).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list();
    }

    /** Open hamlets of the open communes under a unit: commune code, hamlet code, hamlet name. */
    List<String[]> hamletsBelow(long unitId, int limit) {
        return jdbc.sql("""
                select c.code, h.code, h.name from xhht_unit h join xhht_unit c on c.id = h.parent_id
                where h.level = 4 and h.valid_to is null and c.valid_to is null and
                """ + below("c") + " order by c.code, h.code limit :n")
                .param("u", unitId).param("n", limit).query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    }

    /** Open hamlets under a unit for a sample register: commune code, hamlet code (at most 500). */
    List<String[]> sampleHamlets(long unitId) {
        return jdbc.sql("""
                select c.code, h.code from xhht_unit h join xhht_unit c on c.id = h.parent_id
                where h.level = 4 and h.valid_to is null and
                """ + below("c") + " order by h.code limit 500")
                .param("u", unitId).query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).list();
    }

    /** The unit scope of these reads in one place (own subtree), so it can be swapped for orgunit's scope function. */
    private static String below(String alias) {
        return alias + ".id in (select id from xhht_unit_subtree(:u))";
    }

    Optional<Long> personId(long communeId, String code) {
        return jdbc.sql("select id from lit_person where commune_id = :c and code = :code").param("c", communeId)
                .param("code", code == null ? "" : code.strip()).query(Long.class).optional();
    }
}
