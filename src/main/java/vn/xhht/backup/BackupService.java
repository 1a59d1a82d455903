package vn.xhht.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.xhht.shared.VietnamClock;

/**
 * Backups while the app runs: the nightly job and the administrator's "Sao lưu ngay" write a consistent snapshot
 * ({@link DatabaseBackup}) as {@code xhht-YYYYMMDD-HHmmss.zip} into the backup directory (default ./data/backups,
 * next to the embedded database; XHHT_BACKUP_DIR elsewhere), then thin the directory out: the newest backup of
 * each of the last 7 days and of each of the last 4 weeks are kept. Every run is recorded in {@code backup_run}.
 */
@Service
public class BackupService {

    static final Pattern FILE = Pattern.compile("xhht-(\\d{8})-(\\d{6})\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    /** One backup run as recorded. */
    public record Run(long id, Instant startedAt, Instant finishedAt, String status, String trigger, String requestedBy,
                      String node, String fileName, Long sizeBytes, Long rowCount, Long millis, String message) {

        private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

        /** The start, as a Vietnamese reader expects it (Vietnam time). */
        public String startedText() {
            return startedAt.atZone(VietnamClock.ZONE).format(SHOWN);
        }

        public String finishedText() {
            return finishedAt == null ? "" : finishedAt.atZone(VietnamClock.ZONE).format(SHOWN);
        }
    }

    /** A backup file present in this instance's directory. */
    public record BackupFile(String name, long sizeBytes, Instant modified) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final LockProvider locks;
    private final Path dir;
    private final int keepDaily;
    private final int keepWeekly;
    private final VietnamClock clock;

    BackupService(DataSource dataSource, JdbcClient jdbc, LockProvider locks,
                  @Value("${xhht.backup.dir:./data/backups}") String dir,
                  @Value("${xhht.backup.keep-daily:7}") int keepDaily,
                  @Value("${xhht.backup.keep-weekly:4}") int keepWeekly, VietnamClock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.locks = locks;
        this.dir = Path.of(dir).toAbsolutePath().normalize();
        this.keepDaily = keepDaily;
        this.keepWeekly = keepWeekly;
        this.clock = clock;
    }

    public Path directory() {
        return dir;
    }

    @Scheduled(cron = "${xhht.backup.cron:0 30 2 * * *}", zone = VietnamClock.ZONE_ID)
    void nightly() {
        // one instance takes it; a run still going (or taken minutes ago by another instance) is not repeated
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), "nightly-backup",
                Duration.ofHours(2), Duration.ofMinutes(30)));
        if (lock.isEmpty()) {
            return;
        }
        try {
            run("SCHEDULE", null);
        } catch (RuntimeException e) {
            log.error("Nightly backup failed", e);
        } finally {
            lock.get().unlock();
        }
    }

    /** Takes a backup now; refused while another one is running (on any instance). */
    public Run backupNow(String requestedBy) {
        return run("MANUAL", requestedBy);
    }

    private Run run(String trigger, String requestedBy) {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), "backup-running",
                Duration.ofHours(2), Duration.ZERO));
        if (lock.isEmpty()) {
            throw new BackupBusyException();
        }
        try {
            long id = jdbc.sql("""
                    insert into backup_run (status, trigger, requested_by, node, directory) values ('RUNNING', :t, :by, :node, :dir)
                    returning id""").param("t", trigger).param("by", requestedBy).param("node", node())
                    .param("dir", dir.toString()).query(Long.class).single();
            long t0 = System.nanoTime();
            String name = "xhht-" + clock.localNow().format(STAMP) + ".zip";
            Path part = dir.resolve(name + ".part");
            try {
                Files.createDirectories(dir);
                DatabaseBackup.Summary s;
                try (OutputStream out = Files.newOutputStream(part)) {
                    s = DatabaseBackup.backup(dataSource, out, getClass().getPackage().getImplementationVersion(), clock.instant());
                }
                Path file = dir.resolve(name);
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                long size = Files.size(file);
                long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
                jdbc.sql("""
                        update backup_run set status = 'DONE', finished_at = now(), file_name = :f, size_bytes = :s,
                               row_count = :r, millis = :ms where id = :id""")
                        .param("f", name).param("s", size).param("r", s.rows()).param("ms", ms).param("id", id).update();
                log.info("Backup {}: {} tables, {} rows, {} bytes in {} ms", file, s.tables(), s.rows(), size, ms);
                prune();
            } catch (IOException | java.sql.SQLException | RuntimeException e) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // the failure below is what matters
                }
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                jdbc.sql("update backup_run set status = 'FAILED', finished_at = now(), message = :m where id = :id")
                        .param("m", msg.length() > 1900 ? msg.substring(0, 1900) : msg).param("id", id).update();
                log.error("Backup failed", e);
            }
            return find(id).orElseThrow();
        } finally {
            lock.get().unlock();
        }
    }

    /** Keeps the newest file of each of the last {@code keepDaily} days and {@code keepWeekly} ISO weeks. */
    void prune() throws IOException {
        List<BackupFile> files = files();
        Set<String> keep = new HashSet<>();
        Set<LocalDate> days = new HashSet<>();
        Set<String> weeks = new HashSet<>();
        for (BackupFile f : files) { // newest first
            LocalDate day = dayOf(f.name());
            if (day == null) {
                continue;
            }
            if (days.size() < keepDaily && days.add(day)) {
                keep.add(f.name());
            }
            String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (weeks.size() < keepWeekly && weeks.add(week)) {
                keep.add(f.name());
            }
        }
        for (BackupFile f : files) {
            if (dayOf(f.name()) != null && !keep.contains(f.name())) {
                Files.deleteIfExists(dir.resolve(f.name()));
                log.info("Backup {} removed by the retention rule", f.name());
            }
        }
    }

    private static LocalDate dayOf(String name) {
        Matcher m = FILE.matcher(name);
        return m.matches() ? LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE) : null;
    }

    /** The backup files of this instance's directory, newest first. */
    public List<BackupFile> files() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<BackupFile> list = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).toList()) {
                list.add(new BackupFile(p.getFileName().toString(), Files.size(p), Files.getLastModifiedTime(p).toInstant()));
            }
        }
        list.sort(Comparator.comparing(BackupFile::name).reversed());
        return list;
    }

    /** A backup file of this instance by its exact name (no path can be smuggled in). */
    public Optional<Path> file(String name) {
        if (name == null || !FILE.matcher(name).matches()) {
            return Optional.empty();
        }
        Path p = dir.resolve(name);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    public List<Run> recent(int limit) {
        return jdbc.sql(SELECT + " order by started_at desc limit :n").param("n", limit).query(BackupService::map).list();
    }

    public Optional<Run> lastSuccess() {
        return jdbc.sql(SELECT + " where status = 'DONE' order by finished_at desc limit 1").query(BackupService::map).optional();
    }

    /** When the database was created (its first migration): a new installation has not missed any backup yet. */
    Instant installedAt() {
        return jdbc.sql("select min(installed_on) from flyway_schema_history").query(java.sql.Timestamp.class).optional()
                .map(java.sql.Timestamp::toInstant).orElse(clock.instant());
    }

    private Optional<Run> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(BackupService::map).optional();
    }

    private static final String SELECT = """
            select id, started_at, finished_at, status, trigger, requested_by, node, file_name, size_bytes, row_count, millis, message
            from backup_run""";

    private static Run map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Run(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                rs.getString("status"), rs.getString("trigger"), rs.getString("requested_by"), rs.getString("node"),
                rs.getString("file_name"), (Long) rs.getObject("size_bytes"), (Long) rs.getObject("row_count"),
                (Long) rs.getObject("millis"), rs.getString("message"));
    }

    private static String node() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "?";
        }
    }

    /** Another backup is being written (on this or another instance). */
    public static class BackupBusyException extends RuntimeException {
        BackupBusyException() {
            super("Một bản sao lưu khác đang được tạo; hãy thử lại sau ít phút.");
        }
    }
}
