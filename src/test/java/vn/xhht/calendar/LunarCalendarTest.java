package vn.xhht.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LunarCalendarTest {

    @ParameterizedTest(name = "Tết {0} = {1}")
    @CsvSource({
            // the two years where the Vietnamese (UTC+7) and Chinese (UTC+8) calendars differ
            "1985, 1985-01-21", "2007, 2007-02-17",
            "2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01", "2023, 2023-01-22", "2024, 2024-02-10",
            "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06", "2028, 2028-01-26", "2029, 2029-02-13",
            // new moon at 23:07 in Hanoi, 00:07 in Beijing: Tết 2030 is a day earlier than Chinese New Year
            "2030, 2030-02-02"})
    void lunarNewYearInVietnam(int year, LocalDate expected) {
        assertThat(LunarCalendar.newYear(year)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Giỗ Tổ {0} = {1}")
    @CsvSource({"2019, 2019-04-14", "2022, 2022-04-10", "2023, 2023-04-29", "2024, 2024-04-18", "2025, 2025-04-07",
            "2026, 2026-04-26", "2027, 2027-04-16"})
    void hungKingsDay(int year, LocalDate expected) {
        assertThat(LunarCalendar.toSolar(10, 3, year)).isEqualTo(expected);
    }

    @Test
    void julianDayRoundTrip() {
        LocalDate d = LocalDate.of(2026, 11, 23);
        assertThat(LunarCalendar.fromJulianDay(LunarCalendar.julianDay(d))).isEqualTo(d);
        assertThat(LunarCalendar.julianDay(LocalDate.of(2000, 1, 1))).isEqualTo(2451545L);
    }
}
