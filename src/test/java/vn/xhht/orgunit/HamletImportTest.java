package vn.xhht.orgunit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.document.XlsxExport;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Importing hamlets from .xlsx: all or nothing, every bad row listed, idempotent. */
@XhhtIntegrationTest
class HamletImportTest {

    @Autowired
    HamletImport hamletImport;
    @Autowired
    XlsxExport xlsx;
    @Autowired
    JdbcClient jdbc;

    long canYen() {
        return TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
    }

    long hamletCount(long commune) {
        return jdbc.sql("select count(*) from org_unit where parent_id = :p").param("p", commune).query(Long.class).single();
    }

    ByteArrayInputStream file(Object[]... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx.write(out, "Thôn", null, List.of(
                new XlsxExport.Column("Tên", XlsxExport.ColumnType.TEXT, 20),
                new XlsxExport.Column("Loại", XlsxExport.ColumnType.TEXT, 10),
                new XlsxExport.Column("Hiệu lực từ", XlsxExport.ColumnType.TEXT, 12)), sink -> {
            for (Object[] r : rows) {
                sink.row(r);
            }
        });
        return new ByteArrayInputStream(out.toByteArray());
    }

    @Test
    void aCleanFileIsImportedOnceAndReimportingChangesNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 5);
        Object[][] rows = {{"Xóm Nà Pền " + tag, "Xóm", "01/07/2025"}, {"Bản Khuổi " + tag, "bản", null},
                {"Tổ dân phố Phố Mới " + tag, "To dan pho", "2025-09-01"}};
        var user = TestUsers.load(jdbc, "xa.canyen");
        long before = hamletCount(canYen());

        HamletImport.Result first = hamletImport.run(user, canYen(), file(rows));
        assertThat(first.errors()).isEmpty();
        assertThat(first.accepted()).isTrue();
        assertThat(first.created()).isEqualTo(3);
        assertThat(hamletCount(canYen())).isEqualTo(before + 3);
        assertThat(jdbc.sql("select type from org_unit where parent_id = :p and name = :n").param("p", canYen())
                .param("n", "Tổ dân phố Phố Mới " + tag).query(String.class).single()).isEqualTo("Tổ dân phố");
        assertThat(jdbc.sql("select valid_from from org_unit where parent_id = :p and name = :n").param("p", canYen())
                .param("n", "Xóm Nà Pền " + tag).query(LocalDate.class).single()).isEqualTo(LocalDate.of(2025, 7, 1));

        HamletImport.Result again = hamletImport.run(user, canYen(), file(rows));
        assertThat(again.accepted()).isTrue();
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(hamletCount(canYen())).isEqualTo(before + 3);
    }

    @Test
    void aFileWithBadRowsIsRejectedWholeWithEveryBadLine() {
        String tag = UUID.randomUUID().toString().substring(0, 5);
        var user = TestUsers.load(jdbc, "xa.canyen");
        long before = hamletCount(canYen());
        HamletImport.Result r = hamletImport.run(user, canYen(), file(
                new Object[]{"Xóm Tốt " + tag, "Xóm", null},        // line 2: fine, but must not be saved
                new Object[]{"Xóm Lạ " + tag, "Làng xã", null},     // line 3: unknown type
                new Object[]{"", "Thôn", "2025-07-01"},             // line 4: no name
                new Object[]{"Xóm Tốt " + tag, "Xóm", null},        // line 5: duplicate of line 2
                new Object[]{"Thôn Cũ " + tag, "Thôn", "32/13/2025"}, // line 6: impossible date
                new Object[]{"Thôn Xưa " + tag, "Thôn", "2001-01-01"})); // line 7: before the commune existed
        assertThat(r.accepted()).isFalse();
        assertThat(r.errors()).extracting(HamletImport.LineError::line).containsExactly(3, 4, 5, 6, 7);
        assertThat(r.errors().get(0).message()).startsWith("Loại không hợp lệ");
        assertThat(r.errors().get(1).message()).isEqualTo("Vui lòng nhập tên thôn / tổ dân phố.");
        assertThat(r.errors().get(2).message()).isEqualTo("Tên trùng với dòng 2 trong cùng tệp.");
        assertThat(hamletCount(canYen())).isEqualTo(before);
    }

    @Test
    void manyErrorsAreGroupedByReasonWithTheFirstFiftyListedAndAllInTheErrorFile() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 5);
        var user = TestUsers.load(jdbc, "xa.canyen");
        List<Object[]> rows = new java.util.ArrayList<>();
        rows.add(new Object[]{"Xóm Gốc " + tag, "Xóm", null});                 // line 2
        for (int i = 0; i < 120; i++) {
            rows.add(new Object[]{"Xóm Gốc " + tag, "Xóm", null});             // lines 3..122: repeat line 2
        }
        for (int i = 0; i < 30; i++) {
            rows.add(new Object[]{"Bản Mới " + tag + " " + i, "Làng xã", null}); // lines 123..152: unknown type
        }
        HamletImport.Result r = hamletImport.run(user, canYen(), file(rows.toArray(new Object[0][])));
        assertThat(r.accepted()).isFalse();
        assertThat(r.errors()).hasSize(150);
        assertThat(r.firstErrors()).hasSize(50);
        assertThat(r.groups()).hasSize(2);
        HamletImport.ErrorGroup dup = r.groups().get(0);
        assertThat(dup.column()).isEqualTo("Tên");
        assertThat(dup.label()).isEqualTo("Tên trùng với một dòng khác trong cùng tệp");
        assertThat(dup.count()).isEqualTo(120);
        assertThat(dup.examples()).isEqualTo("3, 4, 5, 6, 7, 8, 9, 10, 11, 12…");
        assertThat(r.groups().get(1).column()).isEqualTo("Loại");
        assertThat(r.groups().get(1).count()).isEqualTo(30);
        assertThat(r.groups().get(1).label()).startsWith("Loại không hợp lệ").doesNotEndWith(".");

        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(hamletImport.errorsXlsx(r.errors())))) {
            var sheet = wb.getSheetAt(0);
            List<String> lines = new java.util.ArrayList<>();
            // numeric cells read back as "3.0"
            sheet.forEach(row -> lines.add(row.getCell(0) == null ? "" : row.getCell(0).toString().replaceAll("\\.0$", "")));
            assertThat(lines).contains("Dòng", "3", "152");
            assertThat(lines.stream().filter(x -> x.matches("\\d+")).count()).isEqualTo(150);
        }
    }

    @Test
    void aFileThatIsNotAWorkbookOrIsEmptyIsAFieldError() {
        var user = TestUsers.load(jdbc, "xa.canyen");
        assertThatThrownBy(() -> hamletImport.run(user, canYen(), new ByteArrayInputStream("ten,loai".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("file"));
        assertThatThrownBy(() -> hamletImport.run(user, canYen(), file()))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("hamlet.import.empty"));
    }

    @Test
    void noImportIntoAnotherCommune() {
        var user = TestUsers.load(jdbc, "xa.canyen");
        long haQuang = TestUsers.unitId(jdbc, "01438", OrgUnit.COMMUNE, "2025-07-01");
        assertThatThrownBy(() -> hamletImport.run(user, haQuang, file(new Object[]{"Xóm X", "Xóm", null})))
                .isInstanceOf(AccessDeniedProblem.class);
    }
}
