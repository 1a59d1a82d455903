package vn.xhht.centre;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.xhht.shared.NotFoundProblem;

/** What residents may see without login: centres by commune name, their upcoming activities, their hamlets. */
@Service
class PublicCentres {

    record PublicCentre(long id, String name, String communeName, String provinceName) {
    }

    record PublicActivity(LocalDate startDate, LocalDate endDate, String title, String type, String venue, String hamlet) {
    }

    record Hamlet(long id, String name) {
    }

    private final JdbcClient jdbc;
    private final vn.xhht.shared.VietnamClock clock;

    PublicCentres(JdbcClient jdbc, vn.xhht.shared.VietnamClock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Centres of current communes whose name matches {@code q} (accents and case ignored), at most 30. */
    List<PublicCentre> find(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return jdbc.sql("""
                select c.id, c.name, u.name as commune, p.name as province
                from centre c join xhht_unit u on u.id = c.commune_id join xhht_unit p on p.id = u.province_id
                where u.valid_to is null and u.search_name like '%' || xhht_search_key(:q) || '%'
                order by u.name limit 30
                """).param("q", q.strip()).query((rs, n) -> new PublicCentre(rs.getLong("id"), rs.getString("name"),
                rs.getString("commune"), rs.getString("province"))).list();
    }

    PublicCentre require(long id) {
        return jdbc.sql("""
                select c.id, c.name, u.name as commune, p.name as province
                from centre c join xhht_unit u on u.id = c.commune_id join xhht_unit p on p.id = u.province_id where c.id = :id
                """).param("id", id).query((rs, n) -> new PublicCentre(rs.getLong("id"), rs.getString("name"),
                rs.getString("commune"), rs.getString("province"))).optional()
                .orElseThrow(() -> new NotFoundProblem("centre.notFound", id));
    }

    /** The public schedule board (R6): activities not yet ended, soonest first. */
    List<PublicActivity> upcoming(long centreId) {
        return jdbc.sql("""
                select a.start_date, a.end_date, a.title, t.name_vi as type, a.venue, h.name as hamlet
                from activity a join activity_type t on t.code = a.type_code left join xhht_unit h on h.id = a.hamlet_id
                where a.centre_id = :c and a.end_date >= :today order by a.start_date limit 50
                """).param("c", centreId).param("today", clock.today()).query((rs, n) -> new PublicActivity(rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getString("title"), rs.getString("type"), rs.getString("venue"),
                rs.getString("hamlet"))).list();
    }

    /** The current hamlets of the centre's commune. */
    List<Hamlet> hamlets(long centreId) {
        return jdbc.sql("""
                select h.id, h.name from xhht_unit h join centre c on c.commune_id = h.parent_id
                where c.id = :c and h.level = 4 and h.valid_to is null order by h.name
                """).param("c", centreId).query((rs, n) -> new Hamlet(rs.getLong("id"), rs.getString("name"))).list();
    }

    /** The caller's address, hashed: enough to count submissions, not kept as personal data. */
    static String clientKey(HttpServletRequest request) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("xhht:" + vn.xhht.platform.ClientAddress.of(request)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
