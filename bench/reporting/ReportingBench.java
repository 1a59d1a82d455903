import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue-7 figures on a running XHHT loaded with bench/reporting/reports.sql: the time to create (and pre-fill) the
 * aggregate 2026Q3 quarterly report of the bench province from its 3,321 approved commune reports and to refresh it,
 * the time of its .xlsx, .docx and .pdf (with the 3,321-row annex), and p50/p95 of the completeness board of the
 * whole country. Loopback only.
 *
 * Usage: java bench/reporting/ReportingBench.java [baseUrl] [boardRequests]
 */
public class ReportingBench {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:18103";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) throw new IllegalArgumentException("loopback only");
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String html = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        m.find();
        client.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=xhht-demo&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        String csrf = first(get(client, base + "/reports"), "name=\"_csrf\" value=\"([^\"]+)\"");
        String province = first(get(client, base + "/api/v1/org-units?level=1&q=" + URLEncoder.encode("Bench Báo cáo", StandardCharsets.UTF_8)), "\"id\":(\\d+)");
        String nation = first(get(client, base + "/api/v1/org-units?level=0"), "\"id\":(\\d+)");
        System.out.printf("XHHT reporting bench: %s, province %s%n", base, province);

        long t0 = System.nanoTime();
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reports")).header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString("{\"templateCode\":\"centre-quarterly\",\"period\":\"2026Q3\",\"unitId\":" + province + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        double createMs = (System.nanoTime() - t0) / 1e6;
        String id;
        if (created.statusCode() == 201) {
            id = first(created.body(), "\"id\":(\\d+)");
        } else {
            // already created by an earlier run: find it
            id = first(get(client, base + "/api/v1/reports?templateCode=centre-quarterly&period=2026Q3&unitId=" + province), "\"id\":(\\d+),\"templateCode\":\"centre-quarterly\",\"templateTitle\":\"[^\"]*\",\"periodCode\":\"2026Q3\",\"unitId\":" + province);
            createMs = Double.NaN;
        }
        String body = get(client, base + "/api/v1/reports/" + id);
        System.out.printf("aggregate report #%s: participations = %s (status %d)%n", id, first(body, "\"field\":\"participations\"[^}]*\"value\":([0-9.]+)|\"value\":([0-9.]+)[^}]*\"field\":\"participations\""), created.statusCode());
        System.out.printf("%-52s %8.0f ms%n", "create + pre-fill aggregate from 3,321 approved reports", createMs);
        List<Double> refresh = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/" + id + "/refresh")).header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("refresh " + r.statusCode() + " " + r.body());
            refresh.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(refresh);
        System.out.printf("%-52s %8.0f ms (median of 5)%n", "refresh aggregate from data (re-aggregate)", refresh.get(2));
        for (String format : List.of("xlsx", "docx", "pdf")) {
            List<Double> times = new ArrayList<>();
            long size = 0;
            for (int i = 0; i < 3; i++) {
                long t = System.nanoTime();
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/" + id + "/export?format=" + format)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) throw new IllegalStateException(format + " " + r.statusCode());
                times.add((System.nanoTime() - t) / 1e6);
                size = r.body().length;
            }
            System.out.printf("%-52s %8.0f ms first, %6.0f ms best (%d KB)%n", "export ." + format + " with the 3,321-row annex", times.get(0),
                    Collections.min(times), size / 1024);
        }
        List<Double> board = new ArrayList<>();
        String expected = "";
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/completeness?templateCode=centre-quarterly&period=2026Q3&unitId=" + nation)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("board " + r.statusCode());
            board.add((System.nanoTime() - t) / 1e6);
            expected = first(r.body(), "\"expected\":(\\d+)");
        }
        Collections.sort(board);
        System.out.printf("%-52s p50 %5.0f ms, p95 %5.0f ms (%d requests, %s units)%n", "completeness board, whole country", board.get(board.size() / 2),
                board.get((int) Math.ceil(board.size() * 0.95) - 1), n, expected);
    }

    static String get(HttpClient client, String url) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(url + " → " + r.statusCode());
        return r.body();
    }

    static String first(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        if (!m.find()) throw new IllegalStateException("no " + regex + " in " + s.substring(0, Math.min(300, s.length())));
        for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) return m.group(g);
        return m.group();
    }
}
