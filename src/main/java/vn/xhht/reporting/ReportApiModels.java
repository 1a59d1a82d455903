package vn.xhht.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import vn.xhht.review.Review;

/** The typed requests and answers of the report API (the JSON shape the API always had, now declared). */
final class ReportApiModels {

    private ReportApiModels() {
    }

    @Schema(name = "ReportTemplateInfo", description = "Mẫu báo cáo định kỳ. / A periodic report template.")
    record TemplateInfo(
            @Schema(description = "Mã mẫu. / Template code.", example = "out-of-school") String code,
            @Schema(description = "Tên mẫu. / Title.") String title,
            @Schema(description = "Kỳ báo cáo. / How often it is made.") ReportTemplate.Periodicity periodicity,
            @Schema(description = "Cấp nộp theo thời gian. / Submitting level, effective-dated.") List<ReportTemplate.LevelRule> submittingLevels,
            @Schema(description = "Nơi nhận. / Who reviews.") ReportTemplate.Receiver receiver,
            @Schema(description = "Hạn nộp. / Due date rule.") Due due,
            @Schema(description = "Căn cứ pháp lý. / Legal basis.") String basis,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Đợt vận động (chỉ mẫu theo đợt). / Campaign code (campaign templates only).", nullable = true) String campaignCode,
            List<SectionInfo> sections,
            @Schema(description = "Kiểm tra giữa các chỉ tiêu. / Checks between fields.") List<ReportTemplate.Rule> rules) {
    }

    @Schema(name = "ReportDue")
    record Due(@Schema(description = "Kiểu quy tắc. / Rule kind.") ReportTemplate.DueRule.Kind rule,
               @Schema(description = "Quy tắc bằng lời. / The rule in words.") String text) {
    }

    @Schema(name = "ReportTemplateSection")
    record SectionInfo(String code, String title, List<FieldInfo> fields) {
    }

    @Schema(name = "ReportTemplateField")
    record FieldInfo(
            @Schema(description = "Mã chỉ tiêu. / Field code.") String code,
            @Schema(description = "Tên chỉ tiêu. / Label.") String label,
            ReportTemplate.FieldType type,
            @Schema(description = "Đơn vị tính. / Unit.", nullable = true) String unit,
            @Schema(description = "Mã số liệu lấy tự động. / Figure code filled automatically.", nullable = true) String source,
            @Schema(description = "Nguồn số liệu có sẵn trong hệ thống. / The figure source exists.") boolean sourceAvailable,
            @Schema(description = "Tỷ lệ tử số / mẫu số. / Ratio numerator / denominator.", nullable = true) String ratio,
            ReportTemplate.Aggregation aggregation,
            boolean required,
            @JsonInclude(JsonInclude.Include.NON_EMPTY)
            @Schema(description = "Các cột (chỉ chỉ tiêu dạng bảng). / Columns (TABLE fields only).") List<String> columns) {
    }

    @Schema(name = "ReportCreateRequest")
    record CreateRequest(
            @Schema(description = "Mã mẫu báo cáo (GET /report-templates). / Template code.", example = "out-of-school",
                    requiredMode = Schema.RequiredMode.REQUIRED) String templateCode,
            @Schema(description = "Kỳ báo cáo: 2026M07, 2026Q3, 2026H1, 2026S1, 2026S2, 2025-2026, 2026. / Period code.",
                    example = "2026S2") String period,
            @Schema(description = "Đơn vị nộp (mặc định: đơn vị của người dùng). / Submitting unit (default: the caller's).",
                    example = "1234") Long unitId) {
    }

