package vn.xhht.resources;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.xhht.centre.Centre;
import vn.xhht.centre.CentreRegistry;
import vn.xhht.platform.HomeTask;
import vn.xhht.platform.HomeTaskSource;
import vn.xhht.review.Review;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/**
 * What the commune owes on its centre's budget, by the province's calendar: next year's estimate from October
 * (due in November), an estimate waiting for the chairman's approval, last year's settlement.
 */
@Component
class BudgetHomeTasks implements HomeTaskSource {

    private final CentreRegistry centres;
    private final BudgetService budgets;
    private final BudgetRules rules;

    BudgetHomeTasks(CentreRegistry centres, BudgetService budgets, BudgetRules rules) {
        this.centres = centres;
        this.budgets = budgets;
        this.rules = rules;
    }

    @Override
    public List<HomeTask> tasksFor(CurrentUser user, LocalDate today) {
        if (user.role() != Role.COMMUNE_OFFICER) {
            return List.of();
        }
        Optional<Centre> centre = centres.ofCommune(user.unitId());
        if (centre.isEmpty()) {
            return List.of();
        }
        Centre c = centre.get();
        List<HomeTask> out = new ArrayList<>();
        int year = today.getYear();
        List<Integer> estimateYears = today.getMonthValue() >= 10 ? List.of(year, year + 1) : List.of(year);
        for (int y : estimateYears) {
            Optional<Budget> b = budgets.ofCentreYear(user, c.id(), y);
            LocalDate due = rules.due(c.provinceId(), y, "ESTIMATE").orElse(null);
            if (b.isEmpty()) {
                out.add(new HomeTask(HomeTask.Area.OTHER, HomeTask.Action.SUBMIT, "budget.task.estimate", List.of(c.name(), String.valueOf(y)),
                        "/centres/" + c.id() + "/budgets", due));
                continue;
            }
            Budget budget = b.get();
            Review r = budgets.review(budget.id());
            String href = "/budgets/" + budget.id();
            if (budgets.canDecide(user, budget)) {
                out.add(new HomeTask(HomeTask.Area.OTHER, HomeTask.Action.REVIEW, "budget.task.review", List.of(c.name(), String.valueOf(y)), href, null));
            } else if (r.status() == Review.Status.RETURNED) {
                out.add(new HomeTask(HomeTask.Area.OTHER, HomeTask.Action.RESUBMIT, "budget.task.resubmit", List.of(c.name(), String.valueOf(y)), href, due));
            } else if (r.status() == Review.Status.DRAFT) {
                out.add(new HomeTask(HomeTask.Area.OTHER, HomeTask.Action.SUBMIT, "budget.task.estimate", List.of(c.name(), String.valueOf(y)), href, due));
            }
        }
        budgets.ofCentreYear(user, c.id(), year - 1).filter(b -> b.status() == Review.Status.APPROVED && !b.settlementLocked())
                .ifPresent(b -> out.add(new HomeTask(HomeTask.Area.OTHER, HomeTask.Action.SUBMIT, "budget.task.settle",
                        List.of(c.name(), String.valueOf(year - 1)), "/budgets/" + b.id(), rules.due(c.provinceId(), year - 1, "SETTLEMENT").orElse(null))));
        return out;
    }
}
