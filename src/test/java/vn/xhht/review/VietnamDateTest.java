package vn.xhht.review;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.VietnamClock;
import vn.xhht.support.Http;
import vn.xhht.support.TestClock;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At 23:30 UTC it is already 06:30 of the next day in Vietnam. A server in UTC used to take its own date for
 * "today" until 07:00 Vietnam time; deadlines, lateness and "yesterday" defaults now follow the Vietnamese date.
 */
@XhhtIntegrationTest
class VietnamDateTest {

    /** 23:30 UTC on 30/09/2026 = 06:30 on 01/10/2026 in Vietnam. */
    static final Instant AT_2330_UTC = Instant.parse("2026-09-30T23:30:00Z");

    @Autowired
    TestClock testClock;
    @Autowired
    VietnamClock clock;
    @Autowired
    ReviewWorkflow reviews;
    @Autowired
    SubmissionBoard board;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @AfterEach
    void realTime() {
        testClock.reset();
    }

    @Test
    void todayIsTheVietnameseDate() {
        testClock.pin(AT_2330_UTC);
        assertThat(clock.today()).isEqualTo("2026-10-01");
        assertThat(clock.localNow()).isEqualTo("2026-10-01T06:30");
    }

    @Test
    void aDeadlineOfThe30thIsMissedAt2330UtcOnThe30th() {
        var canYen = TestUsers.load(jdbc, "xa.canyen");
        long commune = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long province = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        long subject = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        LocalDate due = LocalDate.of(2026, 9, 30);
        reviews.open(canYen, "ClockTest", subject, commune, province, due);
        List<SubmissionBoard.Expected> expected = List.of(new SubmissionBoard.Expected(commune, subject, null));

        // 23:59 on the due date in Vietnam (16:59 UTC): not due yet
        testClock.pin(Instant.parse("2026-09-30T16:59:00Z"));
        SubmissionBoard.Entry before = board.entries("ClockTest", expected, SubmissionBoard.DueFrom.REVIEW_FIRST, clock.today()).get(0);
        assertThat(before.standing()).isEqualTo(SubmissionBoard.Standing.NOT_DUE);
        assertThat(before.late()).isFalse();

        // 23:30 UTC the same UTC day is the next morning in Vietnam: the deadline has passed
        testClock.pin(AT_2330_UTC);
        SubmissionBoard.Entry after = board.entries("ClockTest", expected, SubmissionBoard.DueFrom.REVIEW_FIRST, clock.today()).get(0);
        assertThat(after.dueDate()).isEqualTo(due);
        assertThat(after.standing()).isEqualTo(SubmissionBoard.Standing.MISSING);
        assertThat(after.late()).isTrue();
        assertThat(reviews.require("ClockTest", subject).late(clock.today())).isTrue();
    }

    @Test
    void aNewActivityIsDatedYesterdayInVietnam() {
        Http canYen = Http.session(port, new java.net.CookieManager());
        canYen.login("xa.canyen", "xhht-demo");
        testClock.pin(AT_2330_UTC);
        long commune = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long centre = jdbc.sql("select id from centre where commune_id = :c").param("c", commune).query(Long.class).single();
        HttpResponse<String> page = canYen.get("/centres/" + centre + "/activities/new");
        assertThat(page.statusCode()).isEqualTo(200);
        // yesterday in Vietnam is 30/09; the UTC date's yesterday would be 29/09
        assertThat(page.body()).contains("id=\"startDate\" name=\"startDate\" value=\"2026-09-30\"").doesNotContain("2026-09-29");
    }
}
