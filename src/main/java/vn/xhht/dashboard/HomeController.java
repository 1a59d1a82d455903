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

    HomeController(OrgUnitDirectory units, vn.xhht.plan.PlanService plans) {
        this.units = units;
        this.plans = plans;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("roleKey", user.role().labelKey());
        model.addAttribute("myUnit", units.find(user.unitId()).orElse(null));
        model.addAttribute("tiles", Navigation.forUser(user).stream().skip(1).toList());
        java.time.LocalDate today = java.time.LocalDate.now();
        model.addAttribute("tasks", plans.tasksFor(user, today.withDayOfMonth(1), today.plusMonths(1).withDayOfMonth(1)));
        return "home";
    }
}
