package vn.xhht.orgunit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.Certainty;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.TextLimits;

/**
 * Attributes of a commune as dated data: each value holds for a period, from a decision, with how sure it is. A filter
 * on a date reads the value valid that day; a unit without a value that day is "not known", never "no".
 */
@Service
public class UnitAttributes {

    /** The attributes and the values each may take (the check of V205). */
    public enum Attribute {
        BORDER("true", "false"),
        ZONE("HIGHLAND", "LOWLAND"),
        ESPECIALLY_DIFFICULT("true", "false"),
        EM_REGION("I", "II", "III"),
        ISLAND("true", "false");

        private final List<String> allowed;

        Attribute(String... values) {
            this.allowed = List.of(values);
        }

        public List<String> allowed() {
            return allowed;
        }

        /** The message key of the attribute's name ({@code unitAttr.BORDER}). */
        public String key() {
            return "unitAttr." + name();
        }

        /** The message key of one value ({@code unitAttr.BORDER.true}). */
        public String valueKey(String value) {
            return key() + "." + value;
        }

        public static Attribute parse(String raw) {
            try {
                return raw == null ? null : valueOf(raw.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** One dated value of one unit. */
    public record Entry(long id, long unitId, String unitCode, String unitName, String parentName, Attribute attribute,
                        String value, LocalDate validFrom, LocalDate validTo, String legalBasis, Certainty certainty,
                        String source, String recordedBy) {
        public String valueKey() {
            return attribute.valueKey(value);
        }
    }

    /** What an administrator typed (or a line of an imported file). */
    public record Input(String unitCode, String attribute, String value, LocalDate validFrom, LocalDate validTo,
                        String legalBasis, String certainty, String source) {
    }

    /** A refused line of an imported file: nothing of the file was written. */
    public record LineError(int line, String field, String messageKey, Object[] args) {
    }

    public record ImportResult(int saved, List<LineError> errors) {
    }

    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final JdbcClient jdbc;
    private final OrgUnitDirectory directory;
    private final AuditTrail audit;

    UnitAttributes(JdbcClient jdbc, OrgUnitDirectory directory, AuditTrail audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    private static final String SELECT = """
            select a.id, a.unit_id, u.code, u.name, p.name as parent_name, a.attribute, a.value, a.valid_from, a.valid_to,
                   a.legal_basis, a.certainty, a.source, a.recorded_by
            from unit_attribute a join org_unit u on u.id = a.unit_id left join org_unit p on p.id = u.parent_id
            """;

    private static Entry map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("code"), rs.getString("name"),
                rs.getString("parent_name"), Attribute.valueOf(rs.getString("attribute")), rs.getString("value"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getString("legal_basis"), Certainty.valueOf(rs.getString("certainty")), rs.getString("source"),
                rs.getString("recorded_by"));
    }

    /** The values valid on a day, optionally of one attribute (null: all), for the administrator's list. */
    public List<Entry> validOn(CurrentUser user, LocalDate day, Attribute attribute, int limit) {
        requireAdmin(user);
        return jdbc.sql(SELECT + """
                where a.valid_from <= :d and (a.valid_to is null or a.valid_to >= :d)
                  and (cast(:attr as text) is null or a.attribute = :attr)
                order by u.code, a.attribute limit :limit
                """).param("d", day).param("attr", attribute == null ? null : attribute.name()).param("limit", limit)
                .query((rs, n) -> map(rs)).list();
    }

    /** Every value of a unit, all periods, newest first (the unit page). */
    public List<Entry> history(long unitId) {
        return jdbc.sql(SELECT + " where a.unit_id = :u order by a.attribute, a.valid_from desc").param("u", unitId)
                .query((rs, n) -> map(rs)).list();
    }

    /** The values valid on a day of the given units, by unit. */
    public Map<Long, List<Entry>> onDate(Collection<Long> unitIds, LocalDate day) {
        Map<Long, List<Entry>> out = new LinkedHashMap<>();
        if (unitIds.isEmpty()) {
            return out;
        }
        jdbc.sql(SELECT + """
                where a.unit_id = any(:ids) and a.valid_from <= :d and (a.valid_to is null or a.valid_to >= :d)
                order by a.unit_id, a.attribute
                """).param("ids", unitIds.toArray(Long[]::new)).param("d", day)
                .query((rs, n) -> out.computeIfAbsent(rs.getLong("unit_id"), k -> new ArrayList<>()).add(map(rs))).list();
        return out;
    }

    @Transactional
    public Entry add(CurrentUser user, Input in) {
        requireAdmin(user);
        List<InvalidInputProblem.Violation> v = new ArrayList<>();
        Checked c = check(in, v);
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        return insert(user, c);
    }

    /** A checked line: the unit version it names and the values to store. */
    private record Checked(OrgUnit unit, Attribute attribute, String value, LocalDate from, LocalDate to, String basis,
                           Certainty certainty, String source) {
    }

    private Checked check(Input in, List<InvalidInputProblem.Violation> v) {
        String code = in.unitCode() == null ? "" : in.unitCode().strip();
        Attribute attribute = Attribute.parse(in.attribute());
        String value = in.value() == null ? "" : in.value().strip();
        String basis = in.legalBasis() == null ? "" : in.legalBasis().strip();
        String source = in.source() == null || in.source().isBlank() ? null : in.source().strip();
        Certainty certainty = null;
        try {
            certainty = in.certainty() == null || in.certainty().isBlank() ? null : Certainty.valueOf(in.certainty().strip());
        } catch (IllegalArgumentException e) {
            certainty = null;
        }
        if (code.isEmpty()) {
            v.add(new InvalidInputProblem.Violation("unitCode", "unitAttr.unit.required"));
        }
        InputRules.maxLength(v, "unitCode", code, TextLimits.ORG_UNIT__CODE);
        if (attribute == null) {
            v.add(new InvalidInputProblem.Violation("attribute", "unitAttr.attribute.required"));
        } else if (!attribute.allowed().contains(value)) {
            v.add(new InvalidInputProblem.Violation("value", "unitAttr.value.invalid"));
        }
        if (in.validFrom() == null) {
            v.add(new InvalidInputProblem.Violation("validFrom", "unitAttr.validFrom.required"));
        } else {
            InputRules.date(v, "validFrom", in.validFrom());
        }
        if (in.validTo() != null) {
            InputRules.date(v, "validTo", in.validTo());
            if (in.validFrom() != null && in.validTo().isBefore(in.validFrom())) {
                v.add(new InvalidInputProblem.Violation("validTo", "unitAttr.validTo.beforeFrom"));
            }
        }
        if (basis.isEmpty()) {
            v.add(new InvalidInputProblem.Violation("legalBasis", "unitAttr.legalBasis.required"));
        }
        InputRules.maxLength(v, "legalBasis", basis, TextLimits.UNIT_ATTRIBUTE__LEGAL_BASIS);
        InputRules.maxLength(v, "source", source, TextLimits.UNIT_ATTRIBUTE__SOURCE);
        if (certainty == null) {
            v.add(new InvalidInputProblem.Violation("certainty", "unitAttr.certainty.required"));
        }
        if (!v.isEmpty()) {
            return null;
        }
        // the code names the commune version in force on the first day: a code reused after a reform is another unit
        OrgUnit unit = directory.findByCode(code, OrgUnit.COMMUNE, in.validFrom()).orElse(null);
        if (unit == null) {
            v.add(new InvalidInputProblem.Violation("unitCode", "unitAttr.unit.notFound", code, in.validFrom().format(DMY)));
            return null;
        }
        if (unit.validTo() != null && (in.validTo() == null || in.validTo().isAfter(unit.validTo()))) {
            v.add(new InvalidInputProblem.Violation("validTo", "unitAttr.validTo.afterUnit", unit.name(), unit.validTo().format(DMY)));
            return null;
        }
        Long overlap = jdbc.sql("""
                select id from unit_attribute where unit_id = :u and attribute = :a
                  and valid_from <= coalesce(cast(:to as date), date '9999-12-31') and coalesce(valid_to, date '9999-12-31') >= :from
                limit 1
                """).param("u", unit.id()).param("a", attribute.name()).param("from", in.validFrom()).param("to", in.validTo())
                .query(Long.class).optional().orElse(null);
        if (overlap != null) {
            v.add(new InvalidInputProblem.Violation("validFrom", "unitAttr.overlap", unit.name()));
            return null;
        }
        return new Checked(unit, attribute, value, in.validFrom(), in.validTo(), basis, certainty, source);
    }

    private Entry insert(CurrentUser user, Checked c) {
        long id = jdbc.sql("""
                insert into unit_attribute (unit_id, attribute, value, valid_from, valid_to, legal_basis, certainty, source, recorded_by)
                values (:u, :a, :v, :from, :to, :b, :c, :s, :by) returning id
                """).param("u", c.unit().id()).param("a", c.attribute().name()).param("v", c.value()).param("from", c.from())
                .param("to", c.to()).param("b", c.basis()).param("c", c.certainty().name()).param("s", c.source())
                .param("by", user.username()).query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("attribute", c.attribute().name());
        after.put("value", c.value());
        after.put("validFrom", c.from().toString());
        after.put("validTo", c.to() == null ? "" : c.to().toString());
        after.put("legalBasis", c.basis());
        after.put("certainty", c.certainty().name());
        audit.change(AuditAction.CREATE, "UnitAttribute", id, c.unit().id(), null, after,
                c.unit().name() + ": " + words(c.attribute(), c.value()) + " từ " + c.from().format(DMY)
                        + (c.to() == null ? "" : " đến " + c.to().format(DMY)) + " (" + c.basis() + ")");
        return new Entry(id, c.unit().id(), c.unit().code(), c.unit().name(), c.unit().parentName(), c.attribute(), c.value(),
                c.from(), c.to(), c.basis(), c.certainty(), c.source(), user.username());
    }

    /** The attribute and value in Vietnamese, for the audit trail (stored text: never the codes). */
    static String words(Attribute a, String value) {
        String yesNo = "true".equals(value) ? "có" : "không";
        return switch (a) {
            case BORDER -> "xã biên giới: " + yesNo;
            case ESPECIALLY_DIFFICULT -> "xã đặc biệt khó khăn: " + yesNo;
            case ISLAND -> "xã đảo: " + yesNo;
            case ZONE -> "vùng: " + ("HIGHLAND".equals(value) ? "miền núi, vùng cao" : "đồng bằng");
            case EM_REGION -> "vùng đồng bào dân tộc thiểu số và miền núi: khu vực " + value;
        };
    }

    /** The columns of an imported file, in order; the first line is this header. */
    public static final List<String> CSV_COLUMNS = List.of("ma_xa", "thuoc_tinh", "gia_tri", "tu_ngay", "den_ngay", "can_cu",
            "muc_do_chac_chan", "nguon");

    /**
     * Reads a .csv (UTF-8, comma or semicolon) and saves every line, or none: a refused line is reported with its number
     * and field, and nothing of the file is written. Lines are also checked against each other (two periods of the
     * same attribute of one commune must not overlap).
     */
    @Transactional
    public ImportResult importCsv(CurrentUser user, InputStream file) {
        requireAdmin(user);
        List<LineError> errors = new ArrayList<>();
        List<Checked> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header == null) {
                errors.add(new LineError(1, "file", "unitAttr.import.empty", new Object[0]));
                return new ImportResult(0, errors);
            }
            header = header.replace("\uFEFF", "");
            char sep = header.indexOf(';') >= 0 ? ';' : ',';
            List<String> head = split(header, sep).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
            if (!head.containsAll(CSV_COLUMNS.subList(0, 7))) {
                errors.add(new LineError(1, "file", "unitAttr.import.header", new Object[]{String.join(",", CSV_COLUMNS)}));
                return new ImportResult(0, errors);
            }
            String line;
            int no = 1;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line, sep);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < head.size(); i++) {
                    row.put(head.get(i), i < cells.size() ? cells.get(i).strip() : "");
                }
                List<InvalidInputProblem.Violation> v = new ArrayList<>();
                LocalDate from = date(row.get("tu_ngay"), "validFrom", v);
                LocalDate to = date(row.get("den_ngay"), "validTo", v);
                Attribute attribute = attributeOfCsv(row.get("thuoc_tinh"));
                Input in = new Input(row.get("ma_xa"), attribute == null ? row.get("thuoc_tinh") : attribute.name(),
                        valueOfCsv(attribute, row.get("gia_tri")), from, to, row.get("can_cu"), certaintyOfCsv(row.get("muc_do_chac_chan")),
                        row.get("nguon"));
                Checked c = v.isEmpty() ? check(in, v) : null;
                if (c != null) {
                    for (Checked earlier : lines) {
                        if (earlier.unit().id() == c.unit().id() && earlier.attribute() == c.attribute()
                                && !earlier.from().isAfter(c.to() == null ? LocalDate.MAX : c.to())
                                && !c.from().isAfter(earlier.to() == null ? LocalDate.MAX : earlier.to())) {
                            v.add(new InvalidInputProblem.Violation("validFrom", "unitAttr.overlap", c.unit().name()));
                        }
                    }
                }
                if (!v.isEmpty()) {
                    for (InvalidInputProblem.Violation x : v) {
                        errors.add(new LineError(no, x.field(), x.messageKey(), x.args()));
                    }
                } else if (c != null) {
                    lines.add(c);
                }
                if (no > 100_000) {
                    errors.add(new LineError(no, "file", "unitAttr.import.tooLong", new Object[]{100_000}));
                    break;
                }
            }
        } catch (IOException e) {
            errors.add(new LineError(0, "file", "unitAttr.import.unreadable", new Object[0]));
        }
        if (!errors.isEmpty()) {
            return new ImportResult(0, errors);
        }
        if (lines.isEmpty()) {
            errors.add(new LineError(1, "file", "unitAttr.import.empty", new Object[0]));
            return new ImportResult(0, errors);
        }
        lines.forEach(c -> insert(user, c));
        return new ImportResult(lines.size(), errors);
    }

    private static LocalDate date(String raw, String field, List<InvalidInputProblem.Violation> v) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return raw.contains("/") ? LocalDate.parse(raw.strip(), DMY) : LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            v.add(new InvalidInputProblem.Violation(field, "unitAttr.date.invalid", raw));
            return null;
        }
    }

    /** The file's Vietnamese words for the attributes (the codes are accepted too). */
    static Attribute attributeOfCsv(String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "bien_gioi" -> Attribute.BORDER;
            case "vung" -> Attribute.ZONE;
            case "dac_biet_kho_khan" -> Attribute.ESPECIALLY_DIFFICULT;
            case "khu_vuc_dtts" -> Attribute.EM_REGION;
            case "dao" -> Attribute.ISLAND;
            default -> Attribute.parse(raw);
        };
    }

    static String valueOfCsv(Attribute attribute, String raw) {
        String s = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (attribute == Attribute.ZONE) {
            return switch (s) {
                case "mien_nui", "vung_cao", "highland" -> "HIGHLAND";
                case "dong_bang", "lowland" -> "LOWLAND";
                default -> s;
            };
        }
        if (attribute == Attribute.EM_REGION) {
            return s.toUpperCase(Locale.ROOT);
        }
        return switch (s) {
            case "co", "true" -> "true";
            case "khong", "false" -> "false";
            default -> s;
        };
    }

    static String certaintyOfCsv(String raw) {
        String s = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "da_kiem_chung", "verified" -> "VERIFIED";
            case "nguon_thu_cap", "secondary" -> "SECONDARY";
            case "chua_chac_chan", "uncertain" -> "UNCERTAIN";
            case "chua_ro", "unknown" -> "UNKNOWN";
            default -> s.isEmpty() ? null : s;
        };
    }

    private static List<String> split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == sep && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static void requireAdmin(CurrentUser user) {
        if (user.role() != Role.SYSTEM_ADMIN) {
            throw new AccessDeniedProblem("error.adminOnly");
        }
    }
}
