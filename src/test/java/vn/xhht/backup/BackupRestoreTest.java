package vn.xhht.backup;

import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.XhhtApplication;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backup taken while the app runs, restored into a fresh database of the same server, gives back every table
 * row for row, working sequences, and the same report export from an app started on the copy.
 */
@XhhtIntegrationTest
class BackupRestoreTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    DataSource dataSource;
    @Autowired
    BackupService backups;

    @Test
    void theEmbeddedDatabaseIsDurable() {
        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show full_page_writes").query(String.class).single()).isEqualTo("on");
    }

    @Test
    void aBackupRestoredIntoAFreshDatabaseHasEveryRowAndTheSameReport() throws Exception {
        long reportId = someReport();
        Http admin = Http.basic(port, "admin", "xhht-demo");
        byte[] exportBefore = admin.getBytes("/api/v1/reports/" + reportId + "/export?format=xlsx").body();

        BackupService.Run run = backups.backupNow("kiểm thử");
        assertThat(run.status()).as(run.message()).isEqualTo("DONE");
        Path file = backups.file(run.fileName()).orElseThrow();
        assertThat(Files.size(file)).isEqualTo(run.sizeBytes()).isGreaterThan(100_000L);

        String db = "restored_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("create database " + db).update();
        DataSource copy = postgres.getDatabase("postgres", db);
        DatabaseBackup.Summary restored = DatabaseBackup.restore(copy, file, false);
        assertThat(restored.rows()).isEqualTo(run.rowCount());

        Map<String, String> before = fingerprints(dataSource);
        Map<String, String> after = fingerprints(copy);
        // written after the snapshot: this run's own row becomes DONE, and audit rows of the requests since
        before.remove("backup_run");
        after.remove("backup_run");
        before.remove("audit_event");
        after.remove("audit_event");
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after).isEqualTo(before);
        assertThat(before.keySet()).contains("org_unit", "lit_person", "report", "app_user", "flyway_schema_history");
        long auditInCopy = JdbcClient.create(copy).sql("select count(*) from audit_event").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from (select * from audit_event order by id limit :n) a where md5(a::text) in (:h)")
                .param("n", auditInCopy).param("h", JdbcClient.create(copy).sql("select md5(a::text) from audit_event a")
                        .query(String.class).list()).query(Long.class).single()).isEqualTo(auditInCopy);

        // sequences continue after the restored rows: a new row gets a fresh id
        JdbcClient c = JdbcClient.create(copy);
        long maxUnit = c.sql("select max(id) from org_unit").query(Long.class).single();
        assertThat(c.sql("select nextval(pg_get_serial_sequence('org_unit', 'id'))").query(Long.class).single()).isGreaterThan(maxUnit);

        // a restore never overwrites a database that has data, unless asked to
        assertThatThrownBy(() -> DatabaseBackup.restore(copy, file, false)).hasMessageContaining("đã có dữ liệu");

        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(XhhtApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", db), "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--xhht.demo.enabled=true", "--xhht.login.cleanup-cron=-",
                "--xhht.backup.cron=-", "--spring.main.banner-mode=off")) {
            int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
            byte[] exportAfter = Http.basic(otherPort, "admin", "xhht-demo")
                    .getBytes("/api/v1/reports/" + reportId + "/export?format=xlsx").body();
            assertThat(xlsxContent(exportAfter)).isEqualTo(xlsxContent(exportBefore)).isNotEmpty();
        }
    }

    @Test
    void theCommandLineBacksUpAndRestoresAnExternalDatabase() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "backup-cli");
        Path file = dir.resolve("cli.zip");
        String url = postgres.getJdbcUrl("postgres", "postgres");
        assertThat(BackupCommand.run(new String[]{"backup", file.toString(), "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres"})).isZero();
        assertThat(DatabaseBackup.manifest(file).getProperty("tables")).contains("org_unit", "lit_person");

        String db = "cli_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("create database " + db).update();
        String target = postgres.getJdbcUrl("postgres", db);
        assertThat(BackupCommand.run(new String[]{"restore", file.toString(), "--spring.datasource.url=" + target,
                "--spring.datasource.username=postgres"})).isZero();
        JdbcClient c = JdbcClient.create(postgres.getDatabase("postgres", db));
        assertThat(c.sql("select count(*) from org_unit").query(Long.class).single())
                .isEqualTo(Long.parseLong(DatabaseBackup.manifest(file).getProperty("table.org_unit.rows")));
        // into a database with data: refused, then accepted with --replace
        assertThat(BackupCommand.run(new String[]{"restore", file.toString(), "--spring.datasource.url=" + target,
                "--spring.datasource.username=postgres"})).isEqualTo(1);
        c.sql("update app_user set full_name = 'Đã sửa sau khôi phục' where username = 'admin'").update();
        assertThat(BackupCommand.run(new String[]{"restore", file.toString(), "--replace", "--spring.datasource.url=" + target,
                "--spring.datasource.username=postgres"})).isZero();
        assertThat(c.sql("select full_name from app_user where username = 'admin'").query(String.class).single())
                .isNotEqualTo("Đã sửa sau khôi phục");
    }

    @Test
    void theAdministratorSeesTheLastBackupAndIsWarnedWhenItIsOld() {
        BackupService.Run run = backups.backupNow("admin");
        Http admin = Http.session(port, new CookieManager());
        admin.login("admin", "xhht-demo");
        HttpResponse<String> page = admin.get("/admin/backups");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sao lưu ngay", run.fileName(), "Bản sao lưu gần nhất");
        HttpResponse<byte[]> download = admin.getBytes("/admin/backups/files/" + run.fileName());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(new String(download.body(), 0, 2)).isEqualTo("PK");
        assertThat(admin.getBytes("/admin/backups/files/..%2F..%2Fpom.xml").statusCode()).isIn(400, 404);
        assertThat(admin.get("/").body()).doesNotContain("Bản sao lưu dữ liệu gần nhất đã cũ hơn 2 ngày");

        // the button takes a backup on the spot
        String token = admin.csrfToken("/admin/backups");
        HttpResponse<String> now = admin.postForm("/admin/backups", Map.of("_csrf", token));
        assertThat(now.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/backups").body()).contains("Đã sao lưu xong");

        List<Long> ids = jdbc.sql("select id from backup_run where status = 'DONE'").query(Long.class).list();
        try {
            jdbc.sql("update backup_run set finished_at = finished_at - interval '3 days' where id in (:ids)").param("ids", ids).update();
            assertThat(admin.get("/").body()).contains("Bản sao lưu dữ liệu gần nhất đã cũ hơn 2 ngày");
        } finally {
            jdbc.sql("update backup_run set finished_at = finished_at + interval '3 days' where id in (:ids)").param("ids", ids).update();
        }

        // a commune officer has no access, nor a province administrator
        Http officer = Http.session(port, new CookieManager());
        officer.login("xa.canyen", "xhht-demo");
        assertThat(officer.get("/admin/backups").statusCode()).isEqualTo(403);
        assertThat(officer.getBytes("/admin/backups/files/" + run.fileName()).statusCode()).isEqualTo(403);
    }

    @Test
    void retentionKeepsSevenDaysAndFourWeeks() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "backup-retention");
        LocalDate today = LocalDate.of(2026, 12, 3);
        for (int d = 0; d < 60; d++) {
            String day = today.minusDays(d).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            Files.writeString(dir.resolve("xhht-" + day + "-023000.zip"), "x");
            if (d < 3) {
                Files.writeString(dir.resolve("xhht-" + day + "-150000.zip"), "x");
            }
        }
        Files.writeString(dir.resolve("ghi-chu.txt"), "giữ nguyên");
        BackupService service = new BackupService(null, null, null, dir.toString(), 7, 4, vn.xhht.shared.VietnamClock.system());
        service.prune();
        List<String> kept = new ArrayList<>(service.files().stream().map(BackupService.BackupFile::name).toList());
        // the newest of each of the last 7 days (2026-11-27 … 2026-12-03), then the newest of each older week
        assertThat(kept).containsExactly(
                "xhht-20261203-150000.zip", "xhht-20261202-150000.zip", "xhht-20261201-150000.zip",
                "xhht-20261130-023000.zip", "xhht-20261129-023000.zip", "xhht-20261128-023000.zip", "xhht-20261127-023000.zip",
                "xhht-20261122-023000.zip", "xhht-20261115-023000.zip");
        assertThat(dir.resolve("ghi-chu.txt")).exists();
    }

    private long someReport() {
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        Http admin = Http.basic(port, "admin", "xhht-demo");
        HttpResponse<String> created = admin.postJson("/api/v1/reports",
                "{\"templateCode\":\"out-of-school\",\"period\":\"2026S2\",\"unitId\":" + canYen + "}");
        if (created.statusCode() == 201) {
            Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
            assertThat(m.find()).isTrue();
            return Long.parseLong(m.group(1));
        }
        return jdbc.sql("select id from report where unit_id = :u and template_code = 'out-of-school' and period_code = '2026S2'")
                .param("u", canYen).query(Long.class).single();
    }

    /** Row count and an order-independent checksum of every table (generated columns included). */
    private static Map<String, String> fingerprints(DataSource ds) throws Exception {
        Map<String, String> result = new TreeMap<>();
        List<String> tables;
        try (Connection con = ds.getConnection()) {
            tables = DatabaseBackup.tables(con);
        }
        JdbcClient c = JdbcClient.create(ds);
        for (String t : tables) {
            if (t.equals("flyway_schema_history")) {
                result.put(t, c.sql("select string_agg(version || ':' || checksum, ',' order by installed_rank) from flyway_schema_history where version is not null")
                        .query(String.class).single());
                continue;
            }
            result.put(t, c.sql("select count(*) || ':' || coalesce(md5(string_agg(md5(x::text), '' order by md5(x::text))), '') from "
                    + DatabaseBackup.quote(t) + " x").query(String.class).single());
        }
        return result;
    }

    /** The parts of an .xlsx that carry content (the creation time in docProps differs from export to export). */
    private static Map<String, String> xlsxContent(byte[] xlsx) throws IOException {
        Map<String, String> parts = new TreeMap<>();
        Path tmp = Files.createTempFile(Path.of("target"), "export", ".xlsx");
        try {
            Files.write(tmp, xlsx);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(tmp.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (!e.getName().startsWith("docProps/")) {
                        try (var in = zip.getInputStream(e)) {
                            parts.put(e.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return parts;
    }
}
