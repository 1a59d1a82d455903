package vn.xhht.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

/** Deadlines in working days across Tết 2024–2027 and the other holidays, against the announced schedules. */
@XhhtIntegrationTest
class WorkingDaysTest {
    @Autowired
    WorkingDays workingDays;
    @Autowired
    CalendarAdmin admin;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // Tết Giáp Thìn 2024: off Thu 8/2 – Wed 14/2
            "2024-02-07, 1, 2024-02-15", "2024-02-07, 3, 2024-02-19", "2024-02-10, 1, 2024-02-15",
            // Tết Ất Tỵ 2025: off Sat 25/1 – Sun 2/2
            "2025-01-24, 1, 2025-02-03", "2025-01-22, 3, 2025-02-03",
            // Tết Bính Ngọ 2026: off Sat 14/2 – Sun 22/2
            "2026-02-13, 1, 2026-02-23", "2026-02-12, 2, 2026-02-23",
            // Tết Đinh Mùi 2027 (provisional, generated): Thu 4/2 – Wed 10/2
            "2027-02-03, 1, 2027-02-11",
            // Giỗ Tổ 2024 (Thu 18/4); 30/4–1/5/2024 with Mon 29/4 off and Saturday 4/5 worked
            "2024-04-17, 1, 2024-04-19", "2024-04-26, 1, 2024-05-02", "2024-04-26, 3, 2024-05-04",
            // 30/4–1/5/2025 with Fri 2/5 off and Saturday 26/4 worked
            "2025-04-25, 1, 2025-04-26", "2025-04-29, 1, 2025-05-05",
            // Giỗ Tổ on Sunday 26/4/2026 → Monday 27/4 off
            "2026-04-24, 1, 2026-04-28",
            // Quốc khánh 2024 (2/9 Mon + 3/9) and 2025 (1/9 + 2/9 Tue)
            "2024-08-30, 1, 2024-09-04", "2025-08-29, 1, 2025-09-03",
            // Tết Dương lịch 2026: Fri 2/1 swapped with Saturday 10/1
            "2025-12-31, 1, 2026-01-05", "2026-01-09, 1, 2026-01-10",
            // Ngày Văn hóa Việt Nam, Tuesday 24/11/2026
            "2026-11-23, 1, 2026-11-25",
            // a plain week
            "2026-10-05, 5, 2026-10-12"})
    void deadlines(LocalDate from, int days, LocalDate expected) {
        assertThat(workingDays.add(from, days)).isEqualTo(expected);
    }

    @Test
    void explainsTheSkippedDays() {
        WorkingDays.Result r = workingDays.addExplained(LocalDate.of(2026, 2, 13), 1);
        assertThat(r.skipped()).extracting(CalendarDay::date).containsExactly(LocalDate.of(2026, 2, 16),
                LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20));
        assertThat(r.skipped().get(1).name()).contains("mùng 1");
        assertThat(r.skipped().get(1).legalBasis()).isNotBlank();
    }

    @Test
    void apiIsPublicAndExplains() {
        Http anon = Http.anonymous(port);
        HttpResponse<String> r = anon.get("/api/v1/working-days/add?from=2024-02-07&days=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"date\":\"2024-02-15\"").contains("Tết");
        HttpResponse<String> check = anon.get("/api/v1/working-days/check?date=2026-11-24");
        assertThat(check.body()).contains("\"workingDay\":false").contains("Ngày Văn hóa Việt Nam");
        HttpResponse<String> bad = anon.get("/api/v1/working-days/add?from=2024-13-01&days=1");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"from\"");
        HttpResponse<String> badDays = anon.get("/api/v1/working-days/add?from=2024-01-01&days=0");
        assertThat(badDays.statusCode()).isEqualTo(400);
        assertThat(badDays.body()).contains("\"field\":\"days\"");
    }

    @Test
    void anAdministratorCorrectsAYearAndItIsAudited() {
        CurrentUser root = TestUsers.load(jdbc, "admin");
        // 2033 is generated on first use, all provisional
        assertThat(workingDays.add(LocalDate.of(2033, 3, 7), 1)).isEqualTo(LocalDate.of(2033, 3, 8));
        long id = admin.save(root, new CalendarAdmin.Entry(null, null, LocalDate.of(2033, 3, 8), DayKind.SWAP_OFF,
                "Nghỉ hoán đổi (thử)", "Công văn thử/VPCP-KGVX", false));
        assertThat(workingDays.add(LocalDate.of(2033, 3, 7), 1)).isEqualTo(LocalDate.of(2033, 3, 9));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'calendar_day' and entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1L);

        // a stale edit is refused, nothing overwritten
        assertThatThrownBy(() -> admin.save(root, new CalendarAdmin.Entry(id, 7, LocalDate.of(2033, 3, 8), DayKind.SWAP_OFF,
                "Sửa cũ", null, true))).isInstanceOf(ConcurrentEditProblem.class);
        // a worked day must be a weekend day; a date already listed cannot be added twice
        assertThatThrownBy(() -> admin.save(root, new CalendarAdmin.Entry(null, null, LocalDate.of(2033, 3, 10), DayKind.SWAP_WORK,
                "Làm bù", "x", false))).isInstanceOfSatisfying(InvalidInputProblem.class,
                e -> assertThat(e.violations().get(0).field()).isEqualTo("kind"));
        assertThatThrownBy(() -> admin.save(root, new CalendarAdmin.Entry(null, null, LocalDate.of(2033, 3, 8), DayKind.HOLIDAY,
                "Trùng", "x", false))).isInstanceOfSatisfying(InvalidInputProblem.class,
                e -> assertThat(e.violations().get(0).field()).isEqualTo("date"));

        admin.delete(root, id, 0);
        assertThat(workingDays.add(LocalDate.of(2033, 3, 7), 1)).isEqualTo(LocalDate.of(2033, 3, 8));

        // confirming the year removes "provisional" from every day
        admin.confirmYear(root, 2033);
        assertThat(jdbc.sql("select count(*) from calendar_day where extract(year from day) = 2033 and provisional")
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyAnAdministratorEdits() {
        CurrentUser officer = TestUsers.load(jdbc, "so.caobang");
        assertThatThrownBy(() -> admin.confirmYear(officer, 2034)).isInstanceOf(vn.xhht.shared.AccessDeniedProblem.class);
        Http browser = Http.session(port, new java.net.CookieManager());
        browser.login("so.caobang", "xhht-demo");
        HttpResponse<String> page = browser.get("/calendar?year=2026&from=2026-02-13&days=1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("23/02/2026").contains("Ngày Văn hóa Việt Nam").doesNotContain("calendar-add");
    }
}
