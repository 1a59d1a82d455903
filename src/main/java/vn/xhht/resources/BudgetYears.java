package vn.xhht.resources;

/** The years a budget or a training year may name (one rule for pages and API). */
final class BudgetYears {
    private BudgetYears() {
    }

    static int checked(int year) {
        if (year < 2000 || year > 2100) {
            throw new vn.xhht.shared.InvalidInputProblem("year", "budget.year.range", 2100);
        }
        return year;
    }
}
