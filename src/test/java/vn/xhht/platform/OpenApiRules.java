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
                for (JsonNode x : s.get(combo)) {
                    walk(doc, x, at + "/" + combo, seen, out);
                }
                return;
            }
        }
        String type = typeOf(s);
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
