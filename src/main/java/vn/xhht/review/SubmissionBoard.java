package vn.xhht.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Who has submitted, who is late": the one board behind the plan board, the report completeness board and the
 * campaign board of evaluation dossiers. The owning module says which units are expected to submit what (and by
 * when, from its own deadline rules); the review module, which owns where each subject stands, tells each unit's
 * standing with the one lateness rule of {@link Review#late(LocalDate, OffsetDateTime, LocalDate)}.
 */
@Component
@Transactional(readOnly = true)
@org.springframework.modulith.NamedInterface("api")
public class SubmissionBoard {

    /** Where a unit stands: decided (approved/returned), submitted on time or late, missing after the due date, or not due. */
    public enum Standing { APPROVED, RETURNED, ON_TIME, LATE, MISSING, NOT_DUE }

    /** Which due date counts: the one kept with the review (moved with the deadline), or the one the module gives. */
    public enum DueFrom { REVIEW_FIRST, GIVEN }

    /** A unit expected to submit; {@code subjectId} null when it has not even started; {@code dueDate} the module's. */
    public record Expected(long unitId, Long subjectId, LocalDate dueDate) {
    }

    /** A unit's line: the review status (null: nothing started), the due date that counts, the standing. */
    public record Entry(long unitId, Long subjectId, Review.Status status, LocalDate dueDate, OffsetDateTime submittedAt,
                        Standing standing, boolean late) {
    }

    public record Counts(long expected, long onTime, long late, long missing, long approved, long returned, long notDue) {
    }

    private final JdbcClient jdbc;

    SubmissionBoard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Entry> entries(String subjectType, List<Expected> expected, DueFrom dueFrom, LocalDate today) {
        List<Long> ids = expected.stream().map(Expected::subjectId).filter(Objects::nonNull).distinct().toList();
        Map<Long, State> states = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select subject_id, status, due_date, submitted_at from review_state where subject_type = :t and subject_id in (:ids)")
                    .param("t", subjectType).param("ids", ids)
                    .query((java.sql.ResultSet rs) -> {
                        states.put(rs.getLong("subject_id"), new State(Review.Status.valueOf(rs.getString("status")),
                                rs.getObject("due_date", LocalDate.class), rs.getObject("submitted_at", OffsetDateTime.class)));
                    });
        }
        return expected.stream().map(e -> {
            State s = e.subjectId() == null ? null : states.get(e.subjectId());
            Review.Status status = s == null ? null : s.status();
            OffsetDateTime submitted = s == null ? null : s.submittedAt();
            LocalDate due = dueFrom == DueFrom.REVIEW_FIRST && s != null && s.dueDate() != null ? s.dueDate() : e.dueDate();
            return new Entry(e.unitId(), e.subjectId(), status, due, submitted, standing(status, due, submitted, today),
                    Review.late(due, submitted, today));
        }).toList();
    }

    /** The standing of one unit; a submission's lateness by {@link Review#late(LocalDate, OffsetDateTime, LocalDate)}. */
    public static Standing standing(Review.Status status, LocalDate due, OffsetDateTime submittedAt, LocalDate today) {
        if (status == Review.Status.APPROVED) {
            return Standing.APPROVED;
        }
        if (status == Review.Status.RETURNED) {
            return Standing.RETURNED;
        }
        if (status == Review.Status.SUBMITTED) {
            return Review.late(due, submittedAt, today) ? Standing.LATE : Standing.ON_TIME;
        }
        return Review.late(due, null, today) ? Standing.MISSING : Standing.NOT_DUE;
    }

    /** Counts over a board; approved subjects count as submitted, on time or late by their submission date. */
    public static Counts count(List<Entry> entries) {
        long onTime = 0, late = 0, missing = 0, approved = 0, returned = 0, notDue = 0;
        for (Entry e : entries) {
            switch (e.standing()) {
                case ON_TIME -> onTime++;
                case LATE -> late++;
                case MISSING -> missing++;
                case APPROVED -> {
                    approved++;
                    if (e.submittedAt() != null && Review.late(e.dueDate(), e.submittedAt(), e.dueDate())) {
                        late++;
                    } else {
                        onTime++;
                    }
                }
                case RETURNED -> returned++;
                case NOT_DUE -> notDue++;
            }
        }
        return new Counts(entries.size(), onTime, late, missing, approved, returned, notDue);
    }

    private record State(Review.Status status, LocalDate dueDate, OffsetDateTime submittedAt) {
    }
}
