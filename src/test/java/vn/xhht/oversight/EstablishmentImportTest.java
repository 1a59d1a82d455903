package vn.xhht.oversight;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.document.XlsxExport;
import vn.xhht.document.XlsxRows;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.oversight.EstablishmentImport.Column;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import of an existing list from .xlsx: all rows or none, every refusal with its row and column, the refused file kept
 * for another try, the area and the role checked per row, the accepted import audited with its file attached.
 */
@XhhtIntegrationTest
class EstablishmentImportTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EstablishmentImport imports;
    @Autowired
    XlsxExport xlsx;

    TestUsers.User province;
    TestUsers.User commune;
    String tag;
    String outside;

    @BeforeEach
    void setUp() {
        province = TestUsers.load(jdbc, "so.caobang");
        commune = TestUsers.load(jdbc, "xa.canyen");
        tag = UUID.randomUUID().toString().substring(0, 8);
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        outside = jdbc.sql("""
                select code from org_unit where level = 3 and valid_to is null
                  and id not in (select id from xhht_read_scope(:p)) order by code limit 1
                """).param("p", caoBang).query(String.class).single();
    }

    private static String[] row(String kind, String name, String commune, String termFrom, String actKind, String number, String actDate) {
        return new String[]{kind, name, "Số 2 đường Thử", commune, "Công ty TNHH Thử", "", kind.contains("ngoại ngữ") ? "Lê Văn Bình" : "",
                termFrom, "", "Tiếng Anh", "1.000.000 đồng/khóa", "", actKind, number, actDate, ""};
    }

    private byte[] sheet(String[]... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<XlsxExport.Column> cols = Arrays.stream(Column.values()).map(c -> new XlsxExport.Column(c.header(), XlsxExport.ColumnType.TEXT, 10)).toList();
        xlsx.write(out, "Danh sach", null, cols, sink -> {
            for (String[] r : rows) {
                sink.row((Object[]) r);
            }
        });
        return out.toByteArray();
    }

    private long count(String name) {
        return jdbc.sql("select count(*) from ovs_establishment where name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void aGoodListIsSavedWholeWithItsActsAuditedAndItsFileAttached() {
        String a = "Trung tâm Ngoại ngữ Nhập " + tag;
        String b = "Trung tâm Tin học Nhập " + tag;
        byte[] file = sheet(
                row("Trung tâm ngoại ngữ, tin học", a, "01366", "01/09/2024", "Cho phép hoạt động", "GP-" + tag, "15/10/2024"),
                row("FOREIGN_LANGUAGE_IT", b, "01366", "2024-09-01", "", "", ""));
        EstablishmentImport.Result r = imports.run(province, new EvidenceStore.Upload("ds-" + tag + ".xlsx", file), null);

        assertThat(r.errors()).isEmpty();
        assertThat(r.saved()).isEqualTo(2);
        assertThat(count(a)).isEqualTo(1);
        assertThat(count(b)).isEqualTo(1);
        long importId = jdbc.sql("select import_id from ovs_establishment where name = :n").param("n", a).query(Long.class).single();
        assertThat(jdbc.sql("select row_count from ovs_import where id = :i").param("i", importId).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("""
                select a.number from ovs_act a join ovs_establishment e on e.id = a.establishment_id where e.name = :n and a.kind = 'OPERATION_PERMISSION'
                """).param("n", a).query(String.class).list()).containsExactly("GP-" + tag);
        assertThat(jdbc.sql("select status from ovs_establishment where name = :n").param("n", a).query(String.class).single()).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select file_name from evidence_file where owner_type = 'EstablishmentImport' and owner_id = :i")
                .param("i", importId).query(String.class).list()).containsExactly("ds-" + tag + ".xlsx");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'EstablishmentImport' and entity_id = :i and action = 'CREATE'")
                .param("i", String.valueOf(importId)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'Establishment' and summary like :s")
                .param("s", "%" + tag).query(Long.class).single()).isEqualTo(2);

        // the same list again: every row is already there, nothing is doubled
        EstablishmentImport.Result again = imports.run(province, new EvidenceStore.Upload("ds.xlsx", file), null);
        assertThat(again.saved()).isZero();
        assertThat(again.errors()).extracting(EstablishmentImport.RowError::row, EstablishmentImport.RowError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, Column.NAME), org.assertj.core.groups.Tuple.tuple(3, Column.NAME));
        assertThat(count(a)).isEqualTo(1);
    }

    @Test
    void oneBadRowSavesNothingListsEveryErrorByRowAndColumnAndKeepsTheFile() {
        String good = "Trung tâm Tốt " + tag;
        String later = "Trung tâm Sau " + tag;
        byte[] file = sheet(
                row("Trung tâm ngoại ngữ, tin học", good, "01366", "01/09/2024", "", "", ""),
                row("Trường đua ngựa", "Cơ sở Lạ " + tag, "01366", "", "", "", ""),
                row("Cơ sở dạy thêm", "Ngoài vùng " + tag, outside, "", "", "", ""),
                row("Cơ sở dạy thêm", "", "01366", "31/02/2024", "", "", ""),
                row("Trung tâm ngoại ngữ, tin học", later, "01366", "01/09/2024", "Cho phép hoạt động", "", "01/10/2024"));
        EstablishmentImport.Result r = imports.run(province, new EvidenceStore.Upload("sai-" + tag + ".xlsx", file), null);

        assertThat(r.saved()).isZero();
        assertThat(r.errors()).extracting(e -> e.row() + ":" + e.column() + ":" + e.messageKey()).containsExactlyInAnyOrder(
                "3:KIND:oversight.import.kind.unknown",
                "4:COMMUNE:oversight.unit.outOfArea",
                "5:TERM_FROM:oversight.import.date",
                "6:ACT_NUMBER:oversight.act.number.required");
        // row 2 was fine and row 6's establishment passed before its act was refused: neither stays
        assertThat(count(good)).isZero();
        assertThat(count(later)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type like 'Establishment%' and summary like :s").param("s", "%" + tag + "%").query(Long.class).single()).isZero();

        // the file is kept for the next try, and trying it again gives the same answer with the same kept file
        assertThat(r.kept()).isNotNull();
        assertThat(r.kept().fileName()).isEqualTo("sai-" + tag + ".xlsx");
        assertThat(imports.kept(province, r.kept().id())).isPresent();
        assertThat(imports.kept(commune, r.kept().id())).isEmpty();
        EstablishmentImport.Result again = imports.run(province, null, r.kept().id());
        assertThat(again.errors()).hasSize(4);
        assertThat(again.kept().id()).isEqualTo(r.kept().id());
    }

    @Test
    void aCommuneImportsOnlyItsExtraTeachingAndAFileThatIsNotASheetIsRefusedWhole() {
        String teaching = "Lớp dạy thêm Nhập " + tag;
        EstablishmentImport.Result r = imports.run(commune, new EvidenceStore.Upload("xa.xlsx", sheet(
                row("Cơ sở dạy thêm", teaching, "01366", "", "", "", ""),
                row("Trung tâm ngoại ngữ, tin học", "Trung tâm Xã " + tag, "01366", "01/09/2024", "", "", ""))), null);
        assertThat(r.errors()).extracting(e -> e.row() + ":" + e.column() + ":" + e.messageKey())
                .containsExactly("3:KIND:oversight.import.kind.notYours");
        assertThat(count(teaching)).isZero();

        EstablishmentImport.Result notSheet = imports.run(commune, new EvidenceStore.Upload("anh.xlsx", "%PDF-1.4 giả".getBytes(StandardCharsets.UTF_8)), null);
        assertThat(notSheet.errors()).extracting(EstablishmentImport.RowError::messageKey).containsExactly("oversight.import.notXlsx");
        assertThat(notSheet.kept()).isNull();

        EstablishmentImport.Result ok = imports.run(commune, new EvidenceStore.Upload("xa.xlsx", sheet(row("co so day them", teaching, "01366", "", "", "", ""))), null);
        assertThat(ok.errors()).isEmpty();
        assertThat(count(teaching)).isEqualTo(1);
    }

    @Test
    void theTemplateHasTheHeadersAndAnExampleThatNamesACommuneOfTheArea() throws Exception {
        Http page = Http.session(port, new CookieManager());
        page.login("so.caobang", "xhht-demo");
        assertThat(page.get("/oversight/establishments/import").body()).contains("id=\"establishment-import\"", "import-template");
        HttpResponse<byte[]> t = page.getBytes("/oversight/establishments/import/template.xlsx");
        assertThat(t.statusCode()).isEqualTo(200);
        List<List<String>> rows = new ArrayList<>();
        XlsxRows.read(new ByteArrayInputStream(t.body()), (line, cells) -> rows.add(cells));
        assertThat(rows.get(0)).containsExactlyElementsOf(Arrays.stream(Column.values()).map(Column::header).toList());
        assertThat(rows.get(1).get(Column.KIND.ordinal())).isEqualTo("Trung tâm ngoại ngữ, tin học");

        // a refused upload through the page: the rows are listed and the file is offered again
        String csrf = page.csrfToken("/oversight/establishments/import");
        byte[] bad = sheet(row("Không rõ", "X " + tag, "01366", "", "", "", ""));
        String boundary = "----xhht" + tag;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"loi.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bad);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = page.send(page.request("/oversight/establishments/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"import-errors\"", "A · Loại cơ sở", "Không nhận ra loại cơ sở", "name=\"keptFileId\"", "loi.xlsx");

        Http communeless = Http.session(port, new CookieManager());
        communeless.login("hkh.caobang", "xhht-demo");
        assertThat(communeless.get("/oversight/establishments/import").statusCode()).isEqualTo(403);
    }
}
