package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One evaluation of one subject for one year against one framework version. */
public record Evaluation(long id, long frameworkVersionId, Long campaignId, Long subjectUnitId, Long subjectId,
                         String subjectName, long ownerUnitId, String ownerName, long reviewerUnitId, String reviewerName,
                         long provinceId, int year, Stage stage, BigDecimal total, String levelCode, boolean recognised,
                         String requestedLevel, BigDecimal checkedTotal, String checkedLevel, String checkTeam,
                         LocalDate checkDate, String checkNote, String proposedLevel, String decisionNumber,
                         LocalDate decisionDate, String decisionSigner, LocalDate validFrom, LocalDate validUntil,
                         OffsetDateTime submittedAt, OffsetDateTime acceptedAt, OffsetDateTime checkedAt,
                         OffsetDateTime decidedAt, OffsetDateTime publishedAt, long version, boolean provisional) {
    // provisional: the framework version is incomplete, so any level reached is provisional wherever it is shown

    /** Where the dossier stands (hồ sơ: nháp → đã nộp → tiếp nhận → đã kiểm tra → đề xuất → có quyết định → công bố). */
    public enum Stage {
        DRAFT, SUBMITTED, RETURNED, ACCEPTED, PLANNED, CHECKED, PROPOSED, DECIDED, PUBLISHED;

        public boolean editable() {
            return this == DRAFT || this == RETURNED;
        }

        /** The step owed next, or null when the procedure is over (without a framework: see {@link #nextStep(Framework)}). */
        public Framework.Step nextStep() {
            return switch (this) {
                case DRAFT, RETURNED -> Framework.Step.SUBMIT;
                case SUBMITTED -> Framework.Step.ACCEPT;
                case ACCEPTED, PLANNED -> Framework.Step.CHECK;
                case CHECKED, PROPOSED -> Framework.Step.DECIDE;
                case DECIDED -> Framework.Step.PUBLISH;
                case PUBLISHED -> null;
            };
        }
    }

    /** The step owed next under the framework's procedure: an approved check plan before the check, when it asks for one. */
    public Framework.Step nextStep(Framework f) {
        if (stage == Stage.ACCEPTED && f.procedure().checkPlan()) {
            return Framework.Step.CHECK_PLAN;
        }
        return stage.nextStep();
    }

    /** A line of the dossier: the self-assessment of one item and the check team's finding beside it. */
    public record Score(long id, String itemCode, BigDecimal points, Boolean met, BigDecimal value, String comment,
                       BigDecimal checkPoints, Boolean checkMet, BigDecimal checkValue, String checkComment) {
    }

    public record Event(String action, String actor, String comment, OffsetDateTime occurredAt) {
    }

    /** The deadline of the step owed next; {@code owedByUnitId} is the unit that must act. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationDeadline")
    public record Deadline(Framework.Step step, LocalDate date, long owedByUnitId, boolean overdue) {
    }
}
