package vn.xhht.publishing;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;

/** An office's news, stories and corrections for apps (signed in); approval and withdrawal are on the pages. */
@RestController
@Tag(name = "Tin bài, gương điển hình / Publishing")
class NewsApiController {

    private final Publishing publishing;

    NewsApiController(Publishing publishing) {
        this.publishing = publishing;
    }

    @Schema(name = "NewsDraft", description = "Bản nháp tin bài. / A draft item.")
    record DraftBody(
            @Schema(description = "Đơn vị đăng (trong phạm vi của người dùng). / The publishing office's unit.", example = "12",
                    requiredMode = Schema.RequiredMode.REQUIRED) Long unitId,
            @Schema(allowableValues = {"NEWS", "STORY", "CORRECTION"}, requiredMode = Schema.RequiredMode.REQUIRED) String kind,
            @Schema(description = "Tiêu đề. / Title.", maxLength = 300, requiredMode = Schema.RequiredMode.REQUIRED) String title,
            @Schema(description = "Tóm tắt. / Summary.", maxLength = 1000) String summary,
            @Schema(description = "Nội dung. / Body.", maxLength = 20000) String body,
            @Schema(description = "Đơn vị của người, mô hình điển hình. / The exemplary person's or model's unit.", maxLength = 300) String subjectUnit,
            @Schema(description = "Năm. / Year.", example = "2026") Integer subjectYear) {
    }

    @Schema(name = "NewsItem", description = "Một tin bài của cơ quan. / One item of the office.")
    record ItemDto(long id, long unitId, String unitName, String kind, String title, @Schema(nullable = true) String summary,
                   @Schema(nullable = true) String body, @Schema(nullable = true) String subjectUnit, @Schema(nullable = true) Integer subjectYear,
                   @Schema(allowableValues = {"DRAFT", "PUBLISHED", "WITHDRAWN"}) String status,
                   @Schema(description = "Trạng thái duyệt. / Review status.", nullable = true) String reviewStatus,
                   @Schema(nullable = true) String withdrawnReason, @Schema(nullable = true) OffsetDateTime publishedAt, int version) {
        static ItemDto of(Publishing.Item i) {
            return new ItemDto(i.id(), i.unitId(), i.unitName(), i.kind(), i.title(), i.summary(), i.body(), i.subjectUnit(), i.subjectYear(),
                    i.status(), i.reviewStatus(), i.withdrawnReason(), i.publishedAt(), i.version());
        }
    }

    @GetMapping("/api/v1/news")
    @Operation(operationId = "listNews", summary = "Tin bài của đơn vị và cấp dưới",
            description = "Items of the unit (default: the user's own) and the units below it, every status, newest first.")
    List<ItemDto> list(@RequestParam(required = false) Long unitId) {
        CurrentUser user = CurrentUsers.require();
        return publishing.ofUnit(user, unitId == null ? user.unitId() : unitId, 200).stream().map(ItemDto::of).toList();
    }

    @PostMapping("/api/v1/news")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createNews", summary = "Soạn tin bài (bản nháp)",
            description = "A new draft for the user's area; it is public only after the office head approves it on the page.")
    @ApiResponse(responseCode = "201", description = "Đã tạo bản nháp. / Draft created.")
    ItemDto create(@RequestBody DraftBody body) {
        if (body.unitId() == null) {
            throw new InvalidInputProblem("unitId", "publishing.unit.required");
        }
        return ItemDto.of(publishing.create(CurrentUsers.require(), body.unitId(),
                new Publishing.Draft(body.kind(), body.title(), body.summary(), body.body(), body.subjectUnit(), body.subjectYear()), List.of()));
    }
}
