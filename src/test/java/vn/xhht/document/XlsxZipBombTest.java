package vn.xhht.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every .xlsx reader goes through one zip-bomb guard: inflated size and compression ratio are both capped. */
class XlsxZipBombTest {

    static byte[] bomb(int megabytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < megabytes; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void aStreamThatInflatesAtABombsRatioIsRefusedBeforeReading() throws IOException {
        byte[] file = bomb(300);
        assertThat(file.length).isLessThan(1 << 20);
        List<Integer> lines = new ArrayList<>();
        assertThatThrownBy(() -> XlsxRows.read(new ByteArrayInputStream(file), (line, cells) -> lines.add(line)))
                .isInstanceOf(SpreadsheetFormatException.class).hasMessageContaining("zip bomb");
        assertThat(lines).isEmpty();
    }

    @Test
    void aRealWorkbookIsRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxExport().write(out, "Thôn", null, List.of(new XlsxExport.Column("Tên", XlsxExport.ColumnType.TEXT, 20)),
                sink -> sink.row("Thôn Nà Mạ"));
        List<List<String>> rows = new ArrayList<>();
        XlsxRows.read(new ByteArrayInputStream(out.toByteArray()), (line, cells) -> rows.add(cells));
        assertThat(rows).containsExactly(List.of("Tên"), List.of("Thôn Nà Mạ"));
    }
}
