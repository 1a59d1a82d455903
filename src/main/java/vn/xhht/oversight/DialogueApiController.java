package vn.xhht.oversight;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;

/** Dialogues with the businesses running out-of-school establishments (seed 001: twice a year), for other systems. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cơ sở giáo dục ngoài nhà trường / Out-of-school establishments")
class DialogueApiController {

    record DialogueDto(long id,
                       @Schema(description = "Đơn vị tổ chức đối thoại. / Unit that held it.") long unitId, String unitName,
                       @Schema(description = "Ngày đối thoại. / Date held.") LocalDate heldOn,
                       @Schema(description = "Thành phần tham dự. / Attendees.") String parties,
                       @Schema(description = "Ý kiến, vấn đề các cơ sở nêu. / Issues raised.") String topics,
                       @Schema(description = "Trả lời, kết luận. / Answers and conclusions.") String conclusions,
                       @Schema(description = "Việc cần làm tiếp. / Follow-ups.") String followUps,
                       @Schema(description = "Phiên bản, gửi lại khi sửa. / Version, sent back when editing.") long version) {
        static DialogueDto of(Dialogues.Dialogue d) {
            return new DialogueDto(d.id(), d.unitId(), d.unitName(), d.heldOn(), d.parties(), d.topics(), d.conclusions(), d.followUps(),
                    d.version());
        }
    }

    record DialogueRequest(
            @Schema(description = "Đơn vị tổ chức, trong địa bàn người dùng được ghi. / Unit, one the caller may write.",
                    requiredMode = Schema.RequiredMode.REQUIRED) Long unitId,
            @Schema(description = "Ngày đối thoại. / Date held.", example = "2026-06-15", requiredMode = Schema.RequiredMode.REQUIRED)
            LocalDate heldOn,
            @Schema(description = "Thành phần tham dự. / Attendees.", example = "UBND xã; đại diện 6 cơ sở dạy thêm", maxLength = 2000,
                    requiredMode = Schema.RequiredMode.REQUIRED) String parties,
            @Schema(description = "Ý kiến, vấn đề nêu ra. / Issues raised.", example = "Thủ tục đăng ký địa điểm dạy thêm", maxLength = 4000,
                    requiredMode = Schema.RequiredMode.REQUIRED) String topics,
            @Schema(description = "Trả lời, kết luận. / Answers and conclusions.", maxLength = 4000) String conclusions,
            @Schema(description = "Việc cần làm tiếp. / Follow-ups.", maxLength = 4000) String followUps,
            @Schema(description = "Phiên bản đang sửa (bắt buộc khi sửa). / Version being edited (required to edit).") Long version) {
        Dialogues.Form form() {
            return new Dialogues.Form(unitId, heldOn, parties, topics, conclusions, followUps, version);
        }
    }

    record YearSummaryDto(int year, long unitId,
                          @Schema(description = "Số buổi đã tổ chức trong năm. / Dialogues held in the year.") long held,
                          @Schema(description = "Số buổi quy định phải tổ chức (trống: chưa có quy định). / Expected by the rule in force.")
                          Integer expected,
                          @Schema(description = "Ít hơn số buổi quy định (\"thiếu\"). / Fewer than the rule expects.") boolean missing,
                          @Schema(description = "Căn cứ của quy định. / Legal basis of the rule.") String legalBasis,
                          @Schema(description = "Độ tin cậy của quy định (VERIFIED, SECONDARY, UNCERTAIN, UNKNOWN). / Certainty.")
                          String certainty) {
    }

    private final Dialogues dialogues;

    DialogueApiController(Dialogues dialogues) {
        this.dialogues = dialogues;
    }

    @GetMapping("/dialogues")
    @Operation(operationId = "listDialogues", summary = "Danh sách buổi đối thoại với doanh nghiệp trong năm",
            description = "Dialogues of the caller's area held in the year (default: this year), latest first; unitId narrows to one unit.")
    List<DialogueDto> list(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long unitId) {
        CurrentUser user = CurrentUsers.require();
        return dialogues.list(user, year, unitId).stream().map(DialogueDto::of).toList();
    }

    @GetMapping("/dialogues/summary")
    @Operation(operationId = "getDialogueYearSummary", summary = "Số buổi đối thoại của một đơn vị trong năm so với quy định",
            description = "How many dialogues a unit of the caller's area held in a year against the dated rule (\"thiếu\" when fewer).")
    YearSummaryDto summary(@RequestParam long unitId, @RequestParam(required = false) Integer year) {
        Dialogues.YearSummary s = dialogues.summary(CurrentUsers.require(), unitId, year);
        return new YearSummaryDto(s.year(), unitId, s.held(), s.expected(), s.missing(), s.legalBasis(), s.certainty());
    }

    @PostMapping("/dialogues")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createDialogue", summary = "Ghi một buổi đối thoại với doanh nghiệp",
            description = "Record a dialogue of a unit the caller may write (offices and communes).")
    DialogueDto create(@RequestBody DialogueRequest b) {
        CurrentUser user = CurrentUsers.require();
        return DialogueDto.of(dialogues.get(user, dialogues.create(user, b.form())));
    }

    @GetMapping("/dialogues/{id}")
    @Operation(operationId = "getDialogue", summary = "Xem một buổi đối thoại", description = "One dialogue of the caller's area.")
    DialogueDto get(@PathVariable long id) {
        return DialogueDto.of(dialogues.get(CurrentUsers.require(), id));
    }

    @PutMapping("/dialogues/{id}")
    @Operation(operationId = "updateDialogue", summary = "Sửa một buổi đối thoại",
            description = "Replace the fields of a dialogue; the version read must be sent back (a stale one answers 409).")
    DialogueDto update(@PathVariable long id, @RequestBody DialogueRequest b) {
        CurrentUser user = CurrentUsers.require();
        dialogues.update(user, id, b.form());
        return DialogueDto.of(dialogues.get(user, id));
    }
}
