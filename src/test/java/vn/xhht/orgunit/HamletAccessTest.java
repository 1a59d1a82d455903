package vn.xhht.orgunit;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Area-based access (R3) and the hamlet rules, through the REST API of a running server. */
@XhhtIntegrationTest
class HamletAccessTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http canYen() {
        return Http.basic(port, "xa.canyen", "xhht-demo");
    }

    long canYenId() {
        return TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
    }

    long haQuangNewId() {
        return TestUsers.unitId(jdbc, "01438", OrgUnit.COMMUNE, "2025-07-01");
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCommuneOfficerCreatesAHamletInItsCommune() {
        String name = unique("Xóm Nà Mạ");
        HttpResponse<String> r = canYen().postJson("/api/v1/org-units",
                "{\"parentId\": %d, \"name\": \"%s\", \"type\": \"xom\"}".formatted(canYenId(), name));
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("name").asString()).isEqualTo(name);
        assertThat(body.get("type").asString()).isEqualTo("Xóm");
        assertThat(body.get("level").asInt()).isEqualTo(4);
        assertThat(body.get("parentCode").asString()).isEqualTo("01366");
        long id = body.get("id").asLong();

        // the province of the new row is known (distribution key) and the change is audited with its after-image
        assertThat(jdbc.sql("select p.code from org_unit u join org_unit p on p.id = u.province_id where u.id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("04");
        assertThat(jdbc.sql("select after_data ->> 'name' from audit_event where entity_type = 'OrgUnit' and entity_id = :id and action = 'CREATE'")
                .param("id", String.valueOf(id)).query(String.class).single()).isEqualTo(name);

        // the province officer sees it, the neighbouring commune does not
        assertThat(Http.basic(port, "so.caobang", "xhht-demo").get("/api/v1/org-units/" + id).statusCode()).isEqualTo(200);
        assertThat(canYen().get("/api/v1/org-units?parentId=" + canYenId()).body()).contains(name);
    }

    @Test
    void aCommuneOfficerCannotCreateAHamletInAnotherCommune() {
        long before = jdbc.sql("select count(*) from org_unit where parent_id = :p").param("p", haQuangNewId()).query(Long.class).single();
        HttpResponse<String> r = canYen().postJson("/api/v1/org-units",
                "{\"parentId\": %d, \"name\": \"%s\", \"type\": \"Thôn\"}".formatted(haQuangNewId(), unique("Thôn Lạ")));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("\"id\"");
        long after = jdbc.sql("select count(*) from org_unit where parent_id = :p").param("p", haQuangNewId()).query(Long.class).single();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aCommuneOfficerCannotReadAnotherCommune() {
        assertThat(canYen().get("/api/v1/org-units/" + haQuangNewId()).statusCode()).isEqualTo(403);
        assertThat(canYen().get("/api/v1/org-units/" + haQuangNewId() + "/successors").statusCode()).isEqualTo(403);
        assertThat(canYen().get("/api/v1/org-units?level=3").body()).contains("Xã Cần Yên").doesNotContain("Xã Hà Quảng");
    }

    @Test
    void aCommuneOfficerReadsTheHistoryOfTheCommunesItsCommuneSucceeded() {
        HttpResponse<String> r = canYen().get("/api/v1/org-units?level=3&date=2025-06-30");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(r.body());
        assertThat(list.size()).isEqualTo(3);
        assertThat(r.body()).contains("Xã Lương Thông", "Xã Cần Nông");
    }

    @Test
    void aUserOfAClosedDistrictStillReadsItsHistoryButCannotAddToIt() {
        Http pgd = Http.basic(port, "pgd.haquang", "xhht-demo");
        HttpResponse<String> communes = pgd.get("/api/v1/org-units?level=3&date=2025-06-30");
        assertThat(JSON.readTree(communes.body()).size()).isEqualTo(21);
        long oldCanYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-06-30");
        HttpResponse<String> r = pgd.postJson("/api/v1/org-units",
                "{\"parentId\": %d, \"name\": \"%s\", \"type\": \"Xóm\"}".formatted(oldCanYen, unique("Xóm Mới")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("field").asString()).isEqualTo("validFrom");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String name = unique("Thôn Bản Giới");
        assertThat(canYen().postJson("/api/v1/org-units",
                "{\"parentId\": %d, \"name\": \"%s\", \"type\": \"Thôn\"}".formatted(canYenId(), name)).statusCode()).isEqualTo(201);

        HttpResponse<String> dup = canYen().postJson("/api/v1/org-units",
                "{\"parentId\": %d, \"name\": \"%s\", \"type\": \"Thôn\"}".formatted(canYenId(), name.toUpperCase()));
        assertThat(dup.statusCode()).isEqualTo(400);
        assertThat(dup.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = JSON.readTree(dup.body());
        assertThat(p.get("field").asString()).isEqualTo("name");
        assertThat(p.get("detail").asString()).contains("đã có trong Xã Cần Yên");

        HttpResponse<String> type = canYen().postJson("/api/v1/org-units",
                "{\"parentId\": %d, \"name\": \"%s\", \"type\": \"Làng xã\"}".formatted(canYenId(), unique("Xóm")));
        assertThat(JSON.readTree(type.body()).get("field").asString()).isEqualTo("type");

        HttpResponse<String> empty = canYen().postJson("/api/v1/org-units", "{\"parentId\": %d, \"name\": \"  \", \"type\": \"Thôn\"}".formatted(canYenId()));
        assertThat(JSON.readTree(empty.body()).get("errors").get(0).get("field").asString()).isEqualTo("name");

        HttpResponse<String> date = canYen().get("/api/v1/org-units?date=1900-01-01");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(date.body()).get("field").asString()).isEqualTo("date");

        HttpResponse<String> badDate = canYen().get("/api/v1/org-units?date=30-06-2025");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badDate.body()).get("field").asString()).isEqualTo("date");

        assertThat(canYen().postJson("/api/v1/org-units", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void searchByNameWorksWithoutDiacriticsThroughTheApi() {
        HttpResponse<String> r = Http.basic(port, "admin", "xhht-demo").get("/api/v1/org-units?date=2025-06-30&q=" + Http.enc("luong thong"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get(0).get("name").asString()).isEqualTo("Xã Lương Thông");
    }

    @Test
    void aStaleEditIsRefusedAndTheAuditTrailKeepsBeforeAndAfter() {
        String name = unique("Thôn Nà Rụa");
        JsonNode created = JSON.readTree(canYen().postJson("/api/v1/org-units",
                "{\"parentId\": %d, \"name\": \"%s\", \"type\": \"Thôn\"}".formatted(canYenId(), name)).body());
        long id = created.get("id").asLong();
        long version = created.get("version").asLong();

        HttpResponse<String> first = canYen().send(canYen().request("/api/v1/org-units/" + id).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"%s mới\", \"version\": %d}".formatted(name, version))).build());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        // a second client still holding the old version must not overwrite the first change
        HttpResponse<String> stale = canYen().send(canYen().request("/api/v1/org-units/" + id).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"%s khác\", \"version\": %d}".formatted(name, version))).build());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(canYen().get("/api/v1/org-units/" + id).body()).get("name").asString()).isEqualTo(name + " mới");

        var audit = jdbc.sql("select before_data ->> 'name' as b, after_data ->> 'name' as a, actor from audit_event where entity_type = 'OrgUnit' and entity_id = :id and action = 'UPDATE'")
                .param("id", String.valueOf(id)).query((rs, n) -> rs.getString("b") + "→" + rs.getString("a") + " by " + rs.getString("actor")).list();
        assertThat(audit).containsExactly(name + "→" + name + " mới by xa.canyen");

        // closing keeps the hamlet in history: valid through its last day, gone the day after
        long v2 = JSON.readTree(canYen().get("/api/v1/org-units/" + id).body()).get("version").asLong();
        HttpResponse<String> closed = canYen().postJson("/api/v1/org-units/" + id + "/close",
                "{\"validTo\": \"%s\", \"version\": %d}".formatted(java.time.LocalDate.now(vn.xhht.shared.VietnamClock.ZONE), v2));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(canYen().get("/api/v1/org-units?parentId=" + canYenId() + "&date=" + java.time.LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).plusDays(1)).body()).doesNotContain(name + " mới");
        assertThat(canYen().get("/api/v1/org-units?parentId=" + canYenId()).body()).contains(name + " mới");
        // its name is free again for a new hamlet
        assertThat(canYen().postJson("/api/v1/org-units", "{\"parentId\": %d, \"name\": \"%s mới\", \"type\": \"Thôn\"}".formatted(canYenId(), name)).statusCode()).isEqualTo(201);
    }
}
