package vn.xhht.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Streams the first sheet of an .xlsx upload row by row (imports never hold the whole file): each row as its
 * Excel line number and the cells' texts — strings NFC-normalised and trimmed, whole numbers without ".0",
 * date cells as ISO yyyy-MM-dd. Empty rows are skipped.
 */
public final class XlsxRows {
    private XlsxRows() {
    }

    @FunctionalInterface
    public interface RowHandler {
        void row(int line, List<String> cells);
    }

    public static void read(InputStream in, RowHandler handler) {
        ReadableWorkbook wb;
        try {
            wb = new ReadableWorkbook(in, new ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            throw new SpreadsheetFormatException("Tệp không phải là tệp Excel .xlsx hợp lệ.", e);
        }
        try (wb; Stream<Row> rows = wb.getFirstSheet().openStream()) {
            rows.forEach(row -> {
                List<String> cells = new ArrayList<>(row.getCellCount());
                boolean any = false;
                for (int c = 0; c < row.getCellCount(); c++) {
                    String text = text(row.getCell(c));
                    any |= !text.isEmpty();
                    cells.add(text);
                }
                if (any) {
                    handler.row(row.getRowNum(), cells);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SpreadsheetFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getClass().getName().startsWith("org.dhatim") || e instanceof UncheckedIOException) {
                throw new SpreadsheetFormatException("Không đọc được nội dung tệp Excel (tệp hỏng hoặc sai định dạng).", e);
            }
            throw e;
        }
    }

    static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            String format = cell.getDataFormatString();
            if (format != null && isDateFormat(format)) {
                return cell.asDate().toLocalDate().toString();
            }
            BigDecimal n = cell.asNumber();
            return n.stripTrailingZeros().toPlainString();
        }
        String raw = cell.getText();
        return raw == null ? "" : DocumentRenderer.nfc(raw).strip();
    }

    private static boolean isDateFormat(String format) {
        String f = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase();
        return f.contains("d") && f.contains("y") || f.contains("m") && f.contains("y");
    }
}
