package vn.xhht.outreach;

import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.centre.ActivityDisruptions;
import vn.xhht.centre.CentreRegistry;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/** Contingency pages: the scenarios of the area with a form; one scenario with its activations and affected activities. */
@Controller
class ContingencyPageController {

    private final Contingency contingency;
    private final CentreRegistry centres;
    private final MessageSource messages;
    private final VietnamClock clock;

    ContingencyPageController(Contingency contingency, CentreRegistry centres, MessageSource messages, VietnamClock clock) {
        this.contingency = contingency;
        this.centres = centres;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/outreach/contingency")
    String list(Model model) {
        return listPage(model, CurrentUsers.require(), Map.of(), Map.of());
    }

    @PostMapping("/outreach/contingency")
    String save(@RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        try {
            Long centreId = Typed.id("centreId", p.get("centreId"));
            long id = contingency.save(user, new Contingency.Form(centreId == null ? user.unitId() : null, centreId,
                    InputRules.choice("hazard", Contingency.Hazard.class, p.get("hazard")),
                    InputRules.choice("action", ActivityDisruptions.Action.class, p.get("action")), p.get("altVenue"), p.get("decider"),
                    p.get("note"), Typed.id("version", p.get("version"))));
            redirect.addFlashAttribute("ok", text("outreach.scenario.saved"));
            return "redirect:/outreach/contingency/" + id;
        } catch (InvalidInputProblem e) {
            return listPage(model, user, p, FormErrors.of(e, messages));
        }
    }

    @GetMapping("/outreach/contingency/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) Long activation, Model model) {
        CurrentUser user = CurrentUsers.require();
        return page(model, user, contingency.get(user, id), activation, Map.of(), Map.of());
    }

    @PostMapping("/outreach/contingency/{id}/activate")
    String activate(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Contingency.Scenario s = contingency.get(user, id);
        try {
            long a = contingency.activate(user, id, new Contingency.ActivationForm(InputRules.date("startsOn", p.get("startsOn")),
                    InputRules.date("endsOn", p.get("endsOn")), p.get("reason")));
            redirect.addFlashAttribute("ok", text("outreach.activation.saved"));
            return "redirect:/outreach/contingency/" + id + "?activation=" + a + "#affected";
        } catch (InvalidInputProblem e) {
            return page(model, user, s, null, p, FormErrors.of(e, messages));
        }
    }

    private String listPage(Model model, CurrentUser user, Map<String, String> typed, Map<String, String> errors) {
        model.addAttribute("scenarios", contingency.list(user));
        model.addAttribute("centres", centres.choices(user, clock.today(), 2000));
        model.addAttribute("hazards", Contingency.Hazard.values());
        model.addAttribute("actions", ActivityDisruptions.Action.values());
        model.addAttribute("t", typed);
        model.addAttribute("errors", errors);
        return "outreach/contingency";
    }

    private String page(Model model, CurrentUser user, Contingency.Scenario s, Long activation, Map<String, String> typed, Map<String, String> errors) {
        Long shown = activation != null ? activation : s.activations().isEmpty() ? null : s.activations().get(0).id();
        model.addAttribute("s", s);
        model.addAttribute("canEdit", contingency.canEdit(user, s));
        model.addAttribute("shown", shown);
        model.addAttribute("affected", shown == null ? java.util.List.of() : contingency.affected(user, s.id(), shown));
        model.addAttribute("t", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("today", clock.today());
        return "outreach/scenario";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
