package vn.xhht.resources;

import java.util.LinkedHashMap;
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

import vn.xhht.centre.CentreRecordLookup;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/** Training events of an area and each centre's count against the minimum of its province. */
@Controller
class TrainingPageController {

    private final Trainings trainings;
    private final OrgUnitDirectory units;
    private final MessageSource messages;
    private final VietnamClock clock;
    private final CentreRecordLookup lookup;

    TrainingPageController(Trainings trainings, OrgUnitDirectory units, MessageSource messages, VietnamClock clock,
                           CentreRecordLookup lookup) {
        this.lookup = lookup;
        this.trainings = trainings;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/trainings")
    String list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        long unit = unitId == null ? user.unitId() : unitId;
        int y = year == null ? clock.year() : BudgetYears.checked(year);
        OrgUnit u = units.requireReadable(user, unit);
        model.addAttribute("unit", u);
        model.addAttribute("year", y);
        List<Trainings.Training> events = trainings.list(user, unit, y);
        model.addAttribute("events", events);
        model.addAttribute("openable", events.stream().filter(e -> units.canRead(user, e.unitId())).map(Trainings.Training::id)
                .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("compliance", trainings.compliance(user, unit, y));
        model.addAttribute("rule", trainings.rule(u.provinceId() == null ? u.id() : u.provinceId(), y));
        model.addAttribute("canCreate", Trainings.ORGANISERS.contains(user.role()) && units.canWrite(user, unit) && u.level() != OrgUnit.NATION);
        model.addAttribute("organisers", Trainings.Organiser.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
            model.addAttribute("errors", Map.of());
        }
        return "trainings/list";
    }

    /** People offered on the attendance form; a province's event lists at most this many (the ticked ones always). */
    static final int PEOPLE_LIMIT = 1500;

    @GetMapping("/trainings/{id}")
    String training(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Trainings.Training t = trainings.require(user, id);
        OrgUnit u = units.require(t.unitId());
        long province = u.provinceId() == null ? u.id() : u.provinceId();
        List<Long> ticked = trainings.attendees(id);
        Map<Long, CentreRecordLookup.PersonRef> people = new LinkedHashMap<>();
        boolean canRecord = trainings.canRecord(user, t);
        List<CentreRecordLookup.PersonRef> offered = canRecord ? people(t.unitId(), province, t.startDate()) : List.of();
        offered.forEach(p -> people.put(p.personId(), p));
        boolean truncated = offered.size() >= PEOPLE_LIMIT;
        List<Long> missing = ticked.stream().filter(p -> !people.containsKey(p)).toList();
        lookup.peopleById(missing).stream().filter(p -> units.canRead(user, p.communeId())).forEach(p -> people.put(p.personId(), p));
        // by centre, then name, so the organiser ticks a centre's people together
        Map<String, List<CentreRecordLookup.PersonRef>> byCentre = new java.util.TreeMap<>();
        people.values().stream().filter(p -> canRecord || ticked.contains(p.personId()))
                .sorted(java.util.Comparator.comparing(CentreRecordLookup.PersonRef::fullName))
                .forEach(p -> byCentre.computeIfAbsent(p.centreName(), k -> new java.util.ArrayList<>()).add(p));
        model.addAttribute("training", t);
        model.addAttribute("unit", u);
        model.addAttribute("byCentre", byCentre);
        model.addAttribute("ticked", new java.util.HashSet<>(ticked));
        model.addAttribute("canRecord", canRecord);
        model.addAttribute("truncated", truncated);
        model.addAttribute("compliance", trainings.complianceOf(people.values().stream()
                .filter(p -> ticked.contains(p.personId())).map(CentreRecordLookup.PersonRef::centreId).distinct().toList(),
                t.startDate().getYear()));
        model.addAttribute("year", t.startDate().getYear());
        return "trainings/training";
    }

    private List<CentreRecordLookup.PersonRef> people(long unitId, long province, java.time.LocalDate on) {
        return lookup.people(unitId, province, on, PEOPLE_LIMIT);
    }

    @PostMapping("/trainings/{id}/attendance")
    String attendance(@PathVariable long id, @RequestParam(name = "personIds", required = false) List<String> personIds,
                      RedirectAttributes r) {
        CurrentUser user = CurrentUsers.require();
        try {
            List<Long> ids = new java.util.ArrayList<>();
            for (String raw : personIds == null ? List.<String>of() : personIds) {
                try {
                    ids.add(Long.valueOf(raw.strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputProblem("personIds", "training.person.unknown");
                }
            }
            Trainings.Training t = trainings.setAttendance(user, id, ids);
            r.addFlashAttribute("ok", messages.getMessage("training.attendance.saved", new Object[]{t.attendees()},
                    LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
            r.addFlashAttribute("kept", personIds == null ? List.of() : personIds);
        }
        return "redirect:/trainings/" + id;
    }

    @PostMapping("/trainings")
    String create(@RequestParam Map<String, String> form, RedirectAttributes r) {
        CurrentUser user = CurrentUsers.require();
        String unit = form.get("unitId");
        try {
            Long unitId = unit == null || unit.isBlank() ? null : Long.valueOf(unit.strip());
            trainings.create(user, new Trainings.Form(unitId, form.get("title"), form.get("topic"),
                    InputRules.date("startDate", form.get("startDate")), InputRules.date("endDate", form.get("endDate")),
                    form.get("organiser"), form.get("venue"), form.get("trainers"), form.get("audience")));
            r.addFlashAttribute("ok", messages.getMessage("training.created", null, LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("form", form);
            r.addFlashAttribute("errors", FormErrors.of(e, messages));
            r.addFlashAttribute("error", messages.getMessage("form.fixErrors", null, LocaleContextHolder.getLocale()));
        } catch (NumberFormatException e) {
            r.addFlashAttribute("error", messages.getMessage("training.unit.required", null, LocaleContextHolder.getLocale()));
        }
        return "redirect:/trainings" + (unit == null || unit.isBlank() ? "" : "?unitId=" + unit.strip().replaceAll("[^0-9]", ""));
    }
}
