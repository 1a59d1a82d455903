package vn.xhht.orgunit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;

/** Saves, in one go, which successor each hamlet of a split commune went to (the form on the unit's page). */
@Controller
class HamletAssignmentController {

    private final HamletAssignments assignments;
    private final MessageSource messages;

    HamletAssignmentController(HamletAssignments assignments, MessageSource messages) {
        this.assignments = assignments;
        this.messages = messages;
    }

    /** Fields: {@code successor_<hamletId>} (a successor id, or empty), {@code version_<hamletId>}, {@code legalBasis}. */
    @PostMapping("/units/{id}/hamlet-successors")
    String save(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        List<HamletAssignments.Choice> choices = new ArrayList<>();
        Map<String, String> typed = new LinkedHashMap<>();
        List<InvalidInputProblem.Violation> bad = new ArrayList<>();
        form.forEach((k, v) -> {
            if (k.startsWith("successor_")) {
                typed.put(k, v);
                try {
                    long hamlet = Long.parseLong(k.substring("successor_".length()));
                    Long successor = v == null || v.isBlank() ? null : Long.valueOf(v.strip());
                    long version = Long.parseLong(form.getOrDefault("version_" + hamlet, "-1").strip());
                    choices.add(new HamletAssignments.Choice(hamlet, successor, version));
                } catch (NumberFormatException e) {
                    bad.add(new InvalidInputProblem.Violation(k, "hamlets.assign.successor.invalid"));
                }
            }
        });
        String legalBasis = form.get("legalBasis");
        typed.put("legalBasis", legalBasis == null ? "" : legalBasis);
        try {
            if (!bad.isEmpty()) {
                throw new InvalidInputProblem(bad);
            }
            int allocated = assignments.assign(CurrentUsers.require(), id, choices, legalBasis);
            redirect.addFlashAttribute("ok", messages.getMessage("hamlets.assign.saved", new Object[]{allocated},
                    LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            // back to the page with what was typed, so nothing is lost
            redirect.addFlashAttribute("assignErrors", FormErrors.of(e, messages));
            redirect.addFlashAttribute("assignForm", typed);
        }
        return "redirect:/units/" + id + "#hamlet-assign";
    }
}
