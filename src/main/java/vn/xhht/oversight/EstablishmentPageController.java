package vn.xhht.oversight;

import java.time.LocalDate;
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

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.oversight.Establishment.ActKind;
import vn.xhht.oversight.Establishment.Kind;
import vn.xhht.oversight.Establishment.OwnerKind;
import vn.xhht.oversight.Establishment.Teacher;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/** Registry pages: the list with search, one establishment with its form, teachers and acts, and the violation catalogue. */
@Controller
class EstablishmentPageController {

    static final int BLANK_TEACHER_ROWS = 2;

    private final EstablishmentRegistry registry;
    private final Inspections inspections;
    private final OversightRules rules;
    private final OversightReportDues reportDues;
    private final OrgUnitDirectory units;
    private final MessageSource messages;
    private final VietnamClock clock;

    EstablishmentPageController(EstablishmentRegistry registry, Inspections inspections, OversightRules rules, OversightReportDues reportDues,
                                OrgUnitDirectory units, MessageSource messages, VietnamClock clock) {
        this.registry = registry;
        this.inspections = inspections;
        this.rules = rules;
        this.reportDues = reportDues;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/oversight/establishments")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Kind kind,
                @RequestParam(defaultValue = "false") boolean due, Model model) {
        CurrentUser user = CurrentUsers.require();
        List<Establishment> rows = registry.list(user, new EstablishmentRegistry.Filter(null, kind, q), 500);
        model.addAttribute("establishments", due ? rows.stream().filter(Establishment::suspensionDue).toList() : rows);
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("due", due);
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("canCreate", java.util.Arrays.stream(Kind.values()).anyMatch(k -> registry.canEdit(user, k)));
        return "oversight/list";
    }

    @GetMapping("/oversight/establishments/new")
    String newForm(Model model) {
        CurrentUser user = CurrentUsers.require();
        Kind kind = registry.canEdit(user, Kind.FOREIGN_LANGUAGE_IT) ? Kind.FOREIGN_LANGUAGE_IT : Kind.EXTRA_TEACHING;
        Long unit = units.find(user.unitId()).filter(OrgUnit::isCommune).map(OrgUnit::id).orElse(null);
        return page(model, user, null, new EstablishmentRegistry.Form(kind, "", "", unit, "", OwnerKind.ORGANISATION, "", null, null, "", "",
                "", null, List.of(), null), Map.of(), null, Map.of());
    }

    @GetMapping("/oversight/establishments/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Establishment e = registry.get(user, id);
        return page(model, user, e, form(e), Map.of(), null, Map.of());
    }

    @PostMapping({"/oversight/establishments/new", "/oversight/establishments/{id}"})
    String save(@PathVariable(required = false) Long id, @RequestParam(required = false) Kind kind,
                @RequestParam(required = false) String name, @RequestParam(required = false) String address,
                @RequestParam(required = false) Long unitId, @RequestParam(required = false) String owner,
                @RequestParam(required = false) OwnerKind ownerKind, @RequestParam(required = false) String director,
                @RequestParam(required = false) String directorTermFrom, @RequestParam(required = false) String directorTermTo,
                @RequestParam(required = false) String programmes, @RequestParam(required = false) String fees,
                @RequestParam(required = false) String disclosure, @RequestParam(required = false) String firstActivityOn,
                @RequestParam(required = false) List<String> teacherName, @RequestParam(required = false) List<String> teacherNationality,
                @RequestParam(required = false) List<String> teacherQualification, @RequestParam(required = false) List<String> teacherPermit,
                @RequestParam(required = false) List<Integer> teacherForeign, @RequestParam(required = false) Long version,
                Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Establishment existing = id == null ? null : registry.get(user, id);
        List<Teacher> teachers = new ArrayList<>();
        int n = teacherName == null ? 0 : teacherName.size();
        for (int i = 0; i < n; i++) {
            teachers.add(new Teacher(null, teacherName.get(i), teacherForeign != null && teacherForeign.contains(i), at(teacherNationality, i),
                    at(teacherQualification, i), null));
        }
        EstablishmentRegistry.Form f = new EstablishmentRegistry.Form(kind, name, address, unitId, owner, ownerKind, director, null, null,
                programmes, fees, disclosure, null, teachers, version);
        try {
            List<InvalidInputProblem.Violation> dates = new ArrayList<>();
            LocalDate termFrom = date(dates, "directorTermFrom", directorTermFrom);
            LocalDate termTo = date(dates, "directorTermTo", directorTermTo);
            LocalDate first = date(dates, "firstActivityOn", firstActivityOn);
            List<Teacher> dated = new ArrayList<>();
            for (int i = 0; i < teachers.size(); i++) {
                Teacher t = teachers.get(i);
                dated.add(new Teacher(null, t.fullName(), t.foreign(), t.nationality(), t.qualification(),
                        date(dates, "teachers[" + i + "].workPermitUntil", at(teacherPermit, i))));
            }
            f = new EstablishmentRegistry.Form(kind, name, address, unitId, owner, ownerKind, director, termFrom, termTo, programmes, fees,
                    disclosure, first, dated, version);
            if (!dates.isEmpty()) {
                throw new InvalidInputProblem(dates);
            }
            long saved = id == null ? registry.create(user, f) : id;
            if (id != null) {
                registry.update(user, id, f);
            }
            redirect.addFlashAttribute("ok", messages.getMessage("oversight.saved", new Object[]{name}, LocaleContextHolder.getLocale()));
            return "redirect:/oversight/establishments/" + saved;
        } catch (InvalidInputProblem e) {
            Map<String, String> typed = Map.of("directorTermFrom", nz(directorTermFrom), "directorTermTo", nz(directorTermTo),
                    "firstActivityOn", nz(firstActivityOn));
            model.addAttribute("typedPermits", teacherPermit == null ? List.of() : teacherPermit);
            return page(model, user, existing, f, FormErrors.of(e, messages), null, typed);
        }
    }

