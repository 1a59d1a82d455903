package vn.xhht;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coupling {@link ModularityTest} cannot see: SQL text. Every table has one owning module
 * ({@code architecture/table-owners.txt}); a module's SQL literals name only its own tables and the views and
 * functions other modules publish (xhht_…). So review_state is written only by review, org_unit read only by orgunit,
 * plan's tables only by plan.
 */
class TableOwnershipTest {

    static final Path SOURCES = Path.of("src/main/java/vn/xhht");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Text blocks first, then ordinary string literals. */
    static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    /** A name in the position of a table: after from, join, update, insert into, delete from, exists, table. */
    static final Pattern TABLE_POSITION = Pattern.compile(
            "\\b(?:from|join|update|into|exists|table|truncate)\\s+(?:only\\s+)?([a-z_][a-z_0-9]*)", Pattern.CASE_INSENSITIVE);

    record Owners(Map<String, String> tables, Map<String, String> published, Set<String> exceptions) {
    }

    static Owners owners() throws IOException {
        Map<String, String> tables = new TreeMap<>();
        Map<String, String> published = new TreeMap<>();
        Set<String> exceptions = new TreeSet<>();
        try (var in = TableOwnershipTest.class.getResourceAsStream("/architecture/table-owners.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] kv = line.split(":", 2);
                if (kv[0].startsWith("exception ")) {
                    for (String name : kv[1].strip().split("\\s+")) {
                        exceptions.add(kv[0].substring("exception ".length()).strip() + " " + name);
                    }
                    continue;
                }
                boolean pub = kv[0].startsWith("published ");
                String module = pub ? kv[0].substring("published ".length()).strip() : kv[0].strip();
                for (String name : kv[1].strip().split("\\s+")) {
                    String before = (pub ? published : tables).put(name, module);
                    assertThat(before).as("%s listed twice", name).isNull();
                }
            }
        }
        return new Owners(tables, published, exceptions);
    }

    /** The tables the migrations create (a renamed or dropped table would need this list updated). */
    static Set<String> migratedTables() throws IOException {
        return createdInMigrations(Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z_0-9]*)", Pattern.CASE_INSENSITIVE));
    }

    /** The published views and functions the migrations define. */
    static Set<String> migratedPublished() throws IOException {
        return createdInMigrations(Pattern.compile("create\\s+(?:or\\s+replace\\s+)?(?:view|function)\\s+(xhht_[a-z_0-9]*)", Pattern.CASE_INSENSITIVE));
    }

    private static Set<String> createdInMigrations(Pattern create) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = create.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(m.group(1).toLowerCase());
                }
            }
        }
        return out;
    }

    /** "module file: table" for every table a module's SQL literals name that another module owns. */
    static List<String> violations(String module, String file, String source, Owners owners) {
        List<String> out = new ArrayList<>();
        Matcher lit = LITERAL.matcher(source);
        while (lit.find()) {
            String text = lit.group(1) != null ? lit.group(1) : lit.group(2);
            Matcher t = TABLE_POSITION.matcher(text);
            while (t.find()) {
                String name = t.group(1).toLowerCase();
                String owner = owners.tables().get(name);
                if (owner != null && !owner.equals(module) && !owners.exceptions().contains(module + " " + name)) {
                    out.add(module + " " + file + ": " + name + " (owned by " + owner + ")");
                }
            }
        }
        return out;
    }

    static Map<String, List<Path>> sourcesByModule() throws IOException {
        Map<String, List<Path>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = SOURCES.relativize(f);
                if (rel.getNameCount() > 1) {
                    out.computeIfAbsent(rel.getName(0).toString(), k -> new ArrayList<>()).add(f);
                }
            }
        }
        return out;
    }

    @Test
    void everyTableTheMigrationsCreateHasExactlyOneOwningModule() throws IOException {
        Owners owners = owners();
        assertThat(owners.tables().keySet()).containsExactlyInAnyOrderElementsOf(migratedTables());
        Set<String> modules = sourcesByModule().keySet();
        assertThat(owners.tables().values()).allSatisfy(m -> assertThat(modules).contains(m));
        assertThat(owners.published().keySet()).containsExactlyInAnyOrderElementsOf(migratedPublished());
    }

    @Test
    void modulesNameOnlyTheirOwnTablesInSql() throws IOException {
        Owners owners = owners();
        List<String> violations = new ArrayList<>();
        int ownReferences = 0;
        for (var e : sourcesByModule().entrySet()) {
            for (Path f : e.getValue()) {
                String source = Files.readString(f);
                violations.addAll(violations(e.getKey(), f.getFileName().toString(), source, owners));
                ownReferences += violations("no module", f.getFileName().toString(), source, owners).size();
            }
        }
        assertThat(violations).as("SQL naming another module's table: use the owner's API or a view/function it publishes").isEmpty();
        // a listed exception that is no longer needed is removed from the list
        Owners strict = new Owners(owners.tables(), owners.published(), Set.of());
        Set<String> used = new TreeSet<>();
        for (var e : sourcesByModule().entrySet()) {
            for (Path f : e.getValue()) {
                for (String v : violations(e.getKey(), f.getFileName().toString(), Files.readString(f), strict)) {
                    used.add(e.getKey() + " " + v.substring(v.indexOf(": ") + 2, v.indexOf(" (owned")));
                }
            }
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(owners.exceptions());
        // the scan sees SQL at all: checked as if no module owned anything, it finds the modules' own tables
        assertThat(ownReferences).isGreaterThan(100);
    }

    @Test
    void noModuleButOrgunitKnowsThePathFormatOrTheSuccessionLinks() throws IOException {
        List<String> found = new ArrayList<>();
        for (var e : sourcesByModule().entrySet()) {
            if (e.getKey().equals("orgunit")) {
                continue;
            }
            for (Path f : e.getValue()) {
                Matcher lit = LITERAL.matcher(Files.readString(f));
                while (lit.find()) {
                    String text = (lit.group(1) != null ? lit.group(1) : lit.group(2)).toLowerCase();
                    if (text.contains("path like") || text.contains("like '%/") || text.matches("(?s).*like\\s+[a-z_]+\\.path.*")
                            || text.contains("org_unit_succession") || text.contains("with recursive")) {
                        found.add(e.getKey() + " " + f.getFileName());
                    }
                }
            }
        }
        assertThat(found).as("unit scope is orgunit's: use UnitScope / xhht_read_scope, xhht_rollup_scope, xhht_unit_subtree, xhht_unit_line").isEmpty();
    }

    @Test
    void theScanCatchesAForeignTableInATextBlockAndInAString() throws IOException {
        Owners owners = owners();
        String source = "class X { String a = \"\"\"\n select 1 from review_state s join plan p on p.id = s.subject_id\n \"\"\";"
                + " String b = \"update org_unit set zone = 'X'\"; String c = \"select * from report\"; }";
        assertThat(violations("reporting", "X.java", source, owners)).containsExactly(
                "reporting X.java: review_state (owned by review)", "reporting X.java: plan (owned by plan)",
                "reporting X.java: org_unit (owned by orgunit)");
    }
}
