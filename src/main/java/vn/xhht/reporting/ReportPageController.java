package vn.xhht.reporting;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.evidence.FileKind;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.platform.FormErrors;
import vn.xhht.reporting.ReportTemplate.Field;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.document.Downloads;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.VietnamClock;

@Controller
class ReportPageController {

    private final ReportService reports;
    private final ReportDeadlines deadlines;
    private final ReportListing listing;
    private final ReportRollup rollup;
    private final ReportEntry entry;
    private final TemplateCatalog templates;
    private final CompletenessBoard board;
    private final ReportDocuments documents;
    private final ReviewWorkflow reviews;
    private final OrgUnitDirectory units;
    private final EvidenceStore evidence;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final VietnamClock clock;

    ReportPageController(ReportService reports, ReportDeadlines deadlines, ReportListing listing, ReportRollup rollup, ReportEntry entry,
                         TemplateCatalog templates, CompletenessBoard board, ReportDocuments documents,
                         ReviewWorkflow reviews, OrgUnitDirectory units, EvidenceStore evidence, MessageSource messages, AuditTrail audit, VietnamClock clock) {
        this.reports = reports;
        this.deadlines = deadlines;
        this.listing = listing;
        this.rollup = rollup;
        this.entry = entry;
        this.templates = templates;
        this.board = board;
        this.documents = documents;
        this.reviews = reviews;
        this.units = units;
        this.evidence = evidence;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** A field as the form shows it. */
    public record FieldView(Field field, String value, BigDecimal sourceValue, boolean overridden, String reason, boolean noSource,
                            BigDecimal lastYear, String error, String reasonError) {
        public boolean readOnlyFigure() {
            return field.computed();
        }
    }

    public record SectionView(String title, List<FieldView> fields) {
    }

    @GetMapping("/reports")
    String list(@RequestParam(required = false) String templateCode, @RequestParam(required = false) String period, Model model) {
        CurrentUser user = CurrentUsers.require();
        OrgUnit unit = units.require(user.unitId());
        model.addAttribute("unit", unit);
        model.addAttribute("templates", templates.all());
        model.addAttribute("reports", listing.list(user, blank(templateCode), blank(period), null, 200));
        model.addAttribute("templateCode", templateCode);
        model.addAttribute("period", period);
        model.addAttribute("periodGroups", periodGroups(clock.today()));
        return "reports/list";
    }

    /** The periods of one report form to choose from, as the period list shows them. */
    public record PeriodGroup(String templateCode, String title, List<ReportPeriod> periods) {
    }

    List<PeriodGroup> periodGroups(LocalDate today) {
        List<PeriodGroup> groups = new ArrayList<>();
        for (ReportTemplate t : templates.all()) {
            List<ReportPeriod> choices = ReportPeriods.choices(t, today);
            if (!choices.isEmpty()) {
                groups.add(new PeriodGroup(t.code(), t.title(), choices));
            }
        }
        return groups;
    }

    /** For each template, the period due next (or last due) from today: what a user most likely reports now. */
    Map<String, String> suggestions() {
        Map<String, String> m = new LinkedHashMap<>();
        LocalDate today = clock.today();
        for (ReportTemplate t : templates.all()) {
            String best = null;
            for (int y = today.getYear() - 1; y <= today.getYear(); y++) {
                for (ReportPeriod p : ReportPeriods.periods(t, y)) {
                    if (!p.from().isAfter(today)) {
                        best = p.code();
                    }
                }
            }
            if (best != null) {
                m.put(t.code(), best);
            }
        }
        return m;
    }

    @PostMapping("/reports")
    String create(@RequestParam(required = false) String templateCode, @RequestParam(required = false) String period,
                  @RequestParam(required = false) Long unitId, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        long unit = unitId == null ? user.unitId() : unitId;
        try {
            ReportTemplate t = templates.require(templateCode);
            ReportPeriod p = deadlines.period(t, period);
            OrgUnit reporting = deadlines.unitForPeriod(units.require(unit), p);
            var existing = listing.find(t.code(), p.code(), reporting.id());
            if (existing.isPresent()) {
                reports.require(user, existing.get());
                return "redirect:/reports/" + existing.get();
            }
            return "redirect:/reports/" + reports.create(user, t.code(), p.code(), unit).id();
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages));
            redirect.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
            return "redirect:/reports?templateCode=" + echo(templateCode) + "&period=" + echo(period);
        }
    }

    @GetMapping("/reports/{id}")
    String report(@PathVariable long id, Model model) {
        return page(model, reports.require(CurrentUsers.require(), id), null, null, Map.of());
    }

    String page(Model model, Report r, Map<String, String> typed, Map<String, String> typedReasons, Map<String, String> errors) {
        CurrentUser user = CurrentUsers.require();
        Set<String> unsourced = rollup.unsourced(r.template());
        Map<String, BigDecimal> last = rollup.lastYear(r);
        List<SectionView> sections = new ArrayList<>();
        for (ReportTemplate.Section s : r.template().sections()) {
            List<FieldView> fields = new ArrayList<>();
            for (Field f : s.fields()) {
                Report.Value v = r.value(f.code());
                String value = typed != null && typed.containsKey(f.code()) ? typed.get(f.code())
                        : v == null ? null : f.numeric() ? (v.num() == null ? null : v.num().toPlainString()) : v.text();
                String reason = typedReasons != null && typedReasons.containsKey(f.code()) ? typedReasons.get(f.code()) : v == null ? null : v.reason();
                fields.add(new FieldView(f, value, v == null ? null : v.sourceValue(), v != null && v.overridden(), reason,
                        unsourced.contains(f.code()), last.get(f.code()), errors.get(f.code()), errors.get("reason." + f.code())));
            }
            sections.add(new SectionView(s.title(), fields));
        }
        model.addAttribute("report", r);
        model.addAttribute("coverage", rollup.coverage(r));
        model.addAttribute("sections", sections);
        model.addAttribute("errors", errors);
        model.addAttribute("history", reviews.history(ReportService.SUBJECT, r.id()));
        model.addAttribute("attachments", evidence.list(ReportService.SUBJECT, r.id()));
        model.addAttribute("canEdit", reports.canEdit(user, r));
        model.addAttribute("canSubmit", reviews.canSubmit(user, r.review()) && reports.canEdit(user, r));
        model.addAttribute("canDecide", reviews.canDecide(user, r.review()));
        model.addAttribute("canReopen", reports.canReopen(user, r));
        model.addAttribute("late", r.review().late(clock.today()));
        model.addAttribute("children", r.aggregate() ? rollup.children(r.template(), r.period(), r.unitId()) : List.of());
        model.addAttribute("annexFields", ReportDocuments.annexFields(r.template()));
        model.addAttribute("reviewer", units.find(r.review().reviewerUnitId()).map(OrgUnit::name).orElse(""));
        return "reports/report";
    }

    @PostMapping("/reports/{id}/values")
    String save(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Report r = reports.require(user, id);
        Map<String, String> values = new LinkedHashMap<>(), reasons = new HashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("v.")) {
                values.put(k.substring(2), v);
            } else if (k.startsWith("reason.")) {
                reasons.put(k.substring(7), v);
            }
        });
        long version;
        try {
            version = Long.parseLong(form.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            version = -1;
        }
        try {
            entry.saveValues(user, id, version, values, reasons);
            redirect.addFlashAttribute("ok", text("report.saved"));
            return "redirect:/reports/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("error", text("report.notSaved"));
            return page(model, r, values, reasons, FormErrors.of(e, messages));
        } catch (ConcurrentEditProblem e) {
            model.addAttribute("error", text("report.concurrent"));
            return page(model, reports.require(user, id), values, reasons, Map.of());
        }
    }

    @PostMapping("/reports/{id}/refresh")
    String refresh(@PathVariable long id, RedirectAttributes redirect) {
        try {
            List<ReportRollup.Change> changes = reports.refresh(CurrentUsers.require(), id);
            redirect.addFlashAttribute("changes", changes);
            redirect.addFlashAttribute("ok", changes.isEmpty() ? text("report.refresh.none") : text("report.refresh.changed", changes.size()));
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
        }
        return "redirect:/reports/" + id;
    }

    /**
     * "Nộp báo cáo" saves the figures and texts on the page first (kept even when the report cannot be submitted
     * yet), then checks and submits. A post without the page's fields (an older client) only submits.
     */
    @PostMapping("/reports/{id}/submit")
    String submit(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        boolean saved = false;
        if (form.containsKey("version")) {
            String failed = save(id, form, model, redirect);
            if (!failed.startsWith("redirect:")) {
                return failed;
            }
            saved = true;
        }
        try {
            reports.submit(user, id);
            redirect.addFlashAttribute("ok", text("report.submitted"));
            return "redirect:/reports/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("ok", null);
            model.addAttribute("error", text(saved ? "report.savedNotSubmitted" : "report.notSubmitted"));
            return page(model, reports.require(user, id), null, null, FormErrors.of(e, messages));
        }
    }

    @PostMapping("/reports/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return decide(id, redirect, () -> reports.approve(CurrentUsers.require(), id, comment), "report.approved");
    }

    @PostMapping("/reports/{id}/return")
    String returnIt(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return decide(id, redirect, () -> reports.returnWithComment(CurrentUsers.require(), id, comment), "report.returned");
    }

    @PostMapping("/reports/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return decide(id, redirect, () -> reports.reopen(CurrentUsers.require(), id, reason), "report.reopened");
    }

    private String decide(long id, RedirectAttributes redirect, Runnable action, String okKey) {
        try {
            action.run();
            redirect.addFlashAttribute("ok", text(okKey));
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
        }
        return "redirect:/reports/" + id;
    }

    @PostMapping("/reports/{id}/attachments")
    String attach(@PathVariable long id, @RequestParam(required = false, name = "files") List<MultipartFile> files, RedirectAttributes redirect)
            throws IOException {
        CurrentUser user = CurrentUsers.require();
        Report r = reports.require(user, id);
        if (!reports.canEdit(user, r)) {
            redirect.addFlashAttribute("error", text(r.review().status() == vn.xhht.review.Review.Status.APPROVED ? "report.locked.approved" : "report.locked.submitted"));
            return "redirect:/reports/" + id;
        }
        List<EvidenceStore.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    uploads.add(new EvidenceStore.Upload(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        try {
            evidence.storeAll(user, ReportService.SUBJECT, id, r.unitId(), uploads, FileKind.ATTACHMENTS, "files");
            redirect.addFlashAttribute("ok", text("report.attached", uploads.size()));
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
        }
        return "redirect:/reports/" + id;
    }

    @GetMapping("/reports/{id}/export.{format}")
    void export(@PathVariable long id, @PathVariable String format, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        Report r = reports.require(user, id);
        Downloads.Format f = Downloads.Format.of(format);
        if (f == null || f == Downloads.Format.CSV || f == Downloads.Format.ZIP) {
            throw new NotFoundProblem("error.404.text");
        }
        Downloads.attachment(response, f, ReportDocuments.fileName(r));
        switch (f) {
            case XLSX -> documents.xlsx(r, response.getOutputStream());
            case PDF -> documents.pdf(r, response.getOutputStream());
            default -> documents.docx(r, response.getOutputStream());
        }
        audit.access(AuditAction.EXPORT, ReportService.SUBJECT, id, r.unitId(), "Xuất " + format + " " + r.template().title() + " " + r.period().label());
    }

    // ---------------------------------------------------------------- completeness board

    @GetMapping("/reports/board")
    String board(@RequestParam(required = false) String templateCode, @RequestParam(required = false) String period,
                 @RequestParam(required = false) Long unitId, Model model) {
        CurrentUser user = CurrentUsers.require();
        String code = blank(templateCode) == null ? templates.all().get(0).code() : templateCode;
        ReportTemplate t = templates.find(code).orElse(templates.all().get(0));
        String p = blank(period) == null ? suggestions().getOrDefault(t.code(), ReportPeriods.periods(t, clock.today().getYear()).get(0).code()) : period;
        model.addAttribute("templates", templates.all());
        model.addAttribute("templateCode", t.code());
        model.addAttribute("period", p);
        model.addAttribute("unitId", unitId);
        model.addAttribute("periodGroups", periodGroups(clock.today()));
        try {
            CompletenessBoard.Board b = board.board(user, t.code(), p, unitId, clock.today());
            model.addAttribute("board", b);
            model.addAttribute("canRemind", user.role() != vn.xhht.shared.Role.COMMUNE_OFFICER && units.canWrite(user, b.unit().id())
                    && user.role() != vn.xhht.shared.Role.ASSOCIATION_EVALUATOR && user.role() != vn.xhht.shared.Role.INSPECTOR);
            model.addAttribute("canSetDue", b.unit().level() == OrgUnit.PROVINCE && units.canWrite(user, b.unit().id())
                    && (user.role() == vn.xhht.shared.Role.PROVINCE_OFFICER || user.isAdmin()));
        } catch (InvalidInputProblem e) {
            model.addAttribute("errors", FormErrors.of(e, messages));
        }
        return "reports/board";
    }

    @PostMapping("/reports/board/remind")
    String remind(@RequestParam String templateCode, @RequestParam String period, @RequestParam long unitId, RedirectAttributes redirect) {
        int n = board.remind(CurrentUsers.require(), templateCode, period, unitId, clock.today());
        redirect.addFlashAttribute("ok", text("report.reminded", n));
        return "redirect:/reports/board?templateCode=" + echo(templateCode) + "&period=" + echo(period) + "&unitId=" + unitId;
    }

    @PostMapping("/reports/board/due")
    String due(@RequestParam String templateCode, @RequestParam String period, @RequestParam long unitId,
               @RequestParam(required = false) LocalDate dueDate, RedirectAttributes redirect) {
        try {
            deadlines.overrideDueDate(CurrentUsers.require(), templateCode, period, unitId, dueDate);
            redirect.addFlashAttribute("ok", text("report.due.saved"));
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
        }
        return "redirect:/reports/board?templateCode=" + echo(templateCode) + "&period=" + echo(period) + "&unitId=" + unitId;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * A code typed by the user, put back into the address of the page shown next: encoded, and left out when it
     * cannot be a code (a very long text would not fit in the redirect's header).
     */
    private static String echo(String code) {
        return code == null || code.length() > 40 ? "" : org.springframework.web.util.UriUtils.encodeQueryParam(code, java.nio.charset.StandardCharsets.UTF_8);
    }
}
