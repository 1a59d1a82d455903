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

import vn.xhht.evidence.EvidenceFile;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.VietnamClock;

/**
 * What residents may see without login (the public portal, issue 16): centres by commune name, their address,
 * hours, board (names and roles only), activities with photos, clubs, books to borrow, hamlets. Never a resident's
 * phone, age or name: club members and borrowers are counted, not listed.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class PublicCentres {

    public record PublicCentre(long id, String name, long communeId, String communeName, long provinceId, String provinceName,
                               String address, String phone, String email, String openingHours) {
    }

    /** One activity as residents see it; {@code photoIds} are image files of the activity (public thumbnails). */
    public record PublicActivity(long id, long centreId, String centreName, LocalDate startDate, LocalDate endDate, String title,
                                 String type, String venue, String hamlet, List<Long> photoIds) {
    }

    public record Hamlet(long id, String name) {
    }

    public record Province(long id, String name) {
    }

    /** A board member: name and position code only (record.position.*). */
    public record BoardMember(String fullName, String position) {
    }

    public record Club(String name, String field, String howToJoin, int members) {
    }

    public record Book(String title, String author, int available) {
    }

    private final JdbcClient jdbc;
    private final VietnamClock clock;
    private final EvidenceStore evidence;

    PublicCentres(JdbcClient jdbc, VietnamClock clock, EvidenceStore evidence) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.evidence = evidence;
    }

    private static final String CENTRE = """
            select c.id, c.name, u.id as commune_id, u.name as commune, p.id as province_id, p.name as province, c.address, c.phone,
                   c.email, c.opening_hours
            from centre c join xhht_unit u on u.id = c.commune_id join xhht_unit p on p.id = u.province_id
            """;

    private static PublicCentre centre(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PublicCentre(rs.getLong("id"), rs.getString("name"), rs.getLong("commune_id"), rs.getString("commune"),
                rs.getLong("province_id"), rs.getString("province"), rs.getString("address"), rs.getString("phone"),
                rs.getString("email"), rs.getString("opening_hours"));
    }

    /** Centres of current communes whose name matches {@code q} (accents and case ignored), at most 30. */
    public List<PublicCentre> find(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return jdbc.sql(CENTRE + """
                where u.valid_to is null and u.search_name like '%' || xhht_search_key(:q) || '%'
                order by u.name limit 30
                """).param("q", q.strip()).query(PublicCentres::centre).list();
    }

    /** The centres of the current communes of one province, by commune name (the province → commune choice). */
    public List<PublicCentre> inProvince(long provinceId) {
        return jdbc.sql(CENTRE + " where u.valid_to is null and u.province_id = :p order by u.name limit 500")
                .param("p", provinceId).query(PublicCentres::centre).list();
    }

    /** Provinces that have at least one centre in a current commune. */
    public List<Province> provinces() {
        return jdbc.sql("""
                select p.id, p.name from xhht_unit p where p.level = 1 and p.valid_to is null
                  and exists (select 1 from centre c join xhht_unit u on u.id = c.commune_id where u.province_id = p.id and u.valid_to is null)
                order by p.name
                """).query((rs, n) -> new Province(rs.getLong(1), rs.getString(2))).list();
    }

    public PublicCentre require(long id) {
        return jdbc.sql(CENTRE + " where c.id = :id").param("id", id).query(PublicCentres::centre).optional()
                .orElseThrow(() -> new NotFoundProblem("centre.notFound", id));
    }

    /** The public schedule board (R6): activities not yet ended, soonest first. */
    public List<PublicActivity> upcoming(long centreId) {
        return activities("a.centre_id = :c and a.end_date >= :today order by a.start_date, a.id limit 50", centreId, clock.today());
    }

    /** What happened in the last 90 days, latest first, with photos. */
    public List<PublicActivity> recent(long centreId) {
        return activities("a.centre_id = :c and a.end_date < :today and a.start_date >= cast(:today as date) - 90 "
                + "order by a.start_date desc, a.id desc limit 12", centreId, clock.today());
    }

    /** Activities of every centre of a province that touch the week from {@code monday} (Monday to Sunday). */
    public List<PublicActivity> week(long provinceId, LocalDate monday) {
        return jdbc.sql(ACTIVITY + """
                where a.centre_id in (select c.id from centre c join xhht_unit u on u.id = c.commune_id where u.province_id = :p)
                  and a.start_date <= :to and a.end_date >= :from order by a.start_date, cc.name, a.id limit 40
                """).param("p", provinceId).param("from", monday).param("to", monday.plusDays(6))
                .query(this::activity).list();
    }

    private static final String ACTIVITY = """
            select a.id, a.centre_id, cc.name as centre_name, a.start_date, a.end_date, a.title, t.name_vi as type, a.venue, h.name as hamlet
            from activity a join centre cc on cc.id = a.centre_id join activity_type t on t.code = a.type_code
            left join xhht_unit h on h.id = a.hamlet_id
            """;

    private List<PublicActivity> activities(String where, long centreId, LocalDate today) {
        return jdbc.sql(ACTIVITY + " where " + where).param("c", centreId).param("today", today).query(this::activity).list();
    }

    private PublicActivity activity(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long id = rs.getLong("id");
        return new PublicActivity(id, rs.getLong("centre_id"), rs.getString("centre_name"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getString("title"), rs.getString("type"), rs.getString("venue"),
                rs.getString("hamlet"), List.of());
    }

    /** The same activities with their photos (one look-up per activity: lists are short). */
    public List<PublicActivity> withPhotos(List<PublicActivity> list) {
        return list.stream().map(a -> new PublicActivity(a.id(), a.centreId(), a.centreName(), a.startDate(), a.endDate(), a.title(),
                a.type(), a.venue(), a.hamlet(), evidence.list(ActivityService.EVIDENCE_OWNER, a.id()).stream()
                .filter(EvidenceFile::isImage).map(EvidenceFile::id).limit(4).toList())).toList();
    }

    /** Whether {@code fileId} is a photo of an activity: only those are served without login. */
    public boolean isActivityPhoto(long fileId) {
        return evidence.image(ActivityService.EVIDENCE_OWNER, fileId).isPresent();
    }

    /** The current board: names and positions, nothing else (no allowance, no main post, no phone). */
    public List<BoardMember> board(long centreId) {
        return jdbc.sql("""
                select full_name, position from board_member where centre_id = :c and term_start <= :today
                  and (term_end is null or term_end >= :today)
                order by case position when 'DIRECTOR' then 0 when 'DEPUTY' then 1 when 'ACCOUNTANT' then 2 when 'TREASURER' then 3 else 4 end, full_name
                """).param("c", centreId).param("today", clock.today())
                .query((rs, n) -> new BoardMember(rs.getString(1), rs.getString(2))).list();
    }

    /** Clubs with the number of current members (members themselves are residents: not listed). */
    public List<Club> clubs(long centreId) {
        return jdbc.sql("""
                select k.name, k.field, k.how_to_join,
                       (select count(*) from club_member m where m.club_id = k.id and (m.left_on is null or m.left_on > :today)) as members
                from club k where k.centre_id = :c order by k.name
                """).param("c", centreId).param("today", clock.today())
                .query((rs, n) -> new Club(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    /** Titles of the bookcase with copies on the shelf now (borrowers are not shown). */
    public List<Book> books(long centreId) {
        return jdbc.sql("""
                select b.title, b.author, b.copies - (select count(*) from book_loan l where l.book_id = b.id and l.back_on is null) as available
                from book b where b.centre_id = :c order by b.title limit 200
                """).param("c", centreId).query((rs, n) -> new Book(rs.getString(1), rs.getString(2), Math.max(0, rs.getInt(3)))).list();
    }

    /** Ids of every centre, for the sitemap. */
    public List<Long> allIds() {
        return jdbc.sql("select c.id from centre c join xhht_unit u on u.id = c.commune_id where u.valid_to is null order by c.id")
                .query(Long.class).list();
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
