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
@org.springframework.modulith.NamedInterface("api")
public final class XlsxRows {
    private XlsxRows() {
    }

    @FunctionalInterface
    public interface RowHandler {
        void row(int line, List<String> cells);
    }

    /** Inflated size above which any .xlsx upload is refused (a 2,000-row sheet is a few megabytes). */
    public static final long DEFAULT_MAX_UNZIPPED_BYTES = 500L * 1024 * 1024;
    /** Inflated/compressed ratio above which a file is taken for a zip bomb (real sheets compress 5–20 times). */
    static final long MAX_RATIO = 200;

    /**
     * Reads an uploaded .xlsx stream: the upload is spooled to a temporary file and checked by {@link #checkZip}
     * first, so that no reader ever inflates a zip bomb.
     */
    public static void read(InputStream in, RowHandler handler) {
        java.nio.file.Path tmp = null;
        try {
            tmp = java.nio.file.Files.createTempFile("xhht-xlsx-", ".xlsx");
            java.nio.file.Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            read(tmp, DEFAULT_MAX_UNZIPPED_BYTES, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    java.nio.file.Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temp file; the OS cleans it up
                }
            }
        }
    }

    /** Reads an .xlsx file after the zip-bomb check with the given limit on its inflated size. */
    public static void read(java.nio.file.Path file, long maxUnzippedBytes, RowHandler handler) {
        try {
            checkZip(file, maxUnzippedBytes);
            try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                readChecked(in, handler);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The one zip-bomb guard of every .xlsx reader: refuses a file whose parts inflate beyond the limit or at a
     * suspicious ratio before any spreadsheet reader sees it; sizes are counted while inflating, never trusted
     * from the zip headers.
     */
    public static void checkZip(java.nio.file.Path file, long maxUnzippedBytes) throws IOException {
        long compressed = java.nio.file.Files.size(file);
        long total = 0;
        byte[] buf = new byte[1 << 16];
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            var entries = zip.entries();
            boolean any = false;
            while (entries.hasMoreElements()) {
                java.util.zip.ZipEntry e = entries.nextElement();
                any = true;
                try (InputStream in = zip.getInputStream(e)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        total += n;
                        if (total > maxUnzippedBytes || total > MAX_RATIO * compressed + (1 << 20)) {
                            throw new SpreadsheetFormatException("Tệp .xlsx giải nén quá lớn (nghi tệp nén độc hại - zip bomb); tệp bị từ chối.", null);
                        }
                    }
                }
            }
            if (!any) {
                throw new SpreadsheetFormatException("Tệp không phải là tệp Excel .xlsx hợp lệ.", null);
            }
        } catch (java.util.zip.ZipException e) {
            throw new SpreadsheetFormatException("Tệp không phải là tệp Excel .xlsx hợp lệ.", e);
        }
    }

    private static void readChecked(InputStream in, RowHandler handler) {
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
