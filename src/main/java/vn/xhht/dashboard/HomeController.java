package vn.xhht.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.platform.Navigation;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;

/** Home dashboard: for now, per role, the entry points the role can use and the user's unit. */
@Controller
class HomeController {

    private final OrgUnitDirectory units;
    private final vn.xhht.plan.PlanService plans;
    private final Navigation navigation;
    private final java.util.List<vn.xhht.platform.HomeAlertSource> alertSources;

    HomeController(OrgUnitDirectory units, vn.xhht.plan.PlanService plans, Navigation navigation,
            java.util.List<vn.xhht.platform.HomeAlertSource> alertSources) {
        this.units = units;
        this.plans = plans;
        this.navigation = navigation;
        this.alertSources = alertSources;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("roleKey", user.role().labelKey());
        model.addAttribute("myUnit", units.find(user.unitId()).orElse(null));
        model.addAttribute("tiles", navigation.forUser(user).stream().skip(1).toList());
        java.time.LocalDate today = java.time.LocalDate.now();
        model.addAttribute("tasks", plans.tasksFor(user, today.withDayOfMonth(1), today.plusMonths(1).withDayOfMonth(1)));
        java.util.List<vn.xhht.platform.HomeAlert> alerts = new java.util.ArrayList<>();
        for (vn.xhht.platform.HomeAlertSource source : alertSources) {
            alerts.addAll(source.alertsFor(user, today));
        }
        alerts.sort(java.util.Comparator.comparing(vn.xhht.platform.HomeAlert::severity).reversed());
        model.addAttribute("alerts", alerts);
        return "home";
    }
}
