package vn.xhht.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A logical backup of the application's schema that needs no PostgreSQL client tools (the embedded server has no
 * pg_dump, and a system pg_dump refuses a newer server): every table is copied out with COPY inside one
 * REPEATABLE READ, read-only transaction, so the file is one consistent snapshot even while users keep working.
 * The zip holds {@code manifest.properties} (schema version, tables, columns, row counts, SHA-256 of each table's
 * data, sequence values) and one {@code data/<table>.copy} per table in COPY text format, readable by any
 * PostgreSQL version.
 * <p>
 * Restore builds the schema with the application's own Flyway migrations up to the backup's version, replaces the
 * rows of every table in one transaction (user triggers off so that roll-ups are not counted twice, parents before
 * children), sets the sequences, then migrates to the running version. It therefore works on the embedded
 * database and on any external PostgreSQL the app can use, without superuser rights.
 */
public final class DatabaseBackup {

    static final String FORMAT = "xhht-backup-1";
    static final String MANIFEST = "manifest.properties";
    /**
     * Transient tables: sessions (users sign in again), job locks, instance heartbeats of the import jobs and
     * login-failure counters (they expire within minutes anyway).
     */
    static final Set<String> SKIPPED = Set.of("spring_session", "spring_session_attributes", "shedlock",
            "lit_import_worker", "login_failure");

    private DatabaseBackup() {
    }

    /** What a backup or restore did. */
    public record Summary(String schemaVersion, int tables, long rows, Map<String, Long> rowsByTable) {
    }

    /** Writes a consistent snapshot of the database to {@code out} (a zip; the stream is finished, not closed). */
    public static Summary backup(DataSource dataSource, OutputStream out, String appVersion, Instant created) throws IOException, SQLException {
        try (Connection con = dataSource.getConnection()) {
            boolean autoCommit = con.getAutoCommit();
            con.setAutoCommit(false);
            try {
                try (Statement st = con.createStatement()) {
                    st.execute("set transaction isolation level repeatable read, read only");
                }
                Summary s = writeSnapshot(con, out, appVersion, created);
                con.commit();
                return s;
            } catch (IOException | SQLException | RuntimeException e) {
                con.rollback();
                throw e;
            } finally {
                con.setAutoCommit(autoCommit);
            }
        }
    }