    @Schema(name = "ReportValuesRequest")
    record ValuesRequest(
            @Schema(description = "Phiên bản đã đọc; phiên bản cũ trả 409. / The version you read; a stale one answers 409.",
                    example = "3", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") Long version,
            @Schema(description = "Giá trị theo mã chỉ tiêu: số, chữ, hoặc bảng (mảng các dòng, mỗi dòng là mảng ô). "
                    + "/ Values by field code: a number, a text, or a table (array of rows of cells).",
                    example = "{\"establishments\": 4, \"licensed\": 3, \"assessment\": \"Các cơ sở hoạt động đúng giấy phép.\"}")
            Map<String, FieldInput> values,
            @Schema(description = "Lý do sửa số liệu tự động, theo mã chỉ tiêu. / Why an automatic figure was overridden, by field code.",
                    example = "{\"licensed\": \"Số liệu kiểm tra thực tế ngày 5/10\"}") Map<String, String> reasons) {
    }

    /**
     * One field's value as a client sends it (a number, a text, or a table as rows of cells), kept as the text the
     * report stores: a table becomes lines of cells separated by " | ". The schema is written in {@link ReportApiSchemas}.
     */
    @Schema(name = ReportApiSchemas.FIELD_INPUT)
    record FieldInput(String text) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static FieldInput of(Object raw) {
            return new FieldInput(text(raw));
        }

        private static String text(Object v) {
            if (v == null) {
                return null;
            }
            if (v instanceof BigDecimal b) {
                return b.toPlainString();
            }
            if (v instanceof Double || v instanceof Float) {
                return new BigDecimal(v.toString()).toPlainString();
            }
            if (v instanceof List<?> rows) {
                return String.join("\n", rows.stream().map(row -> row instanceof List<?> cells
                        ? String.join(" | ", cells.stream().map(c -> c == null ? "" : c.toString().replace("|", "/")).toList())
                        : String.valueOf(row)).toList());
            }
            return v.toString();
        }
    }

    @Schema(name = "ReportDecision")
    record Decision(
            @Schema(description = "Nhận xét (duyệt, trả lại). / Comment (approve, return).", example = "Đồng ý", maxLength = 2000) String comment,
            @Schema(description = "Lý do mở lại. / Reason to reopen.", example = "Sai số liệu học viên", maxLength = 2000) String reason) {
    }

    @Schema(name = "Report", description = "Một báo cáo và mọi chỉ tiêu. / A report with every field.")
    record ReportView(
            long id, String templateCode,
            @Schema(description = "Mã kỳ. / Period code.", example = "2026S2") String period,
            @Schema(description = "Tên kỳ. / Period label.") String periodLabel,
            long unitId, String unitName,
            @Schema(description = "Báo cáo tổng hợp từ cấp dưới. / Aggregated from the units below.") boolean aggregate,
            Review.Status status,
            LocalDate dueDate,
            @Schema(nullable = true) OffsetDateTime submittedAt,
            @Schema(description = "Phiên bản; gửi lại khi sửa. / Version; send it back when changing values.") long version,
            List<ValueView> values,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Số liệu thay đổi khi cập nhật (chỉ với /refresh). / Figures changed by /refresh (only there).", nullable = true)
            List<ReportRollup.Change> changes) {

        ReportView withChanges(List<ReportRollup.Change> c) {
            return new ReportView(id, templateCode, period, periodLabel, unitId, unitName, aggregate, status, dueDate, submittedAt,
                    version, values, c);
        }
    }

    @Schema(name = "ReportValue")
    record ValueView(
            String field, String label, ReportTemplate.FieldType type,
            @Schema(description = "Số (NUMBER, PERCENTAGE) hoặc chữ (TEXT, TABLE: dòng cách nhau bằng xuống dòng, ô bằng |). "
                    + "/ A number (NUMBER, PERCENTAGE) or a text (TEXT, TABLE); null when blank.",
                    oneOf = {BigDecimal.class, String.class}) Object value,
            @Schema(description = "Số liệu tự động. / The automatic figure.", nullable = true) BigDecimal sourceValue,
            @Schema(description = "Cùng kỳ năm trước. / Same period last year.", nullable = true) BigDecimal lastYear,
            @Schema(description = "Người dùng đã sửa số liệu tự động. / The automatic figure was overridden.") boolean overridden,
            @Schema(nullable = true) String reason,
            @Schema(nullable = true) String source,
            @Schema(description = "Nhập tay. / Entered by hand.") boolean manual,
            @Schema(description = "Chưa có nguồn số liệu tự động. / No automatic source yet.") boolean noSource) {
    }

    @Schema(name = "ReportCompleteness", description = "Tình hình nộp báo cáo của các đơn vị. / Who has reported.")
    record Completeness(String templateCode, String period, long unitId, LocalDate dueDate,
                        @Schema(minimum = "0") long expected, @Schema(minimum = "0") long onTime, @Schema(minimum = "0") long late,
                        @Schema(minimum = "0") long missing, @Schema(minimum = "0") long approved,
                        @Schema(minimum = "0") long returned, @Schema(minimum = "0") long notDue,
                        List<CompletenessBoard.Line> units) {
    }
}
