package vn.xhht.plan;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
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

    record CreatePlan(Integer planYear, Boolean copyLastYear) {
    }

    record Decision(String comment) {
    }

    private final PlanService plans;
    private final CentreRegistry centres;

    PlanApiController(PlanService plans, CentreRegistry centres) {
        this.plans = plans;
        this.centres = centres;
    }

    @GetMapping("/centres/{id}/plans")
    List<Plan> list(@PathVariable long id) {
        CurrentUser user = CurrentUsers.require();
        Centre c = centres.require(user, id);
        return plans.ofOwner(user, c.communeId());
    }

    @PostMapping("/centres/{id}/plans")
    @ResponseStatus(HttpStatus.CREATED)
    Plan create(@PathVariable long id, @RequestBody CreatePlan body) {
        CurrentUser user = CurrentUsers.require();
        Centre c = centres.require(user, id);
        if (body.planYear() == null) {
            throw new InvalidInputProblem("planYear", "plan.year.required");
        }
        return plans.create(user, c.communeId(), body.planYear(), body.copyLastYear() == null || body.copyLastYear());
    }

    @GetMapping("/plans/{id}")
    Plan get(@PathVariable long id) {
        return plans.require(CurrentUsers.require(), id);
    }

    @PostMapping("/plans/{id}/submit")
    Review submit(@PathVariable long id) {
        return plans.submit(CurrentUsers.require(), id);
    }

    @PostMapping("/plans/{id}/approve")
    Review approve(@PathVariable long id, @RequestBody(required = false) Decision body) {
        return plans.approve(CurrentUsers.require(), id, body == null ? null : body.comment());
    }

    @PostMapping("/plans/{id}/return")
    Review returnPlan(@PathVariable long id, @RequestBody(required = false) Decision body) {
        return plans.returnWithComment(CurrentUsers.require(), id, body == null ? null : body.comment());
    }
}
