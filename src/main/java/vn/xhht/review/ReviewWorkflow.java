package vn.xhht.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Role;

/**
 * Moves subjects through their review. The owner unit submits; a user of the reviewer unit (or above it), with an
 * officer's role, returns or approves; nobody approves what their own unit submitted.
 */
@Service
@Transactional
@org.springframework.modulith.NamedInterface("api")
public class ReviewWorkflow {

    static final Set<Role> REVIEWERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER);

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final AuditTrail audit;
    private final org.springframework.context.MessageSource messages;
    private final ApplicationEventPublisher events;

    ReviewWorkflow(JdbcClient jdbc, OrgUnitDirectory units, AuditTrail audit, org.springframework.context.MessageSource messages,
                   ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.messages = messages;
        this.events = events;
    }

    /** Starts the review of a new subject as a draft. */
    public Review open(CurrentUser user, String type, long id, long ownerUnitId, long reviewerUnitId, LocalDate dueDate) {
        OrgUnit owner = units.require(ownerUnitId);
        jdbc.sql("""
                insert into review_state (subject_type, subject_id, owner_unit_id, reviewer_unit_id, province_id, status, due_date)
                values (:t, :id, :owner, :reviewer, :province, 'DRAFT', :due)
                """).param("t", type).param("id", id).param("owner", ownerUnitId).param("reviewer", reviewerUnitId)
                .param("province", owner.provinceId() == null ? owner.id() : owner.provinceId()).param("due", dueDate).update();
        event(type, id, "CREATE", user, null);
        return require(type, id);
    }

    @Transactional(readOnly = true)
    public Optional<Review> find(String type, long id) {
        return jdbc.sql("select * from review_state where subject_type = :t and subject_id = :id")
                .param("t", type).param("id", id).query(ReviewWorkflow::map).optional();
    }

    @Transactional(readOnly = true)
    public Review require(String type, long id) {
        return find(type, id).orElseThrow(() -> new NotFoundProblem("review.notFound", id));
    }

    @Transactional(readOnly = true)
    public List<ReviewEvent> history(String type, long id) {
        return jdbc.sql("select * from review_event where subject_type = :t and subject_id = :id order by id")
                .param("t", type).param("id", id)
                .query((rs, n) -> new ReviewEvent(rs.getLong("id"), rs.getString("action"), rs.getString("actor"),
                        rs.getString("comment"), rs.getObject("occurred_at", OffsetDateTime.class))).list();
    }

    /**
     * The subjects of a type waiting for something from a unit: submitted ones it reviews, and its own drafts and
     * returned ones (the home page's to-do list). Oldest deadline first; at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<Review> waitingOn(String type, long unitId, int limit) {
        return jdbc.sql("""
                select * from review_state where subject_type = :t
                   and ((reviewer_unit_id = :u and owner_unit_id <> :u and status = 'SUBMITTED')
                     or (owner_unit_id = :u and status in ('DRAFT', 'RETURNED')))
                 order by due_date nulls last, subject_id limit :limit
                """).param("t", type).param("u", unitId).param("limit", limit).query(ReviewWorkflow::map).list();
    }

    /**
     * Moves the deadline of these subjects of a type (a province changing the due date of a period or plan year);
     * {@code onlyUnsubmitted}: subjects already submitted keep the deadline they were judged against. The caller
     * checks who may do this and records it in the audit trail. Returns the number of subjects moved.
     */
    public int setDueDate(String type, java.util.Collection<Long> ids, LocalDate due, boolean onlyUnsubmitted) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update review_state set due_date = :d where subject_type = :t and subject_id in (:ids)"
                        + (onlyUnsubmitted ? " and submitted_at is null" : ""))
                .param("d", due).param("t", type).param("ids", ids).update();
    }

    public boolean canSubmit(CurrentUser user, Review r) {
        return units.canWrite(user, r.ownerUnitId()) && r.editable();
    }

    public boolean canDecide(CurrentUser user, Review r) {
        return REVIEWERS.contains(user.role()) && units.canWrite(user, r.reviewerUnitId()) && user.unitId() != r.ownerUnitId()
                && r.status() == Review.Status.SUBMITTED;
    }

    public Review submit(CurrentUser user, String type, long id) {
        Review r = require(type, id);
        if (!units.canWrite(user, r.ownerUnitId())) {
            throw new AccessDeniedProblem("review.cannotSubmit");
        }
        if (r.status() == Review.Status.SUBMITTED) {
            throw new InvalidInputProblem("status", "review.alreadySubmitted");
        }
        if (r.status() == Review.Status.APPROVED) {
            throw new InvalidInputProblem("status", "review.alreadyApproved");
        }
        return move(user, r, Review.Status.SUBMITTED, "SUBMIT", null, "submitted_at = now(), decided_at = null");
    }

    public Review approve(CurrentUser user, String type, long id, String comment) {
        return approve(user, type, id, comment, REVIEWERS);
    }

    /**
     * As {@link #approve(CurrentUser, String, long, String)}, for subjects whose reviewer is decided by other roles
     * (a commune approving what its hamlets submit).
     */
    public Review approve(CurrentUser user, String type, long id, String comment, Set<Role> reviewerRoles) {
        Review r = decidable(user, type, id, reviewerRoles);
        return move(user, r, Review.Status.APPROVED, "APPROVE", comment, "decided_at = now()");
    }

    public Review returnWithComment(CurrentUser user, String type, long id, String comment) {
        return returnWithComment(user, type, id, comment, REVIEWERS);
    }

    public Review returnWithComment(CurrentUser user, String type, long id, String comment, Set<Role> reviewerRoles) {
        Review r = decidable(user, type, id, reviewerRoles);
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputProblem("comment", "review.comment.required");
        }
        return move(user, r, Review.Status.RETURNED, "RETURN", comment, "decided_at = now()");
    }

    /** Unlocks an approved subject (for a correction); the reason is kept. */
    public Review reopen(CurrentUser user, String type, long id, String reason) {
        return reopenWithinUnit(user, type, id, reason, REVIEWERS);
    }

    /**
     * Unlocks an approved subject its own unit decides on (an office taking back what it published, to put a new
     * version through review again): one of {@code roles}, writing in the reviewer unit; the reason is kept.
     */
    public Review reopenWithinUnit(CurrentUser user, String type, long id, String reason, Set<Role> roles) {
        Review r = require(type, id);
        if (!roles.contains(user.role()) || !units.canWrite(user, r.reviewerUnitId())) {
            throw new AccessDeniedProblem("review.cannotDecide");
        }
        if (r.status() != Review.Status.APPROVED) {
            throw new InvalidInputProblem("status", "review.notApproved");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputProblem("comment", "review.reason.required");
        }
        return move(user, r, Review.Status.RETURNED, "REOPEN", reason, "decided_at = now()");
    }

    /**
     * Whether the user may decide a subject its own unit decides on (the commune chairman approves the centre's
     * financial plan, TT 344/2016/TT-BTC Điều 16): one of {@code roles}, writing in the reviewer unit, and not the
     * person who submitted it, so that nobody approves what they themselves put forward.
     */
    public boolean canDecideWithinUnit(CurrentUser user, Review r, Set<Role> roles) {
        return roles.contains(user.role()) && units.canWrite(user, r.reviewerUnitId()) && r.status() == Review.Status.SUBMITTED
                && !user.username().equals(lastSubmitter(r.subjectType(), r.subjectId()));
    }

    public Review approveWithinUnit(CurrentUser user, String type, long id, String comment, Set<Role> roles) {
        Review r = decidableWithinUnit(user, type, id, roles);
        return move(user, r, Review.Status.APPROVED, "APPROVE", comment, "decided_at = now()");
    }

    public Review returnWithinUnit(CurrentUser user, String type, long id, String comment, Set<Role> roles) {
        Review r = decidableWithinUnit(user, type, id, roles);
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputProblem("comment", "review.comment.required");
        }
        return move(user, r, Review.Status.RETURNED, "RETURN", comment, "decided_at = now()");
    }

    private Review decidableWithinUnit(CurrentUser user, String type, long id, Set<Role> roles) {
        Review r = require(type, id);
        if (!roles.contains(user.role()) || !units.canWrite(user, r.reviewerUnitId())
                || user.username().equals(lastSubmitter(type, id))) {
            throw new AccessDeniedProblem("review.cannotDecide");
        }
        if (r.status() == Review.Status.APPROVED) {
            throw new InvalidInputProblem("status", "review.alreadyApproved");
        }
        if (r.status() != Review.Status.SUBMITTED) {
            throw new InvalidInputProblem("status", "review.notSubmitted");
        }
        return r;
    }

    private String lastSubmitter(String type, long id) {
        return jdbc.sql("select actor from review_event where subject_type = :t and subject_id = :id and action = 'SUBMIT' order by id desc limit 1")
                .param("t", type).param("id", id).query(String.class).optional().orElse(null);
    }

    /**
     * Records one action of a subject's own procedure (after approval: an evaluation's check, proposal, decision…;
     * or a change to the dossier): one event and, when {@code summary} is given, one audit row. {@code step}, when
     * given, becomes the subject's current step. The caller has checked the action is allowed.
     */
    public void record(CurrentUser user, String type, long id, String step, String action, String comment,
                       Map<String, ?> before, Map<String, ?> after, String summary) {
        Review r = require(type, id);
        if (step != null) {
            jdbc.sql("update review_state set step = :s, version = version + 1 where subject_type = :t and subject_id = :id")
                    .param("s", step).param("t", type).param("id", id).update();
        }
        event(type, id, action, user, comment);
        if (summary != null) {
            audit.change(AuditAction.UPDATE, type, id, r.ownerUnitId(), before, after, summary);
        }
    }

    /** The step recorded last by {@link #record}, or null. */
    @Transactional(readOnly = true)
    public String step(String type, long id) {
        return jdbc.sql("select step from review_state where subject_type = :t and subject_id = :id")
                .param("t", type).param("id", id).query(String.class).optional().orElse(null);
    }

    private Review decidable(CurrentUser user, String type, long id, Set<Role> reviewerRoles) {
        Review r = require(type, id);
        if (!reviewerRoles.contains(user.role()) || !units.canWrite(user, r.reviewerUnitId()) || user.unitId() == r.ownerUnitId()) {
            throw new AccessDeniedProblem("review.cannotDecide");
        }
        if (r.status() == Review.Status.APPROVED) {
            throw new InvalidInputProblem("status", "review.alreadyApproved");
        }
        if (r.status() != Review.Status.SUBMITTED) {
            throw new InvalidInputProblem("status", "review.notSubmitted");
        }
        return r;
    }

    private Review move(CurrentUser user, Review r, Review.Status to, String action, String comment, String extra) {
        int n = jdbc.sql("update review_state set status = :to, version = version + 1, " + extra
                        + " where subject_type = :t and subject_id = :id and version = :v")
                .param("to", to.name()).param("t", r.subjectType()).param("id", r.subjectId()).param("v", r.version()).update();
        if (n == 0) {
            throw new vn.xhht.shared.ConcurrentEditProblem(r.subjectType() + " " + r.subjectId());
        }
        event(r.subjectType(), r.subjectId(), action, user, comment);
        audit.change(AuditAction.UPDATE, r.subjectType(), r.subjectId(), r.ownerUnitId(),
                Map.of("status", r.status().name()), comment == null ? Map.of("status", to.name()) : Map.of("status", to.name(), "comment", comment),
                auditSummary(action, r.subjectType(), r.subjectId()));
        events.publishEvent(new ReviewMoved(r.subjectType(), r.subjectId(), r.ownerUnitId(), r.reviewerUnitId(), r.status(), to,
                action, user.username(), comment == null || comment.isBlank() ? null : comment.strip()));
        return require(r.subjectType(), r.subjectId());
    }

    /** The audit trail is read by people: "Phê duyệt Kế hoạch số 8", not "APPROVE Plan #8". */
    private String auditSummary(String action, String type, long id) {
        java.util.Locale vi = java.util.Locale.forLanguageTag("vi");
        String step = messages.getMessage("review.action." + action, null, null, vi);
        if (step == null) {
            step = messages.getMessage("evaluation.action." + action, null, action, vi);
        }
        return step + " "
                + messages.getMessage("audit.entity." + type, null, type, vi) + " số " + id;
    }

    private void event(String type, long id, String action, CurrentUser user, String comment) {
        jdbc.sql("insert into review_event (subject_type, subject_id, action, actor, comment) values (:t, :id, :a, :u, :c)")
                .param("t", type).param("id", id).param("a", action).param("u", user.username())
                .param("c", comment == null || comment.isBlank() ? null : comment.strip()).update();
    }

    static Review map(ResultSet rs, int n) throws SQLException {
        return new Review(rs.getString("subject_type"), rs.getLong("subject_id"), rs.getLong("owner_unit_id"),
                rs.getLong("reviewer_unit_id"), Review.Status.valueOf(rs.getString("status")),
                rs.getObject("due_date", LocalDate.class), rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getLong("version"));
    }
}
