package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The typed requests and answers of the procedure-step (TT 44) and emulation API. */
final class ProcedureEmulationApiModels {

    private ProcedureEmulationApiModels() {
    }

    // ---------------------------------------------------------------- procedure steps

    @Schema(name = "EvaluationProcedureSteps", description = "Các bước thủ tục của hồ sơ (TT 44/2014). / The procedure steps of a dossier.")
    record Steps(
            @Schema(description = "Hồ sơ. / Dossier id.") long evaluationId,
            @Schema(description = "Bộ tiêu chí yêu cầu kế hoạch tự kiểm tra (bước 1). / Step 1 required.") boolean selfCheckPlanRequired,
            @Schema(description = "Bộ tiêu chí yêu cầu tệp cho từng văn bản của hồ sơ (bước 2). / Step 2 files required.") boolean dossierFilesRequired,
            @Schema(description = "Bộ tiêu chí yêu cầu kế hoạch kiểm tra được duyệt (bước 3). / Step 3 required.") boolean checkPlanRequired,
            @Schema(description = "Đoàn kiểm tra phải bao quát mọi tiêu chí. / The team must cover every criterion.") boolean checkTeamByCriteria,
            @Schema(description = "Căn cứ của thủ tục. / Source of the procedure.") String source,
            @Schema(description = "Độ tin cậy của căn cứ. / Certainty of the source.", example = "secondary") String certainty,
            @Schema(description = "Bước 1: kế hoạch tự kiểm tra; trống khi chưa có. / Step 1, null while missing.") Plan selfPlan,
            @Schema(description = "Bước 3: kế hoạch kiểm tra; trống khi chưa có. / Step 3, null while missing.") Plan checkPlan,
            @Schema(description = "Thành viên đoàn kiểm tra. / Check team members.") List<TeamMember> checkTeam,
            @Schema(description = "Bước 2: các văn bản của hồ sơ và số tệp đã nộp. / Step 2 documents.") List<Document> documents,
            @Schema(description = "Mọi văn bản đã có tệp. / Every document has a file.") boolean dossierComplete) {
    }

    @Schema(name = "EvaluationProcedurePlan", description = "Kế hoạch được duyệt (số, ngày, người duyệt). / An approved plan.")
    record Plan(
            @Schema(description = "Số kế hoạch. / Number.", example = "12/KH-UBND", maxLength = 100) String number,
            @Schema(description = "Ngày duyệt. / Date approved.", example = "2025-09-15") LocalDate date,
            @Schema(description = "Người duyệt. / Approver.", example = "Chủ tịch UBND xã", maxLength = 200) String approver) {
    }

    @Schema(name = "EvaluationCheckTeamMember", description = "Thành viên đoàn kiểm tra. / A check team member.")
    record TeamMember(
            @Schema(description = "Họ tên. / Name.", example = "Nguyễn Thị Hoa", maxLength = 200) String name,
            @Schema(description = "Cơ quan. / Organisation.", example = "Phòng Văn hóa - Xã hội", maxLength = 200) String organisation,
            @Schema(description = "Chức vụ. / Position.", example = "Trưởng đoàn", maxLength = 200) String position,
            @Schema(description = "Mã các tiêu chí người này kiểm tra. / Codes of the criteria checked.", example = "[\"TC1\", \"TC2\"]") List<String> criteria) {
    }

    @Schema(name = "EvaluationCheckPlanRequest", description = "Kế hoạch kiểm tra và đoàn kiểm tra (bước 3). / Check plan and team.")
    record CheckPlanRequest(
            @Schema(description = "Số kế hoạch. / Number.", example = "20/KH-SVHTTDL", maxLength = 100) String number,
            @Schema(description = "Ngày duyệt. / Date approved.", example = "2025-10-01") LocalDate date,
            @Schema(description = "Người duyệt. / Approver.", example = "Giám đốc Sở", maxLength = 200) String approver,
            @Schema(description = "Đoàn kiểm tra. / The team.") List<TeamMember> team) {
    }

    @Schema(name = "EvaluationDossierDocument", description = "Một văn bản của hồ sơ. / One document of the dossier.")
    record Document(
            @Schema(description = "Thứ tự (1 là tờ trình). / Position.", example = "1") int position,
            @Schema(description = "Tên văn bản. / Title.") String title,
            @Schema(description = "Số tệp đã nộp. / Files attached.") int files) {
    }

    // ---------------------------------------------------------------- emulation

    @Schema(name = "EmulationPlan", description = "Kế hoạch thi đua với nội dung, tiêu chí và các cụm. / An emulation plan.")
    record EmulationPlan(
            long id, long ownerUnitId, String ownerName, int year, String title, String issuer,
            @Schema(description = "Tổng điểm tối đa. / Maximum total.") BigDecimal maxTotal,
            @Schema(description = "Phiên bản, gửi lại khi sửa hoặc xóa. / Version, sent back to edit or delete.") long version,
            List<EmulationItem> criteria, List<EmulationClusterLine> clusters) {
    }

