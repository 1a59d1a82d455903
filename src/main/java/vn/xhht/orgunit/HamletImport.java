package vn.xhht.orgunit;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.document.SpreadsheetFormatException;
import vn.xhht.document.XlsxExport;
import vn.xhht.document.XlsxRows;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;

/**
 * Imports a commune's hamlets from .xlsx (columns: Tên, Loại, Hiệu lực từ). All or nothing: every row is checked
 * first and every bad row is reported with its line; only a clean file is saved, in one transaction.
 * Idempotent: a row whose hamlet already exists with the same type is reported as unchanged.
 */
@Service
class HamletImport {

    static final int MAX_ROWS = 2000;

    /** Errors listed line by line on the page; all of them are in the error file ({@link #errorsXlsx}). */
    static final int ERRORS_ON_SCREEN = 50;
    /** Line numbers given as examples of a group. */
    static final int EXAMPLES = 10;

    /** column: the file's own header ("Tên", "Loại", "Hiệu lực từ"), empty for the whole file; reason: the message key. */
    record LineError(int line, String column, String reason, String message) implements java.io.Serializable {
    }

    /** Errors of one reason in one column: "Tên — Tên trùng với một dòng khác trong tệp: 3.611 dòng, ví dụ dòng 2, 3, 4…". */
    record ErrorGroup(String column, String label, long count, List<Integer> lines) {
        public String examples() {
            return String.join(", ", lines.stream().map(String::valueOf).toList()) + (count > lines.size() ? "…" : "");
        }
    }

    record Result(boolean accepted, int created, int unchanged, List<LineError> errors, List<ErrorGroup> groups) {
        Result(boolean accepted, int created, int unchanged, List<LineError> errors) {
            this(accepted, created, unchanged, errors, List.of());
        }

        public List<LineError> firstErrors() {
            return errors.size() > ERRORS_ON_SCREEN ? errors.subList(0, ERRORS_ON_SCREEN) : errors;
        }
    }

    static final String COL_NAME = "Tên";
    static final String COL_TYPE = "Loại";
    static final String COL_FROM = "Hiệu lực từ";

    private final HamletService hamlets;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final XlsxExport xlsx;

    HamletImport(HamletService hamlets, JdbcClient jdbc, MessageSource messages, XlsxExport xlsx) {
        this.hamlets = hamlets;
        this.jdbc = jdbc;
        this.messages = messages;
        this.xlsx = xlsx;
    }

    @Transactional
    public Result run(CurrentUser user, long communeId, InputStream file) {
        OrgUnit commune = hamlets.writableCommune(user, communeId);
        Map<String, String> existing = new HashMap<>(); // lower(name) → type of open hamlets
        jdbc.sql("select name, type from org_unit where parent_id = :p and level = 4 and valid_to is null")
                .param("p", communeId)
                .query((java.sql.ResultSet rs) -> {
                    existing.put(rs.getString("name").toLowerCase(Locale.ROOT), rs.getString("type"));
                });

        List<LineError> errors = new ArrayList<>();
        List<HamletService.Checked> toCreate = new ArrayList<>();
        Map<String, Integer> seenInFile = new HashMap<>();
        int[] unchanged = {0};
        int[] dataRows = {0};
        try {
            XlsxRows.read(file, (line, cells) -> {
                if (line == 1 && isHeader(cells)) {
                    return;
                }
                if (++dataRows[0] > MAX_ROWS) {
                    if (dataRows[0] == MAX_ROWS + 1) {
                        errors.add(new LineError(line, "", "hamlet.import.tooMany", text("hamlet.import.tooMany", MAX_ROWS)));
                    }
                    return;
                }
                String name = UnitNames.clean(cell(cells, 0));
                String type = cell(cells, 1);
                String fromText = cell(cells, 2);
                LocalDate from = null;
                if (!fromText.isBlank()) {
                    try {
                        from = parseDate(fromText);
                    } catch (java.time.DateTimeException e) {
                        errors.add(new LineError(line, COL_FROM, "unit.date.invalid", text("unit.date.invalid")));
                        return;
                    }
                }
                String key = name.toLowerCase(Locale.ROOT);
                Integer earlier = seenInFile.putIfAbsent(key, line);
                if (earlier != null && !name.isEmpty()) {
                    errors.add(new LineError(line, COL_NAME, "hamlet.import.duplicateInFile", text("hamlet.import.duplicateInFile", earlier)));
                    return;
                }
                String existingType = existing.get(key);
                if (existingType != null) {
                    String parsed = HamletType.parse(type).orElse(null);
                    if (existingType.equals(parsed)) {
                        unchanged[0]++;
                    } else {
                        errors.add(new LineError(line, COL_TYPE, "hamlet.import.typeMismatch", text("hamlet.import.typeMismatch", name, existingType)));
                    }
                    return;
                }
                HamletService.Checked checked = hamlets.check(commune, new HamletService.NewHamlet(name, type, from), "");
                if (checked.violations().isEmpty()) {
                    toCreate.add(checked);
                } else {
                    checked.violations().forEach(v -> errors.add(new LineError(line, column(v.field()), v.messageKey(),
                            messages.getMessage(v.messageKey(), v.args(), v.messageKey(), LocaleContextHolder.getLocale()))));
                }
            });
        } catch (SpreadsheetFormatException e) {
            throw new InvalidInputProblem("file", e.getMessage() != null && e.getMessage().contains("zip bomb")
                    ? "hamlet.import.zipBomb" : "hamlet.import.notXlsx");
        }
        if (dataRows[0] == 0) {
            throw new InvalidInputProblem("file", "hamlet.import.empty");
        }
        if (!errors.isEmpty()) {
            return new Result(false, 0, 0, errors, group(errors));
        }
        toCreate.forEach(h -> hamlets.insert(commune, h));
        return new Result(true, toCreate.size(), unchanged[0], List.of());
    }

