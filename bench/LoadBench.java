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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short loopback load on a running XHHT: signs in once (form login), then sends a bounded number of requests
 * with a few concurrent clients and prints p50/p95/p99 latency per endpoint.
 *
 * Usage: java bench/LoadBench.java [baseUrl] [requestsPerEndpoint] [concurrency] [user]
 * Defaults: http://localhost:8080 2000 4 so.caobang
 */
public class LoadBench {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        String user = args.length > 3 ? args[3] : "so.caobang";
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1|\\[::1]")) {
            throw new IllegalArgumentException("loopback only");
        }
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String html = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) throw new IllegalStateException("no login form");
        String form = "username=" + user + "&password=xhht-demo&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.headers().firstValue("Location").orElse("").contains("error")) throw new IllegalStateException("login failed");

        String[] queries = {"luong thong", "can yen", "ha quang", "thong nong", "tra linh", "quang hoa", "hoa an", "bao lac",
                "nguyen binh", "trung khanh", "ha lang", "thach an", "cao bang", "xa", "phuong"};
        String[] dates = {"2025-06-30", "2026-11-23"};
        System.out.printf("XHHT load bench: %s, %d requests per endpoint, %d concurrent clients, user %s%n", base, n, concurrency, user);
        run(client, "GET /units (tree page)", n, concurrency, i -> base + "/units?date=" + dates[i % 2]);
        String provinces = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/org-units?date=2025-06-30&limit=1")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher idm = Pattern.compile("\"id\":(\\d+)").matcher(provinces);
        if (!idm.find()) throw new IllegalStateException("no unit visible to " + user);
        String province = idm.group(1);
        run(client, "GET /units/{id}/children (tree expand)", n, concurrency, i -> base + "/units/" + province + "/children?date=2025-06-30");
        run(client, "GET /api/v1/org-units?q= (search)", n, concurrency,
                i -> base + "/api/v1/org-units?date=" + dates[i % 2] + "&q=" + URLEncoder.encode(queries[i % queries.length], StandardCharsets.UTF_8));
    }

    interface Url { String of(int i); }

    static void run(HttpClient client, String name, int n, int concurrency, Url url) throws Exception {
        for (int i = 0; i < Math.min(200, n); i++) { // warm-up
            client.send(HttpRequest.newBuilder(URI.create(url.of(i))).build(), HttpResponse.BodyHandlers.discarding());
        }
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        int[] errors = {0};
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url.of(k))).build(), HttpResponse.BodyHandlers.discarding());
                times.add(System.nanoTime() - t0);
                if (r.statusCode() != 200 && r.statusCode() != 403) {
                    synchronized (errors) { errors[0]++; }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf("%-42s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  %7.0f req/s  errors %d%n", name,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), n / seconds, errors[0]);
    }

    static double pct(List<Long> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, idx)) / 1e6;
    }
}
