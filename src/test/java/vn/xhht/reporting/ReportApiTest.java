package vn.xhht.reporting;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.support.Http;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API of part 8: templates, create with pre-fill, values with problem+json, review, export, completeness. */
@XhhtIntegrationTest
class ReportApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @org.junit.jupiter.api.AfterEach
    void removeFixtures() {
        ReportFixtures.cleanAll(jdbc);
    }

    static long id(String json) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    static long version(String json) {
        Matcher m = Pattern.compile("\"version\":(\\d+)").matcher(json);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /**
     * The figures of the out-of-school report come from the registry (a new commune has none: 0); typing others needs a
     * reason, as the officer knows establishments the registry does not list yet.
     */
    static final String REASONS = "\"reasons\":{\"establishments\":\"Rà soát thực tế, chưa nhập sổ\",\"licensed\":\"Rà soát thực tế, chưa nhập sổ\"}";

    @Test
    void createFillSubmitApproveExportAndCount() {
        ReportFixtures fx = new ReportFixtures(jdbc);
        long province = fx.unit("Tỉnh Thử API", OrgUnit.PROVINCE, null, LocalDate.of(2025, 7, 1), null);
        long commune = fx.unit("Xã Thử API", OrgUnit.COMMUNE, province, LocalDate.of(2025, 7, 1), null);
        fx.unit("Xã Thử API Hai", OrgUnit.COMMUNE, province, LocalDate.of(2025, 7, 1), null);
        Http admin = Http.basic(port, "admin", "xhht-demo");

        HttpResponse<String> templates = admin.get("/api/v1/report-templates");
        assertThat(templates.statusCode()).isEqualTo(200);
        assertThat(templates.body()).contains("\"code\":\"out-of-school\"", "\"code\":\"lifelong-learning-week\"", "literacy.classes.learners");

        HttpResponse<String> bad = admin.postJson("/api/v1/reports", "{\"templateCode\":\"out-of-school\",\"period\":\"2026Q3\",\"unitId\":" + commune + "}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(bad.body()).contains("\"field\":\"period\"").contains("không tồn tại");

        HttpResponse<String> created = admin.postJson("/api/v1/reports", "{\"templateCode\":\"out-of-school\",\"period\":\"2026S2\",\"unitId\":" + commune + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = id(created.body());
        long version = version(created.body());

        HttpResponse<String> tooMany = put(admin, "/api/v1/reports/" + id + "/values",
                "{\"version\":" + version + ",\"values\":{\"establishments\":3,\"licensed\":5}," + REASONS + "}");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("\"field\":\"licensed\"");
        HttpResponse<String> saved = put(admin, "/api/v1/reports/" + id + "/values", "{\"version\":" + version + ",\"values\":{\"establishments\":4,"
                + "\"licensed\":3,\"assessment\":\"Các cơ sở hoạt động đúng giấy phép.\",\"establishment_list\":[[\"Trung tâm Ngoại ngữ Ánh Dương\",\"Số 5 đường Hùng Vương\",\"Ngoại ngữ\",\"12/GP-SGDĐT\",\"\"],[\"Lớp Tin học Sao Mai\",\"Tổ 3\",\"Tin học\",\"\",\"Chưa có giấy phép\"]]}," + REASONS + "}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("\"value\":75", "Lớp Tin học Sao Mai | Tổ 3 | Tin học |  | Chưa có giấy phép");
        HttpResponse<String> stale = put(admin, "/api/v1/reports/" + id + "/values", "{\"version\":" + version + ",\"values\":{\"establishments\":5}}");
        assertThat(stale.statusCode()).isEqualTo(409);

        assertThat(admin.postJson("/api/v1/reports/" + id + "/submit", "").statusCode()).isEqualTo(200);
        HttpResponse<String> approved = admin.postJson("/api/v1/reports/" + id + "/approve", "{\"comment\":\"Đồng ý\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.body()).contains("\"status\":\"APPROVED\"");
        HttpResponse<String> locked = put(admin, "/api/v1/reports/" + id + "/values", "{\"version\":" + version(approved.body()) + ",\"values\":{\"establishments\":5}}");
        assertThat(locked.statusCode()).isEqualTo(400);
        assertThat(locked.body()).contains("\"field\":\"status\"", "khóa");

        HttpResponse<byte[]> xlsx = admin.getBytes("/api/v1/reports/" + id + "/export?format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");
        HttpResponse<byte[]> pdf = admin.getBytes("/api/v1/reports/" + id + "/export?format=pdf");
        assertThat(new String(pdf.body(), 0, 4)).isEqualTo("%PDF");
        HttpResponse<byte[]> docx = admin.getBytes("/api/v1/reports/" + id + "/export?format=docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/v1/reports/" + id + "/export?format=odt").statusCode()).isEqualTo(400);

        HttpResponse<String> board = admin.get("/api/v1/reports/completeness?templateCode=out-of-school&period=2026S2&unitId=" + province);
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("\"expected\":2", "\"approved\":1", "\"units\":[");
        HttpResponse<String> list = admin.get("/api/v1/reports?templateCode=out-of-school&period=2026S2&unitId=" + province);
        assertThat(list.body()).contains("\"id\":" + id);
        // the province's aggregate rolls up the approved commune report; its pages render (Vietnamese and English)
        HttpResponse<String> agg = admin.postJson("/api/v1/reports", "{\"templateCode\":\"out-of-school\",\"period\":\"2026S2\",\"unitId\":" + province + "}");
        assertThat(agg.statusCode()).as(agg.body()).isEqualTo(201);
        assertThat(agg.body()).contains("\"aggregate\":true");
        long aggId = id(agg.body());
        Http pages = Http.session(port, new java.net.CookieManager());
        pages.login("admin", "xhht-demo");
        HttpResponse<String> page = pages.get("/reports/" + aggId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"drilldown\"", "Xã Thử API Hai", "Đã phê duyệt");
        assertThat(pages.get("/reports/" + aggId + "?lang=en").body()).contains("Figures of each unit below");
        assertThat(pages.get("/reports/board?templateCode=out-of-school&period=2026S2&unitId=" + province).body()).contains("id=\"count-expected\">2<");
        assertThat(pages.get("/reports/dashboard?unitId=" + province + "&period=2026S2&templateCode=out-of-school").statusCode()).isEqualTo(200);
        assertThat(pages.get("/reports/meetings").statusCode()).isEqualTo(200);
        assertThat(pages.get("/reports").body()).contains("id=\"create-form\"");
        HttpResponse<byte[]> aggPdf = admin.getBytes("/api/v1/reports/" + aggId + "/export?format=pdf");
        assertThat(aggPdf.statusCode()).isEqualTo(200);

        // another province's officer does not see this one
        Http caoBang = Http.basic(port, "so.caobang", "xhht-demo");
        assertThat(caoBang.get("/api/v1/reports/" + id).statusCode()).isEqualTo(403);
        assertThat(caoBang.get("/api/v1/reports/completeness?templateCode=out-of-school&period=2026S2&unitId=" + province).statusCode()).isEqualTo(403);
    }

    static HttpResponse<String> put(Http http, String path, String json) {
        return http.send(http.request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
