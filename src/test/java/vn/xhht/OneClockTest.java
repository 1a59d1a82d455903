package vn.xhht;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import vn.xhht.shared.VietnamClock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Today" has one source: {@link VietnamClock} over the {@code Clock} bean of {@code platform.ClockConfig}. A
 * {@code LocalDate.now(vn.xhht.shared.VietnamClock.ZONE)} elsewhere reads the server's zone (a UTC server is a day behind in Vietnam until 07:00) and
 * cannot be pinned by tests; a second zone constant is how that starts.
 */
class OneClockTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.xhht");

    static final String[] CLOCK_CLASSES = {"vn.xhht.shared.VietnamClock", "vn.xhht.platform.ClockConfig"};

    static ArchRule oneClock() {
        DescribedPredicate<JavaMethodCall> javaTimeNow = DescribedPredicate.describe("a java.time now()",
                c -> c.getTarget().getName().equals("now") && c.getTargetOwner().getPackageName().equals("java.time"));
        return noClasses().that().doNotHaveFullyQualifiedName(CLOCK_CLASSES[0])
                .and().doNotHaveFullyQualifiedName(CLOCK_CLASSES[1])
                .should().callMethodWhere(javaTimeNow)
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "system", java.time.ZoneId.class)
                .orShould().callMethod(java.time.ZoneId.class, "of", String.class)
                .orShould().callMethod(java.time.ZoneId.class, "systemDefault")
                .because("today and now come from the injected VietnamClock (pinned in tests), in Vietnam's zone");
    }

    @Test
    void nothingButTheVietnamClockReadsTheSystemClock() {
        oneClock().check(MAIN);
    }

    @Test
    void theVietnamZoneIsNamedOnce() throws IOException {
        Path root = Path.of("src/main/java/vn/xhht");
        try (Stream<Path> files = Files.walk(root)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith(Path.of("shared/VietnamClock.java")))
                    .filter(p -> read(p).contains("Asia/Ho_Chi_Minh"))
                    .map(p -> root.relativize(p).toString()).toList();
            assertThat(offenders).as("files naming the zone instead of VietnamClock.ZONE / ZONE_ID").isEmpty();
        }
    }

    @Test
    void theRuleSeesAViolation() {
        // the rule above must be able to fail: a class calling LocalDate.now(vn.xhht.shared.VietnamClock.ZONE) is caught
        JavaClasses bad = new ClassFileImporter().importClasses(Offender.class);
        assertThat(oneClock().evaluate(bad).hasViolation()).isTrue();
    }

    static final class Offender {
        java.time.LocalDate today() {
            return java.time.LocalDate.now(vn.xhht.shared.VietnamClock.ZONE);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