    private static Summary writeSnapshot(Connection con, OutputStream out, String appVersion, Instant created) throws IOException, SQLException {
        String version = schemaVersion(con);
        if (version == null) {
            throw new IllegalStateException("Cơ sở dữ liệu chưa có lược đồ của XHHT: không có gì để sao lưu.");
        }
        List<String> tables = tables(con);
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("created", created.toString());
        manifest.setProperty("schema.version", version);
        manifest.setProperty("app.version", appVersion == null ? "" : appVersion);
        manifest.setProperty("server.version", single(con, "show server_version"));
        manifest.setProperty("tables", String.join(",", tables));
        CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(6);
        Map<String, Long> counts = new LinkedHashMap<>();
        long total = 0;
        for (String table : tables) {
            List<String> columns = columns(con, table);
            zip.putNextEntry(new ZipEntry("data/" + table + ".copy"));
            MessageDigest sha = sha256();
            OutputStream entry = new DigestOutputStream(new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    zip.write(b, off, len);
                }

                @Override
                public void close() {
                    // the zip stays open for the next table
                }
            }, sha);
            long rows = copy.copyOut("copy " + quote(table) + " (" + columnList(columns) + ") to stdout", entry);
            entry.flush();
            zip.closeEntry();
            counts.put(table, rows);
            total += rows;
            manifest.setProperty("table." + table + ".columns", String.join(",", columns));
            manifest.setProperty("table." + table + ".rows", Long.toString(rows));
            manifest.setProperty("table." + table + ".sha256", HexFormat.of().formatHex(sha.digest()));
        }
        // sequences are not transactional: a value read now may be ahead of the snapshot, never behind it
        List<String> names = new ArrayList<>();
        try (Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("select sequencename from pg_sequences where schemaname = current_schema() order by 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String seq : names) {
            try (Statement st = con.createStatement();
                 ResultSet rs = st.executeQuery("select last_value, is_called from " + quote(seq))) {
                rs.next();
                manifest.setProperty("sequence." + seq, rs.getLong(1) + "," + rs.getBoolean(2));
            }
        }
        manifest.setProperty("sequences", String.join(",", names));
        zip.putNextEntry(new ZipEntry(MANIFEST));
        StringWriter text = new StringWriter();
        manifest.store(text, "XHHT backup");
        zip.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        zip.closeEntry();
        zip.finish();
        return new Summary(version, tables.size(), total, counts);
    }

    /** The schema version a backup file was taken at (without restoring it). */
    public static Properties manifest(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            return manifest(zip);
        }
    }

    private static Properties manifest(ZipFile zip) throws IOException {
        ZipEntry e = zip.getEntry(MANIFEST);
        if (e == null) {
            throw new IllegalArgumentException("Tệp không phải bản sao lưu XHHT (thiếu " + MANIFEST + ").");
        }
        Properties p = new Properties();
        try (InputStream in = zip.getInputStream(e)) {
            p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)));
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IllegalArgumentException("Định dạng bản sao lưu không được hỗ trợ: " + p.getProperty("format"));
        }
        return p;
    }

    /**
     * Restores a backup into the database behind {@code dataSource}, which must hold no XHHT schema unless
     * {@code replace} is set (then the current schema is dropped first: everything in it is lost).
     */
    public static Summary restore(DataSource dataSource, Path file, boolean replace) throws IOException, SQLException {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            Properties manifest = manifest(zip);
            String version = manifest.getProperty("schema.version");
            try (Connection con = dataSource.getConnection()) {
                if (schemaVersion(con) != null || !tables(con).isEmpty()) {
                    if (!replace) {
                        throw new IllegalStateException("Cơ sở dữ liệu đích đã có dữ liệu. Hãy khôi phục vào một cơ sở dữ liệu trống, "
                                + "hoặc thêm --replace để xoá toàn bộ dữ liệu hiện có rồi khôi phục.");
                    }
                    String schema = single(con, "select current_schema()");
                    try (Statement st = con.createStatement()) {
                        st.execute("drop schema " + quote(schema) + " cascade");
                        st.execute("create schema " + quote(schema));
                    }
                }
            }
            flyway(dataSource, version).migrate();
            Summary s = load(dataSource, zip, manifest, version);
            flyway(dataSource, null).migrate();
            return s;
        }
    }

    private static Flyway flyway(DataSource dataSource, String target) {
        var config = Flyway.configure(DatabaseBackup.class.getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static Summary load(DataSource dataSource, ZipFile zip, Properties manifest, String version) throws IOException, SQLException {
        List<String> wanted = List.of(manifest.getProperty("tables").split(","));
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try {
                Set<String> present = new LinkedHashSet<>(tables(con));
                for (String t : wanted) {
                    if (!present.contains(t)) {
                        throw new IllegalStateException("Bảng " + t + " của bản sao lưu không có trong lược đồ phiên bản " + version + ".");
                    }
                }
                List<String> order = parentsFirst(con, wanted);
                try (Statement st = con.createStatement()) {
                    // the migrations load reference data (units, calendars, rules); the backup's rows replace it
                    StringBuilder truncate = new StringBuilder("truncate table ");
                    for (int i = 0; i < order.size(); i++) {
                        truncate.append(i == 0 ? "" : ", ").append(quote(order.get(i)));
                    }
                    st.execute(truncate.toString());
                    for (String t : order) {
                        st.execute("alter table " + quote(t) + " disable trigger user");
                    }
                }
                CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
                Map<String, Long> counts = new LinkedHashMap<>();
                long total = 0;
                for (String t : order) {
                    ZipEntry e = zip.getEntry("data/" + t + ".copy");
                    if (e == null) {
                        throw new IllegalStateException("Bản sao lưu thiếu dữ liệu của bảng " + t + ".");
                    }
                    MessageDigest sha = sha256();
                    long rows;
                    try (InputStream in = new DigestInputStream(zip.getInputStream(e), sha)) {
                        rows = copy.copyIn("copy " + quote(t) + " (" + columnList(List.of(
                                manifest.getProperty("table." + t + ".columns").split(","))) + ") from stdin", in);
                    }
                    String expected = manifest.getProperty("table." + t + ".sha256");
                    if (!HexFormat.of().formatHex(sha.digest()).equals(expected)
                            || rows != Long.parseLong(manifest.getProperty("table." + t + ".rows"))) {
                        throw new IllegalStateException("Dữ liệu bảng " + t + " trong bản sao lưu bị hỏng (không khớp tổng kiểm).");
                    }
                    counts.put(t, rows);
                    total += rows;
                }
                String sequences = manifest.getProperty("sequences", "");
                for (String seq : sequences.isEmpty() ? new String[0] : sequences.split(",")) {
                    String[] v = manifest.getProperty("sequence." + seq, "").split(",");
                    if (v.length != 2) {
                        continue;
                    }
                    try (PreparedStatement ps = con.prepareStatement(
                            "select setval(to_regclass(quote_ident(?)), ?, ?) where to_regclass(quote_ident(?)) is not null")) {
                        ps.setString(1, seq);
                        ps.setLong(2, Long.parseLong(v[0]));
                        ps.setBoolean(3, Boolean.parseBoolean(v[1]));
                        ps.setString(4, seq);
                        ps.execute();
                    }
                }
                try (Statement st = con.createStatement()) {
                    for (String t : order) {
                        st.execute("alter table " + quote(t) + " enable trigger user");
                    }
                }
                con.commit();
                return new Summary(version, order.size(), total, counts);
            } catch (IOException | SQLException | RuntimeException e) {
                con.rollback();
                throw e;
            }
        }
    }

    /** Tables ordered so that every table comes after the tables its foreign keys point to. */
    private static List<String> parentsFirst(Connection con, List<String> tables) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        tables.forEach(t -> parents.put(t, new LinkedHashSet<>()));
        try (Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("""
                     select c.conrelid::regclass::text, c.confrelid::regclass::text from pg_constraint c
                     where c.contype = 'f' and c.connamespace = current_schema()::regnamespace""")) {
            while (rs.next()) {
                String child = unquote(rs.getString(1));
                String parent = unquote(rs.getString(2));
                if (parents.containsKey(child) && parents.containsKey(parent) && !child.equals(parent)) {
                    parents.get(child).add(parent);
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (order.size() < tables.size()) {
            boolean progress = false;
            for (String t : tables) {
                if (!done.contains(t) && done.containsAll(parents.get(t))) {
                    order.add(t);
                    done.add(t);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("Khoá ngoại vòng tròn giữa các bảng: " + parents);
            }
        }
        return order;
    }

    static String schemaVersion(Connection con) throws SQLException {
        if (single(con, "select to_regclass('flyway_schema_history')::text") == null) {
            return null;
        }
        return single(con, "select version from flyway_schema_history where success and version is not null "
                + "order by installed_rank desc limit 1");
    }

    /** The application's tables in the current schema, in a stable order (Flyway's history included). */
    static List<String> tables(Connection con) throws SQLException {
        List<String> list = new ArrayList<>();
        try (Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("""
                     select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
                     order by c.relname""")) {
            while (rs.next()) {
                if (!SKIPPED.contains(rs.getString(1))) {
                    list.add(rs.getString(1));
                }
            }
        }
        return list;
    }

    /** Stored columns in table order (generated columns are recomputed on restore). */
    static List<String> columns(Connection con, String table) throws SQLException {
        List<String> list = new ArrayList<>();
        try (PreparedStatement ps = con.prepareStatement("""
                select a.attname from pg_attribute a
                where a.attrelid = to_regclass(quote_ident(?)) and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                order by a.attnum""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(rs.getString(1));
                }
            }
        }
        return list;
    }

    private static String single(Connection con, String sql) throws SQLException {
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String columnList(List<String> columns) {
        StringBuilder b = new StringBuilder();
        for (String c : columns) {
            b.append(b.isEmpty() ? "" : ", ").append(quote(c));
        }
        return b.toString();
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String unquote(String regclass) {
        return regclass.startsWith("\"") ? regclass.substring(1, regclass.length() - 1).replace("\"\"", "\"") : regclass;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
