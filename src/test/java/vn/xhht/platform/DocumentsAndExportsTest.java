package vn.xhht.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.support.Http;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** First uses of the document component: the unit tree and the user list as .xlsx, a sample letter as .pdf/.docx. */
@XhhtIntegrationTest
class DocumentsAndExportsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http signedIn(String user) {
        Http h = Http.session(port, new CookieManager());
        h.login(user, "xhht-demo");
        return h;
    }

    @Test
    void theUnitTreeOfTheProvinceBeforeTheReformIsExportedWithEveryUnit() throws IOException {
        HttpResponse<byte[]> r = signedIn("so.caobang").getBytes("/units/export.xlsx?date=2025-06-30");
        assertThat(r.statusCode()).isEqualTo(200);
        long expected = jdbc.sql("""
                select count(*) from org_unit u where u.path like (select path from org_unit where code = '04' and level = 1
                  and valid_to = date '2025-06-30') || '%'
                  and (u.valid_from is null or u.valid_from <= date '2025-06-30') and (u.valid_to is null or u.valid_to >= date '2025-06-30')
                """).query(Long.class).single();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.body())); Stream<Row> rows = wb.getFirstSheet().openStream()) {
            var all = rows.toList();
            assertThat(all.get(0).getCell(0).getText()).isEqualTo("Danh mục đơn vị hành chính có hiệu lực ngày 30/06/2025");
            assertThat(all.get(1).getCell(1).getText()).isEqualTo("Tên");
            assertThat(all).hasSize((int) expected + 2);
            assertThat(all.stream().skip(1).map(x -> x.getCell(1).getText())).contains("Tỉnh Cao Bằng", "Huyện Hà Quảng", "Xã Lương Thông");
            assertThat(all.get(2).getCell(3).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
        }
        assertThat(expected).isGreaterThan(150);
    }

    @Test
    void theUserListExportIsForAdministratorsAndIsLogged() throws IOException {
        long before = jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and entity_type = 'AppUser'").query(Long.class).single();
        HttpResponse<byte[]> r = signedIn("admin").getBytes("/admin/users/export.xlsx");
        assertThat(r.statusCode()).isEqualTo(200);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.body())); Stream<Row> rows = wb.getFirstSheet().openStream()) {
            assertThat(rows.map(x -> x.getCell(0).getText())).contains("xa.canyen", "so.caobang", "pgd.haquang");
        }
        long after = jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and entity_type = 'AppUser'").query(Long.class).single();
        assertThat(after).isEqualTo(before + 1);
        assertThat(signedIn("xa.canyen").getBytes("/admin/users/export.xlsx").statusCode()).isEqualTo(403);
    }

    @Test
    void theSampleLetterIsAPdfWithIntactDiacritics() throws IOException {
        HttpResponse<byte[]> r = signedIn("xa.canyen").getBytes("/documents/sample-letter.pdf");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(r.body())) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(pdf), Normalizer.Form.NFC).replaceAll("\\s+", " ");
            assertThat(text).contains("ỦY BAN NHÂN DÂN XÃ CẦN YÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc", "Cần Yên, ngày", "Kính gửi: Sở Giáo dục và Đào tạo tỉnh Cao Bằng", "Nơi nhận:",
                    "Giám đốc TTHTCĐ xã Cần Yên");
        }
        HttpResponse<byte[]> docx = signedIn("xa.canyen").getBytes("/documents/sample-letter.docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.body()).startsWith(new byte[]{'P', 'K'});
    }
}
