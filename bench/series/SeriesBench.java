import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads held activities for 2019 to today into every centre whose commune makes up today's Hà Nội (old communes until
 * 30/06/2025, new ones after) and times the series API over the province and one ward. Loopback only.
 *
 * Usage: java -cp target/classes:postgresql.jar bench/series/SeriesBench.java baseUrl jdbcUrl perCentreYear requests
 */
public class SeriesBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int perYear = Integer.parseInt(args[2]);
        int n = Integer.parseInt(args[3]);
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) throw new IllegalArgumentException("loopback only");
        long province, ward;
        try (Connection c = DriverManager.getConnection(args[1], "postgres", "postgres"); Statement st = c.createStatement()) {
            province = single(st, "select id from org_unit where code = '01' and level = 1 and valid_from = date '2025-07-01'");
            ward = single(st, "select id from org_unit where code = '00004' and level = 3 and valid_from = date '2025-07-01'");
            long t0 = System.nanoTime();
            st.execute("""
                insert into activity (centre_id, province_id, type_code, topic_code, title, start_date, end_date, participations, created_by)
                select c.id, c.province_id, 'THEMATIC_SESSION', 'LAW', 'Hoạt động mẫu ' || g, d, d, 20 + (g * 7 + c.id) %% 80, 'bench'
                from xhht_lineage(%d) l
                join org_unit u on u.id = l.unit_id
                join centre c on c.commune_id = u.id
                cross join generate_series(2019, extract(year from current_date)::int) y
                cross join generate_series(1, %d) g
                cross join lateral (select make_date(y, 1, 1) + ((g * 361) / %d) as d) x
                where x.d <= current_date and x.d <= coalesce(u.valid_to, current_date) and x.d >= coalesce(u.valid_from, date '2019-01-01')
                """.formatted(province, perYear, perYear));
            st.execute("vacuum analyze activity");
            System.out.printf("activities loaded: %,d in %.1f s (lineage of the province: %,d units)%n",
                    single(st, "select count(*) from activity"), (System.nanoTime() - t0) / 1e9,
                    single(st, "select count(*) from xhht_lineage(" + province + ")"));
        }
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String html = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        m.find();
        client.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=xhht-demo&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        time(client, base + "/api/v1/org-units/" + province + "/series?fromYear=2019", n, "province (Hà Nội), 2019–today");
        time(client, base + "/api/v1/org-units/" + ward + "/series?fromYear=2019", n, "ward (Phường Ba Đình), 2019–today");
    }

    static void time(HttpClient client, String url, int n, String label) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n + 5; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " " + r.body());
            if (i >= 5) ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%-40s p50 %7.1f ms   p95 %7.1f ms   (%d requests)%n", label, ms.get(ms.size() / 2),
                ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.size());
    }

    static long single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
