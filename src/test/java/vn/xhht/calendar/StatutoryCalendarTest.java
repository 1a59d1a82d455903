package vn.xhht.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The calendar generated from the law against the schedules the Government actually announced. */
class StatutoryCalendarTest {

    private static List<LocalDate> weekdaysOff(int year) {
        return StatutoryCalendar.generate(year, true).stream()
                .filter(d -> d.kind().isDayOff() && !StatutoryCalendar.isWeekend(d.date()))
                .map(CalendarDay::date).toList();
    }

    @Test
    void year2023MatchesTheAnnouncedSchedule() {
        // 2/1 bù Tết Dương lịch; Tết 20/1–26/1; Giỗ Tổ (Sat 29/4) + 30/4 (Sun) bù 2/5, 3/5; 1/5; 1/9, 2/9 (Sat) bù 4/9
        assertThat(weekdaysOff(2023)).containsExactly(
                LocalDate.of(2023, 1, 2),
                LocalDate.of(2023, 1, 20), LocalDate.of(2023, 1, 23), LocalDate.of(2023, 1, 24),
                LocalDate.of(2023, 1, 25), LocalDate.of(2023, 1, 26),
                LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 2), LocalDate.of(2023, 5, 3),
                LocalDate.of(2023, 9, 1), LocalDate.of(2023, 9, 4));
    }

    @Test
    void tetOf2024To2026AsAnnounced() {
        assertThat(weekdaysOff(2024)).containsSequence(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 9),
                LocalDate.of(2024, 2, 12), LocalDate.of(2024, 2, 13), LocalDate.of(2024, 2, 14));
        assertThat(weekdaysOff(2025)).containsSequence(LocalDate.of(2025, 1, 27), LocalDate.of(2025, 1, 28),
                LocalDate.of(2025, 1, 29), LocalDate.of(2025, 1, 30), LocalDate.of(2025, 1, 31));
        assertThat(weekdaysOff(2026)).containsSequence(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17),
                LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20));
    }

    @Test
    void provisional2027() {
        List<CalendarDay> days = StatutoryCalendar.generate(2027, true);
        assertThat(days).allMatch(CalendarDay::provisional);
        // lunar New Year on Saturday 6/2/2027: Thursday 4/2 to Wednesday 10/2
        assertThat(weekdaysOff(2027)).contains(LocalDate.of(2027, 2, 4), LocalDate.of(2027, 2, 5),
                LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 9), LocalDate.of(2027, 2, 10));
        assertThat(weekdaysOff(2027)).doesNotContain(LocalDate.of(2027, 2, 3), LocalDate.of(2027, 2, 11));
        // 1/5/2027 is a Saturday → Monday 3/5; 2/9 Thursday + Friday 3/9; 24/11 Ngày Văn hóa Việt Nam
        assertThat(weekdaysOff(2027)).contains(LocalDate.of(2027, 5, 3), LocalDate.of(2027, 9, 3), LocalDate.of(2027, 11, 24));
    }

    @Test
    void cultureDayOnlyFrom2026AndItsCompensationIsConfigurable() {
        assertThat(StatutoryCalendar.generate(2025, true)).noneMatch(d -> d.date().equals(LocalDate.of(2025, 11, 24)));
        // 24/11/2029 is a Saturday
        assertThat(weekdaysOff(2029)).contains(LocalDate.of(2029, 11, 26));
        assertThat(StatutoryCalendar.generate(2029, false)).noneMatch(d -> d.date().equals(LocalDate.of(2029, 11, 26)));
    }
}
