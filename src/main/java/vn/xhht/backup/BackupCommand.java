package vn.xhht.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import vn.xhht.platform.EmbeddedDatabaseConfig;
import vn.xhht.platform.EmbeddedDatabaseProperties;
import vn.xhht.shared.VietnamClock;

/**
 * {@code java -jar xhht.jar backup <file.zip|directory>} and {@code restore <file.zip> [--replace]}, run before any
 * web server starts. The database is the app's: {@code SPRING_DATASOURCE_URL} (+ USERNAME, PASSWORD) from the
 * environment or {@code --spring.datasource.url=…} arguments; otherwise the embedded one under ./data/pg (or
 * {@code --xhht.embedded-db.dir=…}), reached on its running server when the app is up, or started for the
 * command when it is not. A restore into the embedded database is refused while the app runs on it.
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Runs the command; the process exit code. */
    public static int run(String[] args) {
        quietLogs();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Map<String, String> options = new HashMap<>();
        String path = null;
        boolean replace = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--replace")) {
                replace = true;
            } else if (a.startsWith("--") && a.contains("=")) {
                options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (path == null) {
                path = a;
            } else {
                err.println("Tham số thừa: " + a);
                return 2;
            }
        }
        if (path == null) {
            err.println("Cách dùng: java -jar xhht.jar backup <tệp.zip hoặc thư mục>");
            err.println("           java -jar xhht.jar restore <tệp.zip> [--replace]");
            return 2;
        }
        boolean restore = args[0].equals("restore");
        EmbeddedPostgres started = null;
        try {
            String url = setting(options, "spring.datasource.url", "SPRING_DATASOURCE_URL");
            DataSource ds;
            if (url != null && !url.isBlank()) {
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setURL(url);
                String user = setting(options, "spring.datasource.username", "SPRING_DATASOURCE_USERNAME");
                String password = setting(options, "spring.datasource.password", "SPRING_DATASOURCE_PASSWORD");
                if (user != null) {
                    pg.setUser(user);
                }
                if (password != null) {
                    pg.setPassword(password);
                }
                ds = pg;
            } else {
                String dir = setting(options, "xhht.embedded-db.dir", "XHHT_EMBEDDED_DB_DIR");
                Path dataDir = Path.of(dir == null ? "./data/pg" : dir);
                OptionalInt running = EmbeddedDatabaseConfig.runningPort(dataDir);
                if (running.isPresent()) {
                    if (restore) {
                        err.println("Ứng dụng đang chạy trên cơ sở dữ liệu nhúng " + dataDir.toAbsolutePath().normalize()
                                + ". Hãy dừng ứng dụng trước khi khôi phục.");
                        return 1;
                    }
                    PGSimpleDataSource pg = new PGSimpleDataSource();
                    pg.setURL("jdbc:postgresql://localhost:" + running.getAsInt() + "/postgres");
                    pg.setUser("postgres");
                    ds = pg;
                } else {
                    if (!restore && !Files.isDirectory(dataDir)) {
                        err.println("Không có cơ sở dữ liệu nhúng tại " + dataDir.toAbsolutePath().normalize() + ".");
                        return 1;
                    }
                    started = EmbeddedDatabaseConfig.start(new EmbeddedDatabaseProperties(dataDir.toString(), false, 0, true));
                    ds = started.getPostgresDatabase();
                }
            }
            long t0 = System.nanoTime();
            if (restore) {
                Path file = Path.of(path);
                DatabaseBackup.Summary s = DatabaseBackup.restore(ds, file, replace);
                out.printf("Đã khôi phục %s: %d bảng, %,d dòng (lược đồ phiên bản %s) trong %.1f giây.%n",
                        file.toAbsolutePath().normalize(), s.tables(), s.rows(), s.schemaVersion(), seconds(t0));
            } else {
                Path target = Path.of(path);
                if (Files.isDirectory(target)) {
                    target = target.resolve("xhht-" + VietnamClock.system().localNow()
                            .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip");
                }
                Path abs = target.toAbsolutePath().normalize();
                if (abs.getParent() != null) {
                    Files.createDirectories(abs.getParent());
                }
                Path part = abs.resolveSibling(abs.getFileName() + ".part");
                DatabaseBackup.Summary s;
                try (OutputStream o = Files.newOutputStream(part)) {
                    s = DatabaseBackup.backup(ds, o, BackupCommand.class.getPackage().getImplementationVersion(), VietnamClock.system().instant());
                }
                Files.move(part, abs, StandardCopyOption.REPLACE_EXISTING);
                out.printf("Đã sao lưu %d bảng, %,d dòng (lược đồ phiên bản %s) vào %s (%.1f MB) trong %.1f giây.%n",
                        s.tables(), s.rows(), s.schemaVersion(), abs, Files.size(abs) / 1048576.0, seconds(t0));
            }
            return 0;
        } catch (IOException | java.sql.SQLException | RuntimeException e) {
            err.println((restore ? "Khôi phục" : "Sao lưu") + " không thành công: " + e.getMessage());
            return 1;
        } finally {
            if (started != null) {
                try {
                    started.close();
                } catch (IOException e) {
                    err.println("Không dừng được PostgreSQL nhúng: " + e.getMessage());
                }
            }
        }
    }

    /** The command prints its own result; the libraries' progress logging (Flyway, the embedded server) is noise. */
    private static void quietLogs() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root
                && System.getProperty("xhht.backup.verbose") == null) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String setting(Map<String, String> options, String property, String env) {
        String v = options.get(property);
        if (v == null) {
            v = System.getProperty(property);
        }
        if (v == null) {
            v = System.getenv(env);
        }
        return v;
    }
}
