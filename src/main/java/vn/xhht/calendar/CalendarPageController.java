package vn.xhht.calendar;

import java.time.LocalDate;
import java.util.List;

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
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/**
 * /calendar: the year's days off and worked Saturdays with their legal basis, and a deadline calculator, for every
 * signed-in user; administrators correct the year against the official notices on the same page.
 */
@Controller
class CalendarPageController {
    private final CalendarStore store;
    private final WorkingDays workingDays;
    private final CalendarAdmin admin;
    private final MessageSource messages;
    private final VietnamClock clock;

    CalendarPageController(CalendarStore store, WorkingDays workingDays, CalendarAdmin admin, MessageSource messages, VietnamClock clock) {
        this.store = store;
        this.workingDays = workingDays;
        this.admin = admin;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) String from,
                @RequestParam(required = false) String days, Model model) {
        CurrentUser user = CurrentUsers.require();
        int y = year == null ? clock.today().getYear() : Math.max(WorkingDays.FIRST_YEAR, Math.min(WorkingDays.LAST_YEAR - 11, year));
        List<CalendarDay> entries = store.year(y);
        model.addAttribute("year", y);
        model.addAttribute("entries", entries);
        model.addAttribute("yearStatuses", store.yearStatuses());
        model.addAttribute("provisionalCount", entries.stream().filter(CalendarDay::provisional).count());
        model.addAttribute("kinds", DayKind.values());
        model.addAttribute("isAdmin", user.isAdmin());
        model.addAttribute("from", from == null ? clock.today().toString() : from);
        model.addAttribute("days", days == null ? "5" : days);
        if (from != null && days != null) {
            try {
                LocalDate start = LocalDate.parse(from.trim());
                int n = Integer.parseInt(days.trim());
                if (n < 1 || n > WorkingDays.MAX_DAYS) {
                    throw new InvalidInputProblem("days", "calendar.error.days", WorkingDays.MAX_DAYS);
                }
                model.addAttribute("result", workingDays.addExplained(start, n));
            } catch (java.time.format.DateTimeParseException e) {
                model.addAttribute("calcErrors", FormErrors.of(new InvalidInputProblem("from", "calendar.error.dateFormat"), messages));
            } catch (NumberFormatException e) {
                model.addAttribute("calcErrors", FormErrors.of(new InvalidInputProblem("days", "calendar.error.days", WorkingDays.MAX_DAYS), messages));
            } catch (InvalidInputProblem e) {
                model.addAttribute("calcErrors", FormErrors.of(e, messages));
            } catch (IllegalArgumentException e) {
                model.addAttribute("calcErrors", FormErrors.of(new InvalidInputProblem("from", "calendar.error.yearRange",
                        WorkingDays.FIRST_YEAR, WorkingDays.LAST_YEAR - 11), messages));
            }
        }
        return "calendar/year";
    }

    @PostMapping("/admin/calendar/days")
    String save(@RequestParam(required = false) Long id, @RequestParam(required = false) Integer version,
                @RequestParam(required = false) String date, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String name, @RequestParam(required = false) String legalBasis,
                @RequestParam(defaultValue = "false") boolean provisional, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        LocalDate d = null;
        int year = clock.today().getYear();
        try {
            d = date == null || date.isBlank() ? null : LocalDate.parse(date.trim());
            if (d != null && (d.getYear() < WorkingDays.FIRST_YEAR || d.getYear() > WorkingDays.LAST_YEAR)) {
                // a day outside the years the calendar covers would generate a whole year of holidays
                throw new InvalidInputProblem("date", "calendar.error.yearRange", WorkingDays.FIRST_YEAR, WorkingDays.LAST_YEAR);
            }
            if (d != null) {
                year = d.getYear();
            }
            DayKind k = vn.xhht.shared.InputRules.choice("kind", DayKind.class, kind);
            admin.save(user, new CalendarAdmin.Entry(id, version, d, k, name, legalBasis, provisional));
            redirect.addFlashAttribute("ok", messages.getMessage("calendar.saved", new Object[]{date}, LocaleContextHolder.getLocale()));
        } catch (java.time.format.DateTimeParseException e) {
            keepForm(redirect, id, date, kind, name, legalBasis, provisional,
                    FormErrors.of(new InvalidInputProblem("date", "calendar.error.dateFormat"), messages));
        } catch (InvalidInputProblem e) {
            keepForm(redirect, id, date, kind, name, legalBasis, provisional, FormErrors.of(e, messages));
        } catch (ConcurrentEditProblem e) {
            keepForm(redirect, id, date, kind, name, legalBasis, provisional,
                    java.util.Map.of("date", messages.getMessage("calendar.error.concurrent", null, LocaleContextHolder.getLocale())));
        }
        return "redirect:/calendar?year=" + year;
    }

    @PostMapping("/admin/calendar/days/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, @RequestParam int year, RedirectAttributes redirect) {
        try {
            admin.delete(CurrentUsers.require(), id, version);
            redirect.addFlashAttribute("ok", messages.getMessage("calendar.deleted", null, LocaleContextHolder.getLocale()));
        } catch (ConcurrentEditProblem e) {
            redirect.addFlashAttribute("problem", messages.getMessage("calendar.error.concurrent", null, LocaleContextHolder.getLocale()));
        }
        return "redirect:/calendar?year=" + year;
    }

    @PostMapping("/admin/calendar/{year}/confirm")
    String confirm(@PathVariable int year, RedirectAttributes redirect) {
        try {
            int n = admin.confirmYear(CurrentUsers.require(), year);
            redirect.addFlashAttribute("ok", messages.getMessage("calendar.confirmed", new Object[]{n, String.valueOf(year)},
                    LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("problem", FormErrors.of(e, messages).values().iterator().next());
        }
        return "redirect:/calendar?year=" + year;
    }

    private static void keepForm(RedirectAttributes redirect, Long id, String date, String kind, String name, String basis,
                                 boolean provisional, java.util.Map<String, String> errors) {
        redirect.addFlashAttribute("errors", errors);
        redirect.addFlashAttribute("form", new Form(id, date, kind, name, basis, provisional));
    }

    /** What the administrator typed, shown again next to the messages. */
    public record Form(Long id, String date, String kind, String name, String legalBasis, boolean provisional)
            implements java.io.Serializable {
    }
}
