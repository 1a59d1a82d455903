package vn.xhht.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxExportTest {

    static final List<XlsxExport.Column> COLUMNS = List.of(
            new XlsxExport.Column("Họ và tên", XlsxExport.ColumnType.TEXT, 30),
            new XlsxExport.Column("Số lượt người", XlsxExport.ColumnType.INTEGER, 12),
            new XlsxExport.Column("Tỷ lệ", XlsxExport.ColumnType.PERCENT, 10),
            new XlsxExport.Column("Ngày sinh", XlsxExport.ColumnType.DATE, 12),
            new XlsxExport.Column("Cập nhật", XlsxExport.ColumnType.DATETIME, 16),
            new XlsxExport.Column("Biết chữ", XlsxExport.ColumnType.BOOLEAN, 8));

    @Test
    void streamsManyRowsWithRealNumbersAndDates() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rows = 200_000;
        long written = new XlsxExport().write(out, "Danh sách: người/hộ", "Danh sách người học xã Cần Yên", COLUMNS, sink -> {
            for (int i = 0; i < rows; i++) {
                sink.row("Nông Thị Ánh " + i, i, new BigDecimal("0.9999"), LocalDate.of(1990, 1, 1).plusDays(i % 10000),
                        LocalDateTime.of(2026, 11, 23, 8, 30), i % 2 == 0);
            }
        });
        assertThat(written).isEqualTo(rows);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()), new ReadingOptions(true, false));
             Stream<Row> stream = wb.getFirstSheet().openStream()) {
            assertThat(wb.getFirstSheet().getName()).isEqualTo("Danh sách  người hộ");
            List<Row> firstRows = new ArrayList<>();
            long[] count = {0};
            stream.forEach(r -> {
                if (firstRows.size() < 3) {
                    firstRows.add(r);
                }
                count[0]++;
            });
            assertThat(count[0]).isEqualTo(rows + 2);
            assertThat(firstRows.get(0).getCell(0).getText()).isEqualTo("Danh sách người học xã Cần Yên");
            assertThat(firstRows.get(1).getCell(0).getText()).isEqualTo("Họ và tên");
            assertThat(firstRows.get(1).getCell(1).getText()).isEqualTo("Số lượt người");
            Row data = firstRows.get(2);
            assertThat(data.getCell(0).getText()).isEqualTo("Nông Thị Ánh 0");
            assertThat(data.getCell(1).getType()).isEqualTo(CellType.NUMBER);
            assertThat(data.getCell(2).asNumber()).isEqualByComparingTo("0.9999");
            assertThat(data.getCell(3).getType()).isEqualTo(CellType.NUMBER);
            assertThat(data.getCell(3).asDate().toLocalDate()).isEqualTo(LocalDate.of(1990, 1, 1));
            assertThat(data.getCell(4).asDate()).isEqualTo(LocalDateTime.of(2026, 11, 23, 8, 30));
            assertThat(data.getCell(5).getText()).isEqualTo("Có");
        }
    }

    @Test
    void rowsAreReadBackWithLineNumbersAndDatesAsIso() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxExport().write(out, "Thôn", null, List.of(
                new XlsxExport.Column("Tên", XlsxExport.ColumnType.TEXT, 20),
                new XlsxExport.Column("Số hộ", XlsxExport.ColumnType.INTEGER, 8),
                new XlsxExport.Column("Hiệu lực từ", XlsxExport.ColumnType.DATE, 12)), sink -> {
            sink.row("  Xóm Nà Mò ", 45, LocalDate.of(2025, 7, 1));
            sink.row(null, null, null);
            sink.row("Bản Giới", 12.5, null);
        });
        List<String> seen = new ArrayList<>();
        XlsxRows.read(new ByteArrayInputStream(out.toByteArray()), (line, cells) -> seen.add(line + ":" + String.join("|", cells)));
        assertThat(seen).containsExactly("1:Tên|Số hộ|Hiệu lực từ", "2:Xóm Nà Mò|45|2025-07-01", "4:Bản Giới|12.5");
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedWithAVietnameseMessage() {
        byte[] junk = "đây không phải tệp Excel".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> XlsxRows.read(new ByteArrayInputStream(junk), (l, c) -> { }))
                .isInstanceOf(SpreadsheetFormatException.class)
                .hasMessageContaining("Excel");
    }
}
