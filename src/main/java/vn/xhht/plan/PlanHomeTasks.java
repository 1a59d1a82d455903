package vn.xhht.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.xhht.platform.HomeTask;
import vn.xhht.platform.HomeTaskSource;
import vn.xhht.review.Review;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/** Plans waiting for the user: submitted ones its office approves, its own drafts and returned ones. */
@Component
class PlanHomeTasks implements HomeTaskSource {

    static final Set<Role> REVIEWERS = EnumSet.of(Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER);
    static final Set<Role> OWNERS = EnumSet.of(Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER, Role.COMMUNE_OFFICER);

    private final ReviewWorkflow reviews;
    private final PlanService plans;

    PlanHomeTasks(ReviewWorkflow reviews, PlanService plans) {
        this.reviews = reviews;
        this.plans = plans;
    }

    @Override
    public List<HomeTask> tasksFor(CurrentUser user, LocalDate today) {
        List<HomeTask> out = new ArrayList<>();
        for (Review r : reviews.waitingOn(PlanService.SUBJECT, user.unitId(), 30)) {
            boolean mine = r.ownerUnitId() == user.unitId();
            if (mine ? !OWNERS.contains(user.role()) : !REVIEWERS.contains(user.role())) {
                continue;
            }
            Plan p = plans.load(r.subjectId());
            String what = p.ownerName() + " " + p.yearLabel();
            String href = "/plans/" + p.id();
            if (!mine) {
                out.add(new HomeTask(HomeTask.Area.PLAN, HomeTask.Action.REVIEW, "plan.task.review", List.of(what), href, null));
            } else if (r.status() == Review.Status.RETURNED) {
                out.add(new HomeTask(HomeTask.Area.PLAN, HomeTask.Action.RESUBMIT, "plan.task.resubmit", List.of(what), href, r.dueDate()));
            } else {
                out.add(new HomeTask(HomeTask.Area.PLAN, HomeTask.Action.SUBMIT, "plan.task.submit", List.of(what), href, r.dueDate()));
            }
        }
        return out;
    }
}
