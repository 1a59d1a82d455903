package vn.xhht.literacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xhht.orgunit.OrgUnit;

/**
 * Checking the rows of a register file (the validate step of an import): the header against the layout, each row
 * against the layout and the unit's communes and hamlets, person codes unique in a commune, a household in one hamlet.
 * Every error is counted (the first {@link #MAX_ERRORS_KEPT} kept with line and field); once a row failed no row is
 * handed on to be written.
 */
@Component
class RegisterRowCheck {

    static final int MAX_ERRORS_KEPT = 5000;

    /** A household as the file gives it (with the line it first appears on, for messages). */
    record Household(long communeId, long provinceId, long hamletId, String code, String head, String address, int line) {
    }

    private final JdbcClient jdbc;

    RegisterRowCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Communes (valid today) in the subtree of the unit with their open hamlets, by code and by name. */
    RegisterLayout.Hamlets scope(OrgUnit unit, LocalDate today) {
        Map<String, Long> communes = new HashMap<>();
        Map<String, RegisterLayout.Hamlet> hamlets = new HashMap<>();
        jdbc.sql("""
                select c.id as commune_id, c.code as commune_code, c.province_id, h.id as hamlet_id, h.code as hamlet_code, h.name as hamlet_name
                from xhht_unit c left join xhht_unit h on h.parent_id = c.id and h.level = 4
                     and (h.valid_from is null or h.valid_from <= :d) and (h.valid_to is null or h.valid_to >= :d)
                where c.level = 3 and c.id in (select id from xhht_unit_subtree(:u))
                  and (c.valid_from is null or c.valid_from <= :d) and (c.valid_to is null or c.valid_to >= :d)
                """).param("u", unit.id()).param("d", today).query((java.sql.ResultSet rs) -> {
            long communeId = rs.getLong("commune_id");
            communes.put(rs.getString("commune_code"), communeId);
            long hamletId = rs.getLong("hamlet_id");
            if (!rs.wasNull()) {
                RegisterLayout.Hamlet h = new RegisterLayout.Hamlet(hamletId, communeId, rs.getLong("province_id"));
                hamlets.put(communeId + "|" + Codes.key(rs.getString("hamlet_code")), h);
                hamlets.putIfAbsent(communeId + "|" + Codes.key(rs.getString("hamlet_name")), h);
            }
        });
        return new RegisterLayout.Hamlets() {
            @Override
            public Long communeId(String code) {
                return communes.get(code);
            }

            @Override
            public RegisterLayout.Hamlet find(long communeId, String cell) {
                return hamlets.get(communeId + "|" + Codes.key(cell));
            }
        };
    }

    /** The checks of one file into the unit. */
    Rows start(OrgUnit unit, LocalDate today) {
        return new Rows(scope(unit, today), today);
    }

    /** The state of one file's checks: errors so far, persons and households seen. */
    static final class Rows {
        private final RegisterLayout.Hamlets hamlets;
        private final LocalDate today;
        private final List<RegisterLayout.Error> errors = new ArrayList<>();
        private final KeySet seenPersons = new KeySet();
        private final Map<String, Household> households = new HashMap<>();
        private int errorCount;
        private int rows;
        private boolean header;

        Rows(RegisterLayout.Hamlets hamlets, LocalDate today) {
            this.hamlets = hamlets;
            this.today = today;
        }

        /**
         * Checks one line; the first is the header (a wrong one stops the file with {@link LayoutProblem}). Returns the
         * person to write, or null for the header, for a row with an error and for every row once any row failed.
         */
        RegisterLayout.PersonRow check(int line, List<String> cells) {
            if (!header) {
                header = true;
                if (!RegisterLayout.headerMatches(cells)) {
                    throw new LayoutProblem(line);
                }
                return null;
            }
            rows++;
            int before = errors.size();
            RegisterLayout.PersonRow p = RegisterLayout.check(line, cells, hamlets, today, errors);
            if (p != null) {
                int first = seenPersons.putIfAbsent(p.communeId(), p.code(), line);
                if (first != 0) {
                    errors.add(new RegisterLayout.Error(line, "personCode", "Trùng mã người " + p.code() + " với dòng " + first));
                }
                Household h = households.get(p.communeId() + "|" + p.householdCode());
                if (h == null) {
                    households.put(p.communeId() + "|" + p.householdCode(), new Household(p.communeId(), p.provinceId(),
                            p.hamletId(), p.householdCode(), p.head(), p.address(), line));
                } else if (h.hamletId() != p.hamletId()) {
                    errors.add(new RegisterLayout.Error(line, "hamlet", "Hộ " + p.householdCode() + " đã ghi ở thôn khác (dòng " + h.line() + ")"));
                }
            }
            if (errors.size() > before) {
                errorCount += errors.size() - before;
                while (errors.size() > MAX_ERRORS_KEPT) {
                    errors.remove(errors.size() - 1);
                }
                return null;
            }
            return errorCount == 0 ? p : null;
        }

        boolean headerSeen() {
            return header;
        }

        /** Data rows read so far. */
        int rows() {
            return rows;
        }

        int errorCount() {
            return errorCount;
        }

        List<RegisterLayout.Error> errors() {
            return errors;
        }

        Map<String, Household> households() {
            return households;
        }
    }

    /** The file's header is not the layout's (on this line). */
    static final class LayoutProblem extends RuntimeException {
        final int line;

        LayoutProblem(int line) {
            super(null, null, false, false);
            this.line = line;
        }
    }
}
