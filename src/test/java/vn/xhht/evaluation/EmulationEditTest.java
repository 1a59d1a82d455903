package vn.xhht.evaluation;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14 (R27): emulation plans and clusters are edited with optimistic locking and deleted only while no member has
 * points, every change audited; the ranked results download as .xlsx; the same over the API with problem+json.
 */
@XhhtIntegrationTest
class EmulationEditTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EmulationClusters emulation;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    static final String CRITERIA = "Tổ chức hội; Phát triển hội viên; 10\nTổ chức hội; Quỹ khuyến học; 10\nPhong trào; Gia đình học tập; 20\n";

    long audits(String type, long id) {
        return jdbc.sql("select count(*) from audit_event where entity_type = :t and entity_id = :id").param("t", type)
                .param("id", String.valueOf(id)).query(Long.class).single();
    }

    @Test
    void editAndDeleteWithLockingAuditAndTheResultsKeptOnceScored() {
        var province = TestUsers.load(jdbc, "so.caobang");
        var commune = TestUsers.load(jdbc, "xa.canyen");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        List<Long> others = jdbc.sql("select id from org_unit where parent_id = :p and valid_to is null and id <> :c order by id desc limit 2")
                .param("p", caoBang).param("c", canYen).query(Long.class).list();
        EmulationClusters.Plan plan = emulation.createPlan(province, caoBang, 2025, "Thi đua sửa xóa " + UUID.randomUUID(), "Hội tỉnh", CRITERIA);

        // the plan: edited with the version read; a stale version is refused and changes nothing
        EmulationClusters.Plan renamed = emulation.updatePlan(province, plan.id(), plan.version(), "Kế hoạch đã sửa " + plan.id(), "Hội Khuyến học tỉnh");
        assertThat(renamed.version()).isEqualTo(plan.version() + 1);
        assertThatThrownBy(() -> emulation.updatePlan(province, plan.id(), plan.version(), "Bản cũ", "Hội"))
                .isInstanceOf(ConcurrentEditProblem.class);
        assertThat(emulation.plan(plan.id()).title()).isEqualTo("Kế hoạch đã sửa " + plan.id());
        assertThatThrownBy(() -> emulation.updatePlan(commune, plan.id(), renamed.version(), "X", "Y")).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> emulation.updatePlan(province, plan.id(), renamed.version(), " ", "Y"))
                .satisfies(x -> assertThat(EmulationClustersTest.fields(x)).containsExactly("title"));

        // a cluster: renamed and members changed; a stale save is refused
        EmulationClusters.Cluster c = emulation.createCluster(province, plan.id(), "Cụm A", List.of(canYen, others.get(0)));
        EmulationClusters.Cluster edited = emulation.updateCluster(province, c.id(), c.version(), "Cụm A mới", List.of(canYen, others.get(1)));
        assertThat(edited.name()).isEqualTo("Cụm A mới");
        assertThat(edited.members()).extracting(EmulationClusters.Member::unitId).containsExactlyInAnyOrder(canYen, others.get(1));
        assertThatThrownBy(() -> emulation.updateCluster(province, c.id(), c.version(), "Cụm cũ", List.of(canYen)))
                .isInstanceOf(ConcurrentEditProblem.class);
        long hanoi = TestUsers.unitId(jdbc, "01", OrgUnit.PROVINCE, "2025-07-01");
        assertThatThrownBy(() -> emulation.updateCluster(province, c.id(), edited.version(), "Cụm A mới", List.of(canYen, hanoi)))
                .isInstanceOf(AccessDeniedProblem.class);
        assertThat(audits("EmulationCluster", c.id())).isEqualTo(2);

        // once a member has points: it cannot leave the cluster, the cluster and the plan cannot be deleted
        long item = plan.items().get(0).id();
        emulation.saveScores(province, c.id(), canYen, Map.of(item, new BigDecimal("7.5")));
        assertThatThrownBy(() -> emulation.updateCluster(province, c.id(), edited.version(), "Cụm A mới", List.of(others.get(1))))
                .satisfies(x -> assertThat(EmulationClustersTest.fields(x)).containsExactly("memberUnitIds"));
        assertThatThrownBy(() -> emulation.deleteCluster(province, c.id(), edited.version()))
                .satisfies(x -> assertThat(EmulationClustersTest.fields(x)).containsExactly("clusterId"));
        assertThatThrownBy(() -> emulation.deletePlan(province, plan.id(), renamed.version()))
                .satisfies(x -> assertThat(EmulationClustersTest.fields(x)).containsExactly("planId"));
        assertThat(emulation.results(province, c.id()).get(0).total()).isEqualByComparingTo("7.5");

        // a cluster without points is deleted with its briefings; a plan without points with everything under it
        EmulationClusters.Plan empty = emulation.createPlan(province, caoBang, 2025, "Thi đua xóa " + UUID.randomUUID(), "Hội tỉnh", CRITERIA);
        EmulationClusters.Cluster b = emulation.createCluster(province, empty.id(), "Cụm B", List.of(canYen));
        emulation.addBriefing(province, b.id(), 1, java.time.LocalDate.of(2025, 2, 10), null);
        assertThatThrownBy(() -> emulation.deleteCluster(province, b.id(), b.version() + 5)).isInstanceOf(ConcurrentEditProblem.class);
        emulation.deleteCluster(province, b.id(), b.version());
        assertThat(emulation.clusters(empty.id())).isEmpty();
        assertThat(audits("EmulationCluster", b.id())).isEqualTo(2);
        emulation.createCluster(province, empty.id(), "Cụm C", List.of(canYen));
        emulation.deletePlan(province, empty.id(), empty.version());
        assertThat(jdbc.sql("select count(*) from emulation_plan where id = :id").param("id", empty.id()).query(Long.class).single()).isZero();
        assertThat(audits("EmulationPlan", empty.id())).isEqualTo(2);
    }

    @Test
    void rankedResultsDownloadAsXlsxAndTheApiEditsWithProblemJson() throws Exception {
        var province = TestUsers.load(jdbc, "so.caobang");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long other = jdbc.sql("select id from org_unit where parent_id = :p and valid_to is null and id <> :c order by id limit 1")
                .param("p", caoBang).param("c", canYen).query(Long.class).single();
        Http api = Http.basic(port, "so.caobang", "xhht-demo");
        // the plan through the API: typed criteria
        HttpResponse<String> created = api.postJson("/api/v1/evaluations/emulation/plans", """
                {"unitId": %d, "year": 2025, "title": "Thi đua API %s", "issuer": "Hội tỉnh",
                 "criteria": [{"content": "Tổ chức hội", "criterion": "Hội viên", "maxPoints": 10},
                              {"content": "Tổ chức hội", "criterion": "Quỹ", "maxPoints": 5.5}]}""".formatted(caoBang, UUID.randomUUID()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode plan = JSON.readTree(created.body());
        assertThat(plan.path("maxTotal").decimalValue()).isEqualByComparingTo("15.5");
        long planId = plan.path("id").asLong();
        long item1 = plan.path("criteria").get(0).path("id").asLong();
        long item2 = plan.path("criteria").get(1).path("id").asLong();
        HttpResponse<String> cluster = api.postJson("/api/v1/evaluations/emulation/plans/" + planId + "/clusters",
                "{\"name\": \"Cụm API\", \"memberUnitIds\": [%d, %d]}".formatted(canYen, other));
        assertThat(cluster.statusCode()).as(cluster.body()).isEqualTo(201);
        long clusterId = JSON.readTree(cluster.body()).path("id").asLong();
        // points above the maximum: problem+json naming the field, nothing saved
        HttpResponse<String> tooMany = send(api, "PUT", "/api/v1/evaluations/emulation/clusters/" + clusterId + "/members/" + canYen + "/scores",
                "{\"points\": [{\"itemId\": %d, \"points\": 11}]}".formatted(item1));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(tooMany.body()).contains("score_" + item1);
        HttpResponse<String> scored = send(api, "PUT", "/api/v1/evaluations/emulation/clusters/" + clusterId + "/members/" + canYen + "/scores",
                "{\"points\": [{\"itemId\": %d, \"points\": 9.25}, {\"itemId\": %d, \"points\": 5}]}".formatted(item1, item2));
        assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);
        JsonNode results = JSON.readTree(scored.body()).path("results");
        assertThat(results.get(0).path("unitId").asLong()).isEqualTo(canYen);
        assertThat(results.get(0).path("total").decimalValue()).isEqualByComparingTo("14.25");
        assertThat(results.get(1).path("complete").asBoolean()).isFalse();
        // a stale version answers 409; deleting a scored cluster answers 400
        HttpResponse<String> stale = send(api, "PUT", "/api/v1/evaluations/emulation/clusters/" + clusterId,
                "{\"name\": \"Cụm API 2\", \"memberUnitIds\": [%d, %d], \"version\": 99}".formatted(canYen, other));
        assertThat(stale.statusCode()).isEqualTo(409);
        HttpResponse<String> refused = send(api, "DELETE", "/api/v1/evaluations/emulation/clusters/" + clusterId + "?version=0", null);
        assertThat(refused.statusCode()).isEqualTo(400);

        // the .xlsx of the ranked results: rank, member, points per criterion (blank where not scored), total
        Http page = Http.session(port, new java.net.CookieManager());
        page.login("xa.canyen", "xhht-demo");
        HttpResponse<byte[]> xlsx = page.getBytes("/evaluations/emulation/clusters/" + clusterId + "/results.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet s = wb.getSheetAt(0);
            int header = s.getRow(0).getCell(0).getStringCellValue().equals("Hạng") ? 0 : 1;
            assertThat(s.getRow(header).getCell(2).getStringCellValue()).startsWith("1. Hội viên");
            var first = s.getRow(header + 1);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(9.25);
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(14.25);
            var second = s.getRow(header + 2);
            assertThat(second.getCell(2) == null || second.getCell(2).getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK).isTrue();
            assertThat(second.getCell(5).getStringCellValue()).isEqualTo("chưa chấm đủ");
        }
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'EmulationCluster' and action = 'EXPORT' and entity_id = :id")
                .param("id", String.valueOf(clusterId)).query(Long.class).single()).isEqualTo(1);
        // a member reads its cluster over the API but cannot change it
        Http memberApi = Http.basic(port, "xa.canyen", "xhht-demo");
        assertThat(memberApi.get("/api/v1/evaluations/emulation/clusters/" + clusterId).statusCode()).isEqualTo(200);
        assertThat(send(memberApi, "DELETE", "/api/v1/evaluations/emulation/clusters/" + clusterId + "?version=0", null).statusCode()).isEqualTo(403);
        assertThat(province.unitId()).isEqualTo(caoBang);
    }

    static HttpResponse<String> send(Http http, String method, String path, String body) {
        return http.send(http.request(path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }
}
