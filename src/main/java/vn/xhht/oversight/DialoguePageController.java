package vn.xhht.oversight;

import java.util.LinkedHashMap;
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

import vn.xhht.platform.FormErrors;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/** Dialogues with businesses: the year's list with "thiếu" against the rule, and the form of one dialogue. */
@Controller
class DialoguePageController {

    private final Dialogues dialogues;
    private final MessageSource messages;
    private final VietnamClock clock;

    DialoguePageController(Dialogues dialogues, MessageSource messages, VietnamClock clock) {
        this.dialogues = dialogues;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/oversight/dialogues")
    String list(@RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        int y = year == null || year < 2000 || year > 2100 ? clock.year() : year;
        model.addAttribute("year", y);
        model.addAttribute("dialogues", dialogues.list(user, y));
        model.addAttribute("summary", dialogues.summary(user.unitId(), y));
        model.addAttribute("canRecord", dialogues.canRecord(user, user.unitId()));
        return "oversight/dialogues";
    }

    @GetMapping("/oversight/dialogues/new")
    String newForm(Model model) {
        CurrentUser user = CurrentUsers.require();
        return form(model, null, new Dialogues.Form(user.unitId(), clock.today(), "", "", "", "", null), Map.of(), "", true);
    }

    @GetMapping("/oversight/dialogues/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Dialogues.Dialogue d = dialogues.get(user, id);
        return form(model, d, new Dialogues.Form(d.unitId(), d.heldOn(), d.parties(), d.topics(), d.conclusions(), d.followUps(), d.version()),
                Map.of(), "", dialogues.canRecord(user, d.unitId()));
    }

    @PostMapping({"/oversight/dialogues/new", "/oversight/dialogues/{id}"})
    String save(@PathVariable(required = false) Long id, @RequestParam(required = false) String heldOn,
                @RequestParam(required = false) String parties, @RequestParam(required = false) String topics,
                @RequestParam(required = false) String conclusions, @RequestParam(required = false) String followUps,
                @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Dialogues.Dialogue existing = id == null ? null : dialogues.get(user, id);
        long unit = existing == null ? user.unitId() : existing.unitId();
        Dialogues.Form f = new Dialogues.Form(unit, null, parties, topics, conclusions, followUps, version);
        try {
            f = new Dialogues.Form(unit, InputRules.date("heldOn", heldOn), parties, topics, conclusions, followUps, version);
            long saved = id == null ? dialogues.create(user, f) : id;
            if (id != null) {
                dialogues.update(user, id, f);
            }
            redirect.addFlashAttribute("ok", messages.getMessage("oversight.dialogue.saved", null, LocaleContextHolder.getLocale()));
            return "redirect:/oversight/dialogues/" + saved;
        } catch (InvalidInputProblem e) {
            return form(model, existing, f, FormErrors.of(e, messages), heldOn == null ? "" : heldOn, true);
        } catch (ConcurrentEditProblem e) {
            // what the user typed stays in the form; the message says to reload and compare
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("version", messages.getMessage("error.concurrentEdit", null, LocaleContextHolder.getLocale()));
            return form(model, existing, f, errors, heldOn == null ? "" : heldOn, true);
        }
    }

    private String form(Model model, Dialogues.Dialogue existing, Dialogues.Form f, Map<String, String> errors, String typedDate, boolean canRecord) {
        model.addAttribute("existing", existing);
        model.addAttribute("form", f);
        model.addAttribute("errors", errors);
        model.addAttribute("typedDate", typedDate);
        model.addAttribute("canRecord", canRecord);
        return "oversight/dialogue";
    }
}
