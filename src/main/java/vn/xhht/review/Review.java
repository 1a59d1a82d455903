package vn.xhht.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.xhht.shared.VietnamClock;

/** Where a subject (a plan, a report…) stands in its review. */
@org.springframework.modulith.NamedInterface("api")
public record Review(String subjectType, long subjectId, long ownerUnitId, long reviewerUnitId, Status status,
                     LocalDate dueDate, OffsetDateTime submittedAt, OffsetDateTime decidedAt, long version) {

    public enum Status { DRAFT, SUBMITTED, RETURNED, APPROVED }

    /** The owner may change the subject only while it is a draft or returned. */
    public boolean editable() {
        return status == Status.DRAFT || status == Status.RETURNED;
    }

    /** Submitted after the due date, or still not submitted after it. */
    public boolean late(LocalDate today) {
        return late(dueDate, submittedAt, today);
    }

    /**
     * The one lateness rule of XHHT (plans, reports, evaluation steps, boards and alerts): late when submitted on a
     * Vietnamese date after the due date, or, not submitted yet, when today (in Vietnam) is after it. No due date:
     * never late.
     */
    public static boolean late(LocalDate dueDate, OffsetDateTime submittedAt, LocalDate today) {
        if (dueDate == null) {
            return false;
        }
        if (submittedAt != null) {
            return submittedAt.atZoneSameInstant(VietnamClock.ZONE).toLocalDate().isAfter(dueDate);
        }
        return today.isAfter(dueDate);
    }
}
