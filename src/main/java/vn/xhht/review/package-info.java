/**
 * The review workflow every module uses for what one level submits and the level above decides: plans, reports and
 * evaluation dossiers. Draft → submitted → approved (locked), or returned with a comment and
 * submitted again; reopening an approved subject needs a reason. Every step is an event and in the audit trail.
 * Lateness is decided once ({@link vn.xhht.review.Review#late(java.time.LocalDate, java.time.OffsetDateTime, java.time.LocalDate)})
 * and "who has submitted, who is late" is one board ({@link vn.xhht.review.SubmissionBoard}) for plans, reports and
 * evaluation campaigns.
 * API: {@link vn.xhht.review.ReviewWorkflow}, {@link vn.xhht.review.Review}, {@link vn.xhht.review.SubmissionBoard}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review workflow",
        allowedDependencies = {"audit::api", "orgunit::api", "shared"})
package vn.xhht.review;
