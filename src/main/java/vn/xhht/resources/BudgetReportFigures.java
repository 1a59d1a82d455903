package vn.xhht.resources;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.ReportFigureSource;

/**
 * Budget figures of the centres for periodic reports: the year of the period's last day. Blank (absent) when no
 * centre of the unit has a budget that year, which is not 0.
 */
@Component
@Transactional(readOnly = true)
class BudgetReportFigures implements ReportFigureSource {

    private final BudgetSummaries summaries;
    private final OrgUnitDirectory units;

    BudgetReportFigures(BudgetSummaries summaries, OrgUnitDirectory units) {
        this.summaries = summaries;
        this.units = units;
    }

    @Override
    public List<Figure> figures() {
        return List.of(new Figure("budget.estimated_spending", "figure.budget.estimated_spending"),
                new Figure("budget.allocated", "figure.budget.allocated"),
                new Figure("budget.spent", "figure.budget.spent"),
                new Figure("budget.state_support", "figure.budget.state_support"));
    }

    @Override
    public Map<String, BigDecimal> values(long unitId, LocalDate from, LocalDate to) {
        BudgetSummaries.Summary s = summaries.compute(units.require(unitId), to.getYear());
        Map<String, BigDecimal> m = new HashMap<>();
        if (s.budgets() == 0) {
            return m;
        }
        m.put("budget.estimated_spending", BigDecimal.valueOf(s.estimatedSpending()));
        m.put("budget.allocated", BigDecimal.valueOf(s.allocated()));
        m.put("budget.spent", BigDecimal.valueOf(s.spent()));
        m.put("budget.state_support", BigDecimal.valueOf(s.bySource().stream()
                .filter(x -> x.source() == Budget.Source.STATE_SUPPORT).mapToLong(Budget.BySource::received).sum()));
        return m;
    }
}
