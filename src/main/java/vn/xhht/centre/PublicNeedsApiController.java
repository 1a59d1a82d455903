package vn.xhht.centre;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The public registration of a learning need for apps: no login, limited per address. */
@RestController
@Tag(name = "Công khai cho người dân / Public")
class PublicNeedsApiController {

    private final LearningNeeds needs;
    private final MessageSource messages;

    PublicNeedsApiController(LearningNeeds needs, MessageSource messages) {
        this.needs = needs;
        this.messages = messages;
    }

    @Schema(name = "PublicLearningNeed", description = "Nhu cầu học tập của người dân. / A resident's learning need.")
    record PublicNeed(
            @Schema(description = "Trung tâm nhận (GET /public/centres trên trang công khai). / Receiving centre.", example = "12",
                    requiredMode = Schema.RequiredMode.REQUIRED) Long centreId,
            @Schema(description = "Mã chủ đề (GET /topics). / Topic code.", example = "IT", requiredMode = Schema.RequiredMode.REQUIRED) String topic,
            @Schema(description = "Cụ thể muốn học gì. / What exactly.", example = "Học dùng điện thoại thông minh để bán hàng", maxLength = 1000) String detail,
            @Schema(description = "Độ tuổi. / Age group.", example = "AGE_36_60") String ageGroup,
            @Schema(description = "Giới tính. / Sex.", example = "FEMALE") String sex,
            @Schema(description = "Thôn, tổ dân phố (không bắt buộc). / Hamlet (optional).") Long hamletId,
            @Schema(description = "Số điện thoại (không bắt buộc). / Phone (optional).", example = "0912345678") String phone) {
    }

    @Schema(name = "LearningNeedReceived")
    record NeedReceived(@Schema(description = "Mã đăng ký. / Registration id.") long id,
                        @Schema(description = "Lời cảm ơn. / Thank-you message.") String message) {
    }

    /** The same registration for apps: no login, limited per address. */
    @PostMapping("/api/v1/public/learning-needs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "submitLearningNeed", summary = "Người dân đăng ký nhu cầu học tập (không cần đăng nhập)",
            description = "Registers a resident's learning need without an account; limited per address (429 when exceeded).")
    NeedReceived submitApi(@RequestBody PublicNeed body, HttpServletRequest request) {
        long id = needs.submitPublic(PublicCentres.clientKey(request), new LearningNeeds.Need(body.centreId(), body.topic(), body.detail(),
                body.ageGroup(), body.sex(), body.hamletId(), body.phone(), null));
        return new NeedReceived(id, messages.getMessage("need.thanks", null, LocaleContextHolder.getLocale()));
    }

}