    @PostMapping("/oversight/establishments/{id}/acts")
    String addAct(@PathVariable long id, @RequestParam(required = false) ActKind actKind, @RequestParam(required = false) String number,
                  @RequestParam(required = false) String issuedOn, @RequestParam(required = false) String issuer,
                  @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Establishment e = registry.get(user, id);
        EstablishmentRegistry.ActForm act = new EstablishmentRegistry.ActForm(actKind, number, null, issuer, note);
        try {
            act = new EstablishmentRegistry.ActForm(actKind, number, InputRules.date("issuedOn", issuedOn), issuer, note);
            registry.addAct(user, id, act);
            redirect.addFlashAttribute("ok", messages.getMessage("oversight.act.saved", new Object[]{number}, LocaleContextHolder.getLocale()));
            return "redirect:/oversight/establishments/" + id;
        } catch (InvalidInputProblem ex) {
            return page(model, user, e, form(e), Map.of(), new ActPage(act, nz(issuedOn), FormErrors.of(ex, messages)), Map.of());
        }
    }

    @GetMapping("/oversight/violation-types")
    String catalogue(Model model) {
        CurrentUsers.require();
        model.addAttribute("types", rules.violationTypes());
        model.addAttribute("issuerRules", rules.issuerRules());
        model.addAttribute("values", rules.values());
        model.addAttribute("reportDues", reportDues.rules());
        model.addAttribute("today", clock.today());
        return "oversight/catalogue";
    }

    record ActPage(EstablishmentRegistry.ActForm form, String issuedOn, Map<String, String> errors) {
    }

    private String page(Model model, CurrentUser user, Establishment e, EstablishmentRegistry.Form f, Map<String, String> errors,
                        ActPage act, Map<String, String> typed) {
        boolean editable = e == null ? java.util.Arrays.stream(Kind.values()).anyMatch(k -> registry.canEdit(user, k)) : registry.canEdit(user, e);
        List<Teacher> rows = new ArrayList<>(f.teachers() == null ? List.of() : f.teachers());
        for (int i = 0; i < BLANK_TEACHER_ROWS; i++) {
            rows.add(new Teacher(null, "", false, "", "", null));
        }
        model.addAttribute("e", e);
        model.addAttribute("form", f);
        model.addAttribute("teacherRows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("editable", editable);
        model.addAttribute("kinds", java.util.Arrays.stream(Kind.values()).filter(k -> registry.canEdit(user, k)).toList());
        model.addAttribute("ownerKinds", OwnerKind.values());
        model.addAttribute("communes", units.search(user, clock.today(), OrgUnit.COMMUNE, null, null, 2000));
        model.addAttribute("today", clock.today());
        if (e != null) {
            List<ActKind> recordable = registry.recordableActs(user, e);
            model.addAttribute("actKinds", recordable);
            model.addAttribute("act", act == null ? new ActPage(new EstablishmentRegistry.ActForm(recordable.isEmpty() ? null : recordable.get(0),
                    "", null, "", ""), "", Map.of()) : act);
            model.addAttribute("inspections", inspections.list(user, null, e.id(), 100));
            model.addAttribute("actRules", rules.issuerRules().stream().filter(r -> r.establishmentKind() == e.kind()
                    && !r.actKind().equals("INSPECTION") && r.validOn(clock.today())).toList());
        }
        return "oversight/establishment";
    }

    private static EstablishmentRegistry.Form form(Establishment e) {
        return new EstablishmentRegistry.Form(e.kind(), e.name(), e.address(), e.unitId(), e.owner(), e.ownerKind(), e.director(),
                e.directorTermFrom(), e.directorTermTo(), e.programmes(), e.fees(), e.disclosure(), e.firstActivityOn(), e.teachers(), e.version());
    }

    private static LocalDate date(List<InvalidInputProblem.Violation> v, String field, String raw) {
        try {
            return InputRules.date(field, raw);
        } catch (InvalidInputProblem p) {
            v.addAll(p.violations());
            return null;
        }
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
