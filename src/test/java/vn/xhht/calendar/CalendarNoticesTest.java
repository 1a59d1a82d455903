package vn.xhht.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xhht.support.Http;
import vn.xhht.support.XhhtIntegrationTest;

/** Issue 14: 2024–2026 checked against the official notices; each day names its notice; deadlines across them. */
@XhhtIntegrationTest
class CalendarNoticesTest {
    @Autowired
    CalendarStore store;
    @Autowired
    WorkingDays workingDays;
    @LocalServerPort
    int port;

    @Test
    void eachYearShowsWhichNoticesItWasCheckedAgainstAndWhatIsStillProvisional() {
        var statuses = store.yearStatuses();
        CalendarStore.YearStatus y2024 = statuses.stream().filter(s -> s.year() == 2024).findFirst().orElseThrow();
        assertThat(y2024.confirmed()).isTrue();
        assertThat(y2024.notices()).extracting(CalendarStore.Notice::number, CalendarStore.Notice::days)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("5015/TB-LĐTBXH", 8L), org.assertj.core.groups.Tuple.tuple("2450/VPCP-KGVX", 2L));
        CalendarStore.YearStatus y2025 = statuses.stream().filter(s -> s.year() == 2025).findFirst().orElseThrow();
        assertThat(y2025.confirmed()).isTrue();
        assertThat(y2025.notices()).extracting(CalendarStore.Notice::number).containsExactly("8726/VPCP-KGVX");
        // 2026: Tết and 1/1 from the notices; the day joined to 2/9 is still the generated guess
        CalendarStore.YearStatus y2026 = statuses.stream().filter(s -> s.year() == 2026).findFirst().orElseThrow();
        assertThat(y2026.confirmed()).isFalse();
        assertThat(y2026.provisionalDays()).isEqualTo(1);
        assertThat(y2026.notices()).extracting(CalendarStore.Notice::number).containsExactly("9441/TB-BNV", "12729/VPCP-KGVX");
        // each day set by a notice names it
        assertThat(workingDays.entry(LocalDate.of(2026, 2, 16)).orElseThrow().legalBasis()).contains("9441/TB-BNV");
        assertThat(workingDays.entry(LocalDate.of(2024, 5, 4)).orElseThrow().legalBasis()).contains("2450/VPCP-KGVX");
        assertThat(workingDays.entry(LocalDate.of(2025, 4, 26)).orElseThrow().legalBasis()).contains("8726/VPCP-KGVX");

        Http browser = Http.session(port, new java.net.CookieManager());
        browser.login("so.caobang", "xhht-demo");
        HttpResponse<String> page = browser.get("/calendar?year=2026");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("calendar-notices").contains("9441/TB-BNV").contains("data-year=\"2024\" data-confirmed=\"true\"")
                .contains("data-year=\"2026\" data-confirmed=\"false\"").contains("còn 1 ngày dự kiến");
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // 10 working days from the Friday before Tết 2026 (off 14/2–22/2): 23/2 … 6/3
            "2026-02-13, 10, 2026-03-06",
            // 5 working days from the Friday before Tết 2025 (off 25/1–2/2)
            "2025-01-24, 5, 2025-02-07",
            // 10 working days across Tết 2024 (off 8/2–14/2) from Monday 5/2
            "2024-02-05, 10, 2024-02-26",
            // 5 working days across 30/4–1/5/2025: Saturday 26/4 worked, Friday 2/5 off → Mon 5/5
            "2025-04-24, 5, 2025-05-05",
            // across 2/9/2026 (Tue 1/9 provisional + Wed 2/9): from Friday 28/8, 3 days → Mon 31/8, Thu 3/9, Fri 4/9
            "2026-08-28, 3, 2026-09-04",
            // across 1/1/2026 with Friday 2/1 swapped to Saturday 10/1: from 29/12/2025, 5 days
            "2025-12-29, 5, 2026-01-07"})
    void deadlinesAcrossTheNoticeDays(LocalDate from, int days, LocalDate expected) {
        assertThat(workingDays.add(from, days)).isEqualTo(expected);
    }
}
