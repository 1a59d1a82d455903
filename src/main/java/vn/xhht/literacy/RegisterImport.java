package vn.xhht.literacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;
import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.document.SpreadsheetFormatException;
import vn.xhht.document.XlsxExport;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.VietnamClock;

/**
 * Imports a survey sheet into the household register, all or nothing: the job around the three steps. Rows are
 * streamed ({@link RegisterFile}), checked one by one ({@link RegisterRowCheck}) and copied inside one transaction
 * ({@link RegisterWriter}; re-importing the same file changes nothing). Any bad row rolls everything back; all rejected
 * rows are kept with line, field and reason. Imports run one at a time on a background thread; the job row shows
 * progress.
 */
@Service
public class RegisterImport {

    private static final Logger log = LoggerFactory.getLogger(RegisterImport.class);
    private static final int PROGRESS_EVERY = 1000;

    /** Errors shown on the page; all of them are in the error file ({@link #errorsXlsx}). */
    static final int ERRORS_ON_SCREEN = 50;

    public record ImportError(int line, String field, String reason) {
        /** The file's own column header ("Thôn/Tổ dân phố"), never the field key. */
        public String column() {
            return RegisterLayout.column(field);
        }
    }

    /** Errors of one reason in one column: "Thôn/Tổ dân phố — Không có thôn … : 3.611 dòng, ví dụ dòng 2, 3, 4…". */
    public record ErrorGroup(String field, String reason, long count, List<Integer> lines) {
        public String column() {
            return RegisterLayout.column(field);
        }

        /** The first line numbers, "2, 3, 4" followed by "…" when there are more. */
        public String examples() {
            return String.join(", ", lines.stream().map(String::valueOf).toList()) + (count > lines.size() ? "…" : "");
        }
    }

