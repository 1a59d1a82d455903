package vn.xhht.platform;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.xhht.shared.PublicApi;
import vn.xhht.support.Http;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document passes the rules a client developer's linter applies (issue 19). The rules are
 * in {@link OpenApiRules}, so nothing is downloaded at test time.
 */
@XhhtIntegrationTest
class OpenApiContractTest {

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    JsonNode served() {
        HttpResponse<String> r = Http.anonymous(port).get("/v3/api-docs");
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void everyOperationPassesTheContractRules() {
        JsonNode doc = served();
        System.out.println("OPENAPI COUNTS " + OpenApiRules.counts(doc));
        List<OpenApiRules.Op> ops = OpenApiRules.operations(doc);
        assertThat(ops).as("operations in the document").hasSizeGreaterThanOrEqualTo(59);
        List<String> broken = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (OpenApiRules.Op op : ops) {
            JsonNode n = op.node();
            boolean open = PublicApi.isOpen(op.method(), op.path());
            JsonNode security = n.get("security");
            if (security == null || !security.isArray()) {
                broken.add(op.name() + ": no security requirement (not even an explicit empty one)");
            } else if (open && !security.isEmpty()) {
                broken.add(op.name() + ": public operation must declare security: []");
            } else if (!open && (security.isEmpty() || !security.toString().contains(OpenApiContract.BASIC)
                    || !security.toString().contains(OpenApiContract.SESSION))) {
                broken.add(op.name() + ": must accept HTTP Basic or the session: " + security);
            }
            if (!OpenApiRules.hasSummary(op)) {
                broken.add(op.name() + ": no summary");
            } else if (!n.get("summary").asString().matches(".*[àáảãạăâđèéêìíòóôơùúưýÀ-ỹ].*")) {
                broken.add(op.name() + ": summary is not Vietnamese: " + n.get("summary").asString());
            }
            if (!n.hasNonNull("description") || n.get("description").asString().isBlank()) {
                broken.add(op.name() + ": no description");
            }
            if (!OpenApiRules.documents4xx(op)) {
                broken.add(op.name() + ": no 4xx answer documented");
            }
            for (Map.Entry<String, JsonNode> r : n.get("responses").properties()) {
                if (r.getKey().startsWith("4") && !r.getValue().path("content").path("application/problem+json").path("schema")
                        .path("$ref").asString("").equals("#/components/schemas/Problem")) {
                    broken.add(op.name() + ": " + r.getKey() + " is not the shared problem+json schema");
                }
            }
            String id = n.path("operationId").asString("");
            ids.add(id);
            if (id.isBlank() || OpenApiRules.GENERIC_IDS.contains(id) || id.matches(".*_\\d+$")
                    || id.toLowerCase().contains("controller")) {
                broken.add(op.name() + ": operationId says nothing or is generated: '" + id + "'");
            }
            for (JsonNode tag : n.path("tags")) {
                if (tag.asString().contains("-controller") || !tag.asString().contains(" / ")) {
                    broken.add(op.name() + ": tag must be 'Vietnamese / English', not " + tag.asString());
                }
            }
            if (n.path("tags").isEmpty()) {
                broken.add(op.name() + ": no tag");
            }
            if (!OpenApiRules.typedAnswers(doc, op)) {
                broken.add(op.name() + ": untyped answer " + untypedAnswers(doc, op));
            }
            if (n.has("requestBody") && n.get("requestBody").path("content").has("application/json")) {
                JsonNode schema = n.get("requestBody").get("content").get("application/json").get("schema");
                if (!hasExample(doc, schema)) {
                    broken.add(op.name() + ": request body without example");
                }
            }
        }
        assertThat(broken).as("contract rules broken").isEmpty();
        assertThat(ids).as("operationIds are unique").doesNotHaveDuplicates();
    }

    /** Not only the answers: no schema anywhere (components, nested properties, items, oneOf, bodies) leaves a client an Object. */
    @Test
    void noSchemaAnywhereIsUntyped() {
        JsonNode doc = served();
        assertThat(doc.path("components").path("schemas").size()).as("component schemas").isGreaterThan(50);
        assertThat(OpenApiRules.untypedAnywhere(doc)).as("untyped schemas").isEmpty();
    }

    /** The walker finds what it is meant to find, so an empty list above means something. */
    @Test
    void theSchemaWalkerRecognisesUntypedSchemas() {
        JsonNode doc = json.readTree("""
                {"paths": {"/x": {"put": {"requestBody": {"content": {"application/json": {"schema": {"type": "object",
                  "additionalProperties": {}}}}}, "responses": {"200": {"content": {"application/json": {"schema":
                  {"$ref": "#/components/schemas/Gone"}}}}}}}},
                 "components": {"schemas": {
                  "Fine": {"type": "object", "properties": {"n": {"type": "integer"}, "v": {"oneOf": [{"type": "number"},
                     {"type": "string"}, {"type": "null"}]}, "m": {"type": "object", "additionalProperties": {"type": "number"}}}},
                  "Bare": {"type": "object"},
                  "Deep": {"type": "object", "properties": {"rows": {"type": "array", "items": {"type": "object",
                     "properties": {"v": {"type": "null", "oneOf": [{"type": "number"}, {"type": "string"}]}}}}}},
                  "AnyOne": {"type": "object", "properties": {"v": {"oneOf": [{}, {"type": "string"}]}}}}}}
                """);
        List<String> found = OpenApiRules.untypedAnywhere(doc);
        assertThat(found).anyMatch(f -> f.startsWith("#/components/schemas/Bare"))
                .anyMatch(f -> f.startsWith("#/components/schemas/Deep.rows[].v"))
                .anyMatch(f -> f.startsWith("#/components/schemas/AnyOne.v/oneOf"))
                .anyMatch(f -> f.startsWith("PUT /x body application/json{*}"))
                .anyMatch(f -> f.contains("dangling #/components/schemas/Gone"))
                .noneMatch(f -> f.startsWith("#/components/schemas/Fine"));
    }

    @Test
    void theErrorSchemaNamesTheFields() {
        JsonNode problem = served().at("/components/schemas/Problem");
        assertThat(problem.path("properties").propertyNames()).contains("type", "title", "status", "detail", "field", "errors");
        JsonNode fieldError = served().at("/components/schemas/FieldError/properties");
        assertThat(fieldError.propertyNames()).containsExactlyInAnyOrder("field", "message");
    }

    @Test
    void securitySchemesAndGuideAreDeclared() {
        JsonNode doc = served();
        assertThat(doc.at("/components/securitySchemes/" + OpenApiContract.BASIC + "/scheme").asString()).isEqualTo("basic");
        assertThat(doc.at("/components/securitySchemes/" + OpenApiContract.SESSION + "/in").asString()).isEqualTo("cookie");
        assertThat(doc.at("/components/securitySchemes/" + OpenApiContract.CSRF + "/in").asString()).isEqualTo("header");
        assertThat(doc.at("/externalDocs/url").asString()).isEqualTo("/api");
        // a public operation really is open, a protected one really is not: the document and the server agree
        assertThat(doc.at("/paths/~1api~1v1~1working-days~1check/get/security").isEmpty()).isTrue();
        assertThat(Http.anonymous(port).get("/api/v1/working-days/check?date=2026-09-02").statusCode()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/api/v1/org-units").statusCode()).isEqualTo(401);
    }

    private static boolean hasExample(JsonNode doc, JsonNode schema) {
        if (schema == null) {
            return false;
        }
        if (schema.has("example") || schema.has("examples")) {
            return true;
        }
        if (schema.has("$ref")) {
            return hasExample(doc, doc.at(schema.get("$ref").asString().substring(1)));
        }
        for (JsonNode p : schema.path("properties")) {
            if (hasExample(doc, p)) {
                return true;
            }
        }
        JsonNode extra = schema.get("additionalProperties");
        return extra != null && extra.isObject() && hasExample(doc, extra);
    }

    private static List<String> untypedAnswers(JsonNode doc, OpenApiRules.Op op) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> r : op.node().get("responses").properties()) {
            for (JsonNode c : r.getValue().path("content")) {
                if (r.getKey().startsWith("2")) {
                    out.addAll(OpenApiRules.untyped(doc, c.get("schema"), new ArrayList<>()));
                }
            }
        }
        return out;
    }
}
