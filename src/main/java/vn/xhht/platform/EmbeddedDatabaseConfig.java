package vn.xhht.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-setup database: with no {@code spring.datasource.url} the app starts its own PostgreSQL whose data
 * lives under ./data/pg. With a URL (production) none of this runs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@org.springframework.modulith.NamedInterface("api")
public class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties props) throws IOException {
        // stopped by the context, after the beans that use the database: with zonky's own shutdown hook the server
        // could stop first, and the event registry's last look at its table would wait out the pool's timeout
        return start(props, false);
    }

    /**
     * The port of the embedded PostgreSQL already running on this data directory (the app is up), if any:
     * command-line tools such as backup then connect to it instead of starting a second server.
     */
    public static java.util.OptionalInt runningPort(Path dataDir) {
        Path pidFile = dataDir.toAbsolutePath().normalize().resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.get(0).trim());
            if (lines.size() > 3 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return java.util.OptionalInt.of(Integer.parseInt(lines.get(3).trim()));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("No running embedded PostgreSQL in {}: {}", dataDir, e.toString());
        }
        return java.util.OptionalInt.empty();
    }

    /** Starts the embedded PostgreSQL on its data directory (created on first use). */
    public static EmbeddedPostgres start(EmbeddedDatabaseProperties props) throws IOException {
        return start(props, true);
    }

    private static EmbeddedPostgres start(EmbeddedDatabaseProperties props, boolean stopAtJvmExit) throws IOException {
        Path dir = Path.of(props.dir()).toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        stopOrphan(dir);
        long t0 = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(props.clean())
                .setOverrideWorkingDirectory(dir.getParent().resolve("pg-binaries").toFile())
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(stopAtJvmExit);
        // zonky starts postgres with -F (fsync off) and synchronous_commit=off, settings meant for throw-away test
        // databases; a later -c on the command line wins over -F, so these make the default data directory crash-safe.
        builder.setServerConfig("fsync", props.durable() ? "on" : "off")
                .setServerConfig("synchronous_commit", props.durable() ? "on" : "off")
                .setServerConfig("full_page_writes", props.durable() ? "on" : "off");
        if (props.port() > 0) {
            builder.setPort(props.port());
        }
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {} ready in {} ms{}", pg.getPort(), dir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
                props.durable() ? "" : " (NOT durable: fsync off, for scratch databases only)");
        return pg;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setPassword("postgres");
        ds.setMaximumPoolSize(10);
        ds.setPoolName("xhht-embedded");
        return ds;
    }

    /**
     * A JVM killed with SIGKILL leaves its postgres child running and holding postmaster.pid; the next start
     * would then fail. Stop such an orphan first (only if the PID is really a postgres process).
     */
    private static void stopOrphan(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim();
            long pid = Long.parseLong(first);
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    // still owned by a running XHHT (a second start on the same directory): leave it alone
                    .filter(p -> p.parent().flatMap(pp -> pp.info().command()).map(c -> !c.contains("java")).orElse(true))
                    .ifPresent(p -> {
                        log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left by an earlier run", pid);
                        p.destroy();
                        p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                    });
        } catch (IOException | RuntimeException e) {
            log.debug("Could not inspect {}: {}", pidFile, e.toString());
        }
    }
}
