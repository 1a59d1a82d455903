package vn.xhht.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Writing a framework back to YAML and reading it again gives the same framework (form edits rely on it). */
class FrameworkWriterTest {

    @Test
    void everyShippedFrameworkSurvivesARoundTrip() {
        for (String code : RuleEngineTest.SHIPPED) {
            Framework f = RuleEngineTest.shipped(code);
            Framework again = FrameworkParser.parse(code, FrameworkWriter.write(f));
            assertThat(again).as(code).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*line").isEqualTo(f);
        }
    }
}
