package vn.xhht.platform;

import java.net.CookieManager;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.evaluation.EvaluationService;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.plan.Plan;
import vn.xhht.plan.PlanService;
import vn.xhht.reporting.ReportService;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing typed is lost: each page is one form whose primary action saves what is on screen first (plan, report,
 * self-assessment), and a file chosen on the activity form survives a validation error.
 */
@XhhtIntegrationTest
class OneSavePerPageTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanService plans;
    @Autowired
    ReportService reports;
    @Autowired
    EvaluationService evaluations;

    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    Http session(String user) {
        Http h = Http.session(port, new CookieManager());
        assertThat(h.login(user, "xhht-demo")).doesNotContain("error");
        return h;
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static String version(String html, String formId) {
        String form = html.substring(html.indexOf("id=\"" + formId + "\""));
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    long canYen() {
        return TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
    }

    @Test
    void savingThePlanKeepsTheTextsAndEveryTargetAndTrinhSavesFirst() {
        var director = TestUsers.load(jdbc, "xa.canyen");
        int year = 2028; // other tests plan 2026 and 2027 for Cần Yên
        Plan p = plans.create(director, canYen(), year, false);
        Http h = session("xa.canyen");
        String page = h.get("/plans/" + p.id()).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf(page));
        form.put("version", version(page, "plan-form"));
        form.put("direction", "Phương hướng " + year);
        form.put("tasks", "Nhiệm vụ trọng tâm");
        form.put("solutions", "Giải pháp thực hiện");
        List<Plan.Target> targets = p.targets();
        String[] typed = {"86", "13.760", "98,35", "4"};
        for (int i = 0; i < targets.size(); i++) {
            form.put("target_" + targets.get(i).id(), typed[i]);
        }
        form.put("label", "Tỷ lệ người biết chữ");
        form.put("newTarget", "99.99");
        form.put("unit", "%");
        form.put("month", year + "-10");
        form.put("activity", "Tuần lễ hưởng ứng học tập suốt đời");
        HttpResponse<String> saved = h.postForm("/plans/" + p.id() + "/save", form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

        Plan after = plans.require(director, p.id());
        assertThat(after.direction()).isEqualTo("Phương hướng " + year);
        assertThat(after.tasks()).isEqualTo("Nhiệm vụ trọng tâm");
        assertThat(after.solutions()).isEqualTo("Giải pháp thực hiện");
        assertThat(after.targets()).extracting(t -> t.label() + "=" + t.target().stripTrailingZeros().toPlainString())
                .containsExactly("Số lớp chuyên đề=86", "Số lượt người tham gia=13760", "Số lớp xóa mù chữ=98.35", "Số câu lạc bộ=4",
                        "Tỷ lệ người biết chữ=99.99");
        assertThat(after.rows()).extracting(Plan.Row::activity).containsExactly("Tuần lễ hưởng ứng học tập suốt đời");

        // a wrong target: nothing is written and every typed value is shown again next to the error
        page = h.get("/plans/" + p.id()).body();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("_csrf", csrf(page));
        bad.put("version", version(page, "plan-form"));
        bad.put("direction", "Phương hướng đã sửa");
        bad.put("tasks", "Nhiệm vụ đã sửa");
        bad.put("solutions", "Giải pháp đã sửa");
        bad.put("target_" + targets.get(0).id(), "nhiều");
        bad.put("target_" + targets.get(1).id(), "14.000");
        HttpResponse<String> refused = h.postForm("/plans/" + p.id() + "/submit", bad);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Phương hướng đã sửa", "Nhiệm vụ đã sửa", "value=\"nhiều\"", "value=\"14.000\"", "id=\"target_" + targets.get(0).id() + "-error\"");
        assertThat(plans.require(director, p.id()).direction()).isEqualTo("Phương hướng " + year);
        assertThat(plans.require(director, p.id()).review().status().name()).isEqualTo("DRAFT");

        // "Trình duyệt" with the page's values saves them, then submits
        bad.put("target_" + targets.get(0).id(), "90");
        HttpResponse<String> submitted = h.postForm("/plans/" + p.id() + "/submit", bad);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        Plan done = plans.require(director, p.id());
        assertThat(done.direction()).isEqualTo("Phương hướng đã sửa");
        assertThat(done.targets().get(0).target()).isEqualByComparingTo("90");
        assertThat(done.targets().get(1).target()).isEqualByComparingTo("14000");
        assertThat(done.review().status().name()).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'Plan' and entity_id = :id and summary = 'Lưu kế hoạch'")
                .param("id", String.valueOf(p.id())).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void nopSavesTheNarrativeFirstAndKeepsItWhenTheReportCannotBeSubmitted() {
        var director = TestUsers.load(jdbc, "xa.canyen");
        String period = "2025Q4";
        long id = reports.create(director, "centre-quarterly", period, canYen()).id();
        Http h = session("xa.canyen");
        String page = h.get("/reports/" + id).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf(page));
        form.put("version", version(page, "values-form"));
        form.put("v.results", "Tổ chức 12 buổi chuyên đề về chăn nuôi");
        form.put("v.difficulties", "");
        HttpResponse<String> refused = h.postForm("/reports/" + id + "/submit", form);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Tổ chức 12 buổi chuyên đề về chăn nuôi", "id=\"error-difficulties\"");
        assertThat(reports.require(director, id).text("results")).as("saved before checking").isEqualTo("Tổ chức 12 buổi chuyên đề về chăn nuôi");
        assertThat(reports.require(director, id).review().status().name()).isEqualTo("DRAFT");

        page = h.get("/reports/" + id).body();
        assertThat(page).contains("Tổ chức 12 buổi chuyên đề về chăn nuôi");
        form.put("_csrf", csrf(page));
        form.put("version", version(page, "values-form"));
        form.put("v.difficulties", "Đường xa, mưa lũ");
        HttpResponse<String> submitted = h.postForm("/reports/" + id + "/submit", form);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        var r = reports.require(director, id);
        assertThat(r.text("difficulties")).isEqualTo("Đường xa, mưa lũ");
        assertThat(r.review().status().name()).isEqualTo("SUBMITTED");
    }

    @Test
    void uploadingEvidenceKeepsEveryMarkAndComment() {
        var director = TestUsers.load(jdbc, "xa.canyen");
        int year = 2026; // the browser tests use 2025 and 2027
        long id = evaluations.create(director, "tt25-2023-commune", canYen(), null, year, null).id();
        Http h = session("xa.canyen");
        String page = h.get("/evaluations/" + id).body();
        List<String> items = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("name=\"item_([^\"]+)_met\"").matcher(page);
        while (m.find()) {
            items.add(m.group(1));
        }
        assertThat(items).hasSizeGreaterThanOrEqualTo(3);
        String boundary = "----xhht" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        java.util.function.BiConsumer<String, String> field = (k, v) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(k).append("\"\r\n\r\n").append(v).append("\r\n");
        field.accept("_csrf", csrf(page));
        field.accept("version", version(page, "scores-form"));
        for (int i = 0; i < 3; i++) {
            field.accept("item_" + items.get(i) + "_met", "true");
            field.accept("item_" + items.get(i) + "_comment", "Nhận xét " + i);
        }
        byte[] head = (body + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files_" + items.get(1)
                + "\"; filename=\"minh-chung.png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + PNG.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(PNG, 0, all, head.length, PNG.length);
        System.arraycopy(tail, 0, all, head.length + PNG.length, tail.length);
        HttpResponse<String> r = h.send(h.request("/evaluations/" + id + "/scores")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(all)).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);

        var v = evaluations.view(director, id);
        for (int i = 0; i < 3; i++) {
            assertThat(v.score(items.get(i)).met()).as(items.get(i)).isTrue();
            assertThat(v.score(items.get(i)).comment()).isEqualTo("Nhận xét " + i);
        }
        assertThat(v.files(items.get(1))).extracting(f -> f.fileName()).containsExactly("minh-chung.png");
        String reloaded = h.get("/evaluations/" + id).body();
        assertThat(reloaded).contains("Nhận xét 0", "Nhận xét 2", "minh-chung.png");
    }

    @Test
    void aPhotoChosenOnTheActivityFormSurvivesAValidationError() {
        long centre = jdbc.sql("select id from centre where commune_id = :c").param("c", canYen()).query(Long.class).single();
        Http h = session("xa.canyen");
        String page = h.get("/centres/" + centre + "/activities/new").body();
        String boundary = "----xhht" + UUID.randomUUID();
        String title = "Chuyên đề có ảnh " + UUID.randomUUID();
        java.util.function.Function<Map<String, String>, StringBuilder> fields = map -> {
            StringBuilder b = new StringBuilder();
            map.forEach((k, v) -> b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(k)
                    .append("\"\r\n\r\n").append(v).append("\r\n"));
            return b;
        };
        Map<String, String> first = new LinkedHashMap<>();
        first.put("_csrf", csrf(page));
        first.put("type", "THEMATIC_SESSION");
        first.put("topic", "LAW");
        first.put("title", title);
        first.put("startDate", "2025-12-01");
        first.put("participations", "");            // missing: a validation error
        first.put("cost", "1.500.000");
        byte[] head = (fields.apply(first) + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"buoi-hoc.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + PNG.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(PNG, 0, all, head.length, PNG.length);
        System.arraycopy(tail, 0, all, head.length + PNG.length, tail.length);
        HttpResponse<String> refused = h.send(h.request("/centres/" + centre + "/activities/new")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(all)).build());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("buoi-hoc.png", "name=\"keptPhoto\"", "value=\"1.500.000\"");
        Matcher kept = Pattern.compile("name=\"keptPhoto\" value=\"(\\d+)\"").matcher(refused.body());
        assertThat(kept.find()).isTrue();
        String keptId = kept.group(1);

        Map<String, String> second = new LinkedHashMap<>(first);
        second.put("_csrf", csrf(refused.body()));
        second.put("participations", "45");
        second.put("keptPhoto", keptId);
        byte[] again = (fields.apply(second) + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> saved = h.send(h.request("/centres/" + centre + "/activities/new")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(again)).build());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        long activity = jdbc.sql("select id from activity where title = :t").param("t", title).query(Long.class).single();
        assertThat(jdbc.sql("select cost from activity where id = :id").param("id", activity).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("1500000");
        assertThat(jdbc.sql("select file_name from evidence_file where owner_type = 'Activity' and owner_id = :id").param("id", activity)
                .query(String.class).list()).containsExactly("buoi-hoc.png");
        assertThat(jdbc.sql("select count(*) from evidence_file where id = :id and owner_type = 'Pending'").param("id", Long.parseLong(keptId))
                .query(Long.class).single()).isZero();
    }
}
