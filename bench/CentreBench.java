import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue-4 figures on a running XHHT loaded with bench/activities.sql: p50/p95 of the activity summary over a
 * province and over the whole country, and of a centre's activity list page. Loopback only, bounded requests.
 *
 * Usage: java bench/CentreBench.java [baseUrl] [requests] [concurrency]
 */
public class CentreBench {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int c = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) throw new IllegalArgumentException("loopback only");
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String html = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        m.find();
        client.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=xhht-demo&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        List<String> provinces = ids(client, base + "/api/v1/org-units?level=1");
        String nation = ids(client, base + "/api/v1/org-units?level=0").get(0);
        List<String> centres = ids(client, base + "/api/v1/centres").subList(0, 200);
        LocalDate to = LocalDate.now();
        LocalDate quarterFrom = to.minusMonths(3);
        LocalDate yearFrom = to.minusYears(1);
        System.out.printf("XHHT centre bench: %s, %d requests each, %d concurrent clients%n", base, n, c);
        run(client, "summary, province, one quarter", n, c, i -> base + "/api/v1/activities/summary?unitId=" + provinces.get(i % provinces.size()) + "&from=" + quarterFrom + "&to=" + to);
        run(client, "summary, province, one year", n, c, i -> base + "/api/v1/activities/summary?unitId=" + provinces.get(i % provinces.size()) + "&from=" + yearFrom + "&to=" + to);
        run(client, "summary, whole country, one year", Math.max(20, n / 10), c, i -> base + "/api/v1/activities/summary?unitId=" + nation + "&from=" + yearFrom + "&to=" + to);
        run(client, "centre activity list page (month)", n, c, i -> base + "/centres/" + centres.get(i % centres.size()) + "?month=" + to.minusMonths(1 + i % 6).toString().substring(0, 7));
    }

    static List<String> ids(HttpClient client, String url) throws Exception {
        String body = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"id\":(\\d+)").matcher(body);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    interface Url { String of(int i); }

    static void run(HttpClient client, String name, int n, int concurrency, Url url) throws Exception {
        for (int i = 0; i < Math.min(20, n); i++) client.send(HttpRequest.newBuilder(URI.create(url.of(i))).build(), HttpResponse.BodyHandlers.discarding());
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            fs.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                int status = client.send(HttpRequest.newBuilder(URI.create(url.of(k))).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                times.add(System.nanoTime() - t0);
                return status;
            }));
        }
        int errors = 0;
        for (Future<Integer> f : fs) if (f.get() != 200) errors++;
        pool.shutdown();
        List<Long> s = new ArrayList<>(times);
        Collections.sort(s);
        System.out.printf("%-36s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  errors %d%n", name, pct(s, 50), pct(s, 95), s.get(s.size() - 1) / 1e6, errors);
    }

    static double pct(List<Long> s, int p) {
        return s.get(Math.max(0, (int) Math.ceil(p / 100.0 * s.size()) - 1)) / 1e6;
    }
}
