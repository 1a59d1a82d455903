package vn.xhht.resources;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.centre.ActivitySummary;
import vn.xhht.shared.CurrentUser;

/**
 * The office's spending check of a centre's budget (the March check with the finance office): what was spent
 * against the approved estimate, category by category and in total, against the allocation when one is recorded,
 * and the cost per participation of the year's activities. Warnings, not refusals: spending over the estimate is
 * a finding for the office, not a typing error.
 */
@Service
@Transactional(readOnly = true)
public class SpendingCheck {

    @Schema(name = "BudgetCategoryCheck")
    public record CategoryCheck(String category, String name, long estimated, long spent, boolean over) {
    }

    @Schema(name = "BudgetSpendingCheck", description = "Kiểm tra chi tiêu so với dự toán và kinh phí được giao. "
            + "/ Spending checked against the estimate and the allocation.")
    public record Result(long budgetId, long estimatedSpending,
                         @Schema(description = "Kinh phí được giao; không có khi chưa ghi. / Allocation; absent when none is recorded.") Long allocated,
                         long spent, boolean overEstimate, boolean overAllocation, List<CategoryCheck> categories,
                         @Schema(description = "Lượt người tham gia hoạt động trong năm. / Participations in the year's activities.") long participations,
                         @Schema(description = "Chi bình quân một lượt người (đồng); không có khi chưa có lượt nào. "
                                 + "/ Spending per participation; absent when there is none.") Long perParticipationVnd) {
    }

    private final BudgetService budgets;
    private final ActivitySummary activities;

    SpendingCheck(BudgetService budgets, ActivitySummary activities) {
        this.budgets = budgets;
        this.activities = activities;
    }

    public Result check(CurrentUser user, long budgetId) {
        Budget b = budgets.require(user, budgetId);
        Budget.Totals t = b.totals();
        List<CategoryCheck> categories = t.byCategory().stream()
                .filter(c -> c.estimated() > 0 || c.spent() > 0)
                .map(c -> new CategoryCheck(c.category(), c.name(), c.estimated(), c.spent(), c.spent() > c.estimated())).toList();
        boolean allocationRecorded = b.lines() == null ? t.allocated() > 0
                : b.lines().stream().anyMatch(l -> l.stage() == Budget.Stage.ALLOCATION);
        Long allocated = allocationRecorded ? t.allocated() : null;
        long participations = activities.summarize(user, b.communeId(), LocalDate.of(b.year(), 1, 1), LocalDate.of(b.year(), 12, 31))
                .participations();
        Long per = participations > 0 ? Math.round((double) t.spent() / participations) : null;
        return new Result(b.id(), t.estimatedSpending(), allocated, t.spent(), t.spent() > t.estimatedSpending(),
                allocated != null && t.spent() > allocated, categories, participations, per);
    }
}
