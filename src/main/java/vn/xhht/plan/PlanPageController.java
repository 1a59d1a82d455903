package vn.xhht.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
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

import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.platform.FormErrors;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

@Controller
class PlanPageController {

    private final PlanService plans;
    private final ReviewWorkflow reviews;
    private final OrgUnitDirectory units;
    private final MessageSource messages;
    private final vn.xhht.centre.LearningNeeds needs;
    private final VietnamClock clock;

    PlanPageController(PlanService plans, ReviewWorkflow reviews, OrgUnitDirectory units, MessageSource messages,
                       vn.xhht.centre.LearningNeeds needs, VietnamClock clock) {
        this.needs = needs;
        this.plans = plans;
        this.reviews = reviews;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    /** The plans of a unit (a commune's centre or an office) and the form to start next year's. */
    @GetMapping("/plans")
    String list(@RequestParam(required = false) Long unitId, Model model) {
        CurrentUser user = CurrentUsers.require();
        long unit = unitId == null ? user.unitId() : unitId;
        model.addAttribute("unit", units.requireReadable(user, unit));
        model.addAttribute("plans", plans.ofOwner(user, unit));
        model.addAttribute("canCreate", units.canWrite(user, unit));
        model.addAttribute("nextYear", clock.today().getMonthValue() >= 6 ? clock.today().getYear() + 1 : clock.today().getYear());
        return "plans/list";
    }

    @PostMapping("/plans")
    String create(@RequestParam long unitId, @RequestParam(required = false) Integer planYear,
                  @RequestParam(defaultValue = "false") boolean copyLastYear, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        try {
            if (planYear == null) {
                throw new InvalidInputProblem("planYear", "plan.year.required");
            }
            Plan p = plans.create(user, unitId, planYear, copyLastYear);
            return "redirect:/plans/" + p.id();
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
            return "redirect:/plans?unitId=" + unitId;
        }
    }

    @GetMapping("/plans/{id}")
    String plan(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Plan p = plans.require(user, id);
        return render(model, user, p, plans.input(p), Map.of());
    }

    private String render(Model model, CurrentUser user, Plan p, PlanService.PlanInput form, Map<String, String> errors) {
        long id = p.id();
        model.addAttribute("plan", p);
        model.addAttribute("form", form);
        model.addAttribute("history", reviews.history(PlanService.SUBJECT, id));
        model.addAttribute("canEdit", units.canWrite(user, p.ownerUnitId()) && p.review().editable());
        model.addAttribute("canSubmit", reviews.canSubmit(user, p.review()));
        model.addAttribute("canDecide", reviews.canDecide(user, p.review()));
        model.addAttribute("late", p.review().late(clock.today()));
        model.addAttribute("needs", p.centreId() == null ? java.util.List.of() : needs.summary(user, p.centreId()));
        LocalDate start = "SCHOOL".equals(p.yearKind()) ? LocalDate.of(p.planYear(), 9, 1) : LocalDate.of(p.planYear(), 1, 1);
        model.addAttribute("months", java.util.stream.IntStream.range(0, 12).mapToObj(i -> YearMonth.from(start.plusMonths(i))).toList());
        if (!model.containsAttribute("errors") || !errors.isEmpty()) {
            model.addAttribute("errors", errors);
        }
        return "plans/plan";
    }

    /** The plan page's single form, as typed; a malformed key or number is ignored (a bad version is a stale form). */
    private static PlanService.PlanInput input(Map<String, String> form) {
        Map<Long, String> targets = new java.util.LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("target_")) {
                Long id = number(k.substring(7));
                if (id != null) {
                    targets.put(id, v);
                }
            }
        });
        return new PlanService.PlanInput(form.get("direction"), form.get("tasks"), form.get("solutions"), targets,
                form.get("label"), form.get("newTarget"), form.get("unit"), form.get("month"), form.get("activity"),
                form.get("leadUnit"), form.get("coordinating"), form.get("note"), number(form.get("deleteRow")), number(form.get("version")));
    }

    private static Long number(String s) {
        try {
            return blank(s) ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Saves everything on the plan page at once; on a broken rule nothing is written and the page shows what was typed. */
    @PostMapping("/plans/{id}/save")
    String saveAll(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes r) {
        CurrentUser user = CurrentUsers.require();
        PlanService.PlanInput in = input(form);
        try {
            plans.saveAll(user, id, in);
        } catch (InvalidInputProblem e) {
            model.addAttribute("error", messages.getMessage("form.fixErrors", null, LocaleContextHolder.getLocale()));
            return render(model, user, plans.require(user, id), in, FormErrors.of(e, messages));
        }
        r.addFlashAttribute("ok", messages.getMessage(in.addsRow() ? "plan.rowAdded" : "plan.saved", null, LocaleContextHolder.getLocale()));
        return "redirect:/plans/" + id;
    }

    @PostMapping("/plans/{id}/text")
    String text(@PathVariable long id, @RequestParam(required = false) String direction, @RequestParam(required = false) String tasks,
                @RequestParam(required = false) String solutions, @RequestParam(required = false) Long version, RedirectAttributes r) {
        return act(id, r, () -> plans.updateText(CurrentUsers.require(), id, direction, tasks, solutions, version), "plan.saved");
    }

    @PostMapping("/plans/{id}/targets")
    String target(@PathVariable long id, @RequestParam(required = false) Long targetId, @RequestParam(required = false) String label,
                  @RequestParam(required = false) String unit, @RequestParam(required = false) BigDecimal target, RedirectAttributes r) {
        return act(id, r, () -> plans.setTarget(CurrentUsers.require(), id, targetId, label, unit, target), "plan.saved");
    }

    @PostMapping("/plans/{id}/rows")
    String row(@PathVariable long id, @RequestParam(required = false) String month, @RequestParam(required = false) String activity,
               @RequestParam(required = false) String leadUnit, @RequestParam(required = false) String coordinating,
               @RequestParam(required = false) String note, RedirectAttributes r) {
        return act(id, r, () -> plans.addRow(CurrentUsers.require(), id, (month == null || month.isBlank() ? null : vn.xhht.shared.InputRules.month("month", month).atDay(1)),
                activity, leadUnit, coordinating, note), "plan.rowAdded");
    }

    @PostMapping("/plans/{id}/rows/{rowId}/delete")
    String deleteRow(@PathVariable long id, @PathVariable long rowId, RedirectAttributes r) {
        return act(id, r, () -> plans.removeRow(CurrentUsers.require(), id, rowId), "plan.rowRemoved");
    }

    /**
     * "Trình duyệt" saves what is on the page first (kept even when the plan cannot be submitted yet), then submits.
     * A post without the page's fields (an older client) only submits.
     */
    @PostMapping("/plans/{id}/submit")
    String submit(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes r) {
        CurrentUser user = CurrentUsers.require();
        if (form.containsKey("version")) {
            PlanService.PlanInput in = input(form);
            try {
                plans.saveAll(user, id, in);
            } catch (InvalidInputProblem e) {
                model.addAttribute("error", messages.getMessage("form.fixErrors", null, LocaleContextHolder.getLocale()));
                return render(model, user, plans.require(user, id), in, FormErrors.of(e, messages));
            }
        }
        try {
            plans.submit(user, id);
            r.addFlashAttribute("ok", messages.getMessage("plan.submitted", null, LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            Map<String, String> errors = FormErrors.of(e, messages);
            r.addFlashAttribute("errors", errors);
            r.addFlashAttribute("error", (form.containsKey("version")
                    ? messages.getMessage("plan.savedNotSubmitted", null, LocaleContextHolder.getLocale()) + " " : "")
                    + errors.values().iterator().next());
        }
        return "redirect:/plans/" + id;
    }

    @PostMapping("/plans/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes r) {
        return act(id, r, () -> plans.approve(CurrentUsers.require(), id, comment), "plan.approved");
    }

    @PostMapping("/plans/{id}/return")
    String returnPlan(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes r) {
        return act(id, r, () -> plans.returnWithComment(CurrentUsers.require(), id, comment), "plan.returned");
    }

    /** The office's board: which units below have submitted their plan for the year, late or not. */
    @GetMapping("/plans/board")
    String board(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long unitId, Model model) {
        CurrentUser user = CurrentUsers.require();
        long unit = unitId == null ? user.unitId() : unitId;
        var u = units.requireReadable(user, unit);
        // open on the year whose plans wait for a decision (next year's plans are submitted this year), not blindly on this year
        List<Integer> waiting = plans.yearsWaitingReview(unit);
        int thisYear = clock.today().getYear();
        int y = year != null ? year : waiting.isEmpty() || waiting.contains(thisYear) ? thisYear
                : waiting.stream().filter(w -> w > thisYear).findFirst().orElse(waiting.get(waiting.size() - 1));
        model.addAttribute("otherWaitingYears", waiting.stream().filter(w -> w != y).toList());
        model.addAttribute("unit", u);
        model.addAttribute("year", y);
        boolean province = u.level() == vn.xhht.orgunit.OrgUnit.PROVINCE;
        model.addAttribute("canConfigure", province && units.canWrite(user, unit)
                && (user.role() == vn.xhht.shared.Role.SYSTEM_ADMIN || user.role() == vn.xhht.shared.Role.PROVINCE_OFFICER));
        model.addAttribute("yearKind", province ? plans.yearKind(unit) : null);
        model.addAttribute("dueDate", province ? plans.dueDate(unit, y) : null);
        var lines = plans.board(user, unit, y);
        model.addAttribute("lines", lines);
        model.addAttribute("counts", Map.of(
                "approved", lines.stream().filter(l -> l.status() == vn.xhht.review.Review.Status.APPROVED).count(),
                "submitted", lines.stream().filter(l -> l.status() == vn.xhht.review.Review.Status.SUBMITTED).count(),
                "missing", lines.stream().filter(l -> l.status() == null || l.status() == vn.xhht.review.Review.Status.DRAFT
                        || l.status() == vn.xhht.review.Review.Status.RETURNED).count(),
                "late", lines.stream().filter(PlanService.BoardLine::late).count()));
        return "plans/board";
    }

    @PostMapping("/plans/settings")
    String settings(@RequestParam long provinceId, @RequestParam(required = false) String yearKind,
                    @RequestParam(required = false) Integer year,
                    @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate dueDate,
                    RedirectAttributes r) {
        try {
            plans.configure(CurrentUsers.require(), provinceId, yearKind, year, dueDate);
            r.addFlashAttribute("ok", messages.getMessage("plan.settingsSaved", null, LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
        }
        return "redirect:/plans/board?unitId=" + provinceId + (year == null ? "" : "&year=" + year);
    }

    private String act(long id, RedirectAttributes r, Runnable action, String okKey) {
        try {
            action.run();
            r.addFlashAttribute("ok", messages.getMessage(okKey, null, LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("errors", FormErrors.of(e, messages));
            r.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
        }
        return "redirect:/plans/" + id;
    }
}
