package vn.xhht.platform;

import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.xhht.support.Http;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is refused with a message naming the field, never a 500, and never stored. */
@XhhtIntegrationTest
class InputRulesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;

    Http canYen() {
        return Http.basic(port, "xa.canyen", "xhht-demo");
    }

    long canYenCentre() {
        return jdbc.sql("select c.id from centre c join app_user u on u.unit_id = c.commune_id where u.username = 'xa.canyen'")
                .query(Long.class).single();
    }

    String activity(String titleJson, String startDate) {
        return """
                {"type": "%s", "topic": "%s", "title": %s, "startDate": "%s", "participations": 10}
                """.formatted(jdbc.sql("select code from activity_type order by sort limit 1").query(String.class).single(),
                jdbc.sql("select code from topic where active order by sort limit 1").query(String.class).single(), titleJson, startDate);
    }

    JsonNode firstError(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        return JSON.readTree(r.body()).path("errors").get(0);
    }

    @Test
    void aNulCharacterInJsonIsRefusedNamingTheField() {
        HttpResponse<String> r = canYen().postJson("/api/v1/centres/" + canYenCentre() + "/activities",
                activity("\"Họp\\u0000 dân\"", "2026-03-02"));
        JsonNode e = firstError(r);
        assertThat(e.path("field").asString()).isEqualTo("title");
        assertThat(e.path("message").asString()).contains("ký tự điều khiển").contains("Tiêu đề");
    }

    @Test
    void aDateOutsideTheRangeOrNotInTheCalendarIsRefusedNamingTheField() {
        for (String date : List.of("1800-01-01", "9999-12-31", "2026-02-30")) {
            HttpResponse<String> r = canYen().postJson("/api/v1/centres/" + canYenCentre() + "/activities",
                    activity("\"Họp dân " + date + "\"", date));
            JsonNode e = firstError(r);
            assertThat(e.path("field").asString()).as(date).isEqualTo("startDate");
        }
        HttpResponse<String> range = canYen().postJson("/api/v1/centres/" + canYenCentre() + "/activities", activity("\"Họp\"", "1800-01-01"));
        assertThat(firstError(range).path("message").asString()).contains("1900");
        assertThat(jdbc.sql("select count(*) from activity where title like 'Họp dân %'").query(Long.class).single()).isZero();
    }

    @Test
    void aBadParameterOnAPageGivesA400PageNamingTheField() {
        Http s = Http.session(port, new CookieManager());
        s.login("xa.canyen", "xhht-demo");
        long centre = canYenCentre();
        String token = s.csrfToken("/centres/" + centre + "/record");
        HttpResponse<String> nul = s.postForm("/centres/" + centre + "/clubs", Map.of("_csrf", token, "name", "CLB\u0000"));
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("Dữ liệu không hợp lệ").contains("ký tự điều khiển").contains("«Tên»");

        HttpResponse<String> tooLong = s.postForm("/centres/" + centre + "/clubs", Map.of("_csrf", token, "name", "x".repeat(10_000)));
        assertThat(tooLong.statusCode()).isLessThan(500);
        assertThat(tooLong.body() + tooLong.headers().firstValue("Location").orElse("")).doesNotContain("Đã lưu");
        assertThat(jdbc.sql("select count(*) from club where length(name) > 200").query(Long.class).single()).isZero();

        HttpResponse<String> month = s.get("/reports/dashboard?period=2026Q9");
        assertThat(month.statusCode()).isBetween(200, 499);
    }

    @Test
    void aDeniedClassPdfAnswers403() {
        long foreignClass = jdbc.sql("""
                insert into lit_class (commune_id, province_id, programme, name, start_date)
                select u.id, u.province_id, 'XMC_STAGE1', 'Lớp thử quyền', date '2026-09-01' from org_unit u
                 where u.level = 3 and u.valid_to is null and u.province_id <> (select province_id from org_unit where id =
                       (select unit_id from app_user where username = 'xa.canyen')) limit 1
                returning id
                """).query(Long.class).single();
        Http s = Http.session(port, new CookieManager());
        s.login("xa.canyen", "xhht-demo");
        assertThat(s.getBytes("/literacy/classes/" + foreignClass + "/list.pdf").statusCode()).isEqualTo(403);
        assertThat(s.getBytes("/literacy/classes/" + foreignClass + "/certificates.pdf").statusCode()).isEqualTo(403);
    }

    @Test
    void twoIdenticalCreationsAtOnceGiveOneRowAndNo500() throws Exception {
        String username = "race." + UUID.randomUUID().toString().substring(0, 8);
        long unit = jdbc.sql("select unit_id from app_user where username = 'xa.canyen'").query(Long.class).single();
        int n = 12;
        List<Http> sessions = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Http s = Http.session(port, new CookieManager());
            s.login("admin", "xhht-demo");
            sessions.add(s);
            tokens.add(s.csrfToken("/admin/users/new"));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Http s = sessions.get(i);
            String token = tokens.get(i);
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return s.postForm("/admin/users/new", Map.of("_csrf", token, "username", username, "fullName", "Người thử đua",
                        "role", "COMMUNE_OFFICER", "unitId", String.valueOf(unit), "password", "Mat-khau-rat-dai-2026", "enabled", "true"))
                        .statusCode();
            }, pool));
        }
        start.countDown();
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        assertThat(statuses).as(statuses.toString()).doesNotContain(500).contains(302);
        assertThat(jdbc.sql("select count(*) from app_user where username = :u").param("u", username).query(Long.class).single()).isOne();
    }

    @Test
    void aUniqueKeyRaceIsAnswered409AlreadyExists() {
        ResponseEntity<ProblemDetail> r = new ApiProblemHandler(messages).duplicate(new DuplicateKeyException("duplicate key"));
        assertThat(r.getStatusCode().value()).isEqualTo(409);
        assertThat(r.getBody().getDetail()).contains("đã tồn tại");
    }
}
