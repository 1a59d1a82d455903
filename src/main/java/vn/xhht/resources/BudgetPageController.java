package vn.xhht.resources;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.centre.Centre;
import vn.xhht.centre.CentreRegistry;
import vn.xhht.document.Downloads;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.platform.FormErrors;
import vn.xhht.review.Review;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/** The budget pages: a centre's years, one budget with its lines and decisions, the summary over a unit. */
@Controller
class BudgetPageController {

    private final BudgetService budgets;
    private final BudgetSummaries summaries;
    private final BudgetRules rules;
    private final CentreRegistry centres;
    private final ReviewWorkflow reviews;
    private final OrgUnitDirectory units;
    private final MessageSource messages;
    private final VietnamClock clock;
    private final SpendingCheck spendingCheck;
    private final BudgetDocuments documents;
    private final vn.xhht.document.DocumentRenderer renderer;
    private final BudgetLinks links;
    private final SpendingCheckSummary checkSummary;

    BudgetPageController(BudgetService budgets, BudgetSummaries summaries, BudgetRules rules, CentreRegistry centres,
                         ReviewWorkflow reviews, OrgUnitDirectory units, MessageSource messages,
                         VietnamClock clock, SpendingCheck spendingCheck, BudgetDocuments documents,
                         vn.xhht.document.DocumentRenderer renderer, BudgetLinks links, SpendingCheckSummary checkSummary) {
        this.checkSummary = checkSummary;
        this.links = links;
        this.spendingCheck = spendingCheck;
        this.documents = documents;
        this.renderer = renderer;
        this.budgets = budgets;
        this.summaries = summaries;
        this.rules = rules;
        this.centres = centres;
        this.reviews = reviews;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    /** The signed-in commune's own centre, or the summary for the offices above. */
    @GetMapping("/budgets")
    String mine() {
        CurrentUser user = CurrentUsers.require();
        return centres.ofCommune(user.unitId()).map(c -> "redirect:/centres/" + c.id() + "/budgets")
                .orElse("redirect:/budgets/summary");
    }

    @GetMapping("/centres/{id}/budgets")
    String list(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Centre c = centres.require(user, id);
        model.addAttribute("centre", c);
        model.addAttribute("budgets", budgets.ofCentre(user, id));
        model.addAttribute("canCreate", BudgetService.KEEPERS.contains(user.role()) && units.canWrite(user, c.communeId()));
        model.addAttribute("nextYear", clock.today().getMonthValue() >= 7 ? clock.year() + 1 : clock.year());
        return "budgets/list";
    }

    @PostMapping("/centres/{id}/budgets")
    String create(@PathVariable long id, @RequestParam(required = false) String year, RedirectAttributes r) {
        CurrentUser user = CurrentUsers.require();
        try {
            Integer y = year == null || year.isBlank() ? null : parseYear(year);
            Budget b = budgets.create(user, id, y);
            r.addFlashAttribute("ok", msg("budget.created"));
            return "redirect:/budgets/" + b.id();
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
            return "redirect:/centres/" + id + "/budgets";
        }
    }

    private static Integer parseYear(String raw) {
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputProblem("year", "budget.year.range", 2100);
        }
    }

    @GetMapping("/budgets/{id}")
    String budget(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        return render(model, user, budgets.require(user, id), Map.of(), Map.of());
    }

