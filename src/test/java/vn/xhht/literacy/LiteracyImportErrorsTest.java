package vn.xhht.literacy;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.document.XlsxExport;
import vn.xhht.support.Http;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.xhht.literacy.LiteracyFixture.*;

/**
 * Issue 11 item 6: a rejected import a person can handle on a phone — errors grouped by reason under the file's own
 * column headers, the first 50 on screen, all of them as .xlsx with line numbers — and a template whose example
 * rows use the commune's own hamlets and that explains every code.
 */
@XhhtIntegrationTest
class LiteracyImportErrorsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegisterImport imports;
    @Autowired
    XlsxExport xlsx;

    static final LocalDate TODAY = LocalDate.now(vn.xhht.shared.VietnamClock.ZONE);

    Http admin() {
        Http h = Http.session(port, new CookieManager());
        h.login("admin", "xhht-demo");
        return h;
    }

    @Test
    void thousandsOfErrorsAreGroupedByReasonShownFiftyAtATimeAndDownloadableWithTheirLines() throws Exception {
        Commune c = commune(jdbc, false);
        User u = officer(c.id(), true);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // a hamlet the commune does not have, on every row (the walk-through's template mistake)
            rows.add(row(c, 0, "H" + i, "P" + i, "Nông Văn " + i, "Nam", birthForAge(30, TODAY), "TT", "", "9", "MĐ2")
                    .replace("," + c.hamletCodes().get(0) + ",", "," + c.code() + ".999,"));
        }
        rows.add(row(c, 1, "H500", "P500", "Lục Thị Bình", "X", birthForAge(40, TODAY), "TT", "", "2", "MC"));
        RegisterImport.Job j = importAndWait(imports, u, c.id(), csv(rows.toArray(String[]::new)), "so.csv");
        assertThat(j.status()).isEqualTo("REJECTED");
        assertThat(j.errorCount()).isEqualTo(121);
        assertThat(j.errors()).hasSize(RegisterImport.ERRORS_ON_SCREEN);
        assertThat(j.groups()).hasSize(2);
        RegisterImport.ErrorGroup hamlet = j.groups().get(0);
        assertThat(hamlet.column()).isEqualTo("Thôn/Tổ dân phố");
        assertThat(hamlet.count()).isEqualTo(120);
        assertThat(hamlet.examples()).isEqualTo("2, 3, 4, 5, 6…");
        assertThat(j.groups().get(1).column()).isEqualTo("Giới tính");
        assertThat(j.groups().get(1).examples()).isEqualTo("122");
        assertThat(j.errors()).allMatch(e -> !e.column().equals(e.field()));
        // the message adds the count to "Tệp bị từ chối — sổ không thay đổi." instead of repeating it
        assertThat(j.message()).isEqualTo("121 lỗi.");

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        imports.errorsXlsx(u, j.id(), xlsx, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet s = wb.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            assertThat(f.formatCellValue(s.getRow(1).getCell(0))).isEqualTo("Dòng");
            assertThat(f.formatCellValue(s.getRow(1).getCell(1))).isEqualTo("Cột");
            assertThat(s.getLastRowNum() - 1).as("every error, one row each").isEqualTo(121);
            assertThat(f.formatCellValue(s.getRow(2).getCell(0))).isEqualTo("2");
            assertThat(f.formatCellValue(s.getRow(2).getCell(1))).isEqualTo("Thôn/Tổ dân phố");
            List<String> columns = new ArrayList<>();
            for (Row r : s) {
                columns.add(f.formatCellValue(r.getCell(1)));
            }
            assertThat(columns).doesNotContain("hamlet", "sex", "literacyStatus");
        }
    }

    @Test
    void theStatusPageGroupsTheErrorsAndTheTemplateUsesTheCommunesOwnHamletsAndExplainsEveryCode() throws Exception {
        Commune c = commune(jdbc, false);
        User u = officer(c.id(), true);
        Http admin = admin();
        HttpResponse<byte[]> template = admin.getBytes("/literacy/template.xlsx?unitId=" + c.id());
        assertThat(template.statusCode()).isEqualTo(200);
        Path file = Files.createTempFile("mau-", ".xlsx");
        Files.write(file, template.body());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            DataFormatter f = new DataFormatter();
            Sheet data = wb.getSheetAt(0);
            assertThat(f.formatCellValue(data.getRow(0).getCell(1))).isEqualTo("Thôn/Tổ dân phố");
            assertThat(data.getLastRowNum()).as("two example rows").isEqualTo(2);
            assertThat(f.formatCellValue(data.getRow(1).getCell(0))).isEqualTo(c.code());
            assertThat(List.of(f.formatCellValue(data.getRow(1).getCell(1)), f.formatCellValue(data.getRow(2).getCell(1))))
                    .containsExactlyElementsOf(c.hamletCodes());
            Sheet legend = wb.getSheetAt(1);
            assertThat(legend.getSheetName()).isEqualTo("Giải thích mã");
            List<String> lines = new ArrayList<>();
            for (Row r : legend) {
                lines.add(f.formatCellValue(r.getCell(0)) + "|" + f.formatCellValue(r.getCell(1)) + "|" + f.formatCellValue(r.getCell(2)));
            }
            assertThat(lines).contains("Dân tộc|02|Tày (ghi mã hoặc tên)", "Biết chữ|MĐ2|Đạt chuẩn biết chữ mức độ 2", "Căn cứ|TH|Học ở trường (tiểu học trở lên)",
                    "Cư trú|TT|Thường trú, có mặt (để trống cũng hiểu là TT)", "Thôn/Tổ dân phố|" + c.hamletCodes().get(0) + "|Thôn Nà 1");
        }
        // the template imports as it stands
        RegisterImport.Job ok = importAndWait(imports, u, c.id(), file, "mau.xlsx");
        assertThat(ok.status()).as(String.valueOf(ok.errors())).isEqualTo("DONE");
        assertThat(ok.inserted()).isEqualTo(2);
        assertThat(ok.rowsTotal()).isEqualTo(2);

        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(row(c, 0, "K" + i, "Q" + i, "Hà Văn " + i, "Nam", birthForAge(9, TODAY), "TT", "", "3", "MĐ1"));
        }
        RegisterImport.Job bad = importAndWait(imports, u, c.id(), csv(rows.toArray(String[]::new)), "sai.csv");
        String page = admin.get("/literacy/imports/" + bad.id()).body();
        assertThat(page).contains("id=\"lit-import-groups\"", "/literacy/imports/" + bad.id() + "/errors.xlsx");
        String text = page.replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ");
        assertThat(text).containsOnlyOnce("Tệp bị từ chối").contains("Biết chữ", "60 dòng, ví dụ dòng 2, 3, 4, 5, 6…", "50 lỗi đầu tiên (trong 60 lỗi)")
                .doesNotContain("literacyStatus");
        assertThat(page.split("<tr>", -1).length - 2).as("rows of the error table: the first 50").isEqualTo(50);
        HttpResponse<byte[]> all = admin.getBytes("/literacy/imports/" + bad.id() + "/errors.xlsx");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Disposition").orElse("")).contains("loi-nhap-so-xoa-mu-chu-lan-" + bad.id() + ".xlsx");
        // the import page warns when the commune has no hamlet yet
        String form = admin.get("/literacy/import?unitId=" + c.id()).body();
        assertThat(form).doesNotContain("id=\"lit-no-hamlets\"").contains("id=\"lit-sample\"");
    }
}
