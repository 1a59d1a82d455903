package vn.xhht.literacy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Ages from the rule data: exact completed years, or by year of birth with the school-year rollover. */
class AgeRuleTest {

    static int age(AgeRule rule, LocalDate day, LocalDate birth) {
        int key = birth.getYear() * 10000 + birth.getMonthValue() * 100 + birth.getDayOfMonth();
        return (rule.referenceKey(day) - key) / 10000;
    }

    @Test
    void exactAgeTurnsOnTheBirthday() {
        AgeRule exact = new AgeRule(LocalDate.of(2014, 5, 15), "EXACT", 9, 1, BigDecimal.valueOf(5), "", "unknown");
        LocalDate day = LocalDate.of(2026, 11, 23);
        assertThat(age(exact, day, LocalDate.of(1991, 11, 23))).isEqualTo(35);
        assertThat(age(exact, day, LocalDate.of(1991, 11, 24))).isEqualTo(34);
        assertThat(age(exact, day, LocalDate.of(1990, 11, 24))).isEqualTo(35);
        // only the year known: counted as born on 1 January
        assertThat((exact.referenceKey(day) - 1991 * 10000) / 10000).isEqualTo(35);
    }

    @Test
    void birthYearAgeFollowsTheSchoolYear() {
        AgeRule byYear = new AgeRule(LocalDate.of(2014, 5, 15), "BIRTH_YEAR", 9, 1, BigDecimal.valueOf(5), "", "unknown");
        // school year 2026-2027 from 1 September 2026: everyone born in 1991 is 35, whatever the day
        assertThat(age(byYear, LocalDate.of(2026, 9, 1), LocalDate.of(1991, 12, 31))).isEqualTo(35);
        assertThat(age(byYear, LocalDate.of(2027, 8, 31), LocalDate.of(1991, 1, 1))).isEqualTo(35);
        // before the rollover the previous school year counts
        assertThat(age(byYear, LocalDate.of(2026, 8, 31), LocalDate.of(1991, 1, 1))).isEqualTo(34);
    }

    @Test
    void ratesAreExactFractionsCutToTwoDecimals() {
        // cut, never rounded up: a rate just under a standard's threshold must not print as reaching it
        assertThat(LiteracyIndicators.rate(2, 3)).isEqualByComparingTo("66.66");
        assertThat(LiteracyIndicators.rate(99995, 100000)).isEqualByComparingTo("99.99");
        assertThat(LiteracyIndicators.rate(9999, 10000)).isEqualByComparingTo("99.99");
        assertThat(LiteracyIndicators.rate(0, 0)).isNull();
    }
}
