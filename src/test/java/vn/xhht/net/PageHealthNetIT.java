package vn.xhht.net;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Modifier;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import vn.xhht.support.Http;
import vn.xhht.support.Routes;
import vn.xhht.support.StateFixture;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page-health net: every GET route of the application × every role (and the anonymous visitor), with path ids
 * from the {@link StateFixture}. A page fails on a 5xx, an unresolved message, English or developer words, raw enum
 * codes, a link to a page the same user may not open (403/404), or more than 1 s on the server; every export linked
 * from these pages fails on field keys, English words or unfilled placeholders. All failures are reported together.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageHealthNetIT {

    static final List<String> ROLES = List.of("admin", "so.caobang", "pgd.haquang", "xa.canyen", "hkh.caobang", "anonymous");
    static final long SLOW_MS = 1000;

    /**
     * English and developer words that must never reach a Vietnamese user (whole words, case-insensitive, in the
     * visible text only). Short English words that are also Vietnamese syllables without marks are left out.
     */
    static final Set<String> DENY = Set.of("seed", "secondary", "unknown", "verified", "uncertain", "null", "undefined", "todo",
            "fixme", "exception", "third-party", "implementation", "values", "wording", "children", "especially", "instead",
            "default", "error", "true", "false", "lorem", "ipsum", "debug", "template", "status", "draft", "submitted",
            "approved", "returned", "pending", "field", "required", "invalid", "commune", "province", "district", "hamlet",
            "report", "evaluation", "campaign", "framework", "evidence", "centre", "activity", "literacy", "the", "and", "with",
            "from", "not", "read", "value", "activities", "women", "participations", "label", "period", "quarterly", "annual", "stacktrace", "java", "spring");

    /** Upper-case enum names that are also the ordinary names of file formats ("Ảnh (JPEG, PNG, WebP)"). */
    static final Set<String> FORMAT_NAMES = Set.of("JPEG", "WEBP", "XLSX", "DOCX", "HTML");

    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");
    static final Pattern UNRESOLVED = Pattern.compile("\\?\\?[^?\\s]{1,80}\\?\\?|\\{\\d+(,[^}]*)?}|\\[Ljava|\\$\\{[^}]*}|#\\{[^}]*}");
    static final Pattern UPPER_SNAKE = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9](?![\\p{L}\\p{N}])");
    static final Pattern HREF = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    static final Pattern FIELD_KEY = Pattern.compile("(?<![\\p{L}\\p{N}./_-])([a-z]+(?:_[a-z0-9]+)+|[a-z]+[A-Z][a-zA-Z]+)(?![\\p{L}\\p{N}_])");

    @Autowired
    ApplicationContext ctx;
    @LocalServerPort
    int port;

    StateFixture.State state;
    List<Routes.Route> routes;
    final List<String> unknown = new ArrayList<>();
    final Map<String, Http> sessions = new LinkedHashMap<>();
    /** The enum constants of the application (names of four letters or more): raw codes when shown as text. */
    Set<String> enumCodes;
    /** Files linked from the pages: address → the role that saw the link. */
    final Map<String, String> exports = new ConcurrentHashMap<>();
    final Map<String, Map<String, Integer>> linkStatus = new ConcurrentHashMap<>();

    record Failure(String route, String role, String reason, String detail) {
    }

    final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Long> slow = new ConcurrentHashMap<>();
    final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    void setUp() {
        state = StateFixture.ensure(ctx);
        routes = Routes.resolve(ctx, state, unknown);
        for (String role : ROLES) {
            Http h = Http.session(port, new CookieManager());
            if (!role.equals("anonymous")) {
                String to = h.login(role, "xhht-demo");
                assertThat(to).as("login of %s", role).doesNotContain("error");
            }
            sessions.put(role, h);
        }
        enumCodes = enumConstants();
    }

    static Set<String> enumConstants() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition d) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
        Set<String> out = new LinkedHashSet<>();
        for (var d : scanner.findCandidateComponents("vn.xhht")) {
            try {
                Class<?> c = Class.forName(d.getBeanClassName());
                if (c.isEnum() && !c.getName().contains(".net.") && !Modifier.isPrivate(c.getModifiers())) {
                    for (Object o : c.getEnumConstants()) {
                        String n = ((Enum<?>) o).name();
                        if (n.length() >= 4 && n.equals(n.toUpperCase()) && !FORMAT_NAMES.contains(n)) {
                            out.add(n);
                        }
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    @Test
    void everyRouteForEveryRoleIsHealthy() throws Exception {
        crawl();
        System.out.printf("page-health: %d route patterns, %d addresses, %d roles, %d calls, %d links checked (%d more beyond %d per role and link shape), %d failures %s%n",
                routes.size(), routes.stream().mapToInt(r -> r.urls().size()).sum(), ROLES.size(), calls.get(), linksChecked.get(),
                linksBeyondCap.get(), LINKS_PER_SHAPE, failures.size(), counts(failures));
        assertThat(report(failures)).as("page-health failures").isEmpty();
    }

    boolean crawled;

    void crawl() throws Exception {
        // asserted by both tests: neither may pass on a crawl that did not happen
        assertThat(unknown).as("GET routes the fixture cannot fill and that are not listed in Routes.UNFILLABLE with a reason").isEmpty();
        synchronized (crawlLock) {
            if (crawled) {
                return;
            }
            crawlOnce();
            crawled = true;
        }
    }

    final Object crawlLock = new Object();

    private void crawlOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> jobs = new ArrayList<>();
        for (Routes.Route r : routes) {
            for (String role : ROLES) {
                for (String url : r.urls()) {
                    jobs.add(pool.submit(() -> page(r.pattern(), role, url)));
                }
            }
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        // links of every page, checked for the same user
        List<Future<?>> linkJobs = new ArrayList<>();
        Map<String, Integer> perShape = new java.util.HashMap<>();
        for (String key : new java.util.TreeSet<>(pendingLinks.keySet())) {
            if (perShape.merge(shape(key), 1, Integer::sum) > LINKS_PER_SHAPE) {
                linksBeyondCap.incrementAndGet();
                continue;
            }
            linksChecked.incrementAndGet();
            linkJobs.add(pool.submit(() -> link(key)));
        }
        for (Future<?> f : linkJobs) {
            f.get();
        }
        pool.shutdown();
        // slow pages are measured once more, alone, before they count (the first call may compile a template)
        for (var e : new TreeMap<>(slow).entrySet()) {
            String[] k = e.getKey().split("\t");
            long t0 = System.nanoTime();
            sessions.get(k[1]).getBytes(k[2]);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (ms > SLOW_MS) {
                failures.add(new Failure(k[0], k[1], "slower than 1 s", k[2] + " " + Math.min(ms, e.getValue()) + " ms"));
            }
        }
    }

    /** key "role\thref" → the route and page that link to it. */
    final Map<String, String> pendingLinks = new ConcurrentHashMap<>();

    void page(String pattern, String role, String url) {
        Http h = sessions.get(role);
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = h.getBytes(url);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        calls.incrementAndGet();
        int status = r.statusCode();
        if (status >= 500) {
            failures.add(new Failure(pattern, role, "5xx", url + " → " + status));
            return;
        }
        if (ms > SLOW_MS) {
            slow.merge(pattern + "\t" + role + "\t" + url, ms, Math::max);
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("text/html") && !type.contains("json") && !type.contains("problem")) {
            return;
        }
        String body = new String(r.body(), StandardCharsets.UTF_8);
        if (type.contains("json")) {
            Matcher m = UNRESOLVED.matcher(body);
            if (m.find()) {
                failures.add(new Failure(pattern, role, "unresolved message", url + ": " + m.group()));
            }
            return;
        }
        checkHtml(pattern, role, url, body);
        if (status == 200) {
            Matcher m = HREF.matcher(body);
            while (m.find()) {
                String href = m.group(1).replace("&amp;", "&");
                String path = sameOrigin(href);
                if (path == null) {
                    continue;
                }
                if (isFile(path)) {
                    exports.putIfAbsent(path, role);
                }
                pendingLinks.putIfAbsent(role + "\t" + path, pattern + " (" + url + ")");
            }
        }
    }

    static boolean isFile(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return p.endsWith(".xlsx") || p.endsWith(".docx") || p.endsWith(".pdf");
    }

    static String sameOrigin(String href) {
        if (href.startsWith("#") || href.startsWith("mailto:") || href.startsWith("tel:") || href.startsWith("javascript:")
                || href.contains("lang=") || href.startsWith("/logout")) {
            return null;
        }
        if (href.startsWith("http://") || href.startsWith("https://")) {
            URI u = URI.create(href);
            if (!"localhost".equals(u.getHost())) {
                return null;
            }
            return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        }
        if (!href.startsWith("/")) {
            return null;
        }
        int hash = href.indexOf('#');
        return hash >= 0 ? href.substring(0, hash) : href;
    }

    /**
     * Links of one shape (same role, same path with numbers as {n}, same query parameter names) are many on the
     * lists (56 communes, every unit of a tree): up to this many distinct ones are opened, to keep the net fast.
     */
    static final int LINKS_PER_SHAPE = Integer.getInteger("net.linksPerShape", 25);
    final java.util.concurrent.atomic.AtomicInteger linksChecked = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger linksBeyondCap = new java.util.concurrent.atomic.AtomicInteger();

    static String shape(String key) {
        int q = key.indexOf('?');
        String path = q < 0 ? key : key.substring(0, q);
        String names = q < 0 ? "" : java.util.Arrays.stream(key.substring(q + 1).split("&")).map(p -> p.split("=")[0]).sorted()
                .collect(Collectors.joining(","));
        return path.replaceAll("/\\d+", "/{n}") + "?" + names;
    }

    void link(String key) {
        String[] k = key.split("\t");
        String role = k[0];
        String href = k[1];
        HttpResponse<byte[]> r = sessions.get(role).getBytes(href);
        int s = r.statusCode();
        if (s == 403 || s == 404) {
            failures.add(new Failure(pendingLinks.get(key), role, "link to a page this user cannot open", href + " → " + s));
        } else if (s >= 500) {
            failures.add(new Failure(pendingLinks.get(key), role, "link to a 5xx", href + " → " + s));
        }
    }

    void checkHtml(String pattern, String role, String url, String html) {
        String noScript = html.replaceAll("(?is)<script\\b.*?</script>", " ").replaceAll("(?is)<style\\b.*?</style>", " ")
                .replaceAll("(?s)<!--.*?-->", " ");
        Matcher un = UNRESOLVED.matcher(noScript);
        Set<String> seen = new LinkedHashSet<>();
        while (un.find()) {
            seen.add(un.group());
        }
        if (!seen.isEmpty()) {
            failures.add(new Failure(pattern, role, "unresolved message", url + ": " + String.join(" | ", seen)));
        }
        String text = visibleText(noScript);
        Set<String> words = new LinkedHashSet<>();
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            String lower = w.group().toLowerCase();
            if (DENY.contains(lower)) {
                words.add(w.group());
            }
            if (enumCodes.contains(w.group())) {
                seen.add(w.group());
            }
        }
        if (!words.isEmpty()) {
            failures.add(new Failure(pattern, role, "English or developer word", url + ": " + words + context(text, words.iterator().next())));
        }
        Set<String> codes = new LinkedHashSet<>();
        Matcher c = UPPER_SNAKE.matcher(text);
        while (c.find()) {
            codes.add(c.group());
        }
        for (String s : seen) {
            if (enumCodes.contains(s)) {
                codes.add(s);
            }
        }
        if (!codes.isEmpty()) {
            failures.add(new Failure(pattern, role, "raw code", url + ": " + codes.stream().limit(8).toList() + context(text, codes.iterator().next())));
        }
    }

    static String context(String text, String word) {
        int i = text.indexOf(word);
        if (i < 0) {
            return "";
        }
        return " «…" + text.substring(Math.max(0, i - 50), Math.min(text.length(), i + word.length() + 50)).strip() + "…»";
    }

    static String visibleText(String html) {
        // literal material shown on purpose is not prose: code samples and commands (pre, code), stored records in the
        // audit trail (code), and the text an administrator edits (textarea)
        String body = html.replaceAll("(?is)<head\\b.*?</head>", " ")
                .replaceAll("(?is)<(pre|code|textarea)\\b[^>]*>.*?</\\1>", " ");
        String title = "";
        Matcher t = Pattern.compile("(?is)<title>(.*?)</title>").matcher(html);
        if (t.find()) {
            title = t.group(1);
        }
        String text = (title + " " + body).replaceAll("(?s)<[^>]*>", " ");
        text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'");
        Matcher num = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(text);
        StringBuilder sb = new StringBuilder();
        while (num.find()) {
            int cp = Integer.parseInt(num.group(2), num.group(1).isEmpty() ? 10 : 16);
            num.appendReplacement(sb, Matcher.quoteReplacement(new String(Character.toChars(cp))));
        }
        num.appendTail(sb);
        return sb.toString().replaceAll("\\s+", " ");
    }

    static String report(List<Failure> failures) {
        if (failures.isEmpty()) {
            return "";
        }
        Map<String, List<Failure>> byReason = new TreeMap<>();
        synchronized (failures) {
            for (Failure f : failures) {
                byReason.computeIfAbsent(f.reason(), x -> new ArrayList<>()).add(f);
            }
        }
        StringBuilder sb = new StringBuilder("\n");
        byReason.forEach((reason, list) -> {
            sb.append("== ").append(reason).append(": ").append(list.size()).append('\n');
            list.stream().sorted((a, b) -> (a.route() + a.role()).compareTo(b.route() + b.role()))
                    .forEach(f -> sb.append("  ").append(f.route()).append(" [").append(f.role()).append("] ").append(f.detail()).append('\n'));
        });
        return sb.toString();
    }

    // ---- exports ----

    @Test
    void everyLinkedExportIsInVietnameseWithoutKeysOrPlaceholders() throws Exception {
        crawl();
        assertThat(exports).as("the pages of the fixture link to .xlsx/.docx/.pdf files").isNotEmpty();
        List<Failure> found = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> jobs = new ArrayList<>();
        for (var e : exports.entrySet()) {
            jobs.add(pool.submit(() -> checkExport(e.getKey(), e.getValue(), found)));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("exports: %d files checked, %d failures %s%n", exports.size(), found.size(), counts(found));
        assertThat(report(found)).as("export failures").isEmpty();
    }

    void checkExport(String path, String role, List<Failure> found) {
        HttpResponse<byte[]> r = sessions.get(role).getBytes(path);
        if (r.statusCode() != 200) {
            found.add(new Failure(path, role, "export not downloadable", "HTTP " + r.statusCode()));
            return;
        }
        String text;
        try {
            text = extract(path, r.body());
        } catch (Exception e) {
            found.add(new Failure(path, role, "export unreadable", e.toString()));
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        Matcher k = FIELD_KEY.matcher(text);
        while (k.find()) {
            keys.add(k.group(1));
        }
        if (!keys.isEmpty()) {
            found.add(new Failure(path, role, "field keys in export", keys.stream().limit(10).toList() + context(text, keys.iterator().next())));
        }
        Set<String> words = new LinkedHashSet<>();
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            if (DENY.contains(w.group().toLowerCase())) {
                words.add(w.group());
            }
        }
        if (!words.isEmpty()) {
            found.add(new Failure(path, role, "English or developer word in export", words + context(text, words.iterator().next())));
        }
        Matcher u = Pattern.compile("\\{\\d+}|\\$\\{|\\?\\?|\\[Ljava").matcher(text);
        if (u.find()) {
            found.add(new Failure(path, role, "unfilled placeholder in export", u.group() + context(text, u.group())));
        }
        Matcher c = UPPER_SNAKE.matcher(text);
        if (c.find()) {
            found.add(new Failure(path, role, "raw code in export", c.group() + context(text, c.group())));
        }
    }

    static String extract(String path, byte[] data) throws Exception {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (p.endsWith(".pdf")) {
            try (var doc = Loader.loadPDF(data)) {
                return new PDFTextStripper().getText(doc);
            }
        }
        if (p.endsWith(".docx")) {
            try (var doc = new XWPFDocument(new ByteArrayInputStream(data)); var x = new XWPFWordExtractor(doc)) {
                return x.getText();
            }
        }
        StringBuilder sb = new StringBuilder();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(data))) {
            for (Sheet sheet : wb) {
                sb.append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        sb.append(cell.toString()).append('\t');
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    static String counts(List<Failure> list) {
        return list.stream().collect(Collectors.groupingBy(Failure::reason, TreeMap::new, Collectors.counting())).toString();
    }
}
