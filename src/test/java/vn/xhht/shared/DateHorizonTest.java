package vn.xhht.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The latest date a field takes moves with today: ten years ahead to the end of that year, never past 2100. */
class DateHorizonTest {

    @Test
    void theHorizonIsTheEndOfTheYearTenYearsAheadCappedByTheCalendar() {
        assertThat(InputRules.latestDate(LocalDate.of(2026, 12, 3))).isEqualTo(LocalDate.of(2036, 12, 31));
        assertThat(InputRules.latestDate(LocalDate.of(2027, 1, 1))).isEqualTo(LocalDate.of(2037, 12, 31));
        assertThat(InputRules.latestDate(LocalDate.of(2095, 6, 30))).isEqualTo(InputRules.LATEST_DATE);
        assertThat(InputRules.latestDate(null)).isEqualTo(InputRules.LATEST_DATE);
    }
}
