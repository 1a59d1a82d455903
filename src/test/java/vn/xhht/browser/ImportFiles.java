package vn.xhht.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import vn.xhht.document.XlsxExport;

/** Writes small .xlsx files for upload tests. */
final class ImportFiles {
    private ImportFiles() {
    }

    static Path hamlets(String name, String[]... rows) {
        try {
            Path dir = Files.createDirectories(Path.of("target/import-files"));
            Path file = dir.resolve(name + ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                new XlsxExport().write(out, "Thôn", null, List.of(
                        new XlsxExport.Column("Tên", XlsxExport.ColumnType.TEXT, 20),
                        new XlsxExport.Column("Loại", XlsxExport.ColumnType.TEXT, 10)), sink -> {
                    for (String[] r : rows) {
                        sink.row((Object[]) r);
                    }
                });
            }
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