    /** The template a commune fills in: header row and two example rows. */
    byte[] template() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx.write(out, "Thôn, tổ dân phố", null, List.of(
                new XlsxExport.Column("Tên", XlsxExport.ColumnType.TEXT, 30),
                new XlsxExport.Column("Loại", XlsxExport.ColumnType.TEXT, 16),
                new XlsxExport.Column("Hiệu lực từ", XlsxExport.ColumnType.DATE, 14)), sink -> {
            sink.row("Xóm Nà Mò", "Xóm", LocalDate.of(2025, 7, 1));
            sink.row("Tổ dân phố 1", "Tổ dân phố", null);
        });
        return out.toByteArray();
    }

    private static String column(String field) {
        if (field == null) {
            return "";
        }
        if (field.endsWith("type")) {
            return COL_TYPE;
        }
        if (field.endsWith("validFrom")) {
            return COL_FROM;
        }
        return field.endsWith("name") ? COL_NAME : "";
    }

    /**
     * One group per column and reason, in the order first met; its label is the reason in general words when the
     * message of a line names that line's values ("Tên trùng với một dòng khác trong tệp").
     */
    List<ErrorGroup> group(List<LineError> errors) {
        Map<String, List<LineError>> by = new java.util.LinkedHashMap<>();
        for (LineError e : errors) {
            by.computeIfAbsent(e.column() + "\t" + e.reason(), k -> new ArrayList<>()).add(e);
        }
        List<ErrorGroup> out = new ArrayList<>();
        by.values().forEach(list -> {
            LineError first = list.get(0);
            String label = messages.getMessage(first.reason() + ".group", null, null, LocaleContextHolder.getLocale());
            if (label == null) {
                label = first.message();
            }
            label = label.endsWith(".") ? label.substring(0, label.length() - 1) : label;
            out.add(new ErrorGroup(first.column(), label, list.size(), list.stream().limit(EXAMPLES).map(LineError::line).toList()));
        });
        return out;
    }

    /** Every error with its line number, for the person who fixes the file. */
    byte[] errorsXlsx(List<LineError> errors) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx.write(out, "Lỗi", "Các dòng bị từ chối khi nhập danh sách thôn, tổ dân phố", List.of(
                new XlsxExport.Column("Dòng", XlsxExport.ColumnType.INTEGER, 8),
                new XlsxExport.Column("Cột", XlsxExport.ColumnType.TEXT, 14),
                new XlsxExport.Column("Lỗi", XlsxExport.ColumnType.TEXT, 70)), sink -> {
            for (LineError e : errors) {
                sink.row(e.line(), e.column(), e.message());
            }
        });
        return out.toByteArray();
    }

    private static boolean isHeader(List<String> cells) {
        return !cells.isEmpty() && SearchKey.of(cells.get(0)).startsWith("ten");
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
    }

    /** ISO (from date cells) or dd/MM/yyyy typed as text. */
    static LocalDate parseDate(String s) {
        String t = s.strip();
        if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
            String[] p = t.split("/");
            return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
        }
        return LocalDate.parse(t);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
