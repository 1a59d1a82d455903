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

import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/** Border cooperation pages: posts with their communes and the programmes; one programme with models and schedule. */
@Controller
class CooperationPageController {

    private final BorderCooperation coop;
    private final OrgUnitDirectory units;
    private final MessageSource messages;
    private final VietnamClock clock;

    CooperationPageController(BorderCooperation coop, OrgUnitDirectory units, MessageSource messages, VietnamClock clock) {
        this.coop = coop;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/outreach/cooperation")
    String home(Model model) {
        return home(model, CurrentUsers.require(), Map.of(), Map.of(), "");
    }

    @PostMapping("/outreach/cooperation/posts")
    String createPost(@RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        try {
            coop.createPost(user, user.unitId(), p.get("name"), p.get("address"));
            redirect.addFlashAttribute("ok", text("outreach.post.saved"));
            return "redirect:/outreach/cooperation";
        } catch (InvalidInputProblem e) {
            return home(model, user, p, FormErrors.of(e, messages), "post");
        }
    }

    @PostMapping("/outreach/cooperation/posts/{id}/communes")
    String cover(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        coop.post(user, id);
        try {
            coop.cover(user, id, Typed.id("communeId", p.get("communeId")), InputRules.date("validFrom", p.get("validFrom")),
                    InputRules.date("validTo", p.get("validTo")));
            redirect.addFlashAttribute("ok", text("outreach.post.covered"));
            return "redirect:/outreach/cooperation#post-" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("coverPost", id);
            return home(model, user, p, FormErrors.of(e, messages), "cover");
        }
    }

    @PostMapping("/outreach/cooperation/programmes")
    String createProgramme(@RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        try {
            long id = coop.createProgramme(user, programmeForm(p, user.unitId(), null));
            redirect.addFlashAttribute("ok", text("outreach.programme.saved"));
            return "redirect:/outreach/cooperation/programmes/" + id;
        } catch (InvalidInputProblem e) {
            return home(model, user, p, FormErrors.of(e, messages), "programme");
        }
    }

    @GetMapping("/outreach/cooperation/programmes/{id}")
    String programme(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        return programmePage(model, user, coop.programme(user, id), Map.of(), Map.of(), "");
    }

    @PostMapping("/outreach/cooperation/programmes/{id}")
    String updateProgramme(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        BorderCooperation.Programme pr = coop.programme(user, id);
        try {
            coop.updateProgramme(user, id, programmeForm(p, pr.unitId(), Typed.id("version", p.get("version"))));
            redirect.addFlashAttribute("ok", text("outreach.programme.saved"));
            return "redirect:/outreach/cooperation/programmes/" + id;
        } catch (InvalidInputProblem e) {
            return programmePage(model, user, pr, p, FormErrors.of(e, messages), "programme");
        }
    }

    @PostMapping("/outreach/cooperation/programmes/{id}/models")
    String addModel(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        BorderCooperation.Programme pr = coop.programme(user, id);
        try {
            coop.addModel(user, id, new BorderCooperation.ModelForm(InputRules.choice("kind", BorderCooperation.ModelKind.class, p.get("kind")),
                    p.get("name"), Typed.id("postId", p.get("postId")), Typed.id("communeId", p.get("communeId")),
                    Typed.integer("year", p.get("year")), Typed.integer("children", p.get("children")), Typed.integer("households", p.get("households"))));
            redirect.addFlashAttribute("ok", text("outreach.model.saved"));
            return "redirect:/outreach/cooperation/programmes/" + id + "#models";
        } catch (InvalidInputProblem e) {
            return programmePage(model, user, pr, p, FormErrors.of(e, messages), "model");
        }
    }

    @PostMapping("/outreach/cooperation/programmes/{id}/schedule")
    String addSchedule(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        BorderCooperation.Programme pr = coop.programme(user, id);
        try {
            coop.addScheduleItem(user, id, new BorderCooperation.ScheduleForm(Typed.id("postId", p.get("postId")),
                    InputRules.date("heldOn", p.get("heldOn")), p.get("title"), Typed.id("communeId", p.get("communeId"))));
            redirect.addFlashAttribute("ok", text("outreach.schedule.saved"));
            return "redirect:/outreach/cooperation/programmes/" + id + "#schedule";
        } catch (InvalidInputProblem e) {
            return programmePage(model, user, pr, p, FormErrors.of(e, messages), "schedule");
        }
    }

    private static BorderCooperation.ProgrammeForm programmeForm(Map<String, String> p, long unitId, Long version) {
        return new BorderCooperation.ProgrammeForm(unitId, p.get("number"), p.get("title"), p.get("parties"),
                InputRules.date("startsOn", p.get("startsOn")), InputRules.date("endsOn", p.get("endsOn")), version);
    }

    private String home(Model model, CurrentUser user, Map<String, String> typed, Map<String, String> errors, String failed) {
        model.addAttribute("posts", coop.posts(user));
        model.addAttribute("programmes", coop.programmes(user));
        model.addAttribute("canEdit", coop.canEdit(user, user.unitId()));
        model.addAttribute("communes", borderCommunes(user));
        model.addAttribute("t", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("failed", failed);
        model.addAttribute("today", clock.today());
        return "outreach/cooperation";
    }

    private String programmePage(Model model, CurrentUser user, BorderCooperation.Programme pr, Map<String, String> typed,
                                 Map<String, String> errors, String failed) {
        model.addAttribute("pr", pr);
        model.addAttribute("canEdit", coop.canEdit(user, pr.unitId()));
        model.addAttribute("posts", coop.posts(user));
        model.addAttribute("communes", borderCommunes(user));
        model.addAttribute("kinds", BorderCooperation.ModelKind.values());
        model.addAttribute("t", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("failed", failed);
        model.addAttribute("year", clock.year());
        return "outreach/programme";
    }

    /** Border communes of the user's area valid today: the only communes a post covers. */
    private java.util.List<vn.xhht.orgunit.OrgUnit> borderCommunes(CurrentUser user) {
        return units.search(user, clock.today(), vn.xhht.orgunit.OrgUnit.COMMUNE, null, null, 5000).stream()
                .filter(vn.xhht.orgunit.OrgUnit::borderCommune).toList();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
