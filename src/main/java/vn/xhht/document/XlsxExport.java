package vn.xhht.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;
import vn.xhht.shared.VietnamClock;

/**
 * Streaming .xlsx export of any table: rows are written as they come and flushed every {@value #FLUSH_EVERY}
 * rows, so a million-row table never sits in memory. Numbers are numeric cells, dates real date cells, headers
 * bold and frozen.
 */
@Component
@org.springframework.modulith.NamedInterface("api")
public class XlsxExport {

    static final int FLUSH_EVERY = 1000;

    public enum ColumnType { TEXT, INTEGER, DECIMAL, PERCENT, DATE, DATETIME, BOOLEAN }

    public record Column(String header, ColumnType type, int widthChars) {
    }

    /** Receives the values of one row, in column order (null for an empty cell). */
    @FunctionalInterface
    public interface RowSink {
        void row(Object... values);
    }

    /**
     * Writes one sheet. {@code producer} is called once and pushes rows into the sink (typically from a streamed
     * database query). A non-null {@code title} becomes a merged first row above the headers.
     */
    public long write(OutputStream out, String sheetName, String title, List<Column> columns, Consumer<RowSink> producer) {
        return writeSheets(out, List.of(new Sheet(sheetName, title, columns, producer)));
    }

    /** One sheet of a workbook with several (e.g. one per section of a report). */
    public record Sheet(String name, String title, List<Column> columns, Consumer<RowSink> producer) {
    }

    /** Writes several sheets in order; returns the total number of data rows. */
    public long writeSheets(OutputStream out, List<Sheet> sheets) {
        try {
            Workbook wb = new Workbook(out, "XHHT", "1.0");
            long total = 0;
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Sheet sheet : sheets) {
                String name = sheetName(sheet.name());
                for (int i = 2; !names.add(name); i++) {
                    String suffix = " (" + i + ")";
                    name = sheetName(sheet.name()).substring(0, Math.min(sheetName(sheet.name()).length(), 31 - suffix.length())) + suffix;
                }
                total += sheet(wb.newWorksheet(name), sheet.title(), sheet.columns(), sheet.producer());
            }
            wb.finish();
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sheet(Worksheet ws, String title, List<Column> columns, Consumer<RowSink> producer) throws IOException {
        int r = 0;
        if (title != null && !title.isBlank()) {
            ws.value(0, 0, DocumentRenderer.nfc(title));
            ws.range(0, 0, 0, Math.max(0, columns.size() - 1)).merge();
            ws.style(0, 0).bold().fontSize(13).set();
            r = 1;
        }
        int headerRow = r;
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            ws.value(headerRow, c, DocumentRenderer.nfc(col.header()));
            ws.style(headerRow, c).bold().fillColor("DDE6F0").wrapText(true).set();
            ws.width(c, Math.max(6, col.widthChars()));
        }
        ws.freezePane(0, headerRow + 1);
        long[] count = {0};
        int[] row = {headerRow + 1};
        producer.accept(values -> {
            int current = row[0]++;
            for (int c = 0; c < columns.size() && c < values.length; c++) {
                cell(ws, current, c, columns.get(c).type(), values[c]);
            }
            if (++count[0] % FLUSH_EVERY == 0) {
                flush(ws);
            }
        });
        ws.finish();
        return count[0];
    }

    private static void flush(Worksheet ws) {
        try {
            ws.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cell(Worksheet ws, int r, int c, ColumnType type, Object v) {
        if (v == null) {
            return;
        }
        switch (type) {
            case INTEGER, DECIMAL, PERCENT -> {
                if (v instanceof Number n) {
                    ws.value(r, c, n);
                    if (type == ColumnType.PERCENT) {
                        ws.style(r, c).format("0.00%").set();
                    } else if (type == ColumnType.DECIMAL) {
                        ws.style(r, c).format("#,##0.00").set();
                    }
                } else {
                    ws.value(r, c, new BigDecimal(v.toString()));
                }
            }
            case DATE -> {
                LocalDate d = v instanceof LocalDate ld ? ld : LocalDate.parse(v.toString());
                ws.value(r, c, d);
                ws.style(r, c).format("dd/MM/yyyy").set();
            }
            case DATETIME -> {
                LocalDateTime t;
                if (v instanceof LocalDateTime ldt) {
                    t = ldt;
                } else if (v instanceof Instant i) {
                    t = LocalDateTime.ofInstant(i, VietnamClock.ZONE);
                } else if (v instanceof OffsetDateTime o) {
                    t = o.atZoneSameInstant(VietnamClock.ZONE).toLocalDateTime();
                } else if (v instanceof java.sql.Timestamp ts) {
                    t = LocalDateTime.ofInstant(ts.toInstant(), VietnamClock.ZONE);
                } else {
                    t = LocalDateTime.parse(v.toString());
                }
                ws.value(r, c, t);
                ws.style(r, c).format("dd/MM/yyyy HH:mm").set();
            }
            case BOOLEAN -> ws.value(r, c, Boolean.TRUE.equals(v) ? "Có" : "Không");
            case TEXT -> ws.value(r, c, DocumentRenderer.nfc(v.toString()));
        }
    }

    static String sheetName(String raw) {
        String s = DocumentRenderer.nfc(raw == null ? "" : raw).replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (s.isEmpty()) {
            s = "Sheet1";
        }
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
