package vn.xhht.calendar;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The calendar tables. A year is generated from the law the first time it is asked for. */
@Repository
class CalendarStore {
    private final JdbcClient jdbc;
    private final CalendarProperties properties;

    CalendarStore(JdbcClient jdbc, CalendarProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Transactional
    public List<CalendarDay> year(int year) {
        ensureYear(year);
        return jdbc.sql("""
                        select id, day, kind, name, legal_basis, provisional, version from calendar_day
                        where day >= :from and day < :to order by day
                        """)
                .param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("to", Date.valueOf(LocalDate.of(year + 1, 1, 1)))
                .query((rs, i) -> new CalendarDay(rs.getLong("id"), rs.getDate("day").toLocalDate(),
                        DayKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("legal_basis"),
                        rs.getBoolean("provisional"), rs.getInt("version")))
                .list();
    }

    Optional<CalendarDay> find(long id) {
        return jdbc.sql("select id, day, kind, name, legal_basis, provisional, version from calendar_day where id = :id")
                .param("id", id)
                .query((rs, i) -> new CalendarDay(rs.getLong("id"), rs.getDate("day").toLocalDate(),
                        DayKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("legal_basis"),
                        rs.getBoolean("provisional"), rs.getInt("version")))
                .optional();
    }

    /** An official notice a year of the calendar was checked against (V111). */
    public record Notice(int year, String number, LocalDate issuedOn, String issuer, String subject, String certainty, String sourceNote,
                  long days) {
    }

    /**
     * How a year stands: ENTERED or GENERATED, its days still provisional, and the notices its days were checked
     * against. A year is confirmed when it has notices and no provisional day.
     */
    public record YearStatus(int year, String source, long provisionalDays, List<Notice> notices) {
        public boolean confirmed() {
            return provisionalDays == 0 && !notices.isEmpty();
        }
    }

    List<YearStatus> yearStatuses() {
        List<Notice> notices = jdbc.sql("""
                select n.*, (select count(*) from calendar_day d where d.notice_id = n.id) as days
                from calendar_notice n order by n.year, n.issued_on""")
                .query((rs, i) -> new Notice(rs.getInt("year"), rs.getString("number"), rs.getObject("issued_on", LocalDate.class),
                        rs.getString("issuer"), rs.getString("subject"), rs.getString("certainty"), rs.getString("source_note"),
                        rs.getLong("days"))).list();
        return jdbc.sql("""
                select y.year, y.source, (select count(*) from calendar_day d where d.provisional
                                          and d.day >= make_date(y.year, 1, 1) and d.day < make_date(y.year + 1, 1, 1)) as provisional
                from calendar_year y order by y.year""")
                .query((rs, i) -> {
                    int year = rs.getInt(1);
                    return new YearStatus(year, rs.getString(2), rs.getLong(3), notices.stream().filter(n -> n.year() == year).toList());
                }).list();
    }

    boolean yearExists(int year) {
        return jdbc.sql("select count(*) from calendar_year where year = :y").param("y", year).query(Long.class).single() > 0;
    }

    /** Generates the year from the law unless it exists; safe when two instances do it at once. */
    void ensureYear(int year) {
        if (year < WorkingDays.FIRST_YEAR || year > WorkingDays.LAST_YEAR) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (yearExists(year)) {
            return;
        }
        int inserted = jdbc.sql("insert into calendar_year (year, source) values (:y, 'GENERATED') on conflict do nothing")
                .param("y", year).update();
        if (inserted == 0) {
            return;
        }
        List<CalendarDay> days = new ArrayList<>(StatutoryCalendar.generate(year, properties.cultureDayCompensated()));
        for (CalendarDay d : days) {
            jdbc.sql("""
                            insert into calendar_day (day, kind, name, legal_basis, provisional, updated_by)
                            values (:day, :kind, :name, :basis, true, 'system') on conflict (day) do nothing
                            """)
                    .param("day", Date.valueOf(d.date())).param("kind", d.kind().name())
                    .param("name", d.name()).param("basis", d.legalBasis())
                    .update();
        }
    }
}
