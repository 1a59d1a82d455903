package vn.xhht.platform;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.xhht.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write of the OpenAPI document whose body carries ids: each id, replaced by the id of an object of another
 * province, is refused (400/403/404) and changes nothing — and the same body with the caller's own ids is then
 * accepted, so the refusal was about the id. A new write with an id field and no case here fails the test.
 */
@FuzzDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForeignIdWriteTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** Ids of the caller's area (Xã Cần Yên, Cao Bằng) and of another province's (Phường Ba Đình, Hà Nội). */
    final Map<String, Long> own = new LinkedHashMap<>();
    final Map<String, Long> foreign = new LinkedHashMap<>();
    int evaluationYear;

    /** A write's valid body with the caller's own ids, the user sending it and the id fields that need no scope. */
    record Case(String user, Supplier<String> path, Supplier<String> body, Set<String> unscoped, boolean acceptsOwn) {
    }

    /** Ids that name shared reference data (the same list for every province), or a target anyone may choose. */
    static final Map<String, String> WHY_UNSCOPED = Map.of(
            "campaignId@/api/v1/centres/{id}/activities", "activity campaigns are national reference data",
            "centreId@/api/v1/public/learning-needs", "a resident registers with any centre of the country",
            "campaignId@/api/v1/communication-plans", "activity campaigns are national reference data");

    @BeforeAll
    void fixtures() {
        FuzzSupport.installChangeLog(jdbc);
        long canYen = unit("Xã Cần Yên", 3, "04");
        long baDinh = unit("Phường Ba Đình", 3, "01");
        long caoBang = unit("Tỉnh Cao Bằng", 1, "04");
        long haNoi = unit("Thành phố Hà Nội", 1, "01");
        own.put("commune", canYen);
        foreign.put("commune", baDinh);
        long canYenCentre = centre(canYen);
        long baDinhCentre = centre(baDinh);
        own.put("centre", canYenCentre);
        foreign.put("centre", baDinhCentre);
        own.put("hamlet", hamlet("xa.canyen", canYen));
        foreign.put("hamlet", hamlet("admin", baDinh));
        own.put("club", club(canYenCentre));
        foreign.put("club", club(baDinhCentre));
        own.put("planRow", planRow(canYen, caoBang, canYenCentre));
        foreign.put("planRow", planRow(baDinh, haNoi, baDinhCentre));
        foreign.put("subject", jdbc.sql("""
                insert into eval_subject (kind, name, unit_id, province_id) values ('FAMILY', :n, :u, :p) returning id
                """).param("n", "Gia đình " + UUID.randomUUID()).param("u", baDinh).param("p", haNoi).query(Long.class).single());
        long fv = jdbc.sql("select id from eval_framework_version where code = 'tt25-2023-commune' order by id desc limit 1")
                .query(Long.class).single();
        evaluationYear = 2024;
        while (jdbc.sql("""
                select exists (select 1 from evaluation e join eval_framework_version v on v.id = e.framework_version_id
                                where v.code = 'tt25-2023-commune' and e.subject_unit_id = :u and e.eval_year = :y)
                """).param("u", canYen).param("y", evaluationYear).query(Boolean.class).single()) {
            evaluationYear++;
        }
        own.put("evalCampaign", campaign(caoBang, fv));
        own.put("establishment", establishment(canYen));
        own.put("dialogue", jdbc.sql("""
                insert into ovs_dialogue (unit_id, held_on, parties, topics) values (:u, date '2026-03-02', 'UBND xã', 'Đối thoại') returning id
                """).param("u", canYen).query(Long.class).single());
        foreign.put("establishment", establishment(baDinh));
        foreign.put("evalCampaign", campaign(haNoi, fv));
        long emulationPlan = jdbc.sql("""
                insert into emulation_plan (owner_unit_id, province_id, plan_year, title, issuer) values (:o, :o, 2026, :t, 'Hội Khuyến học tỉnh')
                returning id""").param("o", caoBang).param("t", "Kế hoạch thi đua thử " + UUID.randomUUID()).query(Long.class).single();
        jdbc.sql("""
                insert into emulation_plan_item (plan_id, content_no, content_title, criterion_no, criterion_title, max_points)
                values (:p, 1, 'Tổ chức hội', 1, 'Phát triển hội viên', 10)""").param("p", emulationPlan).update();
        own.put("emulationPlan", emulationPlan);
        long cluster = jdbc.sql("insert into emulation_cluster (plan_id, name) values (:p, :n) returning id").param("p", emulationPlan)
                .param("n", "Cụm thử " + UUID.randomUUID()).query(Long.class).single();
        jdbc.sql("insert into emulation_cluster_member (cluster_id, unit_id) values (:c, :u)").param("c", cluster).param("u", canYen).update();
        own.put("emulationCluster", cluster);
    }

    @org.springframework.beans.factory.annotation.Autowired
    vn.xhht.shared.VietnamClock vietnamClock;

    Map<String, Case> cases() {
        Map<String, Case> c = new LinkedHashMap<>();
        c.put("POST /api/v1/centres", new Case("so.caobang", () -> "/api/v1/centres",
                () -> "{\"communeId\": %d, \"name\": \"TTHTCĐ thử\"}".formatted(own.get("commune")), Set.of(), false));
        c.put("POST /api/v1/centres/{id}/activities", new Case("xa.canyen", () -> "/api/v1/centres/" + own.get("centre") + "/activities",
                () -> """
                        {"type": "%s", "topic": "%s", "title": "Buổi sinh hoạt %s", "startDate": "%s", "participations": 20,
                         "women": 10, "hamletId": %d, "clubId": %d, "planRowId": %d}
                        """.formatted(code("activity_type"), code("topic"), UUID.randomUUID(), vietnamClock.today(),
                        own.get("hamlet"), own.get("club"), own.get("planRow")), Set.of("campaignId"), true));
        c.put("POST /api/v1/public/learning-needs", new Case(null, () -> "/api/v1/public/learning-needs",
                () -> "{\"centreId\": %d, \"topic\": \"%s\", \"hamletId\": %d}".formatted(own.get("centre"), code("topic"), own.get("hamlet")),
                Set.of("centreId"), true));
        c.put("POST /api/v1/evaluations", new Case("xa.canyen", () -> "/api/v1/evaluations",
                () -> "{\"frameworkCode\": \"tt25-2023-commune\", \"subjectUnitId\": %d, \"year\": %d, \"campaignId\": %d}"
                        .formatted(own.get("commune"), evaluationYear, own.get("evalCampaign")), Set.of(), true));
        c.put("POST /api/v1/org-units", new Case("xa.canyen", () -> "/api/v1/org-units",
                () -> "{\"parentId\": %d, \"name\": \"Thôn %s\", \"type\": \"thon\"}".formatted(own.get("commune"),
                        UUID.randomUUID().toString().substring(0, 8)), Set.of(), true));
        c.put("POST /api/v1/reports", new Case("xa.canyen", () -> "/api/v1/reports",
                () -> "{\"templateCode\": \"out-of-school\", \"period\": \"2026S2\", \"unitId\": %d}".formatted(own.get("commune")),
                Set.of(), true));
        c.put("POST /api/v1/establishments", new Case("so.caobang", () -> "/api/v1/establishments",
                () -> "{\"kind\": \"EXTRA_TEACHING\", \"name\": \"Cơ sở dạy thêm %s\", \"address\": \"Số 1\", \"unitId\": %d}"
                        .formatted(UUID.randomUUID().toString().substring(0, 8), own.get("commune")), Set.of(), true));
        c.put("PATCH /api/v1/establishments/{id}", new Case("so.caobang", () -> "/api/v1/establishments/" + own.get("establishment"),
                () -> "{\"unitId\": %d}".formatted(own.get("commune")), Set.of(), true));
        c.put("POST /api/v1/dialogues", new Case("xa.canyen", () -> "/api/v1/dialogues",
                () -> "{\"unitId\": %d, \"heldOn\": \"2026-06-15\", \"parties\": \"UBND xã\", \"topics\": \"Học phí\"}"
                        .formatted(own.get("commune")), Set.of(), true));
        c.put("PUT /api/v1/dialogues/{id}", new Case("xa.canyen", () -> "/api/v1/dialogues/" + own.get("dialogue"),
                () -> "{\"unitId\": %d, \"heldOn\": \"2026-03-02\", \"parties\": \"UBND xã\", \"topics\": \"Đối thoại\", \"version\": %d}"
                        .formatted(own.get("commune"), jdbc.sql("select version from ovs_dialogue where id = :id").param("id", own.get("dialogue"))
                                .query(Long.class).single()), Set.of(), true));
        c.put("POST /api/v1/inspections", new Case("so.caobang", () -> "/api/v1/inspections",
                () -> "{\"subjectType\": \"ESTABLISHMENT\", \"subjectId\": %d, \"date\": \"%s\", \"team\": [{\"fullName\": \"Lê Văn A\", \"agency\": \"Sở GD&ĐT\"}]}"
                        .formatted(own.get("establishment"), java.time.LocalDate.of(2026, 11, 2)), Set.of(), true));
        c.put("POST /api/v1/trainings", new Case("so.caobang", () -> "/api/v1/trainings",
                () -> "{\"unitId\": %d, \"title\": \"Tập huấn %s\", \"startDate\": \"2026-10-05\", \"endDate\": \"2026-10-06\"}"
                        .formatted(own.get("commune"), UUID.randomUUID().toString().substring(0, 8)), Set.of(), true));
        c.put("POST /api/v1/news", new Case("xa.canyen", () -> "/api/v1/news",
                () -> "{\"unitId\": %d, \"kind\": \"NEWS\", \"title\": \"Tin thử %s\"}"
                        .formatted(own.get("commune"), UUID.randomUUID().toString().substring(0, 8)), Set.of(), true));
        c.put("POST /api/v1/communication-plans", new Case("so.caobang", () -> "/api/v1/communication-plans",
                () -> "{\"unitId\": %d, \"year\": 2026, \"channelCode\": \"RADIO\", \"topic\": \"Bài %s\", \"plannedOn\": \"2026-05-01\", \"responsibleUnit\": \"Đài\"}"
                        .formatted(own.get("commune"), UUID.randomUUID().toString().substring(0, 8)), Set.of("campaignId"), true));
        c.put("POST /api/v1/cooperation-programmes", new Case("so.caobang", () -> "/api/v1/cooperation-programmes",
                () -> "{\"unitId\": %d, \"number\": \"CTPH %s\", \"title\": \"Phối hợp\", \"parties\": \"Sở; Biên phòng\", \"startsOn\": \"2018-01-01\", \"endsOn\": \"2025-12-31\"}"
                        .formatted(own.get("commune"), UUID.randomUUID().toString().substring(0, 8)), Set.of(), true));
        c.put("POST /api/v1/contingency-scenarios", new Case("xa.canyen", () -> "/api/v1/contingency-scenarios",
                () -> "{\"unitId\": %d, \"centreId\": %d, \"hazard\": \"STORM\", \"action\": \"ONLINE\", \"decider\": \"Giám đốc\"}"
                        .formatted(own.get("commune"), own.get("centre")), Set.of(), true));
        c.put("POST /api/v1/evaluations/emulation/plans", new Case("xa.canyen", () -> "/api/v1/evaluations/emulation/plans",
                () -> ("{\"unitId\": %d, \"year\": 2026, \"title\": \"Thi đua %s\", \"issuer\": \"Chi hội\","
                        + " \"criteria\": [{\"content\": \"Tổ chức\", \"criterion\": \"Hội viên\", \"maxPoints\": 10}]}")
                        .formatted(own.get("commune"), UUID.randomUUID().toString().substring(0, 8)), Set.of(), true));
        c.put("POST /api/v1/evaluations/emulation/plans/{id}/clusters", new Case("so.caobang",
                () -> "/api/v1/evaluations/emulation/plans/" + own.get("emulationPlan") + "/clusters",
                () -> "{\"name\": \"Cụm %s\", \"memberUnitIds\": [%d]}".formatted(UUID.randomUUID().toString().substring(0, 8),
                        own.get("commune")), Set.of(), true));
        c.put("PUT /api/v1/evaluations/emulation/clusters/{id}", new Case("so.caobang",
                () -> "/api/v1/evaluations/emulation/clusters/" + own.get("emulationCluster"),
                () -> "{\"name\": \"Cụm %s\", \"memberUnitIds\": [%d], \"version\": %d}".formatted(
                        UUID.randomUUID().toString().substring(0, 8), own.get("commune"),
                        jdbc.sql("select version from emulation_cluster where id = :id").param("id", own.get("emulationCluster"))
                                .query(Long.class).single()), Set.of(), true));
        return c;
    }

    /**
     * Body ids whose foreign value needs a whole workflow first (an approved budget for a spending line, a training with
     * people records for attendance); their refusal with nothing saved is tested where that workflow is built.
     */
    static final Map<String, String> COVERED_ELSEWHERE = Map.of(
            "POST /api/v1/budgets/{id}/lines", "BudgetWorkflowTest, BudgetLinksTest: a spending line linked to another centre's activity, class, training or asset is refused, nothing saved",
            "POST /api/v1/trainings/{id}/attendance", "TrainingComplianceTest: a person of another province is refused, nothing saved");

    /** The foreign object of the kind an id field names. */
    Long foreignFor(String operation, String field) {
        return switch (field) {
            case "communeId", "subjectUnitId", "parentId", "unitId", "memberUnitIds" -> foreign.get("commune");
            case "hamletId" -> foreign.get("hamlet");
            case "clubId" -> foreign.get("club");
            case "planRowId" -> foreign.get("planRow");
            case "subjectId" -> operation.contains("inspections") ? foreign.get("establishment") : foreign.get("subject");
            case "centreId" -> foreign.get("centre");
            case "campaignId" -> operation.contains("evaluations") ? foreign.get("evalCampaign") : null;
            default -> null;
        };
    }

    @Test
    void everyIdInABodyIsCheckedAgainstTheCallersArea() {
        JsonNode doc = JSON.readTree(Http.basic(port, "admin", "xhht-demo").get("/v3/api-docs").body());
        JsonNode schemas = doc.path("components").path("schemas");
        Map<String, Case> cases = cases();
        List<String> problems = new ArrayList<>();
        int substitutions = 0;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                if (!Set.of("POST", "PUT", "PATCH").contains(method)) {
                    continue;
                }
                JsonNode schema = InputFuzzTest.resolve(op.getValue().path("requestBody").path("content").path("application/json").path("schema"), schemas);
                List<String> idFields = new ArrayList<>();
                for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                    if (p.getKey().endsWith("Id") || p.getKey().endsWith("Ids")) {
                        idFields.add(p.getKey());
                    }
                }
                if (idFields.isEmpty()) {
                    continue;
                }
                String operation = method + " " + path.getKey();
                Case c = cases.get(operation);
                if (c == null && COVERED_ELSEWHERE.containsKey(operation)) {
                    continue;
                }
                if (c == null) {
                    problems.add(operation + ": body ids " + idFields + " and no case in this test");
                    continue;
                }
                for (String field : idFields) {
                    if (c.unscoped().contains(field)) {
                        assertThat(WHY_UNSCOPED).as(field + " of " + operation + " needs a reason").containsKey(field + "@" + path.getKey());
                        continue;
                    }
                    Long foreignId = foreignFor(operation, field);
                    if (foreignId == null) {
                        problems.add(operation + ": no foreign object known for " + field);
                        continue;
                    }
                    ObjectNode body = (ObjectNode) JSON.readTree(c.body().get());
                    if (field.endsWith("Ids")) {
                        // a list of ids: the foreign one among them, in the shape the operation takes
                        body.putArray(field).add(foreignId);
                    } else {
                        body.put(field, foreignId);
                    }
                    FuzzSupport.clearChanges(jdbc);
                    HttpResponse<String> r = send(c, method, JSON.writeValueAsString(body));
                    substitutions++;
                    if (!Set.of(400, 403, 404).contains(r.statusCode())) {
                        problems.add(operation + " " + field + "=" + foreignId + " (another province) → " + r.statusCode() + " " + r.body());
                    }
                    Set<String> changed = FuzzSupport.changes(jdbc);
                    if (!changed.isEmpty()) {
                        problems.add(operation + " " + field + "=" + foreignId + " changed " + changed);
                    }
                }
                if (c.acceptsOwn()) {
                    HttpResponse<String> r = send(c, method, c.body().get());
                    if (r.statusCode() / 100 != 2) {
                        problems.add(operation + " with the caller's own ids → " + r.statusCode() + " " + r.body()
                                + " (the positive control must be accepted)");
                    }
                }
            }
        }
        System.out.println("foreign ids: " + substitutions + " substitutions; problems " + problems);
        assertThat(substitutions).isGreaterThanOrEqualTo(8);
        assertThat(problems).isEmpty();
    }

    HttpResponse<String> send(Case c, String method, String body) {
        Http http = c.user() == null ? Http.anonymous(port) : Http.basic(port, c.user(), "xhht-demo");
        return http.send(http.request(c.path().get()).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    long unit(String name, int level, String provinceCode) {
        return jdbc.sql("""
                select u.id from org_unit u join org_unit p on p.id = coalesce(u.province_id, u.id)
                 where u.name = :n and u.level = :l and p.code = :p and u.valid_to is null
                """).param("n", name).param("l", level).param("p", provinceCode).query(Long.class).single();
    }

    long establishment(long commune) {
        return jdbc.sql("""
                insert into ovs_establishment (kind, name, address, unit_id) values ('FOREIGN_LANGUAGE_IT', :n, 'Số 1', :u) returning id
                """).param("n", "Trung tâm Ngoại ngữ " + UUID.randomUUID()).param("u", commune).query(Long.class).single();
    }

    long centre(long commune) {
        return jdbc.sql("select id from centre where commune_id = :c").param("c", commune).query(Long.class).single();
    }

    long hamlet(String user, long commune) {
        HttpResponse<String> r = Http.basic(port, user, "xhht-demo").postJson("/api/v1/org-units",
                "{\"parentId\": %d, \"name\": \"Tổ %s\", \"type\": \"to dan pho\"}".formatted(commune, UUID.randomUUID().toString().substring(0, 8)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("id").asLong();
    }

    long club(long centre) {
        return jdbc.sql("insert into club (centre_id, name) values (:c, :n) returning id").param("c", centre)
                .param("n", "Câu lạc bộ " + UUID.randomUUID()).query(Long.class).single();
    }

    long planRow(long owner, long province, long centre) {
        int year = 2090 + (int) (Math.abs(owner) % 9);
        Long plan = jdbc.sql("select id from plan where owner_unit_id = :o and plan_year = :y").param("o", owner).param("y", year)
                .query(Long.class).optional().orElseGet(() -> jdbc.sql("""
                        insert into plan (owner_unit_id, centre_id, province_id, plan_year, year_kind, title)
                        values (:o, :c, :p, :y, 'CALENDAR', 'Kế hoạch thử') returning id
                        """).param("o", owner).param("c", centre).param("p", province).param("y", year).query(Long.class).single());
        return jdbc.sql("insert into plan_row (plan_id, month, activity) values (:p, date '2026-01-01', 'Sinh hoạt') returning id")
                .param("p", plan).query(Long.class).single();
    }

    long campaign(long owner, long frameworkVersion) {
        return jdbc.sql("""
                insert into eval_campaign (owner_unit_id, province_id, framework_version_id, eval_year, title)
                values (:o, :o, :fv, :y, :t) returning id
                """).param("o", owner).param("fv", frameworkVersion).param("y", evaluationYear)
                .param("t", "Đợt thử " + UUID.randomUUID()).query(Long.class).single();
    }

    String code(String table) {
        String active = table.equals("topic") ? " where active" : "";
        return jdbc.sql("select code from " + table + active + " order by sort limit 1").query(String.class).single();
    }
}
