package vn.xhht.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped framework files are stored as they are and shown to the administrator in the framework editor: their
 * comments are Vietnamese, without English or developer words.
 */
class FrameworkFilesInVietnameseTest {

    static final Set<String> ENGLISH = Set.of("the", "and", "of", "are", "is", "not", "only", "unknown", "secondary", "verified",
            "uncertain", "seed", "source", "criteria", "criterion", "incomplete", "marked", "regime", "current", "historical",
            "thresholds", "indicators", "readable", "known", "part", "points", "local", "proposal", "each", "should", "adjust",
            "found", "national", "areas", "follow", "consultation", "targets", "section", "docs", "shared", "new", "version");
    static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'-]*");

    @Test
    void commentsOfTheShippedFrameworkFilesAreVietnamese() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:evaluation-frameworks/*.yaml");
        assertThat(files).isNotEmpty();
        List<String> found = new ArrayList<>();
        for (Resource r : files) {
            String text = new String(r.getContentAsByteArray(), StandardCharsets.UTF_8);
            int n = 0;
            for (String line : text.split("\n")) {
                n++;
                int hash = line.indexOf('#');
                if (hash < 0 || (hash > 0 && !Character.isWhitespace(line.charAt(hash - 1)))) {
                    continue;
                }
                Matcher m = WORD.matcher(line.substring(hash + 1));
                while (m.find()) {
                    if (ENGLISH.contains(m.group().toLowerCase())) {
                        found.add(r.getFilename() + ":" + n + " " + m.group() + " «" + line.strip() + "»");
                        break;
                    }
                }
            }
        }
        assertThat(found).as("English or developer words in comments").isEmpty();
    }
}
