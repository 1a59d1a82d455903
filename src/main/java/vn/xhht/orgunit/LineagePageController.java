package vn.xhht.orgunit;

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
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;

/** The administrator's list of units of 2019-2025 whose successor is not known yet, and the form that records it. */
@Controller
class LineagePageController {

    /** What was typed into one row's form, kept when it is refused. */
    record LineageForm(long unitId, String successorCode, String coverage, String legalBasis) {
    }

    private final LineageGaps gaps;
    private final MessageSource messages;

    LineagePageController(LineageGaps gaps, MessageSource messages) {
        this.gaps = gaps;
        this.messages = messages;
    }

    @GetMapping("/admin/unit-lineage")
    String list(Model model) {
        return page(model, null, Map.of());
    }

    @PostMapping("/admin/unit-lineage/{id}")
    String complete(@PathVariable long id, @RequestParam(required = false) String successorCode,
                    @RequestParam(required = false) String coverage, @RequestParam(required = false) String legalBasis,
                    Model model, RedirectAttributes redirect) {
        try {
            Succession s = gaps.complete(CurrentUsers.require(), id, successorCode, coverage, legalBasis);
            redirect.addFlashAttribute("ok", messages.getMessage("lineage.saved", new Object[]{s.unit().name()},
                    LocaleContextHolder.getLocale()));
            return "redirect:/admin/unit-lineage";
        } catch (InvalidInputProblem e) {
            return page(model, new LineageForm(id, successorCode, coverage, legalBasis), FormErrors.of(e, messages));
        }
    }

    private String page(Model model, LineageForm form, Map<String, String> errors) {
        model.addAttribute("gaps", gaps.open());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/unit-lineage";
    }
}
