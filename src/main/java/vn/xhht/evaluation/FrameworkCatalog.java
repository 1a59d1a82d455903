package vn.xhht.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;

/**
 * The frameworks and their versions. Shipped YAML files (classpath evaluation-frameworks/*.yaml) are loaded at
 * start as versions the database does not have yet; a file that fails validation is rejected whole and named with
 * its line in the log and on the frameworks page. An administrator's edit is validated the same way and saved as
 * the next version; evaluations keep the version they were made with.
 */
@Service
@Transactional
public class FrameworkCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FrameworkCatalog.class);

    /** A stored version (without parsing). */
    public record VersionInfo(long id, String code, int version, String title, String subjectType, String scoring,
                              java.time.LocalDate effectiveFrom, java.time.LocalDate effectiveTo, boolean complete,
                              String source, String sourceName, String note, String createdBy, OffsetDateTime createdAt) {

        /**
         * What a user tells frameworks apart by: the document it follows ("Thông tư 25/2023") and the version, never
         * the stored code ({@code tt25-2023-commune}).
         */
        public String label() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("tt(\\d+)-(\\d{4})-.*").matcher(code);
            String basis = m.matches() ? "Thông tư " + m.group(1) + "/" + m.group(2)
                    : code.endsWith("qd448") ? "Quyết định 448/QĐ-KHVN" : null;
            return title + " (" + (basis == null ? "" : basis + ", ") + "phiên bản " + version + ")";
        }
    }

    /** A framework version with its database id. */
    public record Versioned(long id, Framework framework) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Map<Long, Framework> cache = new ConcurrentHashMap<>();
    private final List<String> loadErrors = new CopyOnWriteArrayList<>();

    FrameworkCatalog(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        loadShippedFiles();
    }

    /** Loads the shipped files; returns how many new versions were stored. */
    public int loadShippedFiles() {
        int stored = 0;
        loadErrors.clear();
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver().getResources("classpath*:evaluation-frameworks/*.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        for (Resource r : files) {
            String text;
            try {
                text = new String(r.getContentAsByteArray(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                Framework f = FrameworkParser.parse(r.getFilename(), text);
                stored += insert(f, "FILE", r.getFilename(), text, null, null) ? 1 : 0;
            } catch (FrameworkParser.FormatException e) {
                log.error("Evaluation framework file rejected: {}", e.getMessage());
                loadErrors.add(e.getMessage());
            }
        }
        return stored;
    }

    public List<String> loadErrors() {
        return List.copyOf(loadErrors);
    }

    private boolean insert(Framework f, String source, String sourceName, String text, String note, String user) {
        return jdbc.sql("""
                insert into eval_framework_version (code, version, title, subject_type, scoring, effective_from, effective_to,
                       complete, source, source_name, yaml, note, created_by)
                values (:code, :v, :title, :subject, :scoring, :from, :to, :complete, :source, :name, :yaml, :note, :by)
                on conflict (code, version) do nothing
                """).param("code", f.code()).param("v", f.version()).param("title", f.title())
                .param("subject", f.subjectType().name()).param("scoring", f.scoring().name())
                .param("from", f.effectiveFrom()).param("to", f.effectiveTo()).param("complete", f.complete())
                .param("source", source).param("name", sourceName).param("yaml", text).param("note", note).param("by", user)
                .update() == 1;
    }

    @Transactional(readOnly = true)
    public List<VersionInfo> latestVersions() {
        return jdbc.sql(SELECT + " where (v.code, v.version) in (select code, max(version) from eval_framework_version group by code) order by v.subject_type, v.effective_from desc nulls last, v.code")
                .query(FrameworkCatalog::map).list();
    }

    @Transactional(readOnly = true)
    public List<VersionInfo> versions(String code) {
        return jdbc.sql(SELECT + " where v.code = :c order by v.version desc").param("c", code).query(FrameworkCatalog::map).list();
    }

    @Transactional(readOnly = true)
    public List<VersionInfo> allVersions() {
        return jdbc.sql(SELECT + " order by v.code, v.version desc").query(FrameworkCatalog::map).list();
    }

    @Transactional(readOnly = true)
    public String yaml(long versionId) {
        return jdbc.sql("select yaml from eval_framework_version where id = :id").param("id", versionId).query(String.class)
                .optional().orElseThrow(() -> new NotFoundProblem("evaluation.framework.notFound", versionId));
    }

    /** The parsed framework of a stored version (parsed once, then cached: versions never change). */
    @Transactional(readOnly = true)
    public Framework byVersionId(long versionId) {
        Framework f = cache.get(versionId);
        if (f == null) {
            var row = jdbc.sql("select code, yaml from eval_framework_version where id = :id").param("id", versionId)
                    .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).optional()
                    .orElseThrow(() -> new NotFoundProblem("evaluation.framework.notFound", versionId));
            f = FrameworkParser.parseStored(row[0], row[1]);
            cache.put(versionId, f);
        }
        return f;
    }

    @Transactional(readOnly = true)
    public Versioned latest(String code) {
        long id = jdbc.sql("select id from eval_framework_version where code = :c order by version desc limit 1")
                .param("c", code == null ? "" : code).query(Long.class).optional()
                .orElseThrow(() -> new InvalidInputProblem("frameworkCode", "evaluation.framework.unknown", code));
        return new Versioned(id, byVersionId(id));
    }

    @Transactional(readOnly = true)
    public Versioned version(String code, int version) {
        long id = jdbc.sql("select id from eval_framework_version where code = :c and version = :v")
                .param("c", code).param("v", version).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundProblem("evaluation.framework.notFound", code));
        return new Versioned(id, byVersionId(id));
    }

    /**
     * Saves an administrator's edit of a framework as its next version. The text is validated whole; the version
     * number in it is set by the system. {@code field} errors name the line.
     */
    public Versioned saveEdit(CurrentUser user, String code, String yaml, String note) {
        if (note != null && note.strip().length() > TextLimits.EVAL_FRAMEWORK_VERSION__NOTE) {
            throw new InvalidInputProblem("note", "error.tooLong", TextLimits.EVAL_FRAMEWORK_VERSION__NOTE);
        }
        if (!user.isAdmin()) {
            throw new AccessDeniedProblem("evaluation.framework.adminOnly");
        }
        Versioned current = latest(code);
        int next = current.framework().version() + 1;
        String text = yaml == null ? "" : yaml.replace("\r\n", "\n");
        if (!text.matches("(?s)(.*\n)?version:[^\n]*(\n.*)?")) {
            throw new InvalidInputProblem("yaml", "evaluation.framework.invalid", 0, "thiếu trường 'version'");
        }
        text = text.replaceFirst("(?m)^version:[^\n]*$", "version: " + next);
        Framework f;
        try {
            f = FrameworkParser.parse(code, text);
        } catch (FrameworkParser.FormatException e) {
            throw new InvalidInputProblem("yaml", "evaluation.framework.invalid", e.line(), e.reason());
        }
        if (!f.code().equals(code)) {
            throw new InvalidInputProblem("yaml", "evaluation.framework.codeChanged", code);
        }
        insert(f, "UI", user.username(), text, note == null || note.isBlank() ? null : note.strip(), user.username());
        Versioned saved = version(code, next);
        audit.change(AuditAction.CREATE, "EvaluationFramework", saved.id(), user.unitId(), Map.of("version", current.framework().version()),
                Map.of("version", next), "Sửa bộ tiêu chí " + code + " → phiên bản " + next);
        return saved;
    }

    /**
     * Adds an indicator to a criterion, or changes the one with this code (title, scoring, maximum, unit, minimum,
     * evidence), and saves the result as the next version.
     */
    public Versioned editItem(CurrentUser user, String code, String criterionCode, String itemCode, String title, String type,
                              java.math.BigDecimal maxPoints, String unit, java.math.BigDecimal minValue, boolean evidence, String note) {
        Framework f = latest(code).framework();
        String ic = vn.xhht.shared.Texts.orNull(itemCode);
        String t = vn.xhht.shared.Texts.orNull(title);
        if (ic == null) {
            throw new InvalidInputProblem("itemCode", "evaluation.framework.itemCode.required");
        }
        if (t == null) {
            throw new InvalidInputProblem("itemTitle", "evaluation.framework.itemTitle.required");
        }
        Framework.ItemType it;
        try {
            it = Framework.ItemType.valueOf(type == null ? "" : type.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputProblem("itemType", "evaluation.framework.itemType.required");
        }
        if (f.criteria().stream().noneMatch(c -> c.code().equals(criterionCode)) && f.item(ic).isEmpty()) {
            throw new InvalidInputProblem("criterion", "evaluation.framework.criterion.required");
        }
        java.util.List<Framework.Criterion> criteria = new java.util.ArrayList<>();
        for (Framework.Criterion c : f.criteria()) {
            java.util.List<Framework.Item> items = new java.util.ArrayList<>();
            for (Framework.Item i : c.items()) {
                items.add(i.code().equals(ic) ? new Framework.Item(ic, t, i.guidance(), evidence, it, maxPoints, vn.xhht.shared.Texts.orNull(unit),
                        minValue, i.thresholds(), "cập nhật qua giao diện", 0) : i);
            }
            if (c.code().equals(criterionCode) && f.item(ic).isEmpty()) {
                items.add(new Framework.Item(ic, t, null, evidence, it, maxPoints, vn.xhht.shared.Texts.orNull(unit), minValue, Map.of(),
                        "bổ sung qua giao diện", 0));
            }
            criteria.add(new Framework.Criterion(c.code(), c.title(), java.util.List.copyOf(items), 0));
        }
        return saveEdit(user, code, FrameworkWriter.write(copy(f, criteria, f.levels())), note);
    }

    /** Sets a level's minimum total and whether its conditions are known, and saves the next version. */
    public Versioned editLevel(CurrentUser user, String code, String levelCode, java.math.BigDecimal minTotal, boolean known, String note) {
        Framework f = latest(code).framework();
        if (f.level(levelCode == null ? "" : levelCode).isEmpty()) {
            throw new InvalidInputProblem("level", "evaluation.level.unknownCode", levelCode);
        }
        java.util.List<Framework.Level> levels = f.levels().stream().map(l -> !l.code().equals(levelCode) ? l
                : new Framework.Level(l.code(), l.title(), l.recognised(), known, minTotal, l.allItemsMetOf(), l.itemsMet(), l.minItemsMet(),
                l.noCriterionZero(), l.minCriterionPoints(), 0)).toList();
        return saveEdit(user, code, FrameworkWriter.write(copy(f, f.criteria(), levels)), note);
    }

    private static Framework copy(Framework f, java.util.List<Framework.Criterion> criteria, java.util.List<Framework.Level> levels) {
        return new Framework(f.code(), f.version(), f.title(), f.subjectType(), f.scoring(), f.maxTotal(), f.effectiveFrom(), f.effectiveTo(),
                f.complete(), f.incompleteNote(), f.legalBasis(), f.authorities(), criteria, levels, f.validityMonths(), f.upgradeAfterMonths(),
                f.deadlines(), f.targets(), f.dossier(), f.validityRule(), f.procedure());
    }

    private static final String SELECT = """
            select v.id, v.code, v.version, v.title, v.subject_type, v.scoring, v.effective_from, v.effective_to, v.complete,
                   v.source, v.source_name, v.note, v.created_by, v.created_at from eval_framework_version v
            """;

    static VersionInfo map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new VersionInfo(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("title"),
                rs.getString("subject_type"), rs.getString("scoring"), rs.getObject("effective_from", java.time.LocalDate.class),
                rs.getObject("effective_to", java.time.LocalDate.class), rs.getBoolean("complete"), rs.getString("source"),
                rs.getString("source_name"), rs.getString("note"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

}
