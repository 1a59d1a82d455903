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
 * Loads the official lists of administrative units (GSO list of 01/03/2025, valid until 30/06/2025; the
 * list in force from 01/07/2025) and the old→new commune mapping. Runs once, inside Flyway's transaction,
 * so a failed load leaves nothing behind. The CSVs are copied from shared/data/admin-units.
 *
 * <p>Loaded with COPY into temporary tables and set-based inserts: about a second for 14,000 units.
 */
public class V2__load_admin_units extends BaseJavaMigration {

    static final String OLD = "GSO-2025-03-01";
    static final String NEW = "GSO-2025-07-01";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("create temp table stg_unit (level int, code text, name text, type text, parent_code text) on commit drop");
            st.execute("create temp table stg_new (level int, code text, name text, type text, parent_code text) on commit drop");
            st.execute("create temp table stg_map (old_code text, old_name text, new_code text, new_name text, new_province_code text, coverage text) on commit drop");
        }
        copy(c, "stg_unit", "/admin-units/units-2025-03-01.csv");
        copy(c, "stg_new", "/admin-units/units-2025-07-01.csv");
        copy(c, "stg_map", "/admin-units/commune-mapping-2025-07-01.csv");

        try (Statement st = c.createStatement()) {
            // Old structure: province (1) → district (2) → commune (3); start not recorded, ends 30/06/2025.
            for (int level = 1; level <= 3; level++) {
                st.execute("""
                    insert into org_unit (code, name, type, level, parent_id, valid_from, valid_to, source)
                    select s.code, normalize(s.name, NFC), s.type, s.level, p.id, null, date '2025-06-30', '%s'
                    from stg_unit s
                    join org_unit p on (s.level = 1 and p.level = 0)
                                    or (s.level > 1 and p.level = s.level - 1 and p.code = s.parent_code and p.source = '%s')
                    where s.level = %d
                    """.formatted(OLD, OLD, level));
            }
            // New structure: province (1) → commune (file level 2, stored as level 3), from 01/07/2025.
            st.execute("""
                insert into org_unit (code, name, type, level, parent_id, valid_from, valid_to, source)
                select s.code, normalize(s.name, NFC), s.type, 1, p.id, date '2025-07-01', null, '%s'
                from stg_new s join org_unit p on p.level = 0 where s.level = 1
                """.formatted(NEW));
            st.execute("""
                insert into org_unit (code, name, type, level, parent_id, valid_from, valid_to, source)
                select s.code, normalize(s.name, NFC), s.type, 3, p.id, date '2025-07-01', null, '%s'
                from stg_new s join org_unit p on p.level = 1 and p.source = '%s' and p.code = s.parent_code
                where s.level = 2
                """.formatted(NEW, NEW));
            for (int level = 1; level <= 3; level++) {
                st.execute("""
                    update org_unit u set path = p.path || u.id || '/',
                                          province_id = case when u.level = 1 then u.id else p.province_id end
                    from org_unit p where u.parent_id = p.id and u.level = %d
                    """.formatted(level));
            }
            expect(st, "select count(*) from org_unit where source = '" + OLD + "'", 10806);
            expect(st, "select count(*) from org_unit where source = '" + NEW + "'", 3355);

            // Old commune (or island district without communes) → new commune.
            st.execute("""
                insert into org_unit_succession (predecessor_id, successor_id, coverage, effective_on)
                select o.id, n.id, upper(m.coverage), date '2025-07-01'
                from stg_map m
                join org_unit o on o.code = m.old_code and o.source = '%s' and o.level in (2, 3)
                join org_unit n on n.code = m.new_code and n.source = '%s' and n.level = 3
                """.formatted(OLD, NEW));
            expect(st, "select count(*) from org_unit_succession", 10604);

            // Old province → new province, derived from the communes: FULL when every commune of the
            // old province went wholly into communes of that one new province.
            st.execute("""
                insert into org_unit_succession (predecessor_id, successor_id, coverage, effective_on)
                select op.id, np.id,
                       case when bool_and(s.coverage = 'FULL')
                             and count(*) = (select count(*) from org_unit_succession s2
                                                                 join org_unit o2 on o2.id = s2.predecessor_id
                                                                 where o2.province_id = op.id)
                            then 'FULL' else 'PARTIAL' end,
                       date '2025-07-01'
                from org_unit_succession s
                join org_unit o on o.id = s.predecessor_id
                join org_unit n on n.id = s.successor_id
                join org_unit op on op.id = o.province_id
                join org_unit np on np.id = n.province_id
                group by op.id, np.id
                """);
        }
    }

    private static void copy(Connection c, String table, String resource) throws SQLException, java.io.IOException {
        try (InputStream in = V2__load_admin_units.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy " + table + " from stdin with (format csv, header true, encoding 'UTF8')", r);
            }
        }
    }

    private static void expect(Statement st, String sql, long expected) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long actual = rs.getLong(1);
            if (actual != expected) {
                throw new IllegalStateException("Administrative unit load: expected " + expected + " rows, got " + actual + " for " + sql);
            }
        }
    }
}
