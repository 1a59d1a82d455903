package vn.xhht.resources;

import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/** Training events of an area and each centre's count against the minimum of its province. */
@Controller
class TrainingPageController {

    private final Trainings trainings;
    private final OrgUnitDirectory units;
    private final MessageSource messages;
    private final VietnamClock clock;

    TrainingPageController(Trainings trainings, OrgUnitDirectory units, MessageSource messages, VietnamClock clock) {
        this.trainings = trainings;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/trainings")
    String list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        long unit = unitId == null ? user.unitId() : unitId;
        int y = year == null ? clock.year() : BudgetYears.checked(year);
        OrgUnit u = units.requireReadable(user, unit);
        model.addAttribute("unit", u);
        model.addAttribute("year", y);
        model.addAttribute("events", trainings.list(user, unit, y));
        model.addAttribute("compliance", trainings.compliance(user, unit, y));
        model.addAttribute("rule", trainings.rule(u.provinceId() == null ? u.id() : u.provinceId(), y));
        model.addAttribute("canCreate", Trainings.ORGANISERS.contains(user.role()) && units.canWrite(user, unit) && u.level() != OrgUnit.NATION);
        model.addAttribute("organisers", Trainings.Organiser.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
            model.addAttribute("errors", Map.of());
        }
        return "trainings/list";
    }

    @PostMapping("/trainings")
    String create(@RequestParam Map<String, String> form, RedirectAttributes r) {
        CurrentUser user = CurrentUsers.require();
        String unit = form.get("unitId");
        try {
            Long unitId = unit == null || unit.isBlank() ? null : Long.valueOf(unit.strip());
            trainings.create(user, new Trainings.Form(unitId, form.get("title"), form.get("topic"),
                    InputRules.date("startDate", form.get("startDate")), InputRules.date("endDate", form.get("endDate")),
                    form.get("organiser"), form.get("venue"), form.get("trainers"), form.get("audience")));
            r.addFlashAttribute("ok", messages.getMessage("training.created", null, LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("form", form);
            r.addFlashAttribute("errors", FormErrors.of(e, messages));
            r.addFlashAttribute("error", messages.getMessage("form.fixErrors", null, LocaleContextHolder.getLocale()));
        } catch (NumberFormatException e) {
            r.addFlashAttribute("error", messages.getMessage("training.unit.required", null, LocaleContextHolder.getLocale()));
        }
        return "redirect:/trainings" + (unit == null || unit.isBlank() ? "" : "?unitId=" + unit.strip().replaceAll("[^0-9]", ""));
    }
}
