package vn.xhht.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the fuzz tests share: the corpus of bad values, and a record of every row written to a business table,
 * so that a refused request can be shown to have changed nothing.
 *
 * <p>Rows are noted by row-level triggers into {@code fuzz_change} inside the writing transaction: a refused
 * request whose transaction rolled back leaves nothing, one that committed a partial write leaves its tables.
 * The triggers live only in the fuzz test's own database.
 */
final class FuzzSupport {
    private FuzzSupport() {
    }

    /** One bad value; {@code value == null} means "the field is left out". */
    record Bad(String label, String value) {
    }

    static final List<Bad> CORPUS = List.of(
            new Bad("empty", ""),
            new Bad("missing", null),
            new Bad("10000 chars", "x".repeat(10_000)),
            new Bad("NUL", "a\u0000b"),
            new Bad("negative", "-1"),
            new Bad("huge", "100000000000000000000"),
            new Bad("2026-02-30", "2026-02-30"),
            new Bad("1800-01-01", "1800-01-01"),
            new Bad("9999-12-31", "9999-12-31"),
            new Bad("wrong type", "abc"),
            new Bad("html", "<script>alert(1)</script>"),
            new Bad("sql", "' OR 1=1 --"));

    /**
     * Tables whose writes do not count as business data: the audit trail and read log, sessions, job locks, sign-in
     * bookkeeping, the public form's rate-limit counter, each instance's import heartbeat, the backup log, the event
     * publication registry and this test's own log.
     */
    static final Set<String> NOT_BUSINESS = Set.of("audit_event", "spring_session", "spring_session_attributes",
            "shedlock", "app_user", "flyway_schema_history", "fuzz_change", "public_submission", "login_attempt",
            "lit_import_worker", "backup_run", "app_setting", "event_publication",
            // derived by a trigger from budget_line (V195), never written by a user
            "budget_rollup",
            // which centre partner row became which border post, written once by the V210 migration, never by a user
            "border_post_origin");

    static void installChangeLog(JdbcClient jdbc) {
        jdbc.sql("create table if not exists fuzz_change(tbl text not null)").update();
        jdbc.sql("""
                create or replace function fuzz_note() returns trigger language plpgsql as $$
                begin insert into fuzz_change values (TG_TABLE_NAME); return null; end $$
                """).update();
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                 where table_schema = 'public' and table_type = 'BASE TABLE'
                """).query(String.class).list();
        for (String t : tables) {
            if (NOT_BUSINESS.contains(t) || t.startsWith("login")) {
                continue;
            }
            jdbc.sql("drop trigger if exists fuzz_note on \"" + t + "\"").update();
            jdbc.sql("create trigger fuzz_note after insert or update or delete on \"" + t
                    + "\" for each row execute function fuzz_note()").update();
        }
    }

    static void clearChanges(JdbcClient jdbc) {
        jdbc.sql("delete from fuzz_change").update();
    }

    /** The business tables written since the last clear. */
    static Set<String> changes(JdbcClient jdbc) {
        return new LinkedHashSet<>(jdbc.sql("select distinct tbl from fuzz_change").query(String.class).list());
    }

    /** A mutable list of name/value pairs, as a browser sends a form (names may repeat). */
    static final class Fields {
        final List<String[]> pairs = new ArrayList<>();

        Fields copy() {
            Fields f = new Fields();
            for (String[] p : pairs) {
                f.pairs.add(new String[] {p[0], p[1]});
            }
            return f;
        }

        void add(String name, String value) {
            pairs.add(new String[] {name, value});
        }

        /** The first occurrence set to value, or removed when value is null. */
        Fields with(String name, String value) {
            Fields f = copy();
            for (int i = 0; i < f.pairs.size(); i++) {
                if (f.pairs.get(i)[0].equals(name)) {
                    if (value == null) {
                        f.pairs.remove(i);
                    } else {
                        f.pairs.get(i)[1] = value;
                    }
                    return f;
                }
            }
            if (value != null) {
                f.add(name, value);
            }
            return f;
        }

        List<String> names() {
            List<String> names = new ArrayList<>();
            for (String[] p : pairs) {
                if (!names.contains(p[0])) {
                    names.add(p[0]);
                }
            }
            return names;
        }
    }
}
