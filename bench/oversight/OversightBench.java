import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.XhhtApplication;

/**
 * Issue-15 figures on a scratch embedded database (target/bench-oversight): 50,000 establishments spread over the
 * communes of the country, 80 % licensed (one act each), 2,000 inspected and sanctioned; then, over HTTP without
 * login, 300 searches of the public API with Vietnamese queries typed without diacritics (names, streets, one
 * letter pairs, no query) and 100 of the public page. Prints p50/p95/max per kind; the target is p95 < 100 ms.
 * Usage: bench/oversight/run.sh
 */
public class OversightBench {

    static final int N = 50_000;

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext ctx = new SpringApplication(XhhtApplication.class).run(
                "--server.port=0", "--xhht.embedded-db.dir=target/bench-oversight/pg", "--xhht.embedded-db.clean=true",
                "--logging.level.root=WARN", "--xhht.login.cleanup-cron=-", "--xhht.public.cleanup-cron=-", "--xhht.backup.cron=-");
        try {
            run(ctx);
        } finally {
            ctx.close();
        }
    }

    static void run(ConfigurableApplicationContext ctx) throws Exception {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        long t0 = System.nanoTime();
        // names and streets as they come: Vietnamese with diacritics; the search is typed without them
        jdbc.sql("""
                with words as (select array['Ánh Dương','Hoa Sen','Phượng Hoàng','Bình Minh','Trí Tuệ','Việt Mỹ','Hồng Đức','Tương Lai',
                                            'Sao Mai','Đông Á','Ngôi Sao','Thăng Long','Quốc Tế','Tài Năng','Hạnh Phúc','Kim Đồng'] as w,
                                      array['Hoàng Đình Giong','Kim Đồng','Vườn Cam','Lê Lợi','Nguyễn Du','Trần Hưng Đạo','Bế Văn Đàn'] as s),
                     communes as (select id, row_number() over (order by id) as rn, count(*) over () as n
                                  from org_unit where level = 3 and valid_to is null)
                insert into ovs_establishment (kind, name, address, unit_id, owner_name, status)
                select (array['FOREIGN_LANGUAGE_IT','CONTINUING_EDUCATION_OTHER','EXTRA_TEACHING','STUDY_ABROAD_CONSULTING'])[1 + g % 4],
                       (array['Trung tâm Ngoại ngữ ','Trung tâm Kỹ năng sống ','Cơ sở dạy thêm ','Công ty Tư vấn du học '])[1 + g % 4]
                         || w[1 + (g / 4) % 16] || ' ' || g,
                       'Số ' || (1 + g % 300) || ' phố ' || s[1 + g % 7],
                       c.id, 'Công ty TNHH ' || w[1 + (g / 7) % 16],
                       case when g % 5 = 0 then 'PENDING' else 'ACTIVE' end
                from generate_series(1, :n) g, words
                join lateral (select id from communes where rn = 1 + g % (select max(n) from communes)) c on true
                """).param("n", N).update();
        jdbc.sql("""
                insert into ovs_act (establishment_id, kind, number, issued_on, issuer)
                select id, 'OPERATION_PERMISSION', 'B' || id || '/QĐ-SGDĐT', date '2025-01-01' + (id % 600)::int, 'Sở GD&ĐT'
                from ovs_establishment where status = 'ACTIVE'
                """).update();
        jdbc.sql("""
                insert into ovs_inspection (subject_type, establishment_id, unit_id, subject_name, inspected_on, plan_year)
                select 'ESTABLISHMENT', id, unit_id, name, date '2026-03-01', 2026 from ovs_establishment where id % 25 = 0
                """).update();
        jdbc.sql("""
                insert into ovs_finding (inspection_id, item_no, violation_code, note)
                select id, 6, 'S-06', 'Dạy ngoài địa điểm' from ovs_inspection
                """).update();
        jdbc.sql("""
                insert into ovs_sanction (inspection_id, number, decided_on, authority, fine_vnd, offender_kind)
                select id, 'X' || id || '/QĐ-XPHC', date '2026-03-10', 'Chánh Thanh tra Sở', 15000000, 'ORGANISATION' from ovs_inspection
                """).update();
        jdbc.sql("analyze").update();
        long count = jdbc.sql("select count(*) from ovs_establishment").query(Long.class).single();
        System.out.printf("seed: %d establishments, %d acts, %d sanctions in %.1f s%n", count,
                jdbc.sql("select count(*) from ovs_act").query(Long.class).single(),
                jdbc.sql("select count(*) from ovs_sanction").query(Long.class).single(), (System.nanoTime() - t0) / 1e9);

        HttpClient http = HttpClient.newHttpClient();
        String[] queries = {"", "anh duong", "phuong hoang", "ngoai ngu", "ky nang song", "day them", "tu van du hoc", "hoang dinh giong",
                "kim dong", "sao mai 1234", "thang long", "quoc te", "viet my", "tai nang", "hanh phuc", "dong a", "vuon cam", "le loi",
                "nguyen du", "xyz khong co", "ho", "tri tue 40", "binh minh", "cong ty tnhh"};
        Random random = new Random(15);
        for (int i = 0; i < 30; i++) {
            call(http, port, "/api/v1/public/establishments?q=" + enc(queries[random.nextInt(queries.length)]));
        }
        List<Double> api = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            api.add(call(http, port, "/api/v1/public/establishments?q=" + enc(queries[random.nextInt(queries.length)])));
        }
        List<Double> page = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            page.add(call(http, port, "/public/establishments?q=" + enc(queries[random.nextInt(queries.length)])));
        }
        // the database alone: the statement of the public search as the service runs it, its plan and time
        java.lang.reflect.Method searchSql = Class.forName("vn.xhht.oversight.PublicEstablishments").getDeclaredMethod("searchSql", boolean.class);
        searchSql.setAccessible(true);
        for (String q : new String[]{"", "kim dong", "cong ty tnhh", "ho", "xyz khong co"}) {
            var explain = jdbc.sql("explain (analyze, buffers off) " + searchSql.invoke(null, !q.isEmpty())).param("limit", 100);
            if (!q.isEmpty()) {
                explain = explain.param("q", q);
            }
            for (String line : explain.query(String.class).list()) {
                System.out.println("plan [" + q + "]: " + line);
            }
        }
        // what a cached generic plan would do with the same statements (the service plans each search with its pattern)
        for (String q : new String[]{"cong ty tnhh", "ho"}) {
            try (var c = ctx.getBean(javax.sql.DataSource.class).getConnection(); var st = c.createStatement()) {
                st.execute("set plan_cache_mode = force_generic_plan");
                st.execute("prepare s(text, int) as " + ((String) searchSql.invoke(null, true)).replace(":q", "$1").replace(":limit", "$2"));
                try (var rs = st.executeQuery("explain (analyze) execute s('" + q + "', 100)")) {
                    while (rs.next()) {
                        String line = rs.getString(1);
                        if (line.contains("Execution Time") || line.contains("Scan on ovs_establishment")) {
                            System.out.println("plan generic [" + q + "]: " + line.strip());
                        }
                    }
                }
                st.execute("deallocate s");
                st.execute("reset plan_cache_mode");
            }
        }
        Object service = ctx.getBean(Class.forName("vn.xhht.oversight.PublicEstablishments"));
        java.lang.reflect.Method search = service.getClass().getMethod("search", String.class, int.class);
        List<Double> direct = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long t = System.nanoTime();
            search.invoke(service, queries[random.nextInt(queries.length)], 100);
            direct.add((System.nanoTime() - t) / 1e6);
        }
        report("public service search, no HTTP (300 calls)", direct);
        System.out.printf("load: %s%n", new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).strip());
        report("public API search (300 calls)", api);
        report("page /public/establishments (100 calls)", page);
        System.out.printf("result: p95 API %.1f ms, p95 page %.1f ms (target < 100 ms): %s%n", p(api, 95), p(page, 95),
                p(api, 95) < 100 && p(page, 95) < 100 ? "met" : "NOT met");
        registry(jdbc, http, port, queries, random);
    }

    /**
     * The registry search of a signed-in officer (GET /api/v1/establishments?q=… and the /oversight/establishments page),
     * as the province officer of Cao Bằng (the establishments of its communes) and as the national administrator (all).
     */
    static void registry(JdbcClient jdbc, HttpClient http, int port, String[] queries, Random random) throws Exception {
        for (String user : new String[]{"so.caobang", "admin"}) {
            String auth = "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":xhht-demo").getBytes(StandardCharsets.UTF_8));
            long visible = jdbc.sql("""
                    select count(*) from ovs_establishment e where e.unit_id in (select id from xhht_read_scope(
                      (select unit_id from app_user where username = :u)))
                    """).param("u", user).query(Long.class).single();
            for (int i = 0; i < 20; i++) {
                call(http, port, "/api/v1/establishments?q=" + enc(queries[random.nextInt(queries.length)]), auth);
            }
            List<Double> api = new ArrayList<>();
            List<Double> typed = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String q = queries[random.nextInt(queries.length)];
                double ms = call(http, port, "/api/v1/establishments?q=" + enc(q), auth);
                api.add(ms);
                if (!q.isEmpty()) {
                    typed.add(ms);
                }
            }
            System.out.printf("load: %s%n", new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).strip());
            System.out.printf("registry API search as %s (%d establishments visible, 200 calls): p50 %.1f ms, p95 %.1f ms, max %.1f ms;"
                    + " typed queries only p95 %.1f ms%n", user, visible, p(api, 50), p(api, 95), Collections.max(api), p(typed, 95));
            System.out.printf("result: registry p95 as %s %.1f ms (target < 100 ms): %s%n", user, p(api, 95), p(api, 95) < 100 ? "met" : "NOT met");
        }
    }

    static double call(HttpClient http, int port, String path, String auth) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", auth)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - t) / 1e6;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + r.statusCode());
        }
        return ms;
    }

    static double call(HttpClient http, int port, String path) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - t) / 1e6;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + r.statusCode());
        }
        return ms;
    }

    static void report(String what, List<Double> ms) {
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", what.startsWith("page") ? what : "public " + what.substring(7),
                p(ms, 50), p(ms, 95), Collections.max(ms));
    }

    static double p(List<Double> ms, int pct) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(pct / 100.0 * s.size()) - 1));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