    public record Job(long id, long unitId, String fileName, String status, Integer rowsTotal, int rowsDone, int inserted,
                      int updated, int unchanged, String message, Long peakHeapBytes, List<ImportError> errors,
                      int errorCount, List<ErrorGroup> groups, java.time.OffsetDateTime createdAt) {
        public boolean running() {
            return status.equals("RUNNING") || status.equals("MERGING");
        }

        /** Share of the rows read, 0–100, or null while the total is not known. */
        public Integer percentDone() {
            return rowsTotal == null || rowsTotal <= 0 ? null : (int) Math.min(100, rowsDone * 100L / rowsTotal);
        }

        /** Seconds left at the speed so far, or null when it cannot be told yet. */
        public Long secondsLeft(java.time.OffsetDateTime now) {
            if (rowsTotal == null || rowsDone <= 0 || createdAt == null) {
                return null;
            }
            long elapsedMs = java.time.Duration.between(createdAt, now).toMillis();
            return Math.max(0, (rowsTotal - rowsDone) * elapsedMs / rowsDone / 1000);
        }
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final LiteracyAccess access;
    private final AuditTrail audit;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final long maxBytes;
    private final long maxUnzippedBytes;
    private final VietnamClock clock;
    private final RegisterRowCheck rowCheck;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "literacy-import");
        t.setDaemon(true);
        return t;
    });

    RegisterImport(DataSource dataSource, JdbcClient jdbc, LiteracyAccess access, AuditTrail audit,
                   org.springframework.transaction.support.TransactionTemplate tx,
                   @Value("${xhht.literacy.import.max-bytes:31457280}") long maxBytes,
                   @Value("${xhht.literacy.import.max-unzipped-bytes:524288000}") long maxUnzippedBytes, VietnamClock clock,
                   RegisterRowCheck rowCheck) {
        this.rowCheck = rowCheck;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.tx = tx;
        this.maxBytes = maxBytes;
        this.maxUnzippedBytes = maxUnzippedBytes;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Keeps an uploaded file in a temporary file for the background import; the file is removed if it is refused. */
    public long start(CurrentUser user, long unitId, org.springframework.web.multipart.MultipartFile upload, LocalDate surveyDate,
                      String team) throws IOException {
        Path tmp = Files.createTempFile("lit-import-", ".tmp");
        try {
            upload.transferTo(tmp);
            return start(user, unitId, upload.getOriginalFilename(), tmp, surveyDate, team);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * Accepts a file for import into the communes below {@code unitId}; checks run at once for what can be
     * checked without reading rows (access, size, type), the rest in the background. Returns the job id.
     */
    public long start(CurrentUser user, long unitId, String fileName, Path file, LocalDate surveyDate, String team) {
        OrgUnit unit = access.requireWritablePersons(user, unitId);
        if (unit.level() > OrgUnit.COMMUNE) {
            throw new InvalidInputProblem("unitId", "lit.import.unitLevel");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = fileName == null ? "" : fileName.strip();
        String lower = name.toLowerCase();
        if (size == 0) {
            throw new InvalidInputProblem("file", "lit.import.empty");
        }
        if (size > maxBytes) {
            throw new InvalidInputProblem("file", "lit.import.tooLarge", maxBytes / (1024 * 1024));
        }
        if (!lower.endsWith(".csv") && !lower.endsWith(".xlsx")) {
            throw new InvalidInputProblem("file", "lit.import.type");
        }
        if (surveyDate != null && surveyDate.isAfter(clock.today())) {
            throw new InvalidInputProblem("surveyDate", "lit.import.surveyFuture");
        }
        LocalDate round = surveyDate == null ? clock.today() : surveyDate;
        Long roundId = jdbc.sql("insert into lit_survey_round (unit_id, survey_date, team, created_by) values (:u, :d, :t, :by) returning id")
                .param("u", unitId).param("d", round).param("t", vn.xhht.shared.Texts.orNull(team)).param("by", user.username())
                .query(Long.class).single();
        long id = jdbc.sql("""
                insert into lit_import (unit_id, user_id, username, file_name, status, round_id, instance_id)
                values (:u, :uid, :un, :f, 'RUNNING', :r, :inst) returning id
                """).param("inst", ImportRecovery.INSTANCE).param("u", unitId).param("uid", user.userId()).param("un", user.username())
                .param("f", name.length() > 300 ? name.substring(0, 300) : name).param("r", roundId)
                .query(Long.class).single();
        SecurityContext ctx = SecurityContextHolder.getContext();
        worker.submit(() -> {
            SecurityContextHolder.setContext(ctx);
            try {
                run(id, unit, roundId, lower.endsWith(".xlsx"), file);
            } catch (RuntimeException | Error e) {
                log.error("Literacy import {} failed", id, e);
                finish(id, "FAILED", "Lỗi hệ thống khi nhập tệp; không có thay đổi nào được lưu.");
            } finally {
                SecurityContextHolder.clearContext();
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file; the OS cleans it up
                }
            }
        });
        return id;
    }

    public Job job(CurrentUser user, long id) {
        Job job = jdbc.sql("select * from lit_import where id = :id").param("id", id)
                .query((rs, n) -> new Job(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("file_name"),
                        rs.getString("status"), (Integer) rs.getObject("rows_total"), rs.getInt("rows_done"),
                        rs.getInt("inserted"), rs.getInt("updated"), rs.getInt("unchanged"), rs.getString("message"),
                        (Long) rs.getObject("peak_heap_bytes"), List.of(), 0, List.of(), rs.getObject("created_at", java.time.OffsetDateTime.class)))
                .optional().orElseThrow(() -> new NotFoundProblem("lit.import.notFound", id));
        access.requireReadable(user, job.unitId());
        List<ImportError> errors = jdbc.sql("select line, field, reason from lit_import_error where import_id = :id order by line, field limit " + ERRORS_ON_SCREEN)
                .param("id", id).query((rs, n) -> new ImportError(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
        List<ErrorGroup> groups = jdbc.sql("""
                select e.field, e.reason, count(*) as n,
                       (select array_agg(x.line order by x.line) from (select line from lit_import_error f
                         where f.import_id = :id and f.field = e.field and f.reason = e.reason order by line limit 5) x) as lines
                from lit_import_error e where e.import_id = :id group by e.field, e.reason order by count(*) desc, min(e.line)
                """).param("id", id).query((rs, n) -> new ErrorGroup(rs.getString("field"), rs.getString("reason"), rs.getLong("n"),
                        java.util.Arrays.stream((Integer[]) rs.getArray("lines").getArray()).toList())).list();
        int count = jdbc.sql("select count(*) from lit_import_error where import_id = :id").param("id", id).query(Integer.class).single();
        return new Job(job.id(), job.unitId(), job.fileName(), job.status(), job.rowsTotal(), job.rowsDone(), job.inserted(),
                job.updated(), job.unchanged(), job.message(), job.peakHeapBytes(), errors, count, groups, job.createdAt());
    }

    /** Every error of a rejected import as .xlsx: line, the file's column header, reason (sorted by line). */
    public void errorsXlsx(CurrentUser user, long id, XlsxExport xlsx, java.io.OutputStream out) {
        Job j = job(user, id);
        List<XlsxExport.Column> cols = List.of(new XlsxExport.Column("Dòng", XlsxExport.ColumnType.INTEGER, 8),
                new XlsxExport.Column("Cột", XlsxExport.ColumnType.TEXT, 24), new XlsxExport.Column("Lý do", XlsxExport.ColumnType.TEXT, 80));
        xlsx.write(out, "Lỗi", "Các lỗi của tệp " + (j.fileName() == null ? "" : j.fileName()) + " — sổ không thay đổi", cols, sink ->
                jdbc.sql("select line, field, reason from lit_import_error where import_id = :id order by line, field").param("id", id)
                        .query((java.sql.ResultSet rs) -> {
                            sink.row(rs.getInt(1), RegisterLayout.column(rs.getString(2)), rs.getString(3));
                        }));
    }

    // ------------------------------------------------------------------------------------------------------

    private void run(long id, OrgUnit unit, long roundId, boolean xlsx, Path file) {
        long t0 = System.nanoTime();
        LocalDate today = clock.today();
        // heap in use (live data and garbage not yet collected), sampled every thousand rows
        java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] peakHeap = {memory.getHeapMemoryUsage().getUsed()};
        RegisterRowCheck.Rows checks = rowCheck.start(unit, today);
        long[] lastProgress = {System.nanoTime()};
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            RegisterWriter writer = RegisterWriter.open(con, unit, id, roundId);
            RegisterFile.RowSink sink = (line, cells) -> {
                int before = checks.rows();
                RegisterLayout.PersonRow p = checks.check(line, cells);
                if (p != null) {
                    writer.person(p);
                }
                int rows = checks.rows();
                if (rows == before) {
                    return; // the header
                }
                if (rows % PROGRESS_EVERY == 0) {
                    peakHeap[0] = Math.max(peakHeap[0], memory.getHeapMemoryUsage().getUsed());
                }
                if (rows % PROGRESS_EVERY == 0 && System.nanoTime() - lastProgress[0] > 500_000_000L) {
                    lastProgress[0] = System.nanoTime();
                    progress(id, rows);
                }
            };
            try {
                Integer estimate = RegisterFile.estimateRows(file, xlsx);
                if (estimate != null) {
                    // the total known before reading lets the page show a bar and the time left
                    tx.executeWithoutResult(x -> jdbc.sql("update lit_import set rows_total = :t where id = :id").param("t", estimate).param("id", id).update());
                }
                RegisterFile.read(file, xlsx, maxUnzippedBytes, sink);
                if (!checks.headerSeen()) {
                    throw new RegisterRowCheck.LayoutProblem(1);
                }
            } catch (RegisterRowCheck.LayoutProblem e) {
                writer.cancel();
                con.rollback();
                reject(id, checks.rows(), List.of(new RegisterLayout.Error(e.line, "layout",
                        "Sai mẫu cột: dòng tiêu đề phải là " + String.join(" | ", RegisterLayout.HEADERS))), 1);
                return;
            } catch (SpreadsheetFormatException e) {
                writer.cancel();
                con.rollback();
                reject(id, checks.rows(), List.of(new RegisterLayout.Error(1, "file", e.getMessage())), 1);
                return;
            }
            int rows = checks.rows();
            if (checks.errorCount() > 0) {
                writer.cancel();
                con.rollback();
                reject(id, rows, checks.errors(), checks.errorCount());
                return;
            }
            writer.end();
            long tRead = System.nanoTime();
            jdbc.sql("update lit_import set status = 'MERGING', rows_done = :n, rows_total = :n where id = :id")
                    .param("n", rows).param("id", id).update();
            boolean direct = writer.direct();
            int[] counts = writer.apply(checks.households(), rows);
            long tMerge = System.nanoTime();
            con.commit();
            log.info("Literacy import {}: {} rows ({}), read+check+copy {} ms, {} {} ms, commit {} ms", id, rows,
                    direct ? "first load" : "merge", (tRead - t0) / 1_000_000, direct ? "households" : "merge",
                    (tMerge - tRead) / 1_000_000, (System.nanoTime() - tMerge) / 1_000_000);
            long peak = Math.max(peakHeap[0], memory.getHeapMemoryUsage().getUsed());
            jdbc.sql("""
                    update lit_import set status = 'DONE', rows_done = :n, rows_total = :n, inserted = :i, updated = :u,
                           unchanged = :c, peak_heap_bytes = :peak, finished_at = now() where id = :id
                    """).param("n", rows).param("i", counts[0]).param("u", counts[1]).param("c", rows - counts[0] - counts[1])
                    .param("peak", peak).param("id", id).update();
            audit.change(AuditAction.UPDATE, "LiteracyRegister", id, unit.id(), null,
                    Map.of("rows", rows, "inserted", counts[0], "updated", counts[1]),
                    "Nhập sổ theo dõi xóa mù chữ: " + rows + " dòng, " + counts[0] + " người mới, " + counts[1] + " người thay đổi");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void reject(long id, int rows, List<RegisterLayout.Error> errors, int total) {
        jdbc.sql("delete from lit_import_error where import_id = :id").param("id", id).update();
        for (int from = 0; from < errors.size(); from += 500) {
            List<RegisterLayout.Error> batch = errors.subList(from, Math.min(errors.size(), from + 500));
            StringBuilder sql = new StringBuilder("insert into lit_import_error (import_id, line, field, reason) values ");
            Map<String, Object> params = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(:id, :l").append(i).append(", :f").append(i).append(", :r").append(i).append(")");
                params.put("l" + i, batch.get(i).line());
                params.put("f" + i, batch.get(i).field());
                String reason = batch.get(i).reason();
                params.put("r" + i, reason.length() > 300 ? reason.substring(0, 300) : reason);
            }
            params.put("id", id);
            jdbc.sql(sql.toString()).params(params).update();
        }
        // the page already says "rejected, register unchanged": the message adds only the count
        java.text.NumberFormat nf = java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("vi-VN"));
        String msg = nf.format(total) + " lỗi" + (total > errors.size() ? " (tệp lỗi ghi " + nf.format(errors.size()) + " lỗi đầu)" : "") + ".";
        // the round goes before the status changes: whoever sees REJECTED sees no round either
        dropRoundOf(id);
        jdbc.sql("update lit_import set status = 'REJECTED', rows_done = :n, rows_total = :n, message = :m, finished_at = now() where id = :id")
                .param("n", rows).param("m", msg).param("id", id).update();
    }

    /** A rejected or failed import leaves no survey round behind. */
    private void dropRoundOf(long id) {
        Long round = jdbc.sql("select round_id from lit_import where id = :id").param("id", id).query(Long.class).optional().orElse(null);
        if (round != null) {
            jdbc.sql("update lit_import set round_id = null where id = :id").param("id", id).update();
            ImportRecovery.dropUnusedRound(jdbc, round);
        }
    }

    /**
     * Progress on its own connection, at most twice a second and without waiting for the WAL flush: a synchronous
     * commit would also flush all the WAL the running COPY has written so far, which slowed the load several-fold.
     */
    private void progress(long id, int rows) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local synchronous_commit = off").update();
            jdbc.sql("update lit_import set rows_done = :n where id = :id").param("n", rows).param("id", id).update();
        });
    }

    private void finish(long id, String status, String message) {
        if ("FAILED".equals(status)) {
            dropRoundOf(id);
        }
        jdbc.sql("update lit_import set status = :s, message = :m, finished_at = now() where id = :id")
                .param("s", status).param("m", message).param("id", id).update();
    }
}
