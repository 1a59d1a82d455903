package vn.xhht.plan;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.xhht.centre.Centre;
import vn.xhht.centre.CentreRegistry;
import vn.xhht.review.Review;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Kế hoạch / Plans")
class PlanApiController {

    @io.swagger.v3.oas.annotations.media.Schema(name = "PlanCreateRequest")
    record CreatePlan(
            @Schema(description = "Năm kế hoạch, từ 2000 đến năm nay + 2. / Plan year, 2000 to this year + 2.", example = "2027",
                    minimum = "2000", requiredMode = Schema.RequiredMode.REQUIRED) Integer planYear,
            @Schema(description = "Chép các dòng của kế hoạch năm trước (mặc định có). / Copy last year's rows (default true).",
                    example = "true") Boolean copyLastYear) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "PlanDecision")
    record Decision(@Schema(description = "Nhận xét khi duyệt hoặc trả lại. / Comment when approving or returning.",
            example = "Bổ sung chỉ tiêu lớp tin học cho người cao tuổi", maxLength = 2000) String comment) {
    }

    private final PlanService plans;
    private final CentreRegistry centres;

    PlanApiController(PlanService plans, CentreRegistry centres) {
        this.plans = plans;
        this.centres = centres;
    }

    @GetMapping("/centres/{id}/plans")
    @Operation(operationId = "listCentrePlans", summary = "Kế hoạch của một trung tâm",
            description = "Yearly plans of the commune of a centre.")
    List<Plan> list(@PathVariable long id) {
        CurrentUser user = CurrentUsers.require();
        Centre c = centres.require(user, id);
        return plans.ofOwner(user, c.communeId());
    }

    @PostMapping("/centres/{id}/plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createPlan", summary = "Lập kế hoạch năm",
            description = "Creates the yearly plan of the centre's commune, copying last year's rows unless copyLastYear is false.")
    Plan create(@PathVariable long id, @RequestBody CreatePlan body) {
        CurrentUser user = CurrentUsers.require();
        Centre c = centres.require(user, id);
        if (body.planYear() == null) {
            throw new InvalidInputProblem("planYear", "plan.year.required");
        }
        return plans.create(user, c.communeId(), body.planYear(), body.copyLastYear() == null || body.copyLastYear());
    }

    @GetMapping("/plans/{id}")
    @Operation(operationId = "getPlan", summary = "Xem một kế hoạch",
            description = "One plan with its rows.")
    Plan get(@PathVariable long id) {
        return plans.require(CurrentUsers.require(), id);
    }

    @PostMapping("/plans/{id}/submit")
    @Operation(operationId = "submitPlan", summary = "Gửi kế hoạch để duyệt",
            description = "Submits the plan to the unit above.")
    Review submit(@PathVariable long id) {
        return plans.submit(CurrentUsers.require(), id);
    }

    @PostMapping("/plans/{id}/approve")
    @Operation(operationId = "approvePlan", summary = "Duyệt kế hoạch",
            description = "The unit above approves a submitted plan.")
    Review approve(@PathVariable long id, @RequestBody(required = false) Decision body) {
        return plans.approve(CurrentUsers.require(), id, body == null ? null : body.comment());
    }

    @PostMapping("/plans/{id}/return")
    @Operation(operationId = "returnPlan", summary = "Trả lại kế hoạch để sửa",
            description = "The unit above returns a submitted plan with a comment.")
    Review returnPlan(@PathVariable long id, @RequestBody(required = false) Decision body) {
        return plans.returnWithComment(CurrentUsers.require(), id, body == null ? null : body.comment());
    }
}
