package vn.xhht.oversight;

import java.util.ArrayList;
import java.util.List;
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

import jakarta.servlet.http.HttpServletResponse;

import vn.xhht.centre.CentreRegistry;
import vn.xhht.document.DocumentRenderer;
import vn.xhht.document.OfficialDocument;
import vn.xhht.document.VietnameseNames;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.oversight.Inspection.Member;
import vn.xhht.oversight.Inspection.SubjectType;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnameseNumbers;
import vn.xhht.shared.VietnamClock;

/** Inspection pages: the yearly plan list, the form of a new inspection, one inspection with findings and decision. */
@Controller
class InspectionPageController {

    static final int TEAM_ROWS = 4;

    private final Inspections inspections;
    private final EstablishmentRegistry registry;
    private final CentreRegistry centres;
    private final OversightRules rules;
    private final MessageSource messages;
    private final VietnamClock clock;
    private final OversightDocuments documents;
    private final DocumentRenderer renderer;

    InspectionPageController(Inspections inspections, EstablishmentRegistry registry, CentreRegistry centres, OversightRules rules,
                             MessageSource messages, VietnamClock clock, OversightDocuments documents, DocumentRenderer renderer) {
        this.documents = documents;
        this.renderer = renderer;
        this.inspections = inspections;
        this.registry = registry;
        this.centres = centres;
        this.rules = rules;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/oversight/inspections")
    String list(@RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        int y = year == null ? clock.year() : year;
        model.addAttribute("year", y);
        model.addAttribute("inspections", inspections.list(user, y, null, 1000));
        model.addAttribute("open", inspections.openRemedies(user));
        model.addAttribute("today", clock.today());
        return "oversight/inspections";
    }

    /** The yearly inspection plan of the user's area (Nghị định 30 layout), .pdf or .docx. */
    @GetMapping("/oversight/inspection-plans/{year}.{format}")
    void planDocument(@PathVariable int year, @PathVariable String format, HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        List<Inspection> list = inspections.list(user, year, null, 1000);
        OfficialDocument doc = documents.plan(user, year, list, inspections.teams(list.stream().map(Inspection::id).toList()));
        renderer.download(doc, format, VietnameseNames.fileName("Kế hoạch kiểm tra năm " + year), response);
    }

    /** minutes | conclusion | decision of one inspection, .pdf or .docx; a decision only once it is recorded. */
    @GetMapping("/oversight/inspections/{id}/documents/{kind}.{format}")
    void document(@PathVariable long id, @PathVariable String kind, @PathVariable String format, HttpServletResponse response) {
        CurrentUser user = CurrentUsers.require();
        Inspection i = inspections.get(user, id);
        OfficialDocument doc = switch (kind) {
            case "minutes" -> documents.minutes(user, i);
            case "conclusion" -> documents.conclusion(user, i);
            case "decision" -> {
                if (i.sanction() == null) {
                    throw new NotFoundProblem("oversight.document.noDecision", id);
                }
                yield documents.sanctionDecision(user, i, i.establishmentId() == null ? null : registry.get(user, i.establishmentId()));
            }
            default -> throw new NotFoundProblem("error.404.text");
        };
        String what = switch (kind) {
            case "minutes" -> "Biên bản kiểm tra";
            case "conclusion" -> "Kết luận kiểm tra";
            default -> "Quyết định xử phạt";
        };
        renderer.download(doc, format, VietnameseNames.fileName(what, i.subjectName(), i.date().format(OversightDocuments.DMY)), response);
    }

    @GetMapping("/oversight/inspections/new")
    String newForm(@RequestParam(required = false) Long establishmentId, @RequestParam(required = false) Long centreId, Model model) {
        CurrentUser user = CurrentUsers.require();
        SubjectType type = centreId != null ? SubjectType.CENTRE : SubjectType.ESTABLISHMENT;
        Long subject = centreId != null ? centreId : establishmentId;
        return form(model, user, new Inspections.Form(type, subject, clock.today(), clock.year(), List.of(), ""), Map.of(), "");
    }

    @PostMapping("/oversight/inspections/new")
    String create(@RequestParam(required = false) String subject, @RequestParam(required = false) String date, @RequestParam(required = false) String planYear,
                  @RequestParam(required = false) List<String> memberName, @RequestParam(required = false) List<String> memberAgency,
                  @RequestParam(required = false) List<String> memberPosition, @RequestParam(required = false) String conclusion,
                  Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        SubjectType subjectType = null;
        Long subjectId = null;
        // one list of subjects: "ESTABLISHMENT:12" or "CENTRE:34"
        if (subject != null && subject.matches("(ESTABLISHMENT|CENTRE):\\d{1,18}")) {
            subjectType = SubjectType.valueOf(subject.substring(0, subject.indexOf(':')));
            subjectId = Long.parseLong(subject.substring(subject.indexOf(':') + 1));
        }
        List<Member> team = new ArrayList<>();
        int n = memberName == null ? 0 : memberName.size();
        for (int i = 0; i < n; i++) {
            team.add(new Member(memberName.get(i), at(memberAgency, i), at(memberPosition, i)));
        }
        Inspections.Form f = new Inspections.Form(subjectType, subjectId, null, null, team, conclusion);
        try {
            Integer year;
            try {
                year = VietnameseNumbers.parseInt(planYear);
            } catch (NumberFormatException e) {
                throw new InvalidInputProblem("planYear", "oversight.inspection.planYear.invalid");
            }
            f = new Inspections.Form(subjectType, subjectId, InputRules.date("date", date), year, team, conclusion);
            long id = inspections.create(user, f);
            redirect.addFlashAttribute("ok", messages.getMessage("oversight.inspection.saved", null, LocaleContextHolder.getLocale()));
            return "redirect:/oversight/inspections/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("typedYear", planYear);
            return form(model, user, f, FormErrors.of(e, messages), date == null ? "" : date);
        }
    }

    @GetMapping("/oversight/inspections/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        return page(model, user, inspections.get(user, id), null, null);
    }

    @PostMapping("/oversight/inspections/{id}/findings")
    String finding(@PathVariable long id, @RequestParam(required = false) Integer item, @RequestParam(required = false) String violationCode,
                   @RequestParam(required = false) String note, @RequestParam(required = false) String remedy,
                   @RequestParam(required = false) String remedyWorkingDays, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Inspection i = inspections.get(user, id);
        Map<String, String> typed = Map.of("item", item == null ? "" : String.valueOf(item), "violationCode", nz(violationCode), "note", nz(note),
                "remedy", nz(remedy), "remedyWorkingDays", nz(remedyWorkingDays));
        try {
            Integer days;
            try {
                days = VietnameseNumbers.parseInt(remedyWorkingDays);
            } catch (NumberFormatException e) {
                throw new InvalidInputProblem("remedyWorkingDays", "oversight.finding.remedyDays.range", Inspections.MAX_REMEDY_DAYS);
            }
            inspections.addFinding(user, id, new Inspections.FindingForm(item, violationCode, note, remedy, days));
            redirect.addFlashAttribute("ok", messages.getMessage("oversight.finding.saved", null, LocaleContextHolder.getLocale()));
            return "redirect:/oversight/inspections/" + id + "#findings";
        } catch (InvalidInputProblem e) {
            return page(model, user, i, new Typed(typed, FormErrors.of(e, messages)), null);
        }
    }

    @PostMapping("/oversight/inspections/{id}/findings/{findingId}/resolve")
    String resolve(@PathVariable long id, @PathVariable long findingId, @RequestParam(required = false) String date,
                   @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Inspection i = inspections.get(user, id);
        try {
            inspections.resolve(user, id, findingId, InputRules.date("date", date), note);
            redirect.addFlashAttribute("ok", messages.getMessage("oversight.finding.resolvedSaved", null, LocaleContextHolder.getLocale()));
            return "redirect:/oversight/inspections/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("resolveId", findingId);
            model.addAttribute("resolveErrors", FormErrors.of(e, messages));
            model.addAttribute("resolveTyped", Map.of("date", nz(date), "note", nz(note)));
            return page(model, user, i, null, null);
        }
    }

    @PostMapping("/oversight/inspections/{id}/decision")
    String decision(@PathVariable long id, @RequestParam(required = false) String number, @RequestParam(required = false) String date,
                    @RequestParam(required = false) String authority, @RequestParam(required = false) String fineVnd,
                    Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Inspection i = inspections.get(user, id);
        Map<String, String> typed = Map.of("number", nz(number), "date", nz(date), "authority", nz(authority), "fineVnd", nz(fineVnd));
        try {
            Long fine;
            try {
                java.math.BigDecimal b = VietnameseNumbers.parse(fineVnd);
                fine = b == null ? null : b.longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new InvalidInputProblem("fineVnd", "oversight.decision.fine.notANumber");
            }
            inspections.decide(user, id, new Inspections.DecisionForm(number, InputRules.date("date", date), authority, fine));
            redirect.addFlashAttribute("ok", messages.getMessage("oversight.decision.saved", new Object[]{number}, LocaleContextHolder.getLocale()));
            return "redirect:/oversight/inspections/" + id;
        } catch (InvalidInputProblem e) {
            return page(model, user, i, null, new Typed(typed, FormErrors.of(e, messages)));
        }
    }

    record Typed(Map<String, String> values, Map<String, String> errors) {
    }

    private String page(Model model, CurrentUser user, Inspection i, Typed finding, Typed decision) {
        model.addAttribute("i", i);
        model.addAttribute("canRecord", inspections.canRecord(user, i));
        model.addAttribute("items", rules.checkItems(i.subjectType().name()));
        model.addAttribute("violations", i.subjectType() == SubjectType.ESTABLISHMENT
                ? rules.violationTypes().stream().filter(v -> v.validOn(i.date())).toList() : List.of());
        model.addAttribute("range", inspections.fineRange(i).orElse(null));
        model.addAttribute("finding", finding == null ? new Typed(Map.of(), Map.of()) : finding);
        model.addAttribute("decision", decision == null ? new Typed(Map.of("date", clock.today().toString()), Map.of()) : decision);
        model.addAttribute("today", clock.today());
        return "oversight/inspection";
    }

    private String form(Model model, CurrentUser user, Inspections.Form f, Map<String, String> errors, String typedDate) {
        List<Member> rows = new ArrayList<>(f.team() == null ? List.of() : f.team());
        while (rows.size() < TEAM_ROWS) {
            rows.add(new Member("", "", ""));
        }
        model.addAttribute("form", f);
        model.addAttribute("teamRows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("typedDate", typedDate);
        model.addAttribute("establishments", registry.list(user, new EstablishmentRegistry.Filter(null, null, null), 2000));
        model.addAttribute("centres", centres.choices(user, clock.today(), 2000));
        return "oversight/inspection-form";
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
