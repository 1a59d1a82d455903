package vn.xhht.platform;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.xhht.platform.FuzzSupport.Bad;
import vn.xhht.platform.FuzzSupport.Fields;
import vn.xhht.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every input the application takes, found by walking it — the HTML forms of the pages a permitted user reaches
 * (field names read from the forms themselves) and the operations of the OpenAPI document — gets each bad value
 * of the corpus in one field at a time. No answer may be a 5xx, and a refused request may not change business data.
 *
 * <p>It runs on a database of its own ({@link FuzzDatabase}): its accepted requests change data freely.
 */
@FuzzDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputFuzzTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String PASSWORD = "xhht-demo";
    /** Users whose pages and API are walked, the narrowest first so that each input is tried where it is allowed. */
    static final List<String> USERS = List.of("xa.canyen", "so.caobang", "admin");
    static final int MAX_PAGES_PER_USER = 160;
    /** A request left unanswered fails the test instead of hanging the build. */
    static final java.time.Duration ANSWER_WITHIN = java.time.Duration.ofSeconds(90);
    static final Pattern ERROR_SHOWN = Pattern.compile("class=\"(field-error|alert error)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    int tried;
    final List<String> serverErrors = new ArrayList<>();
    final List<String> changedAfterRefusal = new ArrayList<>();
    final Map<String, Set<String>> idsBySegment = new LinkedHashMap<>();

    @BeforeAll
    void changeLog() {
        FuzzSupport.installChangeLog(jdbc);
        // one object of each kind with its own pages (a report, an evaluation, a plan), so that their forms and
        // the API operations on them are reached too
        Http canYen = Http.basic(port, "xa.canyen", PASSWORD);
        long commune = jdbc.sql("select unit_id from app_user where username = 'xa.canyen'").query(Long.class).single();
        long centre = jdbc.sql("select id from centre where commune_id = :c").param("c", commune).query(Long.class).single();
        HttpResponse<String> report = canYen.postJson("/api/v1/reports",
                "{\"templateCode\": \"out-of-school\", \"period\": \"2026S1\", \"unitId\": " + commune + "}");
        // submitted, so that the province officer's pages show work waiting for review
        canYen.postJson("/api/v1/reports/" + JSON.readTree(report.body()).path("id").asLong() + "/submit", "{}");
        canYen.postJson("/api/v1/evaluations", "{\"frameworkCode\": \"tt25-2023-commune\", \"subjectUnitId\": " + commune + ", \"year\": 2025}");
        canYen.postJson("/api/v1/centres/" + centre + "/plans", "{\"planYear\": 2027}");
        // the administrator's account forms are tried on an account of their own (not on the demo accounts the
        // other users sign in with: a "missing" enabled box disables the account)
        Http admin = Http.session(port, new CookieManager());
        admin.login("admin", PASSWORD);
        HttpResponse<String> created = admin.postForm("/admin/users/new", Map.of("_csrf", admin.csrfToken("/admin/users/new"),
                "username", "fuzz.target", "fullName", "Tài khoản thử", "role", "COMMUNE_OFFICER",
                "unitId", String.valueOf(commune), "password", "Fuzz-Target-Password-2026"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        startPages.put("admin", created.headers().firstValue("Location").map(l -> l.startsWith("/") ? l : local(l)).orElseThrow());
    }

    /** Pages visited first by a user, so that theirs is the page of its kind that is tried. */
    final Map<String, String> startPages = new LinkedHashMap<>();
    /** Kinds of page already visited (by any user): one page of each kind. */
    final Set<String> seenTemplates = new HashSet<>();

    @Test
    void noInputGivesAServerErrorOrChangesDataWhenRefused() {
        long start = System.nanoTime();
        // crawl first (reading only), then the API, then the forms: a form may change accounts (an administrator's)
        Map<String, List<PageForm>> found = new LinkedHashMap<>();
        Map<String, Session> sessions = new LinkedHashMap<>();
        for (String user : USERS) {
            Session s = new Session(user);
            sessions.put(user, s);
            found.put(user, crawl(s));
        }
        long crawled = System.nanoTime();
        int operations = fuzzApi();
        int apiInputs = tried;
        long apiDone = System.nanoTime();
        Set<String> formsDone = new HashSet<>();
        int forms = 0;
        for (String user : USERS) {
            Session s = sessions.get(user);
            for (PageForm form : found.get(user)) {
                if (formsDone.add(form.key())) {
                    forms++;
                    fuzzForm(s, form);
                }
            }
        }
        int formInputs = tried - apiInputs;
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        String summary = "fuzz: %d inputs (%d in %d forms, %d in %d API operations) in %d s; %d answered 5xx; %d refused but changed data"
                .formatted(tried, formInputs, forms, apiInputs, operations, seconds, serverErrors.size(), changedAfterRefusal.size());
        System.out.println(summary);
        System.out.printf("fuzz: crawl %d s, API %d s, forms %d s%n", (crawled - start) / 1_000_000_000L,
                (apiDone - crawled) / 1_000_000_000L, (System.nanoTime() - apiDone) / 1_000_000_000L);
        serverErrors.forEach(e -> System.out.println("5xx: " + e));
        changedAfterRefusal.forEach(e -> System.out.println("changed: " + e));
        assertThat(forms).as("forms found").isGreaterThan(20);
        assertThat(operations).as("API operations tried").isGreaterThan(20);
        assertThat(serverErrors).as(summary).isEmpty();
        assertThat(changedAfterRefusal).as(summary).isEmpty();
    }

    // ---------------------------------------------------------------- pages and forms

    record PageForm(String page, String method, String action, boolean multipart, boolean htmx, Fields fields, int index) {
        String key() {
            return method + " " + template(action) + " " + String.join(",", new java.util.TreeSet<>(fields.names()));
        }
    }

    final class Session {
        final String user;
        Http http;

        Session(String user) {
            this.user = user;
            signIn();
        }

        String csrf;

        void signIn() {
            http = Http.session(port, new CookieManager());
            assertThat(http.login(user, PASSWORD)).as("sign-in of " + user).doesNotContain("error");
            Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(http.get("/account/password").body());
            csrf = m.find() ? m.group(1) : "";
        }
    }

    /** The pages of one user reached by links from the home page, and the forms on them. */
    List<PageForm> crawl(Session s) {
        List<PageForm> forms = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        if (startPages.containsKey(s.user)) {
            queue.addFirst(startPages.get(s.user));
        }
        int pages = 0;
        while (!queue.isEmpty() && pages < MAX_PAGES_PER_USER) {
            // the next pages of new kinds, in queue order, are read together (reading changes nothing); their links
            // and forms are then taken in the same order as one by one
            List<String> wave = new ArrayList<>();
            while (!queue.isEmpty() && wave.size() < CRAWL_WAVE && pages + wave.size() < MAX_PAGES_PER_USER) {
                String path = queue.poll();
                // the home page once per user (every page links to it; kinds of page are shared between users)
                if (path.equals("/") ? homeRead.add(s.user) : seenTemplates.add(template(path))) {
                    wave.add(path);
                }
            }
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers = wave.stream()
                    .map(path -> java.util.concurrent.CompletableFuture.supplyAsync(() -> s.http.get(path), crawlers)).toList();
            for (int w = 0; w < wave.size(); w++) {
                String path = wave.get(w);
                HttpResponse<String> r = answers.get(w).join();
                if (page(s, path, r, queue, forms)) {
                    pages++;
                }
            }
        }
        return forms;
    }

    final Set<String> homeRead = new HashSet<>();

    /** Pages read at once by the crawl: the server has two cores, and a page waits on the database as much as on them. */
    static final int CRAWL_WAVE = 4;
    final java.util.concurrent.ExecutorService crawlers = java.util.concurrent.Executors.newFixedThreadPool(CRAWL_WAVE);

    @org.junit.jupiter.api.AfterAll
    void stopCrawlers() {
        crawlers.shutdownNow();
    }

    /** One page read: a redirect is followed first, a page's links are queued and its forms kept. True for a page read. */
    boolean page(Session s, String path, HttpResponse<String> r, Deque<String> queue, List<PageForm> forms) {
        if (r.statusCode() >= 500) {
            serverErrors.add(s.user + " GET " + path + " → " + r.statusCode());
        }
        if (r.statusCode() == 302) {
            String to = local(r.headers().firstValue("Location").map(l -> l.startsWith("/") ? "http://localhost:" + port + l : l).orElse(null));
            if (to != null && crawlable(to)) {
                queue.addFirst(to);
            }
            return false;
        }
        if (r.statusCode() != 200 || !r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            return false;
        }
        noteIds(path);
        Document doc = Jsoup.parse(r.body(), "http://localhost:" + port + path);
        for (Element a : doc.select("a[href]")) {
            String href = local(a.absUrl("href"));
            if (href != null && crawlable(href)) {
                queue.add(href);
            }
        }
        int i = 0;
        for (Element f : doc.select("form")) {
            PageForm pf = formOf(path, f, i++);
            if (pf != null) {
                forms.add(pf);
            }
        }
        return true;
    }

    PageForm formOf(String page, Element f, int index) {
        String method = f.attr("method").isBlank() ? "GET" : f.attr("method").toUpperCase();
        String action = f.hasAttr("action") ? f.absUrl("action") : "http://localhost:" + port + page;
        boolean htmx = false;
        for (String hx : List.of("hx-post", "hx-put", "hx-patch", "hx-get")) {
            if (f.hasAttr(hx)) {
                method = hx.substring(3).toUpperCase();
                action = f.absUrl(hx);
                htmx = true;
            }
        }
        action = local(action);
        if (action == null || action.startsWith("/login") || action.startsWith("/logout") || action.contains("lang=")) {
            return null;
        }
        Fields fields = new Fields();
        for (Element e : f.select("input[name], select[name], textarea[name], button[name]")) {
            String name = e.attr("name");
            switch (e.tagName()) {
                case "input" -> {
                    String type = e.attr("type").toLowerCase();
                    if (type.equals("file") || type.equals("submit") || type.equals("button") || type.equals("image")) {
                        continue;
                    }
                    if ((type.equals("checkbox") || type.equals("radio")) && !e.hasAttr("checked")) {
                        if (type.equals("radio") && fields.names().contains(name)) {
                            continue;
                        }
                        if (type.equals("checkbox")) {
                            continue;
                        }
                    }
                    fields.add(name, e.val());
                }
                case "select" -> {
                    Element opt = e.selectFirst("option[selected]");
                    if (opt == null) {
                        opt = e.selectFirst("option");
                    }
                    fields.add(name, opt == null ? "" : opt.val());
                }
                case "textarea" -> fields.add(name, e.text());
                case "button" -> {
                    if (!fields.names().contains(name)) {
                        fields.add(name, e.val());
                    }
                }
                default -> {
                }
            }
        }
        boolean multipart = "multipart/form-data".equalsIgnoreCase(f.attr("enctype"));
        return new PageForm(page, method, action, multipart, htmx, fields, index);
    }

    void fuzzForm(Session s, PageForm found) {
        PageForm form = refetch(s, found);
        if (form == null) {
            return;
        }
        for (String name : form.fields().names()) {
            if (name.equals("_csrf")) {
                continue;
            }
            for (Bad bad : FuzzSupport.CORPUS) {
                FuzzSupport.clearChanges(jdbc);
                HttpResponse<String> r = submit(s, form, form.fields().with(name, bad.value()));
                tried++;
                String what = s.user + " " + form.method() + " " + form.action() + " " + name + "=" + bad.label();
                int status = r.statusCode();
                if (status >= 500) {
                    serverErrors.add(what + " → " + status);
                }
                boolean refused = status >= 400 || (status == 200 && !form.method().equals("GET") && ERROR_SHOWN.matcher(r.body()).find());
                if (refused && status != 500) {
                    Set<String> changed = FuzzSupport.changes(jdbc);
                    if (!changed.isEmpty()) {
                        changedAfterRefusal.add(what + " → " + status + " changed " + changed);
                    }
                }
                if (status == 302 && r.headers().firstValue("Location").orElse("").contains("/login")) {
                    s.signIn();
                    form = refetch(s, found);
                    if (form == null) {
                        return;
                    }
                } else if (!refused && !form.method().equals("GET") && form.fields().names().contains("version")) {
                    // accepted: the record's version has moved on
                    PageForm again = refetch(s, found);
                    if (again == null) {
                        return;
                    }
                    form = again;
                }
            }
        }
    }

    /** The same form read again from its page (fresh CSRF token and record version). */
    PageForm refetch(Session s, PageForm f) {
        HttpResponse<String> r = s.http.get(f.page());
        if (r.statusCode() != 200) {
            return null;
        }
        Document doc = Jsoup.parse(r.body(), "http://localhost:" + port + f.page());
        List<Element> all = doc.select("form");
        for (int i = 0; i < all.size(); i++) {
            PageForm pf = formOf(f.page(), all.get(i), i);
            if (pf != null && pf.key().equals(f.key())) {
                return pf;
            }
        }
        return null;
    }

    HttpResponse<String> submit(Session s, PageForm form, Fields fields) {
        String csrf = fields.pairs.stream().filter(p -> p[0].equals("_csrf")).map(p -> p[1]).findFirst().orElse(null);
        if (form.method().equals("GET")) {
            String q = urlEncoded(fields);
            String sep = form.action().contains("?") ? "&" : "?";
            return s.http.send(s.http.request(form.action() + (q.isEmpty() ? "" : sep + q)).timeout(ANSWER_WITHIN).GET().build());
        }
        HttpRequest.Builder b = s.http.request(form.action()).timeout(ANSWER_WITHIN);
        if (csrf != null) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        if (form.htmx()) {
            b.header("HX-Request", "true");
        }
        if (form.multipart()) {
            String boundary = "fuzz" + UUID.randomUUID().toString().replace("-", "");
            StringBuilder body = new StringBuilder();
            for (String[] p : fields.pairs) {
                body.append("--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(p[0]).append("\"\r\n\r\n")
                        .append(p[1]).append("\r\n");
            }
            body.append("--").append(boundary).append("--\r\n");
            b.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            b.method(form.method(), HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            b.header("Content-Type", "application/x-www-form-urlencoded");
            b.method(form.method(), HttpRequest.BodyPublishers.ofString(urlEncoded(fields)));
        }
        return s.http.send(b.build());
    }

    static String urlEncoded(Fields fields) {
        return fields.pairs.stream()
                .map(p -> URLEncoder.encode(p[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p[1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    String local(String url) {
        String prefix = "http://localhost:" + port;
        if (url == null || !url.startsWith(prefix)) {
            return null;
        }
        String p = url.substring(prefix.length());
        int hash = p.indexOf('#');
        return hash >= 0 ? p.substring(0, hash) : (p.isEmpty() ? "/" : p);
    }

    static boolean crawlable(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return !(p.startsWith("/api/") || p.startsWith("/v3/") || p.startsWith("/swagger") || p.startsWith("/css/")
                || p.startsWith("/js/") || p.startsWith("/webjars/") || p.startsWith("/logout") || p.startsWith("/login")
                || p.startsWith("/actuator") || p.matches(".*\\.(xlsx|docx|pdf|csv|png|jpg|svg|ico)$")
                || p.contains("/export") || p.contains("/download") || p.startsWith("/evidence/") || path.contains("lang="));
    }

    /** A path with its numbers replaced, so that one page of each kind is visited and one form of each kind tried. */
    static String template(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        // numeric ids, and codes such as tt25-2023-commune, name one object of a kind
        return p.replaceAll("/\\d+", "/{n}").replaceAll("/(?=[a-z0-9-]*[0-9])(?=[a-z0-9-]*-)[a-z][a-z0-9-]*", "/{code}");
    }

    /** Ids seen in page paths, by the word before them (centres → 10193), to fill the API's path parameters. */
    void noteIds(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Matcher m = Pattern.compile("/([a-z-]+)/(\\d+)").matcher(p);
        while (m.find()) {
            idsBySegment.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>()).add(m.group(2));
        }
    }

    // ---------------------------------------------------------------- API

    int fuzzApi() {
        JsonNode doc = JSON.readTree(Http.basic(port, "xa.canyen", PASSWORD).get("/v3/api-docs").body());
        JsonNode schemas = doc.path("components").path("schemas");
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH").contains(method)) {
                    continue;
                }
                ApiCall call = apiCall(path.getKey(), method, op.getValue(), schemas);
                if (call == null) {
                    System.out.println("fuzz: not tried (path id unknown or upload) " + method + " " + path.getKey());
                    continue;
                }
                if (call.query().isEmpty() && call.body() == null) {
                    continue;
                }
                String user = userFor(call);
                if (user == null) {
                    System.out.println("fuzz: not tried (refused to every user) " + method + " " + path.getKey());
                    continue;
                }
                operations++;
                fuzzApiCall(user, call);
            }
        }
        return operations;
    }

    record ApiCall(String method, String path, Map<String, JsonNode> query, Map<String, JsonNode> querySchemas,
            ObjectNode body, JsonNode bodySchema, JsonNode schemas) {
    }

    ApiCall apiCall(String template, String method, JsonNode op, JsonNode schemas) {
        String path = template;
        Map<String, JsonNode> query = new LinkedHashMap<>();
        Map<String, JsonNode> querySchemas = new LinkedHashMap<>();
        for (JsonNode p : op.path("parameters")) {
            String name = p.path("name").asString();
            JsonNode schema = resolve(p.path("schema"), schemas);
            if (p.path("in").asString().equals("path")) {
                String value = pathValue(template, name);
                if (value == null) {
                    return null;
                }
                path = path.replace("{" + name + "}", value);
            } else if (p.path("in").asString().equals("query")) {
                if (schema.path("type").asString().equals("object")) {
                    continue;
                }
                query.put(name, sample(name, schema, schemas, 0));
                querySchemas.put(name, schema);
            }
        }
        ObjectNode body = null;
        JsonNode bodySchema = null;
        JsonNode content = op.path("requestBody").path("content");
        if (!content.isMissingNode()) {
            if (!content.has("application/json")) {
                return null; // uploads are tried through their pages
            }
            bodySchema = resolve(content.path("application/json").path("schema"), schemas);
            JsonNode sample = sample("body", bodySchema, schemas, 0);
            if (!sample.isObject()) {
                return null;
            }
            body = (ObjectNode) sample;
        }
        return new ApiCall(method, path, query, querySchemas, body, bodySchema, schemas);
    }

    String pathValue(String template, String param) {
        String[] segs = template.split("/");
        for (int i = 1; i < segs.length; i++) {
            if (segs[i].equals("{" + param + "}")) {
                String word = segs[i - 1];
                for (String alias : List.of(word, word.replace("org-units", "units"), word.replace("legal-documents", "legal"))) {
                    Set<String> ids = idsBySegment.get(alias);
                    if (ids != null && !ids.isEmpty()) {
                        return ids.iterator().next();
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** The first user (narrowest first) whose valid-looking call is not refused outright. */
    String userFor(ApiCall call) {
        for (String user : USERS) {
            HttpResponse<String> r = sendApi(user, call, call.query(), call.body());
            tried++;
            if (r.statusCode() >= 500) {
                serverErrors.add(user + " " + call.method() + " " + call.path() + " (sample) → " + r.statusCode());
            }
            if (r.statusCode() != 401 && r.statusCode() != 403 && r.statusCode() != 404) {
                return user;
            }
        }
        return null;
    }

    void fuzzApiCall(String user, ApiCall call) {
        for (String q : call.query().keySet()) {
            for (Bad bad : FuzzSupport.CORPUS) {
                Map<String, JsonNode> query = new LinkedHashMap<>(call.query());
                if (bad.value() == null) {
                    query.remove(q);
                } else {
                    query.put(q, NODES.stringNode(bad.value()));
                }
                check(user, call, query, call.body(), "query " + q + "=" + bad.label());
            }
        }
        if (call.body() != null) {
            for (String field : leafPaths(call.body(), "")) {
                for (Bad bad : FuzzSupport.CORPUS) {
                    ObjectNode body = call.body().deepCopy();
                    set(body, field, jsonValue(bad, leaf(call.body(), field)));
                    check(user, call, call.query(), body, field + "=" + bad.label());
                }
            }
        }
    }

    void check(String user, ApiCall call, Map<String, JsonNode> query, ObjectNode body, String label) {
        FuzzSupport.clearChanges(jdbc);
        HttpResponse<String> r = sendApi(user, call, query, body);
        tried++;
        String what = user + " " + call.method() + " " + call.path() + " " + label;
        if (r.statusCode() >= 500) {
            serverErrors.add(what + " → " + r.statusCode());
        } else if (r.statusCode() >= 400) {
            Set<String> changed = FuzzSupport.changes(jdbc);
            if (!changed.isEmpty()) {
                changedAfterRefusal.add(what + " → " + r.statusCode() + " changed " + changed);
            }
        }
    }

    final Map<String, Session> apiSessions = new LinkedHashMap<>();

    /** API calls go through a signed-in session (with its CSRF token): HTTP Basic would hash the password each time. */
    HttpResponse<String> sendApi(String user, ApiCall call, Map<String, JsonNode> query, ObjectNode body) {
        Session s = apiSessions.computeIfAbsent(user, Session::new);
        Http http = s.http;
        String q = query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue().isString() ? e.getValue().asString() : e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = http.request(call.path() + (q.isEmpty() ? "" : "?" + q)).header("X-CSRF-TOKEN", s.csrf).timeout(ANSWER_WITHIN);
        if (body == null) {
            b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json");
            b.method(call.method(), HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        }
        return http.send(b.build());
    }

    /** A bad value in JSON: text where text is expected, a number for numbers, another type as the wrong type. */
    static JsonNode jsonValue(Bad bad, JsonNode original) {
        if (bad.value() == null) {
            return null;
        }
        boolean numeric = original != null && original.isNumber();
        switch (bad.label()) {
            case "negative":
                return numeric ? NODES.numberNode(-1) : NODES.stringNode("-1");
            case "huge":
                return numeric ? NODES.numberNode(new java.math.BigDecimal("1e308")) : NODES.stringNode(bad.value());
            case "wrong type":
                return original != null && original.isString() ? NODES.objectNode().put("x", 1) : NODES.stringNode("abc");
            default:
                return NODES.stringNode(bad.value());
        }
    }

    static List<String> leafPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                if (e.getValue().isObject() || (e.getValue().isArray() && !e.getValue().isEmpty())) {
                    paths.add(p);
                    paths.addAll(leafPaths(e.getValue(), p));
                } else {
                    paths.add(p);
                }
            }
        } else if (node.isArray() && !node.isEmpty()) {
            paths.addAll(leafPaths(node.get(0), prefix + "[0]"));
        }
        return paths;
    }

    static JsonNode leaf(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            if (part.endsWith("[0]")) {
                n = n.path(part.substring(0, part.length() - 3)).path(0);
            } else {
                n = n.path(part);
            }
        }
        return n.isMissingNode() ? null : n;
    }

    static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode n = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String part = parts[i];
            n = part.endsWith("[0]") ? n.path(part.substring(0, part.length() - 3)).path(0) : n.path(part);
        }
        String last = parts[parts.length - 1];
        if (last.endsWith("[0]")) {
            JsonNode arr = n.path(last.substring(0, last.length() - 3));
            if (arr instanceof ArrayNode a) {
                if (value == null) {
                    a.remove(0);
                } else {
                    a.set(0, value);
                }
            }
        } else if (n instanceof ObjectNode o) {
            if (value == null) {
                o.remove(last);
            } else {
                o.set(last, value);
            }
        }
    }

    static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        int guard = 0;
        while (schema.has("$ref") && guard++ < 10) {
            String ref = schema.path("$ref").asString();
            schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (schema.has("allOf") && schema.path("allOf").size() == 1) {
            return resolve(schema.path("allOf").get(0), schemas);
        }
        return schema;
    }

    /** A plausible value for a schema: today for dates, the first enum value, the user's own ids where known. */
    JsonNode sample(String name, JsonNode schema, JsonNode schemas, int depth) {
        schema = resolve(schema, schemas);
        String type = schema.path("type").asString();
        if (schema.has("enum")) {
            return schema.path("enum").get(0).deepCopy();
        }
        switch (type) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                if (depth < 3) {
                    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                        o.set(p.getKey(), sample(p.getKey(), p.getValue(), schemas, depth + 1));
                    }
                }
                return o;
            }
            case "array": {
                ArrayNode a = NODES.arrayNode();
                JsonNode items = resolve(schema.path("items"), schemas);
                if (depth < 3 && items.path("type").asString().equals("object")) {
                    a.add(sample(name, items, schemas, depth + 1));
                }
                return a;
            }
            case "integer":
            case "number": {
                String id = ownId(name);
                if (id != null) {
                    return NODES.numberNode(Long.parseLong(id));
                }
                if (name.toLowerCase().contains("year")) {
                    return NODES.numberNode(LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).getYear());
                }
                return NODES.numberNode(1);
            }
            case "boolean":
                return NODES.booleanNode(false);
            default: {
                String format = schema.path("format").asString();
                if (format.equals("date")) {
                    return NODES.stringNode(LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).toString());
                }
                if (format.equals("date-time")) {
                    return NODES.stringNode(LocalDate.now(vn.xhht.shared.VietnamClock.ZONE) + "T08:00:00Z");
                }
                return NODES.stringNode("Fuzz " + name);
            }
        }
    }

    String ownId(String name) {
        String n = name.toLowerCase();
        if (!n.endsWith("id")) {
            return null;
        }
        String word = n.substring(0, n.length() - 2);
        for (Map.Entry<String, Set<String>> e : idsBySegment.entrySet()) {
            String seg = e.getKey().replace("-", "");
            if (!word.isEmpty() && (seg.startsWith(word) || word.endsWith(seg.replaceAll("s$", "")))) {
                return e.getValue().iterator().next();
            }
        }
        return null;
    }
}
