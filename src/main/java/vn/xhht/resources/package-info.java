/**
 * Resources of the community learning centres: budgets (R36) — the estimate approved by the commune chairman,
 * allocation, receipts, spending and settlement, with the support levels and the calendar as dated rule data.
 * API: {@link vn.xhht.resources.BudgetService}, {@link vn.xhht.resources.Budget}, {@link vn.xhht.resources.BudgetSummaries}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Centre resources",
        allowedDependencies = {"audit::api", "centre::api", "document::api", "evidence::api", "literacy::api", "orgunit::api", "platform::api", "review::api", "shared"})
package vn.xhht.resources;
