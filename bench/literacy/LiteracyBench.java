import java.io.BufferedWriter;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;

/**
 * Issue-5 figures on a running XHHT with an empty register (started by bench/literacy/run.sh): generates a register
 * file of about 1,000,000 persons (≈ 250,000 households) over the communes of Tỉnh Cao Bằng, imports it through the
 * API (end to end: upload, check, COPY, commit) and COPYs the same rows into a bare table; then times the province
 * and one commune's indicators through the API against one plain GROUP BY over the bare table. The province answer
 * holds every band × all/women/men, also per ethnicity and priority group (issue 14); its band table is printed.
 *
 * Usage: java -cp target/classes:postgresql.jar bench/literacy/LiteracyBench.java baseUrl jdbcUrl [households]
 */
public class LiteracyBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int households = args.length > 2 ? Integer.parseInt(args[2]) : 250_000;
        boolean reuse = args.length > 3 && args[3].equals("reuse");
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) throw new IllegalArgumentException("loopback only");
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:xhht-demo".getBytes(StandardCharsets.UTF_8));
        // Basic authentication only once: the session cookie afterwards (a password check per request would be
        // timed otherwise: Argon2 is slow on purpose)
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) throw new IllegalStateException("no login form");
        http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=xhht-demo&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            long province;
            List<String[]> hamlets = new ArrayList<>();
            try (Statement st = db.createStatement()) {
                ResultSet rs = st.executeQuery("select id from org_unit where code = '04' and level = 1 and valid_from = '2025-07-01'");
                rs.next();
                province = rs.getLong(1);
                // ten hamlets per commune (bench set-up straight in the database)
                if (!reuse) st.execute("""
                        insert into org_unit (code, name, type, level, parent_id, province_id, valid_from, source)
                        select c.code || '.' || lpad(g::text, 3, '0'), 'Thôn Bench ' || g, 'Thôn', 4, c.id, c.province_id, '2025-07-01', 'BENCH'
                        from org_unit c cross join generate_series(1, 10) g
                        where c.level = 3 and c.province_id = %d and c.valid_to is null
                          and not exists (select 1 from org_unit h where h.parent_id = c.id and h.code = c.code || '.' || lpad(g::text, 3, '0'))
                        """.formatted(province));
                if (!reuse) st.execute("update org_unit h set path = p.path || h.id || '/' from org_unit p where h.parent_id = p.id and h.level = 4 and h.source = 'BENCH'");
                rs = st.executeQuery("""
                        select c.code, h.code from org_unit h join org_unit c on c.id = h.parent_id
                        where h.source = 'BENCH' and c.province_id = %d order by h.code""".formatted(province));
                while (rs.next()) hamlets.add(new String[]{rs.getString(1), rs.getString(2)});
            }
            if (reuse) {
                // the register of an earlier run (REUSE=true): only the indicators are timed again
                long persons;
                try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select count(*) from lit_person")) {
                    rs.next();
                    persons = rs.getLong(1);
                }
                System.out.printf("XHHT literacy bench on the register of an earlier run: %,d persons%n", persons);
            } else {
                load(db, http, auth, base, province, hamlets, households);
            }

            // 3. indicators: province and one commune through the API vs one plain GROUP BY over the bare table
            try (Statement st = db.createStatement()) {
                st.execute("analyze bench_raw");
                st.execute("analyze lit_person");
            }
            String commune;
            String communeCode;
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                    "select c.id, c.code from org_unit c where c.level = 3 and c.province_id = " + province + " and c.valid_to is null order by c.code limit 1")) {
                rs.next();
                commune = rs.getString(1);
                communeCode = rs.getString(2);
            }
            double apiProvince = median(7, () -> get(http, auth, base + "/api/v1/literacy/indicators?unitId=" + province));
            double serverProvince = serverMillis(http, base + "/api/v1/literacy/indicators?unitId=" + province, 7);
            double apiCommune = median(21, () -> get(http, auth, base + "/api/v1/literacy/indicators?unitId=" + commune));
            double serverCommune = serverMillis(http, base + "/api/v1/literacy/indicators?unitId=" + commune, 21);
            String plain = """
                    select commune, sex, ethnicity, priority, literacy, highest_grade, primary_year is null, lsec_year is null, current_grade,
                           %d - cast(right(birth, 4) as int) as age, count(*)
                    from bench_raw where resident not in ('Đi', 'Chết') %s
                    group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10""";
            double sqlProvince = median(7, () -> sql(db, plain.formatted(LocalDate.now().getYear(), "")));
            double sqlCommune = median(21, () -> sql(db, plain.formatted(LocalDate.now().getYear(), "and commune = '" + communeCode + "'")));
            System.out.printf("indicators, province (API):      %6.0f ms (computed in %.0f ms)   plain GROUP BY over bare table: %6.0f ms   ratio %.2f (target <= 2, < 1000 ms)%n",
                    apiProvince, serverProvince, sqlProvince, apiProvince / sqlProvince);
            printProvinceFigures(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/literacy/indicators?unitId=" + province)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            System.out.printf("indicators, one commune (API):   %6.1f ms (computed in %.0f ms)   plain GROUP BY over bare table: %6.1f ms   (target < 50 ms)%n",
                    apiCommune, serverCommune, sqlCommune);
        }
    }

    /** Generates the register file, COPYs it into a bare table and imports it through the API, timing both. */
    static void load(Connection db, HttpClient http, String auth, String base, long province, List<String[]> hamlets, int households) throws Exception {
        Path file = Path.of("target/bench-literacy/register.csv");
        Files.createDirectories(file.getParent());
        long t0 = System.nanoTime();
        long persons;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            persons = vn.xhht.literacy.SampleRegister.write(w, hamlets, households, 42, LocalDate.now());
        }
        System.out.printf("XHHT literacy bench: %,d persons in %,d households over %d hamlets of %d communes (Cao Bằng); file %,d MB, generated in %.1f s%n",
                persons, households, hamlets.size(), hamlets.size() / 10, Files.size(file) >> 20, (System.nanoTime() - t0) / 1e9);

        // 1. PostgreSQL's own COPY of the same file into a bare table
        try (Statement st = db.createStatement()) {
            st.execute("drop table if exists bench_raw");
            st.execute("create table bench_raw (commune text, hamlet text, household text, head text, address text, code text, full_name text, sex text, birth text, ethnicity text, disability text, priority text, resident text, resident_date text, current_grade text, highest_grade text, primary_year text, lsec_year text, literacy text, basis text)");
        }
        long c0 = System.nanoTime();
        try (InputStream in = new FileInputStream(file.toFile())) {
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_raw from stdin (format csv, header true)", in, 1 << 16);
        }
        double copySec = (System.nanoTime() - c0) / 1e9;
        System.out.printf("raw COPY into a bare table:      %6.2f s  %,9.0f rows/s%n", copySec, persons / copySec);

        // 2. XHHT import through the API, end to end
        String boundary = "----xhhtbench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"unitId\"\r\n\r\n" + province + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"register.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long i0 = System.nanoTime();
        HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/literacy/imports"))
                .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() != 202) throw new IllegalStateException(resp.statusCode() + " " + resp.body());
        String id = json(resp.body(), "id");
        String status;
        String body;
        int polls = 0;
        while (true) {
            Thread.sleep(200);
            body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/literacy/imports/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            status = json(body, "status");
            polls++;
            if (!status.equals("RUNNING") && !status.equals("MERGING")) break;
        }
        double importSec = (System.nanoTime() - i0) / 1e9;
        if (!status.equals("DONE")) throw new IllegalStateException(body.substring(0, Math.min(2000, body.length())));
        long peak = Long.parseLong(json(body, "peakHeapBytes"));
        System.out.printf("XHHT import (API, end to end):   %6.2f s  %,9.0f persons/s  (%d progress polls)%n", importSec, persons / importSec, polls);
        System.out.printf("  throughput vs raw COPY:        %6.1f %%   (target >= 50 %%; >= 50,000 persons/s)%n", 100 * copySec / importSec);
        System.out.printf("  peak heap in use during import: %6d MiB (sampled every 1,000 rows; JVM capped at -Xmx512m; target < 512 MiB)%n", peak >> 20);

    }

    /**
     * The province answer timed above: every band × all/women/men (issue 14), and how many ethnicity and priority
     * groups carry the same table.
     */
    static void printProvinceFigures(String body) {
        Matcher m = Pattern.compile("\"(all|women|men)\":\\{\"from\":(\\d+),\"to\":(\\d+),\"population\":(\\d+),\"literateLevel1\":(\\d+),"
                + "\"literateLevel2\":(\\d+),\"illiterate\":(\\d+),\"reilliterate\":(\\d+),\"rateLevel1\":([^,]+),\"rateLevel2\":([^}]+)\\}").matcher(body);
        List<String[]> rows = new ArrayList<>();
        while (m.find()) {
            String[] r = new String[10];
            for (int i = 0; i < 10; i++) r[i] = m.group(i + 1);
            rows.add(r);
        }
        int perTable = 0;
        while (perTable < rows.size() && !(perTable > 0 && rows.get(perTable)[0].equals("all") && rows.get(perTable)[1].equals(rows.get(0)[1])
                && rows.get(perTable)[2].equals(rows.get(0)[2]))) perTable++;
        int ethnicities = Pattern.compile("\"key\":").matcher(body.substring(body.indexOf("\"bandsByEthnicity\""), body.indexOf("\"bandsByPriority\""))).results().mapToInt(x -> 1).sum();
        int priorities = Pattern.compile("\"key\":").matcher(body.substring(body.indexOf("\"bandsByPriority\""))).results().mapToInt(x -> 1).sum();
        System.out.printf("  province answer: %,d bytes; %d band rows × all/women/men, the same for %d ethnicities and %d priority groups (%,d band figures in all)%n",
                body.length(), perTable / 3, ethnicities, priorities, rows.size());
        System.out.println("  band    sex    population   level >= 1      level 2   illiterate  re-illit.   rate 1   rate 2");
        for (int i = 0; i < perTable && i < rows.size(); i++) {
            String[] r = rows.get(i);
            System.out.printf("  %-7s %-6s %,10d %,12d %,12d %,10d %,10d %8s %8s%n", r[1] + "-" + r[2], r[0], Long.parseLong(r[3]),
                    Long.parseLong(r[4]), Long.parseLong(r[5]), Long.parseLong(r[6]), Long.parseLong(r[7]), r[8], r[9]);
        }
    }

    interface Timed {
        void run() throws Exception;
    }

    static double median(int n, Timed t) throws Exception {
        t.run();
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            t.run();
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return ms[n / 2];
    }

    /** Median of the server's own computation time (computeMillis in the answer), without HTTP and session handling. */
    static double serverMillis(HttpClient http, String url, int n) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
            ms[i] = Double.parseDouble(json(body, "computeMillis"));
        }
        Arrays.sort(ms);
        return ms[n / 2];
    }

    static void get(HttpClient http, String auth, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
    }

    static void sql(Connection db, String sql) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rs.getLong(11);
            }
        }
    }

    static String json(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"?([^\",}]*)").matcher(body);
        if (!m.find()) throw new IllegalStateException(field + " not in " + body.substring(0, Math.min(500, body.length())));
        return m.group(1);
    }
}
