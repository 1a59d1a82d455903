package vn.xhht.literacy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.ReportFigureSource;
import vn.xhht.shared.VietnamClock;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.xhht.literacy.LiteracyFixture.*;

/**
 * Issue 14 (R17, R19): the report figures give every band of the rule data with the seven figures for all, women and
 * men; rates keep two decimals, cut (two of three is 66.66, not 66.7 nor 66.67); a rate of an empty band is blank.
 */
@XhhtIntegrationTest
class LiteracyFiguresTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegisterImport imports;
    @Autowired
    LiteracyFigures figures;
    @Autowired
    MessageSource messages;
    @Autowired
    VietnamClock clock;

    @Test
    void everyBandOfTheRuleDataIsOfferedWithALabelInBothLanguages() {
        List<String> bands = jdbc.sql("select distinct age_from || '_' || age_to from lit_band").query(String.class).list();
        assertThat(bands).contains("36_60", "18_21", "11_14", "6_6");
        List<ReportFigureSource.Figure> offered = figures.figures();
        for (String band : bands) {
            for (String figure : LiteracyFigures.BAND_FIGURES) {
                for (String sex : LiteracyFigures.SEXES) {
                    String code = "literacy." + figure + "." + band + sex;
                    ReportFigureSource.Figure f = offered.stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow(() ->
                            new AssertionError("no figure " + code));
                    String vi = messages.getMessage(f.labelKey(), null, "", Locale.forLanguageTag("vi"));
                    String en = messages.getMessage(f.labelKey(), null, "", Locale.ENGLISH);
                    assertThat(vi).as(f.labelKey()).contains("tuổi");
                    assertThat(en).as(f.labelKey()).isNotBlank().doesNotContain("tuổi");
                }
            }
        }
        assertThat(offered).extracting(ReportFigureSource.Figure::code).contains("literacy.upper_secondary.18_21.women",
                "literacy.upper_secondary_rate.18_21");
    }

    @Test
    void valuesOfEveryBandBySexWithRatesCutToTwoDecimalsAndBlankWhereNobodyIs() throws Exception {
        LocalDate today = clock.today();
        Commune c = commune(jdbc, false);
        User u = officer(c.id(), true);
        assertThat(importAndWait(imports, u, c.id(), csv(
                row(c, 0, "H1", "P1", "Lò Thị Mai", "Nữ", birthForAge(40, today), "TT", "", "9", "MĐ2"),
                row(c, 0, "H2", "P2", "Lò Văn Tâm", "Nam", birthForAge(45, today), "TT", "", "9", "MĐ2"),
                row(c, 1, "H3", "P3", "Vàng Thị Dợ", "Nữ", birthForAge(50, today), "TT", "", "0", "MC"),
                row(c, 1, "H4", "P4", "Vàng Thị Sua", "Nữ", birthForAge(20, today), "TT", "", "3", "MĐ1")), "fig.csv").status())
                .isEqualTo("DONE");
        Map<String, BigDecimal> v = figures.values(c.id(), today.minusYears(1), today);
        // 36–60: three people, two at level 2 — 66.66 %, not rounded up
        assertThat(v.get("literacy.population.36_60")).isEqualByComparingTo("3");
        assertThat(v.get("literacy.literate1.36_60")).isEqualByComparingTo("2");
        assertThat(v.get("literacy.literate2.36_60")).isEqualByComparingTo("2");
        assertThat(v.get("literacy.illiterate.36_60")).isEqualByComparingTo("1");
        assertThat(v.get("literacy.reilliterate.36_60")).isEqualByComparingTo("0");
        assertThat(v.get("literacy.rate2.36_60")).isEqualTo(new BigDecimal("66.66"));
        assertThat(v.get("literacy.rate2.36_60.women")).isEqualTo(new BigDecimal("50.00"));
        assertThat(v.get("literacy.population.36_60.men")).isEqualByComparingTo("1");
        assertThat(v.get("literacy.rate2.36_60.men")).isEqualTo(new BigDecimal("100.00"));
        // 15–60 and the 18–21 band (upper secondary: nobody has completed grade 12)
        assertThat(v.get("literacy.population.15_60")).isEqualByComparingTo("4");
        assertThat(v.get("literacy.rate1.15_60")).isEqualTo(new BigDecimal("75.00"));
        assertThat(v.get("literacy.population.18_21.women")).isEqualByComparingTo("1");
        assertThat(v.get("literacy.rate1.18_21.women")).isEqualTo(new BigDecimal("100.00"));
        assertThat(v.get("literacy.upper_secondary.18_21")).isEqualByComparingTo("0");
        assertThat(v.get("literacy.upper_secondary_rate.18_21")).isEqualTo(new BigDecimal("0.00"));
        // nobody aged 6: the count is a true zero, the rate is blank
        assertThat(v.get("literacy.population.6_6")).isEqualByComparingTo("0");
        assertThat(v).doesNotContainKey("literacy.rate1.6_6").doesNotContainKey("literacy.rate2.6_6")
                .doesNotContainKey("literacy.rate2.18_21.men").doesNotContainKey("literacy.upper_secondary_rate.18_21.men");

        // a commune without a register has no literacy figure at all: blank, not zero
        Commune empty = commune(jdbc, false);
        assertThat(figures.values(empty.id(), today.minusYears(1), today).keySet()).noneMatch(k -> k.startsWith("literacy.population")
                || k.startsWith("literacy.rate"));
    }
}