    private String render(Model model, CurrentUser user, Budget b, Map<String, String> form, Map<String, String> errors) {
        Review review = budgets.review(b.id());
        Centre c = centres.find(b.centreId()).orElseThrow();
        model.addAttribute("budget", b);
        model.addAttribute("check", spendingCheck.check(user, b.id()));
        model.addAttribute("review", review);
        model.addAttribute("history", reviews.history(BudgetService.SUBJECT, b.id()));
        model.addAttribute("canKeep", budgets.canKeep(user, b) && !b.settlementLocked());
        model.addAttribute("canSubmit", budgets.canSubmit(user, b));
        model.addAttribute("canDecide", budgets.canDecide(user, b));
        model.addAttribute("canLock", budgets.canKeep(user, b) && !b.settlementLocked() && review.status() == Review.Status.APPROVED);
        model.addAttribute("estimateOpen", review.editable());
        model.addAttribute("totalsOnly", b.lines() == null);
        model.addAttribute("categories", rules.categories());
        model.addAttribute("sources", Budget.Source.values());
        model.addAttribute("stages", review.editable() ? List.of(Budget.Stage.ESTIMATE)
                : List.of(Budget.Stage.ALLOCATION, Budget.Stage.RECEIPT, Budget.Stage.SPENDING, Budget.Stage.SETTLEMENT));
        model.addAttribute("deadlines", rules.deadlines(c.provinceId(), b.year()));
        model.addAttribute("supportLevels", rules.supportLevels(b.year()));
        BudgetLinks.Options options = b.lines() == null ? new BudgetLinks.Options(Map.of(), Map.of(), Map.of(), Map.of())
                : links.options(user, b);
        model.addAttribute("linkOptions", options);
        model.addAttribute("linkLabels", b.lines() == null ? Map.of() : links.labels(user, b, options));
        Map<String, String> hrefs = new LinkedHashMap<>();
        if (b.lines() != null) {
            b.lines().stream().map(Budget.Line::link).filter(java.util.Objects::nonNull).filter(l -> links.canOpen(user, l))
                    .forEach(l -> hrefs.put(l.key(), BudgetLinks.href(l, b.centreId())));
        }
        model.addAttribute("linkHrefs", hrefs);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "budgets/budget";
    }

