package vn.xhht.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.xhht.review.SubmissionBoard.Standing;

import static org.assertj.core.api.Assertions.assertThat;

/** The one lateness rule (plans, reports, evaluation steps, boards, alerts), on Vietnamese dates. */
class LatenessTest {

    static final LocalDate DUE = LocalDate.of(2026, 9, 30);

    /** Submitted at this Vietnamese date and time (UTC+7). */
    static OffsetDateTime vn(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+07:00");
    }

    @Test
    void standingAgainstTheDueDate() {
        // the former ReportPeriods.timeliness cases, now through review's rule
        assertThat(SubmissionBoard.standing(Review.Status.SUBMITTED, DUE, vn("2026-09-30T16:00"), LocalDate.of(2026, 10, 5))).isEqualTo(Standing.ON_TIME);
        assertThat(SubmissionBoard.standing(Review.Status.SUBMITTED, DUE, vn("2026-10-01T08:00"), LocalDate.of(2026, 10, 5))).isEqualTo(Standing.LATE);
        assertThat(SubmissionBoard.standing(null, DUE, null, LocalDate.of(2026, 10, 1))).isEqualTo(Standing.MISSING);
        assertThat(SubmissionBoard.standing(null, DUE, null, LocalDate.of(2026, 9, 30))).isEqualTo(Standing.NOT_DUE);
        assertThat(SubmissionBoard.standing(Review.Status.DRAFT, DUE, null, LocalDate.of(2026, 10, 1))).isEqualTo(Standing.MISSING);
        assertThat(SubmissionBoard.standing(Review.Status.APPROVED, DUE, vn("2026-10-03T08:00"), LocalDate.of(2026, 10, 5))).isEqualTo(Standing.APPROVED);
        assertThat(SubmissionBoard.standing(Review.Status.RETURNED, DUE, vn("2026-09-20T08:00"), LocalDate.of(2026, 10, 5))).isEqualTo(Standing.RETURNED);
    }

    @Test
    void aSubmissionAt2330UtcOnTheDueDateIsTheNextVietnameseDayAndLate() {
        // 23:30 UTC on 30/09 is 06:30 on 01/10 in Vietnam: the commune sent it the morning after the deadline
        OffsetDateTime at2330Utc = OffsetDateTime.parse("2026-09-30T23:30:00Z");
        assertThat(Review.late(DUE, at2330Utc, DUE)).isTrue();
        // 16:59 UTC is 23:59 in Vietnam, still the due date
        assertThat(Review.late(DUE, OffsetDateTime.parse("2026-09-30T16:59:00Z"), LocalDate.of(2026, 10, 9))).isFalse();
    }

    @Test
    void noDueDateIsNeverLate() {
        assertThat(Review.late(null, null, LocalDate.of(2099, 1, 1))).isFalse();
        assertThat(SubmissionBoard.standing(null, null, null, LocalDate.of(2099, 1, 1))).isEqualTo(Standing.NOT_DUE);
    }

    @Test
    void approvedSubjectsCountAsSubmittedOnTimeOrLate() {
        List<SubmissionBoard.Entry> entries = List.of(
                entry(Review.Status.APPROVED, vn("2026-09-29T10:00")),
                entry(Review.Status.APPROVED, vn("2026-10-02T10:00")),
                entry(Review.Status.SUBMITTED, vn("2026-10-02T10:00")),
                entry(Review.Status.SUBMITTED, vn("2026-09-30T10:00")),
                entry(null, null),
                entry(Review.Status.RETURNED, vn("2026-09-28T10:00")));
        SubmissionBoard.Counts c = SubmissionBoard.count(entries);
        assertThat(c).isEqualTo(new SubmissionBoard.Counts(6, 2, 2, 1, 2, 1, 0));
    }

    static SubmissionBoard.Entry entry(Review.Status status, OffsetDateTime submitted) {
        LocalDate today = LocalDate.of(2026, 10, 5);
        return new SubmissionBoard.Entry(1, 1L, status, DUE, submitted, SubmissionBoard.standing(status, DUE, submitted, today),
                Review.late(DUE, submitted, today));
    }
}
