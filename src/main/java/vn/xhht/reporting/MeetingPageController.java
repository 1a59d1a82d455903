package vn.xhht.reporting;

import java.time.LocalDate;
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
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.VietnamClock;

/** Quarterly briefing meetings and their minutes (R32). */
@Controller
class MeetingPageController {

    private final BriefingMeetings meetings;
    private final OrgUnitDirectory units;
    private final MessageSource messages;
    private final VietnamClock clock;

    MeetingPageController(BriefingMeetings meetings, OrgUnitDirectory units, MessageSource messages, VietnamClock clock) {
        this.clock = clock;
        this.meetings = meetings;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/reports/meetings")
    String list(Model model) {
        return page(model, null, Map.of());
    }

    String page(Model model, BriefingMeetings.Form form, Map<String, String> errors) {
        CurrentUser user = CurrentUsers.require();
        OrgUnit unit = units.require(user.unitId());
        model.addAttribute("unit", unit);
        model.addAttribute("meetings", meetings.list(user, unit.id()));
        model.addAttribute("canRecord", unit.level() >= OrgUnit.PROVINCE && unit.level() <= OrgUnit.DISTRICT
                && (user.role() == Role.PROVINCE_OFFICER || user.role() == Role.DISTRICT_OFFICER));
        LocalDate today = clock.today();
        model.addAttribute("form", form != null ? form : new BriefingMeetings.Form(today.getYear() + "Q" + ((today.getMonthValue() - 1) / 3 + 1),
                today, null, null, null, null));
        model.addAttribute("errors", errors);
        model.addAttribute("quarters", ReportPeriods.standardChoices(clock.today(), true));
        return "reports/meetings";
    }

    @PostMapping("/reports/meetings")
    String record(@RequestParam(required = false) String periodCode, @RequestParam(required = false) LocalDate heldOn,
                  @RequestParam(required = false) String place, @RequestParam(required = false) String chair,
                  @RequestParam(required = false) String attendees, @RequestParam(required = false) String minutes,
                  Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        BriefingMeetings.Form f = new BriefingMeetings.Form(periodCode, heldOn, place, chair, attendees, minutes);
        try {
            meetings.record(user, user.unitId(), f);
            redirect.addFlashAttribute("ok", messages.getMessage("meeting.saved", null, LocaleContextHolder.getLocale()));
            return "redirect:/reports/meetings";
        } catch (InvalidInputProblem e) {
            return page(model, f, FormErrors.of(e, messages));
        }
    }
}
