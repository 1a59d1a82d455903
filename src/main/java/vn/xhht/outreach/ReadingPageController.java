package vn.xhht.outreach;

import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/** Reading culture of an office's area: every centre's bookcase in one view, the counted activities and the office's plan. */
@Controller
class ReadingPageController {

    private final ReadingCulture reading;
    private final OrgUnitDirectory units;
    private final MessageSource messages;
    private final VietnamClock clock;

    ReadingPageController(ReadingCulture reading, OrgUnitDirectory units, MessageSource messages, VietnamClock clock) {
        this.reading = reading;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/outreach/reading")
    String show(@RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        return page(model, user, year == null ? clock.year() : year, null, Map.of());
    }

    @PostMapping("/outreach/reading/plan")
    String savePlan(@RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Integer year = null;
        try {
            year = Typed.integer("year", p.get("year"));
            reading.savePlan(user, user.unitId(), year, p.get("content"), Typed.id("version", p.get("version")));
            redirect.addFlashAttribute("ok", messages.getMessage("outreach.reading.saved", null, LocaleContextHolder.getLocale()));
            return "redirect:/outreach/reading?year=" + year;
        } catch (InvalidInputProblem e) {
            return page(model, user, year == null || year < 2000 || year > 2100 ? clock.year() : year, p.get("content"), FormErrors.of(e, messages));
        }
    }

    // "planText", not "content": the layout's fragment parameter is called content and would shadow it
    private String page(Model model, CurrentUser user, int year, String typed, Map<String, String> errors) {
        ReadingCulture.Overview o = reading.overview(user, user.unitId(), year);
        model.addAttribute("year", year);
        model.addAttribute("unit", units.require(user.unitId()));
        model.addAttribute("o", o);
        model.addAttribute("months", java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(m -> java.time.YearMonth.of(year, m)).toList());
        model.addAttribute("canEdit", reading.canEdit(user, user.unitId()));
        model.addAttribute("planText", typed != null ? typed : o.plan() == null ? "" : o.plan().content());
        model.addAttribute("errors", errors);
        return "outreach/reading";
    }
}
