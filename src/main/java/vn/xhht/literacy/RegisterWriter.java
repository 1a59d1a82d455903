package vn.xhht.literacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import vn.xhht.orgunit.OrgUnit;

/**
 * Writing checked rows into the register (the write step of an import), on the import's own connection and
 * transaction: rows are copied with PostgreSQL COPY into the register directly when none of the communes in scope has
 * a person yet, otherwise into a temporary table that one set-based merge then applies (a person is matched by
 * (commune, code), unchanged rows are not touched).
 */
final class RegisterWriter {

    private final Connection con;
    private final boolean direct;
    private final long id;
    private final long roundId;
    private final CopyWriter copy;
    private final String tail;

    private RegisterWriter(Connection con, boolean direct, long id, long roundId) throws SQLException {
        this.con = con;
        this.direct = direct;
        this.id = id;
        this.roundId = roundId;
        String target = direct ? "lit_person" : "lit_stage";
        this.copy = new CopyWriter(con.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                copy %s (commune_id, province_id, hamlet_id, household_code, code, full_name, sex, birth_date, birth_year,
                         birth_key, ethnicity, disability, priority_group, resident_status, moved_in_date, left_date, in_school,
                         current_grade, highest_grade, primary_year, lsec_year, literacy_status, literacy_basis%s) from stdin
                """.formatted(target, direct ? ", round_id, import_id" : "")));
        this.tail = direct ? roundId + "\t" + id + "\n" : "\n";
    }

    /** Starts the COPY of import {@code id} into the unit's register (or into the stage table). */
    static RegisterWriter open(Connection con, OrgUnit unit, long id, long roundId) throws SQLException {
        boolean direct = registerEmpty(con, unit);
        try (var st = con.createStatement()) {
            st.execute("set local synchronous_commit = off");
            if (!direct) {
                st.execute("""
                        create temp table lit_stage on commit drop as
                        select commune_id, province_id, hamlet_id, household_code, code, full_name, sex, birth_date, birth_year,
                               birth_key, ethnicity, disability, priority_group, resident_status, moved_in_date, left_date, in_school,
                               current_grade, highest_grade, primary_year, lsec_year, literacy_status, literacy_basis
                        from lit_person with no data""");
            }
        }
        return new RegisterWriter(con, direct, id, roundId);
    }

    /** Whether the rows go straight into the register (first load) rather than through the merge. */
    boolean direct() {
        return direct;
    }

    void person(RegisterLayout.PersonRow p) {
        copy.person(p, tail);
    }

    /** Stops the COPY (a refused file); the caller rolls the transaction back. */
    void cancel() throws SQLException {
        copy.cancel();
    }

    /** Ends the COPY of the persons. */
    void end() throws SQLException {
        copy.end();
    }

    /** Writes the households and, for a merge, applies the staged persons; returns {inserted, updated} persons. */
    int[] apply(Map<String, RegisterRowCheck.Household> households, int rows) throws SQLException {
        return direct ? insertHouseholds(con, households, true, id, roundId, rows) : merge(con, households, id, roundId);
    }

    private static boolean registerEmpty(Connection con, OrgUnit unit) throws SQLException {
        String sql = switch (unit.level()) {
            case OrgUnit.NATION -> "select not exists (select 1 from lit_person)";
            case OrgUnit.PROVINCE -> "select not exists (select 1 from lit_person p join xhht_unit c on c.id = p.commune_id where c.level = 3 and c.province_id = "
                    + unit.id() + ")";
            case OrgUnit.COMMUNE -> "select not exists (select 1 from lit_person where commune_id = " + unit.id() + ")";
            default -> "select not exists (select 1 from lit_person p where p.commune_id in (select id from xhht_unit_subtree("
                    + unit.id() + ")))";
        };
        try (var st = con.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Households: straight into the register (first import) or into a temporary table merged afterwards. */
    private static int[] insertHouseholds(Connection con, Map<String, RegisterRowCheck.Household> households, boolean direct, long id,
                                          long roundId, int rows) throws SQLException {
        CopyWriter copy = new CopyWriter(con.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "copy " + (direct ? "lit_household" : "lit_stage_household") + " (commune_id, province_id, hamlet_id, code, head_name, address) from stdin"));
        for (RegisterRowCheck.Household h : households.values()) {
            copy.household(h);
        }
        copy.end();
        return new int[]{rows, 0};
    }

    /** One set-based merge of the staged rows; returns {inserted, updated} persons. */
    private static int[] merge(Connection con, Map<String, RegisterRowCheck.Household> households, long id, long roundId) throws SQLException {
        try (var st = con.createStatement()) {
            st.execute("create temp table lit_stage_household on commit drop as select commune_id, province_id, hamlet_id, code, head_name, address from lit_household with no data");
        }
        insertHouseholds(con, households, false, id, roundId, 0);
        households.clear();
        String changed = """
                (p.hamlet_id, p.household_code, p.full_name, p.sex, p.birth_date, p.birth_year, p.ethnicity, p.disability,
                 p.priority_group, p.resident_status, p.moved_in_date, p.left_date, p.in_school, p.current_grade, p.highest_grade,
                 p.primary_year, p.lsec_year, p.literacy_status, p.literacy_basis)
                is distinct from
                (s.hamlet_id, s.household_code, s.full_name, s.sex, s.birth_date, s.birth_year, s.ethnicity, s.disability,
                 s.priority_group, s.resident_status, s.moved_in_date, s.left_date, s.in_school, s.current_grade, s.highest_grade,
                 s.primary_year, s.lsec_year, s.literacy_status, s.literacy_basis)""";
        int[] result = new int[2];
        try (var st = con.createStatement()) {
            st.execute("""
                    insert into lit_household as h (commune_id, province_id, hamlet_id, code, head_name, address)
                    select commune_id, province_id, hamlet_id, code, head_name, address from lit_stage_household
                    on conflict (commune_id, code) do update set hamlet_id = excluded.hamlet_id, head_name = excluded.head_name,
                        address = excluded.address, version = h.version + 1, updated_at = now()
                    where (h.hamlet_id, h.head_name, h.address) is distinct from (excluded.hamlet_id, excluded.head_name, excluded.address)
                    """);
            // the history of status changes, with the round the survey came from
            st.execute("""
                    insert into lit_person_change (person_id, round_id, import_id, field, old_value, new_value, changed_by)
                    select p.id, %d, %d, f.field, f.old_value, f.new_value, (select username from lit_import where id = %d)
                    from lit_stage s join lit_person p on p.commune_id = s.commune_id and p.code = s.code
                    cross join lateral (values ('residentStatus', p.resident_status, s.resident_status),
                                               ('literacyStatus', p.literacy_status, s.literacy_status)) f(field, old_value, new_value)
                    where f.old_value is distinct from f.new_value
                    """.formatted(roundId, id, id));
            try (var rs = st.executeQuery("""
                    with up as (
                        insert into lit_person as p (commune_id, province_id, hamlet_id, household_code, code, full_name, sex, birth_date,
                               birth_year, birth_key, ethnicity, disability, priority_group, resident_status, moved_in_date, left_date,
                               in_school, current_grade, highest_grade, primary_year, lsec_year, literacy_status, literacy_basis,
                               round_id, import_id)
                        select s.*, %d, %d from lit_stage s
                        on conflict (commune_id, code) do update set hamlet_id = excluded.hamlet_id, province_id = excluded.province_id,
                               household_code = excluded.household_code, full_name = excluded.full_name, sex = excluded.sex,
                               birth_date = excluded.birth_date, birth_year = excluded.birth_year, birth_key = excluded.birth_key,
                               ethnicity = excluded.ethnicity, disability = excluded.disability, priority_group = excluded.priority_group,
                               resident_status = excluded.resident_status, moved_in_date = excluded.moved_in_date,
                               left_date = excluded.left_date, in_school = excluded.in_school, current_grade = excluded.current_grade,
                               highest_grade = excluded.highest_grade, primary_year = excluded.primary_year, lsec_year = excluded.lsec_year,
                               literacy_status = excluded.literacy_status, literacy_basis = excluded.literacy_basis,
                               round_id = excluded.round_id, import_id = excluded.import_id, version = p.version + 1, updated_at = now()
                        where %s
                        returning (xmax = 0) as inserted
                    )
                    select count(*) filter (where inserted), count(*) filter (where not inserted) from up
                    """.formatted(roundId, id, changed.replace("s.", "excluded.")))) {
                rs.next();
                result[0] = rs.getInt(1);
                result[1] = rs.getInt(2);
            }
        }
        return result;
    }

    /** Buffers COPY text rows and hands them to the server in 256 KiB chunks. */
    private static final class CopyWriter {
        private final CopyIn copy;
        private final StringBuilder sb = new StringBuilder(1 << 18);

        CopyWriter(CopyIn copy) {
            this.copy = copy;
        }

        void person(RegisterLayout.PersonRow p, String tail) {
            sb.append(p.communeId()).append('\t').append(p.provinceId()).append('\t').append(p.hamletId()).append('\t');
            text(p.householdCode()).append('\t');
            text(p.code()).append('\t');
            text(p.fullName()).append('\t').append(p.sex()).append('\t');
            val(p.birthDate()).append('\t').append(p.birthYear()).append('\t').append(p.birthKey()).append('\t')
                    .append(p.ethnicity()).append('\t').append(p.disability() ? 't' : 'f').append('\t');
            val(p.priorityGroup()).append('\t').append(p.residentStatus()).append('\t');
            val(p.movedIn()).append('\t');
            val(p.left()).append('\t').append(p.currentGrade() != null ? 't' : 'f').append('\t');
            val(p.currentGrade()).append('\t').append(p.highestGrade()).append('\t');
            val(p.primaryYear()).append('\t');
            val(p.lsecYear()).append('\t');
            val(p.literacyStatus()).append('\t');
            val(p.literacyBasis());
            sb.append(tail.equals("\n") ? "\n" : "\t" + tail);
            if (sb.length() > (1 << 18) - 2048) {
                flush();
            }
        }

        void household(RegisterRowCheck.Household h) {
            sb.append(h.communeId()).append('\t').append(h.provinceId()).append('\t').append(h.hamletId()).append('\t');
            text(h.code()).append('\t');
            text(h.head().isEmpty() ? null : h.head()).append('\t');
            text(h.address().isEmpty() ? null : h.address()).append('\n');
            if (sb.length() > (1 << 18) - 2048) {
                flush();
            }
        }

        private StringBuilder val(Object v) {
            return v == null ? sb.append("\\N") : sb.append(v);
        }

        private StringBuilder text(String s) {
            if (s == null) {
                return sb.append("\\N");
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(c);
                }
            }
            return sb;
        }

        private void flush() {
            if (sb.isEmpty()) {
                return;
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            sb.setLength(0);
        }

        void end() throws SQLException {
            flush();
            copy.endCopy();
        }

        void cancel() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