    @PostMapping("/budgets/{id}/lines")
    String addLine(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes r) {
        CurrentUser user = CurrentUsers.require();
        try {
            Budget.Link link = parseLink(form.get("link"));
            Long activity = link != null && link.kind() == Budget.LinkKind.ACTIVITY ? link.id() : null;
            Long lesson = link != null && link.kind() == Budget.LinkKind.CLASS ? link.id() : null;
            Long training = link != null && link.kind() == Budget.LinkKind.TRAINING ? link.id() : null;
            Long asset = link != null && link.kind() == Budget.LinkKind.ASSET ? link.id() : null;
            budgets.addLine(user, id, new BudgetService.LineInput(form.get("stage"), form.get("source"), form.get("category"),
                    form.get("amountVnd"), form.get("date"), activity, form.get("description"), lesson, training, asset));
        } catch (InvalidInputProblem e) {
            model.addAttribute("error", msg("form.fixErrors"));
            Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(e, messages));
            // the page has one "used for" list for the four kinds of link
            for (String f : List.of("activityId", "classId", "trainingId", "assetId")) {
                String m = errors.remove(f);
                if (m != null) {
                    errors.putIfAbsent("link", m);
                }
            }
            return render(model, user, budgets.require(user, id), form, errors);
        }
        r.addFlashAttribute("ok", msg("budget.lineAdded"));
        return "redirect:/budgets/" + id;
    }

    /** "ACTIVITY:12" from the page's list; anything else is refused on that list. */
    private static Budget.Link parseLink(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String[] parts = raw.strip().split(":", 2);
        try {
            return new Budget.Link(Budget.LinkKind.valueOf(parts[0]), Long.parseLong(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidInputProblem("link", "budget.link.unknown");
        }
    }

    /** The budget's lines with what each paid for, as .xlsx. */
    @GetMapping("/budgets/{id}/lines.xlsx")
    void linesXlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        Budget b = budgets.require(user, id);
        Map<String, String> names = new LinkedHashMap<>();
        for (Budget.Stage s : Budget.Stage.values()) {
            names.put("stage." + s.name(), msg("budget.stage." + s.name()));
        }
        for (Budget.Source s : Budget.Source.values()) {
            names.put("source." + s.name(), msg("budget.source." + s.name()));
        }
        for (Budget.LinkKind k : Budget.LinkKind.values()) {
            names.put("link." + k.name(), msg("budget.link.kind." + k.name()));
        }
        Downloads.attachment(response, Downloads.Format.XLSX, "ngan-sach-" + b.year() + "-trung-tam-" + b.centreId());
        links.writeLinesXlsx(user, b, response.getOutputStream(), names);
    }

    @PostMapping("/budgets/{id}/lines/{lineId}/delete")
    String removeLine(@PathVariable long id, @PathVariable long lineId, RedirectAttributes r) {
        return act(id, r, () -> budgets.removeEstimateLine(CurrentUsers.require(), id, lineId), "budget.lineRemoved");
    }

    @PostMapping("/budgets/{id}/submit")
    String submit(@PathVariable long id, RedirectAttributes r) {
        return act(id, r, () -> budgets.submit(CurrentUsers.require(), id), "budget.submitted");
    }

    @PostMapping("/budgets/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes r) {
        return act(id, r, () -> budgets.approve(CurrentUsers.require(), id, comment), "budget.approved");
    }

    @PostMapping("/budgets/{id}/return")
    String returnBudget(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes r) {
        return act(id, r, () -> budgets.returnWithComment(CurrentUsers.require(), id, comment), "budget.returned");
    }

    @PostMapping("/budgets/{id}/settlement")
    String lock(@PathVariable long id, RedirectAttributes r) {
        return act(id, r, () -> budgets.lockSettlement(CurrentUsers.require(), id), "budget.settled");
    }

    private String act(long id, RedirectAttributes r, Runnable action, String okKey) {
        try {
            action.run();
            r.addFlashAttribute("ok", msg(okKey));
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
        }
        return "redirect:/budgets/" + id;
    }

    @GetMapping("/budgets/summary")
    String summary(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        long unit = unitId == null ? user.unitId() : unitId;
        int y = year == null ? clock.year() : BudgetYears.checked(year);
        model.addAttribute("summary", summaries.summary(user, unit, y));
        model.addAttribute("rows", summaries.centres(user, unit, y, 200));
        model.addAttribute("children", units.search(user, clock.today(), null, unit, null, 400).stream()
                .filter(u -> u.level() <= vn.xhht.orgunit.OrgUnit.COMMUNE).toList());
        model.addAttribute("unit", units.require(unit));
        model.addAttribute("year", y);
        return "budgets/summary";
    }

    /** The office's spending check over an area: per commune (per province for the nation), findings and amounts checked. */
    @GetMapping("/budgets/check")
    String checkSummary(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        long unit = unitId == null ? user.unitId() : unitId;
        int y = year == null ? clock.year() : BudgetYears.checked(year);
        model.addAttribute("check", checkSummary.summary(user, unit, y));
        model.addAttribute("unit", units.require(unit));
        model.addAttribute("year", y);
        return "budgets/check";
    }

    @GetMapping("/budgets/check.xlsx")
    void checkXlsx(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year,
                   HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        long unit = unitId == null ? user.unitId() : unitId;
        int y = year == null ? clock.year() : BudgetYears.checked(year);
        units.requireReadable(user, unit);
        Downloads.attachment(response, Downloads.Format.XLSX, "kiem-tra-chi-tieu-" + y);
        checkSummary.writeXlsx(user, unit, y, response.getOutputStream());
    }

    /** The estimate or the settlement report in the Decree-30 layout, as .docx or .pdf. */
    @GetMapping("/budgets/{id}/documents/{kind}.{format}")
    void document(@PathVariable long id, @PathVariable String kind, @PathVariable String format, HttpServletResponse response) {
        BudgetDocuments.Named d = documents.document(CurrentUsers.require(), id, kind);
        renderer.download(d.document(), format, d.baseName(), response);
    }

    @GetMapping("/budgets/summary.xlsx")
    void summaryXlsx(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year,
                     HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        long unit = unitId == null ? user.unitId() : unitId;
        int y = year == null ? clock.year() : BudgetYears.checked(year);
        units.requireReadable(user, unit);
        Map<String, String> statuses = new LinkedHashMap<>();
        for (Review.Status s : Review.Status.values()) {
            statuses.put(s.name(), msg("review.status." + s.name()));
        }
        Map<Budget.Source, String> sources = new EnumMap<>(Budget.Source.class);
        for (Budget.Source s : Budget.Source.values()) {
            sources.put(s, msg("budget.source." + s.name()));
        }
        Downloads.attachment(response, Downloads.Format.XLSX, "tong-hop-ngan-sach-" + y);
        summaries.writeXlsx(user, unit, y, response.getOutputStream(), statuses, sources);
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
