package vn.xhht.reporting;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Period codes, generated periods and due dates of every shipped template over several years; template checks. */
class ReportPeriodsTest {

    static final TemplateCatalog CATALOG = new TemplateCatalog();

    ReportTemplate t(String code) {
        return CATALOG.require(code);
    }

    static Map<String, LocalDate> dues(ReportTemplate t, int year) {
        return ReportPeriods.periods(t, year).stream().collect(Collectors.toMap(ReportPeriod::code, p -> ReportPeriods.due(t.dueRule(), p),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void everyShippedTemplateIsLoaded() {
        assertThat(CATALOG.all()).extracting(ReportTemplate::code).containsExactly("centre-quarterly", "centre-half-year", "centre-annual",
                "office-semester-1", "office-year-end", "lifelong-learning-week", "literacy-universal", "out-of-school");
    }

    @Test
    void centreQuarterlyIsDueOnThe30thOfTheQuarterLastMonth() {
        for (int y : new int[]{2024, 2025, 2026, 2027, 2028}) {
            assertThat(dues(t("centre-quarterly"), y)).containsExactly(
                    Map.entry(y + "Q1", LocalDate.of(y, 3, 30)), Map.entry(y + "Q2", LocalDate.of(y, 6, 30)),
                    Map.entry(y + "Q3", LocalDate.of(y, 9, 30)), Map.entry(y + "Q4", LocalDate.of(y, 12, 30)));
        }
    }

    @Test
    void halfYearlyAndOutOfSchoolAreDue30JuneAnd30December() {
        for (int y = 2024; y <= 2028; y++) {
            for (String code : List.of("centre-half-year", "out-of-school")) {
                assertThat(dues(t(code), y)).containsExactly(Map.entry(y + "S1", LocalDate.of(y, 6, 30)), Map.entry(y + "S2", LocalDate.of(y, 12, 30)));
            }
            assertThat(dues(t("centre-annual"), y)).containsExactly(Map.entry(String.valueOf(y), LocalDate.of(y, 12, 30)));
            assertThat(dues(t("literacy-universal"), y)).containsExactly(Map.entry(String.valueOf(y), LocalDate.of(y, 11, 30)));
            assertThat(dues(t("office-semester-1"), y)).containsExactly(Map.entry(y + "-" + (y + 1) + "HK1", LocalDate.of(y, 12, 31)));
            assertThat(dues(t("office-year-end"), y)).containsExactly(Map.entry(y + "-" + (y + 1), LocalDate.of(y + 1, 5, 31)));
            assertThat(dues(t("lifelong-learning-week"), y)).containsExactly(Map.entry(y + "TLHTSD", LocalDate.of(y, 10, 22)));
        }
    }

    @Test
    void endOfMonthRuleFollowsMonthLengthAndLeapYears() {
        ReportTemplate.DueRule endOfMonth = new ReportTemplate.DueRule(ReportTemplate.DueRule.Kind.END_OF_PERIOD, 0, 0, 0, "cuối tháng 3, 6, 9, 12");
        assertThat(ReportPeriods.due(endOfMonth, ReportPeriods.parse("2026Q1"))).isEqualTo("2026-03-31");
        assertThat(ReportPeriods.due(endOfMonth, ReportPeriods.parse("2026Q2"))).isEqualTo("2026-06-30");
        ReportTemplate.DueRule day30 = new ReportTemplate.DueRule(ReportTemplate.DueRule.Kind.DAY_OF_LAST_MONTH, 30, 0, 0, "ngày 30");
        assertThat(ReportPeriods.due(day30, ReportPeriods.parse("2028M02"))).isEqualTo("2028-02-29");
        assertThat(ReportPeriods.due(day30, ReportPeriods.parse("2027M02"))).isEqualTo("2027-02-28");
    }

    @Test
    void periodCodes() {
        assertThat(ReportPeriods.parse("2026")).isEqualTo(new ReportPeriod("2026", ReportPeriod.Kind.YEAR, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(ReportPeriods.parse("2026s2").to()).isEqualTo("2026-12-31");
        assertThat(ReportPeriods.parse("2026Q3").from()).isEqualTo("2026-07-01");
        assertThat(ReportPeriods.parse("2026M02").to()).isEqualTo("2026-02-28");
        assertThat(ReportPeriods.parse("2026-2027").to()).isEqualTo("2027-08-31");
        assertThat(ReportPeriods.parse("2026-2027HK1").label()).isEqualTo("Học kỳ I năm học 2026-2027");
        assertThat(ReportPeriods.parse("2026Q3").label()).isEqualTo("Quý III/2026");
        assertThat(ReportPeriods.parse("2026Q3").previousYear().code()).isEqualTo("2025Q3");
        assertThat(ReportPeriods.parse("2026-2027HK1").previousYear().code()).isEqualTo("2025-2026HK1");
        for (String bad : List.of("2026Q5", "2026M13", "2026-2028", "26Q1", "1999", "2026S3", "", "Q3-2026")) {
            assertThat(ReportPeriods.tryParse(bad)).as(bad).isEmpty();
        }
        // a template accepts only its own kind of period
        assertThat(ReportPeriods.parse(t("centre-quarterly"), "2026Q3")).isPresent();
        assertThat(ReportPeriods.parse(t("centre-quarterly"), "2026S1")).isEmpty();
        assertThat(ReportPeriods.parse(t("lifelong-learning-week"), "2026TLHTSD").orElseThrow().from()).isEqualTo("2026-10-01");
        assertThat(ReportPeriods.parse(t("lifelong-learning-week"), "2026XYZ")).isEmpty();
        assertThat(ReportPeriods.periods(t("centre-quarterly"), 2026)).hasSize(4);
    }

    @Test
    void submittingLevelFollowsTheReform() {
        ReportTemplate t = t("out-of-school");
        assertThat(t.submittingLevel(LocalDate.of(2025, 6, 30))).contains(vn.xhht.orgunit.OrgUnit.DISTRICT);
        assertThat(t.submittingLevel(LocalDate.of(2025, 12, 31))).contains(vn.xhht.orgunit.OrgUnit.COMMUNE);
    }

    @Test
    void aBrokenTemplateNamesFileAndLine() {
        String yaml = """
                code: bad-one
                title: Sai
                periodicity: QUARTERLY
                submittingLevel: COMMUNE
                due: {rule: DAY_OF_LAST_MONTH, day: 30, text: x}
                sections:
                  - code: a
                    title: A
                    fields:
                      - {code: total, label: Tổng, type: NUMBER}
                      - {code: women, label: Nữ, type: NUMBR}
                """;
        assertThatThrownBy(() -> TemplateLoader.load("bad.yml", new StringReader(yaml)))
                .hasMessageStartingWith("bad.yml:11:").hasMessageContaining("type không hợp lệ: NUMBR");
        String rule = yaml.replace("NUMBR", "NUMBER") + "rules:\n  - {check: women <= men}\n";
        assertThatThrownBy(() -> TemplateLoader.load("bad.yml", new StringReader(rule)))
                .hasMessageStartingWith("bad.yml:13:").hasMessageContaining("men");
        String key = yaml.replace("NUMBR", "NUMBER").replace("title: Sai", "title: Sai\ncolour: red");
        assertThatThrownBy(() -> TemplateLoader.load("bad.yml", new StringReader(key))).hasMessageStartingWith("bad.yml:3:").hasMessageContaining("colour");
    }
}
