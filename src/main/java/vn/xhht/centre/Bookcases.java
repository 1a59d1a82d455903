package vn.xhht.centre;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.CurrentUser;

/**
 * The community libraries and bookcases of the centres under a unit, read by other modules (the office's
 * reading-culture view, R46) without naming the centre's book tables.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class Bookcases {

    /** One centre's bookcase: titles, copies and loans started in each month of the year asked. */
    public record Shelf(long centreId, String centreName, String communeName, long titles, long copies, Map<YearMonth, Long> loansByMonth,
                        long loansInYear, long onLoanNow) {
    }

    /** Reading-culture activities and Book Day campaign activities under a unit in a period. */
    public record ReadingActivities(long readingActivities, long readingParticipations, long bookDayActivities, long bookDayParticipations) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;

    Bookcases(JdbcClient jdbc, OrgUnitDirectory units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** How many centres the unit's read scope has (those without books are not listed by {@link #shelves}). */
    public long centres(CurrentUser user, long unitId) {
        units.requireReadable(user, unitId);
        return jdbc.sql("select count(*) from centre c where c.commune_id in (select id from xhht_read_scope(:unit))")
                .param("unit", unitId).query(Long.class).single();
    }

    /** The centres of the unit's read scope that have books, with titles, copies, loans by month of the year and on loan now. */
    public List<Shelf> shelves(CurrentUser user, long unitId, int year) {
        units.requireReadable(user, unitId);
        Map<Long, Map<YearMonth, Long>> loans = new LinkedHashMap<>();
        jdbc.sql("""
                select b.centre_id, extract(month from l.out_on)::int as m, count(*) as n
                from book_loan l join book b on b.id = l.book_id join centre c on c.id = b.centre_id
                where c.commune_id in (select id from xhht_read_scope(:unit)) and extract(year from l.out_on) = :year
                group by 1, 2
                """).param("unit", unitId).param("year", year).query((java.sql.ResultSet rs) -> {
            loans.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(YearMonth.of(year, rs.getInt(2)), rs.getLong(3));
        });
        List<Shelf> out = new ArrayList<>();
        jdbc.sql("""
                select c.id, c.name, u.name as commune, count(b.id) as titles, coalesce(sum(b.copies), 0) as copies,
                       coalesce(sum((select count(*) from book_loan l where l.book_id = b.id and l.back_on is null)), 0) as out_now
                from centre c join xhht_unit u on u.id = c.commune_id join book b on b.centre_id = c.id
                where c.commune_id in (select id from xhht_read_scope(:unit))
                group by c.id, c.name, u.name order by u.name, c.name limit 2000
                """).param("unit", unitId).query((java.sql.ResultSet rs) -> {
            Map<YearMonth, Long> m = loans.getOrDefault(rs.getLong("id"), Map.of());
            out.add(new Shelf(rs.getLong("id"), rs.getString("name"), rs.getString("commune"), rs.getLong("titles"), rs.getLong("copies"), m,
                    m.values().stream().mapToLong(Long::longValue).sum(), rs.getLong("out_now")));
        });
        return out;
    }

    /** Activities on the reading-culture topic and activities of Book Day campaigns, held in [from, to], roll-up scope. */
    public ReadingActivities readingActivities(long unitId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select count(*) filter (where a.topic_code = 'READING_CULTURE') as ra,
                       coalesce(sum(a.participations) filter (where a.topic_code = 'READING_CULTURE'), 0) as rp,
                       count(*) filter (where k.kind = 'BOOK_DAY') as ba,
                       coalesce(sum(a.participations) filter (where k.kind = 'BOOK_DAY'), 0) as bp
                from activity a join centre c on c.id = a.centre_id left join campaign k on k.id = a.campaign_id
                where c.commune_id in (select id from xhht_rollup_scope(:unit)) and a.start_date between :from and :to
                """).param("unit", unitId).param("from", from).param("to", to)
                .query((rs, n) -> new ReadingActivities(rs.getLong("ra"), rs.getLong("rp"), rs.getLong("ba"), rs.getLong("bp"))).single();
    }
}
