package vn.xhht.review;

/**
 * Published by {@link ReviewWorkflow} after a subject moved in its review (submitted, approved, returned, reopened),
 * so that other modules react to a decision without review knowing them. Listeners run after the move committed
 * ({@code @ApplicationModuleListener}); a listener that fails is retried from the event publication registry.
 *
 * @param action  SUBMIT, APPROVE, RETURN or REOPEN (as in the review history)
 * @param comment the reviewer's comment or reason, or null
 */
@org.springframework.modulith.NamedInterface("api")
public record ReviewMoved(String subjectType, long subjectId, long ownerUnitId, long reviewerUnitId,
                          Review.Status from, Review.Status to, String action, String actor, String comment) {
}
