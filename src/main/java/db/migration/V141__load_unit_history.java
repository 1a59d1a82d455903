package db.migration;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;

/**
 * Loads the structure of every date from 01/01/2019 to the list of 01/03/2025: each earlier version of a province,
 * district and commune (code, name, type, parent) with its validity, the real start date of the March-2025 units,
 * and the successor links between versions. The files are built by tools/admin-units-history/build.py from the
 * statistics office's dated snapshots; src/main/resources/admin-units/README.md states sources and licences.
 *
 * <p>A version's parent is the parent's version in force on the version's last day: the build gives a child a new
 * version whenever its parent gets one, so one parent holds for the whole period.
 */
public class V141__load_unit_history extends BaseJavaMigration {

    static final String MARCH_2025 = "GSO-2025-03-01";
    static final String HISTORY = "GSO-2019-2025";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("""
                create temp table stg_hist (level int, code text, name text, type text, parent_code text,
                    valid_from date, valid_to date, snapshot text, resolution text) on commit drop""");
            st.execute("""
                create temp table stg_hsucc (level int, code text, valid_to date, successor_code text,
                    successor_valid_from date, basis text, certainty text, resolution text) on commit drop""");
        }
        copy(c, "stg_hist", "/admin-units/history-2019-2025.csv");
        copy(c, "stg_hsucc", "/admin-units/history-successions-2019-2025.csv");

        try (Statement st = c.createStatement()) {
            // The March-2025 units: the version still open at the end of the history is theirs; it gives the start.
            expect(st, """
                select count(*) from stg_hist s where s.valid_to is null and not exists (
                  select 1 from org_unit u where u.source = '%s' and u.code = s.code and u.level = s.level)""".formatted(MARCH_2025), 0);
            st.execute("""
                update org_unit u set valid_from = s.valid_from, legal_basis = nullif(s.resolution, '')
                from stg_hist s
                where u.source = '%s' and u.code = s.code and u.level = s.level and s.valid_to is null and s.valid_from is not null
                """.formatted(MARCH_2025));

            for (int level = 1; level <= 3; level++) {
                st.execute("""
                    insert into org_unit (code, name, type, level, parent_id, valid_from, valid_to, legal_basis, source)
                    select s.code, normalize(s.name, NFC), s.type, s.level, p.id, s.valid_from, s.valid_to,
                           nullif(s.resolution, ''), '%1$s'
                    from stg_hist s
                    join org_unit p on (s.level = 1 and p.level = 0)
                                    or (s.level > 1 and p.level = s.level - 1 and p.code = s.parent_code
                                        and p.source in ('%1$s', '%2$s')
                                        and (p.valid_from is null or p.valid_from <= s.valid_to)
                                        and p.valid_to >= s.valid_to)
                    where s.level = %3$d and s.valid_to is not null
                    """.formatted(HISTORY, MARCH_2025, level));
                st.execute("""
                    update org_unit u set path = p.path || u.id || '/',
                                          province_id = case when u.level = 1 then u.id else p.province_id end
                    from org_unit p where u.parent_id = p.id and u.level = %d and u.source = '%s'
                    """.formatted(level, HISTORY));
            }
            st.execute("""
                update org_unit u set end_basis = nullif(s.resolution, '')
                from stg_hsucc s where u.source = '%s' and u.level = s.level and u.code = s.code and u.valid_to = s.valid_to
                """.formatted(HISTORY));
            // every closed version found its parent, exactly once
            expect(st, "select count(*) from stg_hist where valid_to is not null", count(st, "select count(*) from org_unit where source = '" + HISTORY + "'"));

            st.execute("""
                insert into org_unit_succession (predecessor_id, successor_id, coverage, effective_on, basis, certainty)
                select o.id, n.id, 'FULL', s.valid_to + 1, s.basis, s.certainty
                from stg_hsucc s
                join org_unit o on o.source = '%1$s' and o.level = s.level and o.code = s.code and o.valid_to = s.valid_to
                join org_unit n on n.level = s.level and n.code = s.successor_code and n.source in ('%1$s', '%2$s')
                               and n.valid_from is not distinct from s.successor_valid_from
                where s.basis <> 'UNKNOWN'
                """.formatted(HISTORY, MARCH_2025));
            expect(st, "select count(*) from stg_hsucc where basis <> 'UNKNOWN'",
                    count(st, "select count(*) from org_unit_succession where basis in ('CODE', 'ALIAS', 'DERIVED')"));

            // A district (or province) that vanished: its communes went to the successors' parents; FULL when all of
            // them went to one.
            st.execute("""
                insert into org_unit_succession (predecessor_id, successor_id, coverage, effective_on, basis, certainty)
                select d.id, np.id, case when count(*) over (partition by d.id) = 1 then 'FULL' else 'PARTIAL' end,
                       d.valid_to + 1, 'DERIVED', 'SECONDARY'
                from org_unit d
                join org_unit c on c.parent_id = d.id
                join org_unit_succession s on s.predecessor_id = c.id
                join org_unit n on n.id = s.successor_id
                join org_unit np on np.id = n.parent_id
                where d.source = '%s' and d.level in (1, 2)
                  and not exists (select 1 from org_unit_succession x where x.predecessor_id = d.id)
                group by d.id, np.id, d.valid_to
                """.formatted(HISTORY));
        }
    }

    private static void copy(Connection c, String table, String resource) throws SQLException, java.io.IOException {
        try (InputStream in = V141__load_unit_history.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy " + table + " from stdin with (format csv, header true, encoding 'UTF8')", r);
            }
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void expect(Statement st, String sql, long expected) throws SQLException {
        long actual = count(st, sql);
        if (actual != expected) {
            throw new IllegalStateException("Unit history load: expected " + expected + " rows, got " + actual + " for " + sql);
        }
    }
}
