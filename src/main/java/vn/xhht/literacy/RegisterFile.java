package vn.xhht.literacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vn.xhht.document.XlsxRows;

/**
 * Reading a register file (the parse step of an import): the lines of a .csv or of the first sheet of an .xlsx, streamed
 * one list of cells at a time, never the whole file in memory. Knows nothing of the layout or the register.
 */
final class RegisterFile {
    private RegisterFile() {
    }

    /** Streams every non-blank line of the file, header included, to the sink. */
    static void read(Path file, boolean xlsx, long maxUnzippedBytes, RowSink sink) throws IOException {
        if (xlsx) {
            XlsxRows.read(file, maxUnzippedBytes, sink::row);
        } else {
            readCsv(file, sink);
        }
    }

    /**
     * The number of data rows, cheaply: line breaks of a .csv, the sheet's declared dimension of an .xlsx
     * ({@code <dimension ref="A1:T3612"/>}, written by Excel and LibreOffice). Null when it cannot be told.
     */
    static Integer estimateRows(Path file, boolean xlsx) {
        try {
            if (!xlsx) {
                long lines = 0;
                byte[] buf = new byte[1 << 16];
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        for (int i = 0; i < n; i++) {
                            if (buf[i] == '\n') {
                                lines++;
                            }
                        }
                    }
                }
                return (int) Math.max(0, Math.min(Integer.MAX_VALUE, lines - 1));
            }
            try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
                for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                        String head = new String(zip.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
                        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<dimension ref=\"[A-Z]+\\d+:[A-Z]+(\\d+)\"").matcher(head);
                        return m.find() ? Math.max(0, Integer.parseInt(m.group(1)) - 1) : null;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    @FunctionalInterface
    interface RowSink {
        void row(int line, List<String> cells);
    }

    /** RFC 4180 CSV in UTF-8 (optional BOM), comma or semicolon (taken from the header line), streamed. */
    static void readCsv(Path file, RowSink sink) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            int lineNo = 0;
            char sep = 0;
            List<String> cells = new ArrayList<>(24);
            StringBuilder cell = new StringBuilder();
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                int startLine = lineNo;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (sep == 0) {
                    sep = line.indexOf(';') >= 0 && line.indexOf(',') < 0 ? ';' : ',';
                }
                cells.clear();
                cell.setLength(0);
                boolean quoted = false;
                int i = 0;
                while (true) {
                    if (i >= line.length()) {
                        if (quoted) {
                            String next = r.readLine();
                            if (next == null) {
                                break;
                            }
                            lineNo++;
                            cell.append('\n');
                            line = next;
                            i = 0;
                            continue;
                        }
                        break;
                    }
                    char ch = line.charAt(i++);
                    if (quoted) {
                        if (ch == '"') {
                            if (i < line.length() && line.charAt(i) == '"') {
                                cell.append('"');
                                i++;
                            } else {
                                quoted = false;
                            }
                        } else {
                            cell.append(ch);
                        }
                    } else if (ch == '"' && cell.isEmpty()) {
                        quoted = true;
                    } else if (ch == sep) {
                        cells.add(cell.toString());
                        cell.setLength(0);
                    } else {
                        cell.append(ch);
                    }
                }
                cells.add(cell.toString());
                boolean any = false;
                for (String s : cells) {
                    if (!s.isBlank()) {
                        any = true;
                        break;
                    }
                }
                if (any) {
                    sink.row(startLine, cells);
                }
            }
        }
    }
}
