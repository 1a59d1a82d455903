package vn.xhht;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Controllers only translate between HTTP and the services of their module (issue 13, item 5): they hold no SQL and
 * no database client, no class calls into a controller (shared helpers live in services or in {@code shared}), and
 * every download's headers come from {@code document.Downloads}. The class rules read the compiled classes; SQL
 * text and hand-written headers are found in the sources, where they are visible.
 */
class ThinControllersTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.xhht");

    static final Path MAIN = Path.of("src/main/java/vn/xhht");

    /** Database access types a controller must not hold or call. */
    static final Set<String> DATABASE = Set.of(
            "org.springframework.jdbc.core.simple.JdbcClient",
            "org.springframework.jdbc.core.JdbcTemplate",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
            "javax.sql.DataSource",
            "java.sql.Connection",
            "java.sql.PreparedStatement",
            "java.sql.Statement");

    /** A statement in a string literal or text block: select … from, insert into, update … set, delete from. */
    static final Pattern SQL = Pattern.compile(
            "(?is)\\bselect\\b[^\"]{0,400}?\\bfrom\\s+[a-z_]+|\\binsert\\s+into\\s+[a-z_]+|\\bupdate\\s+[a-z_]+\\s+set\\b|\\bdelete\\s+from\\s+[a-z_]+");
    static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

    static boolean isController(JavaClass c) {
        return c.getPackageName().startsWith("vn.xhht") && !c.isAnnotation() && top(c).getSimpleName().endsWith("Controller");
    }

    static JavaClass top(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) {
            t = t.getEnclosingClass().get();
        }
        return t;
    }

    @Test
    void noControllerUsesTheDatabaseDirectly() {
        List<String> broken = new ArrayList<>();
        for (JavaClass c : CLASSES) {
            if (!isController(c)) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                if (DATABASE.contains(d.getTargetClass().getName())) {
                    broken.add(d.getDescription());
                }
            }
        }
        assertThat(broken).as("controllers reaching the database; move the query into a service of the module").isEmpty();
    }

    @Test
    void noClassCallsIntoAController() {
        List<String> broken = new ArrayList<>();
        for (JavaClass c : CLASSES) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (isController(target) && !top(target).equals(top(c))) {
                    broken.add(d.getDescription());
                }
            }
        }
        assertThat(broken).as("classes depending on another class's controller (move the shared code into a service or shared)")
                .isEmpty();
    }

    @Test
    void noControllerHoldsSqlText() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path f : sources()) {
            if (!f.getFileName().toString().endsWith("Controller.java")) {
                continue;
            }
            Matcher m = LITERAL.matcher(Files.readString(f));
            while (m.find()) {
                String text = m.group(1) != null ? m.group(1) : m.group(2);
                if (SQL.matcher(text).find()) {
                    broken.add(MAIN.relativize(f) + ": " + text.strip().lines().findFirst().orElse(""));
                }
            }
        }
        assertThat(broken).as("SQL text in controllers").isEmpty();
    }

    @Test
    void everyDownloadHeaderComesFromDownloads() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path f : sources()) {
            if (f.startsWith(MAIN.resolve("document"))) {
                continue;
            }
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.contains("Content-Disposition") || l.contains("CONTENT_DISPOSITION") || l.contains("ContentDisposition")) {
                    broken.add(MAIN.relativize(f) + ":" + (i + 1) + ": " + l.strip());
                }
            }
        }
        assertThat(broken).as("download headers written by hand instead of document.Downloads").isEmpty();
    }

    /** The rules are not vacuous: the patterns find what they are meant to find. */
    @Test
    void theRulesRecogniseWhatTheyForbid() {
        assertThat(SQL.matcher("select id, name from org_unit where parent_id = :c").find()).isTrue();
        assertThat(SQL.matcher("""
                insert into audit_event (actor) values (:a)""").find()).isTrue();
        assertThat(SQL.matcher("update report set status = 'X'").find()).isTrue();
        assertThat(SQL.matcher("Chọn đơn vị từ danh sách").find()).isFalse();
        assertThat(SQL.matcher("redirect:/reports/select").find()).isFalse();
        assertThat(CLASSES.stream().filter(ThinControllersTest::isController).count()).as("controllers found").isGreaterThan(30);
        assertThat(CLASSES.contain("vn.xhht.audit.AuditLog")).isTrue();
    }

    static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
