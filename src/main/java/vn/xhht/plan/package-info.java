/**
 * Annual plans (R9–R11) of centres and of education offices: direction, tasks, targets, the month-by-month
 * schedule, copied from last year, submitted by a deadline and approved by the unit above the owner valid at that
 * date (the district before 1/7/2025, the province after). Office plan rows are the task calendar of the units below.
 * API: {@link vn.xhht.plan.PlanService}, {@link vn.xhht.plan.Plan}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans",
        allowedDependencies = {"audit::api", "centre::api", "orgunit::api", "platform::api", "review::api", "shared"})
package vn.xhht.plan;