    @Schema(name = "EmulationCriterion", description = "Một tiêu chí của kế hoạch. / A criterion of the plan.")
    record EmulationItem(long id, int contentNo, String contentTitle, int criterionNo, String criterionTitle, BigDecimal maxPoints) {
    }

    @Schema(name = "EmulationClusterLine")
    record EmulationClusterLine(long id, String name, int memberCount, int briefingCount) {
    }

    @Schema(name = "EmulationPlanCreateRequest", description = "Kế hoạch thi đua mới. / A new emulation plan.")
    record PlanCreate(
            @Schema(description = "Đơn vị (hội) ban hành kế hoạch. / Owner unit.", example = "1234") Long unitId,
            @Schema(description = "Năm. / Year.", example = "2026") Integer year,
            @Schema(description = "Tên kế hoạch. / Title.", example = "Kế hoạch thi đua năm 2026", maxLength = 300) String title,
            @Schema(description = "Cơ quan ban hành. / Issuer.", example = "Hội Khuyến học quận", maxLength = 300) String issuer,
            @Schema(description = "Tiêu chí theo thứ tự; các dòng liền nhau cùng nội dung thuộc một nội dung. / Criteria in order.")
            List<CriterionRequest> criteria) {
    }

    @Schema(name = "EmulationCriterionRequest")
    record CriterionRequest(
            @Schema(description = "Nội dung. / Content.", example = "Xây dựng tổ chức hội", maxLength = 300) String content,
            @Schema(description = "Tiêu chí. / Criterion.", example = "Phát triển hội viên", maxLength = 300) String criterion,
            @Schema(description = "Điểm tối đa (> 0, hai chữ số thập phân). / Maximum points.", example = "10") BigDecimal maxPoints) {
    }

    @Schema(name = "EmulationPlanUpdateRequest")
    record PlanUpdate(
            @Schema(description = "Tên kế hoạch. / Title.", example = "Kế hoạch thi đua năm 2026", maxLength = 300) String title,
            @Schema(description = "Cơ quan ban hành. / Issuer.", example = "Hội Khuyến học quận", maxLength = 300) String issuer,
            @Schema(description = "Phiên bản đã đọc; phiên bản cũ trả 409. / The version you read; a stale one answers 409.", example = "0")
            Long version) {
    }

    @Schema(name = "EmulationClusterRequest", description = "Tên và thành viên của cụm. / A cluster's name and members.")
    record ClusterWrite(
            @Schema(description = "Tên cụm. / Name.", example = "Cụm 1", maxLength = 200) String name,
            @Schema(description = "Các đơn vị trong cụm (cấp dưới của đơn vị ban hành kế hoạch). / Member units.") List<Long> memberUnitIds,
            @Schema(description = "Phiên bản đã đọc (khi sửa). / The version you read (when editing).") Long version) {
    }

    @Schema(name = "EmulationCluster", description = "Cụm thi đua với giao ban và kết quả xếp hạng. / A cluster with briefings and ranked results.")
    record EmulationCluster(long id, long planId, String planTitle, int year, String name, long version, List<Member> members,
                            List<Briefing> briefings,
                            @Schema(description = "Các quý đã qua chưa có giao ban. / Past quarters without a briefing.") List<Integer> quartersWithoutBriefing,
                            List<Result> results) {
    }

    @Schema(name = "EmulationMember")
    record Member(long unitId, String name) {
    }

    @Schema(name = "EmulationBriefing")
    record Briefing(long id, int quarter, LocalDate heldOn, String note) {
    }

    @Schema(name = "EmulationBriefingRequest")
    record BriefingCreate(
            @Schema(description = "Quý (1–4). / Quarter.", example = "2", minimum = "1", maximum = "4") Integer quarter,
            @Schema(description = "Ngày họp, trong quý của năm kế hoạch. / Date held.", example = "2026-05-12") LocalDate heldOn,
            @Schema(description = "Ghi chú. / Note.", maxLength = 2000) String note) {
    }

    @Schema(name = "EmulationResult", description = "Một dòng kết quả: điểm từng tiêu chí, tổng, hạng. / A ranked result line.")
    record Result(long unitId, String name, int rank, BigDecimal total,
                  @Schema(description = "Đã chấm đủ mọi tiêu chí. / Every criterion scored.") boolean complete,
                  @Schema(description = "Điểm theo tiêu chí; tiêu chí chưa chấm không có mặt. / Points by criterion; unscored absent.") List<Point> points) {
    }

    @Schema(name = "EmulationPoint")
    record Point(
            @Schema(description = "Tiêu chí (id trong criteria của kế hoạch). / Criterion id.") long itemId,
            @Schema(description = "Điểm; trống để xóa điểm đã chấm. / Points; null clears.", example = "8.5") BigDecimal points) {
    }

    @Schema(name = "EmulationScoresRequest", description = "Điểm của một đơn vị. / One member's points.",
            example = "{\"points\": [{\"itemId\": 12, \"points\": 8.5}, {\"itemId\": 13, \"points\": null}]}")
    record Scores(@Schema(description = "Điểm theo tiêu chí. / Points by criterion.") List<Point> points) {
    }
}
