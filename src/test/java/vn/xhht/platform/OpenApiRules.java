package vn.xhht.platform;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The rules a client developer's linter applies to the served OpenAPI document, written here so that the build
 * checks them without downloading a linter. {@link #counts} gives the figures reported for issue 19.
 */
final class OpenApiRules {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** operationIds a generator would derive when none is given, or that say nothing about the operation */
    static final Set<String> GENERIC_IDS = Set.of("values", "get", "list", "create", "update", "delete", "submit", "approve",
            "check", "add", "record", "summary", "types", "topics", "calendar", "index", "handle");

    private OpenApiRules() {
    }

    record Op(String method, String path, JsonNode node) {
        String name() {
            return method.toUpperCase() + " " + path;
        }
    }

    static List<Op> operations(JsonNode doc) {
        List<Op> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> m : p.getValue().properties()) {
                if (METHODS.contains(m.getKey())) {
                    ops.add(new Op(m.getKey(), p.getKey(), m.getValue()));
                }
            }
        }
        return ops;
    }

    static boolean hasSecurity(JsonNode doc, Op op) {
        JsonNode sec = op.node().has("security") ? op.node().get("security") : doc.get("security");
        return sec != null && sec.isArray();
    }

    static boolean hasSummary(Op op) {
        return op.node().hasNonNull("summary") && !op.node().get("summary").asString().isBlank();
    }

    static boolean documents4xx(Op op) {
        JsonNode r = op.node().get("responses");
        if (r == null) {
            return false;
        }
        for (String code : r.propertyNames()) {
            if (code.startsWith("4")) {
                return true;
            }
        }
        return false;
    }

    /** Every 2xx answer with content has a schema that names its fields (directly, through $ref or as an array of such). */
    static boolean typedAnswers(JsonNode doc, Op op) {
        JsonNode r = op.node().get("responses");
        if (r == null) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : r.properties()) {
            if (!e.getKey().startsWith("2") || !e.getValue().has("content")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> c : e.getValue().get("content").properties()) {
                JsonNode schema = c.getValue().get("schema");
                if (schema != null && "binary".equals(schema.path("format").asString(""))) {
                    continue; // files (xlsx, pdf) are typed by their media type
                }
                if (!untyped(doc, c.getValue().get("schema"), new ArrayList<>()).isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Paths (inside the schema) of objects that declare no properties, i.e. a client would see them as a bare Object. */
    static List<String> untyped(JsonNode doc, JsonNode schema, List<String> seen) {
        List<String> out = new ArrayList<>();
        walk(doc, schema, "$", seen, out);
        return out;
    }

    private static void walk(JsonNode doc, JsonNode s, String at, List<String> seen, List<String> out) {
        if (s == null || s.isMissingNode() || s.isNull()) {
            out.add(at + " (no schema)");
            return;
        }
        if (s.has("$ref")) {
            String ref = s.get("$ref").asString();
            if (seen.contains(ref)) {
                return;
            }
            seen.add(ref);
            walk(doc, doc.at(ref.substring(1)), ref, seen, out);
            return;
        }
        for (String combo : List.of("oneOf", "anyOf", "allOf")) {
            if (s.has(combo)) {
                if ("null".equals(typeOf(s)) || s.path("type").isString() && !"object".equals(s.get("type").asString())) {
                    // a sibling type narrows every alternative: "type: null" beside oneOf means "always null"
                    out.add(at + " (" + combo + " contradicted by type " + s.get("type") + ")");
                }
                if (s.get(combo).isEmpty()) {
                    out.add(at + " (empty " + combo + ")");
                }
                for (JsonNode x : s.get(combo)) {
                    if (x.isObject() && x.isEmpty()) {
                        out.add(at + "/" + combo + " ({} accepts anything)");
                    } else if (!"null".equals(typeOf(x))) {
                        walk(doc, x, at + "/" + combo, seen, out);
                    }
                }
                return;
            }
        }
        String type = typeOf(s);
        if ("null".equals(type)) {
            out.add(at + " (always null)");
            return;
        }
        if (type == null && !s.has("properties") && !s.has("items") && !s.has("enum")) {
            out.add(at + " (no type)");
            return;
        }
        if ("array".equals(type) || s.has("items")) {
            walk(doc, s.get("items"), at + "[]", seen, out);
            return;
        }
        if ("object".equals(type) || s.has("properties")) {
            JsonNode props = s.get("properties");
            JsonNode extra = s.get("additionalProperties");
            if ((props == null || props.isEmpty()) && (extra == null || extra.isBoolean())) {
                out.add(at + " (object without properties)");
                return;
            }
            if (props != null) {
                for (Map.Entry<String, JsonNode> p : props.properties()) {
                    walk(doc, p.getValue(), at + "." + p.getKey(), seen, out);
                }
            }
            if (extra != null && !extra.isBoolean()) {
                walk(doc, extra, at + "{*}", seen, out);
            }
        }
    }

    private static String typeOf(JsonNode s) {
        JsonNode t = s.get("type");
        if (t == null) {
            return null;
        }
        if (t.isArray()) {
            for (Iterator<JsonNode> it = t.iterator(); it.hasNext(); ) {
                String v = it.next().asString();
                if (!"null".equals(v)) {
                    return v;
                }
            }
            return null;
        }
        return t.asString();
    }

    /**
     * Every untyped schema anywhere in the document: each component schema with everything nested in it (properties,
     * items, additional properties, oneOf/anyOf/allOf), and the parameters, request bodies and answers of every operation.
     */
    static List<String> untypedAnywhere(JsonNode doc) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> c : doc.path("components").path("schemas").properties()) {
            List<String> seen = new ArrayList<>();
            seen.add("#/components/schemas/" + c.getKey());
            walk(doc, c.getValue(), "#/components/schemas/" + c.getKey(), seen, out);
        }
        for (Op op : operations(doc)) {
            for (JsonNode p : op.node().path("parameters")) {
                walkOnly(doc, p.get("schema"), op.name() + " parameter " + p.path("name").asString(), out);
            }
            for (Map.Entry<String, JsonNode> c : op.node().path("requestBody").path("content").properties()) {
                walkOnly(doc, c.getValue().get("schema"), op.name() + " body " + c.getKey(), out);
            }
            for (Map.Entry<String, JsonNode> r : op.node().path("responses").properties()) {
                for (Map.Entry<String, JsonNode> c : r.getValue().path("content").properties()) {
                    JsonNode schema = c.getValue().get("schema");
                    if (schema != null && "binary".equals(schema.path("format").asString(""))) {
                        continue;
                    }
                    walkOnly(doc, schema, op.name() + " " + r.getKey() + " " + c.getKey(), out);
                }
            }
        }
        return out;
    }

    /** Walks a schema without following references: the components are walked on their own. */
    private static void walkOnly(JsonNode doc, JsonNode schema, String at, List<String> out) {
        if (schema != null && schema.has("$ref")) {
            if (doc.at(schema.get("$ref").asString().substring(1)).isMissingNode()) {
                out.add(at + " (dangling " + schema.get("$ref").asString() + ")");
            }
            return;
        }
        walk(doc, schema, at, new ArrayList<>(), out);
    }

    static Map<String, Integer> counts(JsonNode doc) {
        List<Op> ops = operations(doc);
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("paths", doc.get("paths").size());
        c.put("operations", ops.size());
        c.put("withSecurity", (int) ops.stream().filter(o -> hasSecurity(doc, o)).count());
        c.put("withSummary", (int) ops.stream().filter(OpenApiRules::hasSummary).count());
        c.put("withDocumented4xx", (int) ops.stream().filter(OpenApiRules::documents4xx).count());
        c.put("withTypedAnswers", (int) ops.stream().filter(o -> typedAnswers(doc, o)).count());
        return c;
    }
}
