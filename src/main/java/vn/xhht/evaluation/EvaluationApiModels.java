package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** The typed requests and answers of the evaluation API (the JSON shape the API always had, now declared). */
final class EvaluationApiModels {

    private EvaluationApiModels() {
    }

    @Schema(name = "EvaluationCreateRequest", description = "Hồ sơ tự đánh giá mới. / A new self-assessment dossier.")
    record Create(
            @Schema(description = "Mã bộ tiêu chí (GET /evaluation-frameworks). / Framework code.", example = "centre-rating",
                    requiredMode = Schema.RequiredMode.REQUIRED) String frameworkCode,
            @Schema(description = "Đơn vị được đánh giá (xã, thôn). / Unit evaluated (commune, hamlet).", example = "1234") Long subjectUnitId,
            @Schema(description = "Đối tượng khác (trung tâm, gia đình, dòng họ). / Other subject (centre, family, clan).") Long subjectId,
            @Schema(description = "Năm đánh giá. / Year.", example = "2025", minimum = "2000", maximum = "2100") Integer year,
            @Schema(description = "Đợt đánh giá (không bắt buộc). / Campaign (optional).") Long campaignId) {
    }

    @Schema(name = "EvaluationScore", description = "Tự chấm một nội dung. / The self-assessment of one item.")
    record Score(
            @Schema(description = "Điểm (bộ tiêu chí tính điểm), 0 đến điểm tối đa của nội dung. / Points (0 to the item's maximum).",
                    example = "8", minimum = "0") BigDecimal points,
            @Schema(description = "Đạt / không đạt (bộ tiêu chí đạt-không đạt). / Met (pass/fail frameworks).", example = "true") Boolean met,
            @Schema(description = "Giá trị đo được (tỷ lệ, số lượng). / Measured value (rate, count).", example = "92.5") BigDecimal value,
            @Schema(description = "Ghi chú. / Comment.", maxLength = 2000) String comment) {
    }

    @Schema(name = "EvaluationComment")
    record Comment(@Schema(description = "Nhận xét hoặc lý do trả lại. / Comment or reasons for returning.",
            example = "Bổ sung minh chứng nội dung 2.1", maxLength = 2000) String comment) {
    }

    @Schema(name = "EvaluationCheckRequest", description = "Kết quả kiểm tra của đoàn. / The check team's findings.")
    record Check(
            @Schema(description = "Đoàn kiểm tra. / Check team.", example = "Đoàn kiểm tra UBND tỉnh") String team,
            @Schema(description = "Ngày kiểm tra. / Date of the check.", example = "2025-11-20") LocalDate date,
            @Schema(description = "Kết quả theo mã nội dung. / Findings by item code.") Map<String, Score> findings,
            @Schema(description = "Ghi chú. / Note.", maxLength = 2000) String note) {
    }

    @Schema(name = "EvaluationProposeRequest")
    record Propose(@Schema(description = "Mức đề nghị công nhận (mã mức của bộ tiêu chí). / Level proposed.", example = "LEVEL_1") String level) {
    }

    @Schema(name = "EvaluationDecisionRequest", description = "Quyết định công nhận. / The recognition decision.")
    record Decide(
            @Schema(description = "Số quyết định. / Decision number.", example = "125/QĐ-UBND", requiredMode = Schema.RequiredMode.REQUIRED) String number,
            @Schema(description = "Ngày quyết định. / Decision date.", example = "2025-12-15", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate date,
            @Schema(description = "Người ký. / Signer.", example = "Nguyễn Văn A") String signer) {
    }

    @Schema(name = "EvaluationFrameworkSummary", description = "Bộ tiêu chí và các phiên bản. / A framework with its versions.")
    record FrameworkInfo(String code, String title, Framework.SubjectType subjectType, Framework.Scoring scoring,
                         @Schema(description = "Đủ nội dung để chấm. / Complete enough to score.") boolean complete,
                         @Schema(nullable = true) String incompleteNote, Framework.LegalBasis legalBasis,
                         LocalDate effectiveFrom, @Schema(nullable = true) LocalDate effectiveTo,
                         @Schema(description = "Mới nhất trước. / Newest first.") List<VersionInfo> versions) {
    }

    @Schema(name = "EvaluationFrameworkVersion")
    record VersionInfo(long id, int version, String source, @Schema(nullable = true) String note, String createdBy, OffsetDateTime createdAt) {
    }

    @Schema(name = "EvaluationSummary", description = "Một dòng của danh sách hồ sơ. / One dossier in a list.")
    record Line(long id, String subject, int year, Evaluation.Stage stage, @Schema(nullable = true) BigDecimal total,
                @Schema(nullable = true) String level,
                @Schema(description = "Kết quả tạm thời: bộ tiêu chí chưa đầy đủ. / Provisional: the framework version is incomplete.") boolean provisional) {
    }

    @Schema(name = "Evaluation", description = "Hồ sơ đánh giá với kết quả tính theo bộ tiêu chí. / A dossier with its computed result.")
    record Detail(long id, String frameworkCode, int frameworkVersion, boolean frameworkComplete,
                  @Schema(nullable = true) Long subjectUnitId, @Schema(nullable = true) Long subjectId, String subject, int year,
                  Evaluation.Stage stage, BigDecimal total, @Schema(nullable = true) BigDecimal maxTotal,
                  @Schema(nullable = true) String level, @Schema(nullable = true) String levelTitle, boolean recognised,
                  @Schema(nullable = true) String nextLevel,
                  @Schema(description = "Còn thiếu gì để đạt mức tiếp theo. / What is missing for the next level.") List<String> missingForNextLevel,
                  @Schema(nullable = true) Evaluation.Deadline deadline,
                  @Schema(nullable = true) String checkedLevel, @Schema(nullable = true) String decisionNumber,
                  @Schema(nullable = true) LocalDate decisionDate, @Schema(nullable = true) String decidedLevel,
                  @Schema(nullable = true) LocalDate validUntil,
                  @Schema(description = "Phiên bản; gửi lại khi chấm điểm. / Version; send it back with scores.") long version,
                  List<Item> items,
                  @Schema(description = "Mọi mức đạt được là tạm thời: bộ tiêu chí chưa đầy đủ. / Any level reached is provisional: the framework version is incomplete.") boolean provisional) {
    }

    @Schema(name = "EvaluationItem")
    record Item(String code, @Schema(nullable = true) BigDecimal points, @Schema(nullable = true) Boolean met,
                @Schema(nullable = true) BigDecimal value, @Schema(nullable = true) String comment,
                @Schema(minimum = "0") int evidenceFiles, boolean missingEvidence,
                @Schema(nullable = true) BigDecimal checkPoints, @Schema(nullable = true) Boolean checkMet) {
    }
}
