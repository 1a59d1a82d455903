package vn.xhht.literacy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may know of a literacy class: its commune, name and dates, never its learners. The budget of a
 * centre links a spending line to a class of its commune through this (the caller checks the commune and access).
 */
@Service
@Transactional(readOnly = true)
@org.springframework.modulith.NamedInterface("api")
public class LiteracyClassLookup {

    /** A class as others see it. */
    public record ClassRef(long id, long communeId, String name, LocalDate startDate, LocalDate endDate) {
    }

    private final JdbcClient jdbc;

    LiteracyClassLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ClassRef> find(long id) {
        return jdbc.sql("select id, commune_id, name, start_date, end_date from lit_class where id = :id").param("id", id)
                .query(LiteracyClassLookup::map).optional();
    }

    /** The commune's classes running at some point of the period, newest first. */
    public List<ClassRef> ofCommune(long communeId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select id, commune_id, name, start_date, end_date from lit_class
                 where commune_id = :c and start_date <= :to and (end_date is null or end_date >= :from)
                 order by start_date desc, id desc limit 200
                """).param("c", communeId).param("from", from).param("to", to).query(LiteracyClassLookup::map).list();
    }

    private static ClassRef map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ClassRef(rs.getLong("id"), rs.getLong("commune_id"), rs.getString("name"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class));
    }
}
