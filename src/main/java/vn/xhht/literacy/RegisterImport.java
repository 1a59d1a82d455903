package vn.xhht.literacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
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
import vn.xhht.document.XlsxRows;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.VietnamClock;

/**
 * Imports a survey sheet into the household register, all or nothing. Rows are streamed (never the whole file
 * in memory), checked one by one and copied with PostgreSQL COPY inside one transaction: into the register
 * directly when none of the communes in scope has a person yet, otherwise into a temporary table that one
 * set-based merge then applies (a person is matched by (commune, code), unchanged rows are not touched, so
 * re-importing the same file changes nothing). Any bad row rolls everything back; all rejected rows are kept
 * with line, field and reason. Imports run one at a time on a background thread; the job row shows progress.
 */
@Service
public class RegisterImport {

    private static final Logger log = LoggerFactory.getLogger(RegisterImport.class);
    static final int MAX_ERRORS_KEPT = 5000;
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
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "literacy-import");
        t.setDaemon(true);
        return t;
    });

    RegisterImport(DataSource dataSource, JdbcClient jdbc, LiteracyAccess access, AuditTrail audit,
                   org.springframework.transaction.support.TransactionTemplate tx,
                   @Value("${xhht.literacy.import.max-bytes:31457280}") long maxBytes,
                   @Value("${xhht.literacy.import.max-unzipped-bytes:524288000}") long maxUnzippedBytes, VietnamClock clock) {
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

    /** Communes (valid today) in the subtree of the unit with their open hamlets, by code and by name. */
    RegisterLayout.Hamlets scope(OrgUnit unit, LocalDate today) {
        Map<String, Long> communes = new HashMap<>();
        Map<String, RegisterLayout.Hamlet> hamlets = new HashMap<>();
        jdbc.sql("""
                select c.id as commune_id, c.code as commune_code, c.province_id, h.id as hamlet_id, h.code as hamlet_code, h.name as hamlet_name
                from xhht_unit c left join xhht_unit h on h.parent_id = c.id and h.level = 4
                     and (h.valid_from is null or h.valid_from <= :d) and (h.valid_to is null or h.valid_to >= :d)
                where c.level = 3 and c.id in (select id from xhht_unit_subtree(:u))
                  and (c.valid_from is null or c.valid_from <= :d) and (c.valid_to is null or c.valid_to >= :d)
                """).param("u", unit.id()).param("d", today).query((java.sql.ResultSet rs) -> {
            long communeId = rs.getLong("commune_id");
            communes.put(rs.getString("commune_code"), communeId);
            long hamletId = rs.getLong("hamlet_id");
            if (!rs.wasNull()) {
                RegisterLayout.Hamlet h = new RegisterLayout.Hamlet(hamletId, communeId, rs.getLong("province_id"));
                hamlets.put(communeId + "|" + Codes.key(rs.getString("hamlet_code")), h);
                hamlets.putIfAbsent(communeId + "|" + Codes.key(rs.getString("hamlet_name")), h);
            }
        });
        return new RegisterLayout.Hamlets() {
            @Override
            public Long communeId(String code) {
                return communes.get(code);
            }

            @Override
            public RegisterLayout.Hamlet find(long communeId, String cell) {
                return hamlets.get(communeId + "|" + Codes.key(cell));
            }
        };
    }

    private record Household(long communeId, long provinceId, long hamletId, String code, String head, String address, int line) {
    }

    private void run(long id, OrgUnit unit, long roundId, boolean xlsx, Path file) {
        long t0 = System.nanoTime();
        LocalDate today = clock.today();
        // heap in use (live data and garbage not yet collected), sampled every thousand rows
        java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] peakHeap = {memory.getHeapMemoryUsage().getUsed()};
        RegisterLayout.Hamlets hamlets = scope(unit, today);
        List<RegisterLayout.Error> errors = new ArrayList<>();
        int[] errorCount = {0};
        KeySet seenPersons = new KeySet();
        Map<String, Household> households = new HashMap<>();
        boolean[] header = {false};
        int[] rows = {0};
        long[] lastProgress = {System.nanoTime()};
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            boolean direct = registerEmpty(con, unit);
            try (var st = con.createStatement()) {
                st.execute("set local synchronous_commit = off");
                if (!direct) {
                    st.execute("""
                            create temp table lit_stage on commit drop as
                            select commune_id, province_id, hamlet_id, household_code, code, full_name, sex, birth_date, birth_year,
                                   birth_key, ethnicity, disability, priority_group, resident_status, moved_in_date, left_date, in_school,
                                   current_grade, highest_grade, primary_year, lsec_year, literacy_status, literacy_basis
                            from lit_person with no data""");
                }
            }
            String target = direct ? "lit_person" : "lit_stage";
            CopyWriter copy = new CopyWriter(con.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy %s (commune_id, province_id, hamlet_id, household_code, code, full_name, sex, birth_date, birth_year,
                             birth_key, ethnicity, disability, priority_group, resident_status, moved_in_date, left_date, in_school,
                             current_grade, highest_grade, primary_year, lsec_year, literacy_status, literacy_basis%s) from stdin
                    """.formatted(target, direct ? ", round_id, import_id" : "")));
            String tail = direct ? roundId + "\t" + id + "\n" : "\n";
            RowSink sink = (line, cells) -> {
                if (!header[0]) {
                    header[0] = true;
                    if (!RegisterLayout.headerMatches(cells)) {
                        throw new LayoutProblem(line);
                    }
                    return;
                }
                rows[0]++;
                int before = errors.size();
                RegisterLayout.PersonRow p = RegisterLayout.check(line, cells, hamlets, today, errors);
                if (p != null) {
                    int first = seenPersons.putIfAbsent(p.communeId(), p.code(), line);
                    if (first != 0) {
                        errors.add(new RegisterLayout.Error(line, "personCode", "Trùng mã người " + p.code() + " với dòng " + first));
                    }
                    Household h = households.get(p.communeId() + "|" + p.householdCode());
                    if (h == null) {
                        households.put(p.communeId() + "|" + p.householdCode(), new Household(p.communeId(), p.provinceId(),
                                p.hamletId(), p.householdCode(), p.head(), p.address(), line));
                    } else if (h.hamletId() != p.hamletId()) {
                        errors.add(new RegisterLayout.Error(line, "hamlet", "Hộ " + p.householdCode() + " đã ghi ở thôn khác (dòng " + h.line() + ")"));
                    }
                }
                if (errors.size() > before) {
                    errorCount[0] += errors.size() - before;
                    while (errors.size() > MAX_ERRORS_KEPT) {
                        errors.remove(errors.size() - 1);
                    }
                } else if (errorCount[0] == 0) {
                    copy.person(p, tail);
                }
                if (rows[0] % PROGRESS_EVERY == 0) {
                    peakHeap[0] = Math.max(peakHeap[0], memory.getHeapMemoryUsage().getUsed());
                }
                if (rows[0] % PROGRESS_EVERY == 0 && System.nanoTime() - lastProgress[0] > 500_000_000L) {
                    lastProgress[0] = System.nanoTime();
                    progress(id, rows[0]);
                }
            };
            try {
                Integer estimate = estimateRows(file, xlsx);
                if (estimate != null) {
                    // the total known before reading lets the page show a bar and the time left
                    tx.executeWithoutResult(x -> jdbc.sql("update lit_import set rows_total = :t where id = :id").param("t", estimate).param("id", id).update());
                }
                if (xlsx) {
                    XlsxRows.read(file, maxUnzippedBytes, sink::row);
                } else {
                    readCsv(file, sink);
                }
                if (!header[0]) {
                    throw new LayoutProblem(1);
                }
            } catch (LayoutProblem e) {
                copy.cancel();
                con.rollback();
                reject(id, rows[0], List.of(new RegisterLayout.Error(e.line, "layout",
                        "Sai mẫu cột: dòng tiêu đề phải là " + String.join(" | ", RegisterLayout.HEADERS))), 1);
                return;
            } catch (SpreadsheetFormatException e) {
                copy.cancel();
                con.rollback();
                reject(id, rows[0], List.of(new RegisterLayout.Error(1, "file", e.getMessage())), 1);
                return;
            }
            if (errorCount[0] > 0) {
                copy.cancel();
                con.rollback();
                reject(id, rows[0], errors, errorCount[0]);
                return;
            }
            copy.end();
            long tRead = System.nanoTime();
            jdbc.sql("update lit_import set status = 'MERGING', rows_done = :n, rows_total = :n where id = :id")
                    .param("n", rows[0]).param("id", id).update();
            int[] counts = direct ? insertHouseholds(con, households, true, id, roundId, rows[0])
                    : merge(con, households, id, roundId);
            long tMerge = System.nanoTime();
            con.commit();
            log.info("Literacy import {}: {} rows ({}), read+check+copy {} ms, {} {} ms, commit {} ms", id, rows[0],
                    direct ? "first load" : "merge", (tRead - t0) / 1_000_000, direct ? "households" : "merge",
                    (tMerge - tRead) / 1_000_000, (System.nanoTime() - tMerge) / 1_000_000);
            long peak = Math.max(peakHeap[0], memory.getHeapMemoryUsage().getUsed());
            jdbc.sql("""
                    update lit_import set status = 'DONE', rows_done = :n, rows_total = :n, inserted = :i, updated = :u,
                           unchanged = :c, peak_heap_bytes = :peak, finished_at = now() where id = :id
                    """).param("n", rows[0]).param("i", counts[0]).param("u", counts[1]).param("c", rows[0] - counts[0] - counts[1])
                    .param("peak", peak).param("id", id).update();
            audit.change(AuditAction.UPDATE, "LiteracyRegister", id, unit.id(), null,
                    Map.of("rows", rows[0], "inserted", counts[0], "updated", counts[1]),
                    "Nhập sổ theo dõi xóa mù chữ: " + rows[0] + " dòng, " + counts[0] + " người mới, " + counts[1] + " người thay đổi");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean registerEmpty(Connection con, OrgUnit unit) throws SQLException {
        String sql = switch (unit.level()) {
            case OrgUnit.NATION -> "select not exists (select 1 from lit_person)";
            case OrgUnit.PROVINCE -> "select not exists (select 1 from lit_person p join xhht_unit c on c.id = p.commune_id where c.level = 3 and c.province_id = "
                    + unit.id() + ")";
            case OrgUnit.COMMUNE -> "select not exists (select 1 from lit_person where commune_id = " + unit.id() + ")";
            default -> "select not exists (select 1 from lit_person p where p.commune_id in (select id from xhht_unit_subtree("
                    + unit.id() + ")))";
        };
        try (var st = con.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Households: straight into the register (first import) or into a temporary table merged afterwards. */
    private static int[] insertHouseholds(Connection con, Map<String, Household> households, boolean direct, long id,
                                          long roundId, int rows) throws SQLException {
        CopyWriter copy = new CopyWriter(con.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "copy " + (direct ? "lit_household" : "lit_stage_household") + " (commune_id, province_id, hamlet_id, code, head_name, address) from stdin"));
        for (Household h : households.values()) {
            copy.household(h);
        }
        copy.end();
        return new int[]{rows, 0};
    }

    /** One set-based merge of the staged rows; returns {inserted, updated} persons. */
    private static int[] merge(Connection con, Map<String, Household> households, long id, long roundId) throws SQLException {
        try (var st = con.createStatement()) {
            st.execute("create temp table lit_stage_household on commit drop as select commune_id, province_id, hamlet_id, code, head_name, address from lit_household with no data");
        }
        insertHouseholds(con, households, false, id, roundId, 0);
        households.clear();
        String changed = """
                (p.hamlet_id, p.household_code, p.full_name, p.sex, p.birth_date, p.birth_year, p.ethnicity, p.disability,
                 p.priority_group, p.resident_status, p.moved_in_date, p.left_date, p.in_school, p.current_grade, p.highest_grade,
                 p.primary_year, p.lsec_year, p.literacy_status, p.literacy_basis)
                is distinct from
                (s.hamlet_id, s.household_code, s.full_name, s.sex, s.birth_date, s.birth_year, s.ethnicity, s.disability,
                 s.priority_group, s.resident_status, s.moved_in_date, s.left_date, s.in_school, s.current_grade, s.highest_grade,
                 s.primary_year, s.lsec_year, s.literacy_status, s.literacy_basis)""";
        int[] result = new int[2];
        try (var st = con.createStatement()) {
            st.execute("""
                    insert into lit_household as h (commune_id, province_id, hamlet_id, code, head_name, address)
                    select commune_id, province_id, hamlet_id, code, head_name, address from lit_stage_household
                    on conflict (commune_id, code) do update set hamlet_id = excluded.hamlet_id, head_name = excluded.head_name,
                        address = excluded.address, version = h.version + 1, updated_at = now()
                    where (h.hamlet_id, h.head_name, h.address) is distinct from (excluded.hamlet_id, excluded.head_name, excluded.address)
                    """);
            // the history of status changes, with the round the survey came from
            st.execute("""
                    insert into lit_person_change (person_id, round_id, import_id, field, old_value, new_value, changed_by)
                    select p.id, %d, %d, f.field, f.old_value, f.new_value, (select username from lit_import where id = %d)
                    from lit_stage s join lit_person p on p.commune_id = s.commune_id and p.code = s.code
                    cross join lateral (values ('residentStatus', p.resident_status, s.resident_status),
                                               ('literacyStatus', p.literacy_status, s.literacy_status)) f(field, old_value, new_value)
                    where f.old_value is distinct from f.new_value
                    """.formatted(roundId, id, id));
            try (var rs = st.executeQuery("""
                    with up as (
                        insert into lit_person as p (commune_id, province_id, hamlet_id, household_code, code, full_name, sex, birth_date,
                               birth_year, birth_key, ethnicity, disability, priority_group, resident_status, moved_in_date, left_date,
                               in_school, current_grade, highest_grade, primary_year, lsec_year, literacy_status, literacy_basis,
                               round_id, import_id)
                        select s.*, %d, %d from lit_stage s
                        on conflict (commune_id, code) do update set hamlet_id = excluded.hamlet_id, province_id = excluded.province_id,
                               household_code = excluded.household_code, full_name = excluded.full_name, sex = excluded.sex,
                               birth_date = excluded.birth_date, birth_year = excluded.birth_year, birth_key = excluded.birth_key,
                               ethnicity = excluded.ethnicity, disability = excluded.disability, priority_group = excluded.priority_group,
                               resident_status = excluded.resident_status, moved_in_date = excluded.moved_in_date,
                               left_date = excluded.left_date, in_school = excluded.in_school, current_grade = excluded.current_grade,
                               highest_grade = excluded.highest_grade, primary_year = excluded.primary_year, lsec_year = excluded.lsec_year,
                               literacy_status = excluded.literacy_status, literacy_basis = excluded.literacy_basis,
                               round_id = excluded.round_id, import_id = excluded.import_id, version = p.version + 1, updated_at = now()
                        where %s
                        returning (xmax = 0) as inserted
                    )
                    select count(*) filter (where inserted), count(*) filter (where not inserted) from up
                    """.formatted(roundId, id, changed.replace("s.", "excluded.")))) {
                rs.next();
                result[0] = rs.getInt(1);
                result[1] = rs.getInt(2);
            }
        }
        return result;
    }

    /**
     * The number of data rows, cheaply: line breaks of a .csv, the sheet's declared dimension of an .xlsx
     * ({@code <dimension ref="A1:T3612"/>}, written by Excel and LibreOffice). Null when it cannot be told.
     */
    static Integer estimateRows(Path file, boolean xlsx) {
        try {
            if (!xlsx) {
                long lines = 0;
                byte[] buf = new byte[1 << 16];
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        for (int i = 0; i < n; i++) {
                            if (buf[i] == '\n') {
                                lines++;
                            }
                        }
                    }
                }
                return (int) Math.max(0, Math.min(Integer.MAX_VALUE, lines - 1));
            }
            try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
                for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                        String head = new String(zip.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
                        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<dimension ref=\"[A-Z]+\\d+:[A-Z]+(\\d+)\"").matcher(head);
                        return m.find() ? Math.max(0, Integer.parseInt(m.group(1)) - 1) : null;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
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

    // ---------------------------------------------------------------- reading

    @FunctionalInterface
    interface RowSink {
        void row(int line, List<String> cells);
    }

    private static final class LayoutProblem extends RuntimeException {
        final int line;

        LayoutProblem(int line) {
            super(null, null, false, false);
            this.line = line;
        }
    }

    /** RFC 4180 CSV in UTF-8 (optional BOM), comma or semicolon (taken from the header line), streamed. */
    static void readCsv(Path file, RowSink sink) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            int lineNo = 0;
            char sep = 0;
            List<String> cells = new ArrayList<>(24);
            StringBuilder cell = new StringBuilder();
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                int startLine = lineNo;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (sep == 0) {
                    sep = line.indexOf(';') >= 0 && line.indexOf(',') < 0 ? ';' : ',';
                }
                cells.clear();
                cell.setLength(0);
                boolean quoted = false;
                int i = 0;
                while (true) {
                    if (i >= line.length()) {
                        if (quoted) {
                            String next = r.readLine();
                            if (next == null) {
                                break;
                            }
                            lineNo++;
                            cell.append('\n');
                            line = next;
                            i = 0;
                            continue;
                        }
                        break;
                    }
                    char ch = line.charAt(i++);
                    if (quoted) {
                        if (ch == '"') {
                            if (i < line.length() && line.charAt(i) == '"') {
                                cell.append('"');
                                i++;
                            } else {
                                quoted = false;
                            }
                        } else {
                            cell.append(ch);
                        }
                    } else if (ch == '"' && cell.isEmpty()) {
                        quoted = true;
                    } else if (ch == sep) {
                        cells.add(cell.toString());
                        cell.setLength(0);
                    } else {
                        cell.append(ch);
                    }
                }
                cells.add(cell.toString());
                boolean any = false;
                for (String s : cells) {
                    if (!s.isBlank()) {
                        any = true;
                        break;
                    }
                }
                if (any) {
                    sink.row(startLine, cells);
                }
            }
        }
    }

    // ---------------------------------------------------------------- COPY text format

    /** Buffers COPY text rows and hands them to the server in 256 KiB chunks. */
    private static final class CopyWriter {
        private final CopyIn copy;
        private final StringBuilder sb = new StringBuilder(1 << 18);

        CopyWriter(CopyIn copy) {
            this.copy = copy;
        }

        void person(RegisterLayout.PersonRow p, String tail) {
            sb.append(p.communeId()).append('\t').append(p.provinceId()).append('\t').append(p.hamletId()).append('\t');
            text(p.householdCode()).append('\t');
            text(p.code()).append('\t');
            text(p.fullName()).append('\t').append(p.sex()).append('\t');
            val(p.birthDate()).append('\t').append(p.birthYear()).append('\t').append(p.birthKey()).append('\t')
                    .append(p.ethnicity()).append('\t').append(p.disability() ? 't' : 'f').append('\t');
            val(p.priorityGroup()).append('\t').append(p.residentStatus()).append('\t');
            val(p.movedIn()).append('\t');
            val(p.left()).append('\t').append(p.currentGrade() != null ? 't' : 'f').append('\t');
            val(p.currentGrade()).append('\t').append(p.highestGrade()).append('\t');
            val(p.primaryYear()).append('\t');
            val(p.lsecYear()).append('\t');
            val(p.literacyStatus()).append('\t');
            val(p.literacyBasis());
            sb.append(tail.equals("\n") ? "\n" : "\t" + tail);
            if (sb.length() > (1 << 18) - 2048) {
                flush();
            }
        }

        void household(Household h) {
            sb.append(h.communeId()).append('\t').append(h.provinceId()).append('\t').append(h.hamletId()).append('\t');
            text(h.code()).append('\t');
            text(h.head().isEmpty() ? null : h.head()).append('\t');
            text(h.address().isEmpty() ? null : h.address()).append('\n');
            if (sb.length() > (1 << 18) - 2048) {
                flush();
            }
        }

        private StringBuilder val(Object v) {
            return v == null ? sb.append("\\N") : sb.append(v);
        }

        private StringBuilder text(String s) {
            if (s == null) {
                return sb.append("\\N");
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(c);
                }
            }
            return sb;
        }

        private void flush() {
            if (sb.isEmpty()) {
                return;
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            sb.setLength(0);
        }

        void end() throws SQLException {
            flush();
            copy.endCopy();
        }

        void cancel() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
