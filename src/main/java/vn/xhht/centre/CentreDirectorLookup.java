package vn.xhht.centre;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xhht.shared.CentreDirectors;

/** The board member whose term as director covers the date (the latest appointed when terms overlap). */
@Component
class CentreDirectorLookup implements CentreDirectors {

    private final JdbcClient jdbc;

    CentreDirectorLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> directorOf(long communeId, LocalDate on) {
        return jdbc.sql("""
                select b.full_name from board_member b join centre c on c.id = b.centre_id
                where c.commune_id = :u and b.position = 'DIRECTOR' and b.term_start <= :d and (b.term_end is null or b.term_end >= :d)
                order by b.term_start desc limit 1
                """).param("u", communeId).param("d", on).query(String.class).optional();
    }
}
