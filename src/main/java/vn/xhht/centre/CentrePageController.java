package vn.xhht.centre;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.evidence.EvidenceStore;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.orgunit.UnitAttributeFilter;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.VietnamClock;

/** Centre pages: the list of the user's area with this quarter's figures, a centre's record and activities. */
@Controller
class CentrePageController {

    private final CentreRegistry centres;
    private final ActivityService activities;
    private final ActivitySummary summary;
    private final ReferenceLists lists;
    private final OrgUnitDirectory units;
    private final MessageSource messages;
    private final CentreRecords records;
    private final Campaigns campaigns;
    private final VietnamClock clock;
    private final ActivityDisruptions disruptions;

    CentrePageController(CentreRegistry centres, ActivityService activities, ActivitySummary summary, ReferenceLists lists,
                         OrgUnitDirectory units, MessageSource messages, CentreRecords records, Campaigns campaigns, VietnamClock clock,
                         ActivityDisruptions disruptions) {
        this.disruptions = disruptions;
        this.records = records;
        this.campaigns = campaigns;
        this.centres = centres;
        this.activities = activities;
        this.summary = summary;
        this.lists = lists;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    /** A commune user goes straight to its own centre. */
    @GetMapping("/centres/mine")
    String mine() {
        CurrentUser user = CurrentUsers.require();
        return centres.ofCommune(user.unitId()).map(c -> "redirect:/centres/" + c.id()).orElse("redirect:/centres");
    }

    static final int PAGE_SIZE = 100;

    @GetMapping("/centres")
    String list(@RequestParam(required = false) String q,
                @RequestParam(required = false) String border, @RequestParam(required = false) String especiallyDifficult,
                @RequestParam(required = false) String island, @RequestParam(required = false) String zone,
                @RequestParam(required = false) String emRegion, @RequestParam(required = false) Integer offset, Model model) {
        CurrentUser user = CurrentUsers.require();
        LocalDate today = clock.today();
        // an ended unit (a district abolished on 30/06/2025) has no centre today: show its last quarter, in the boundaries of then
        OrgUnit own = units.require(user.unitId());
        if (own.validTo() != null && own.validTo().isBefore(today)) {
            today = own.validTo();
            model.addAttribute("closedOn", own.validTo());
        }
        LocalDate qStart = today.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate qEnd = qStart.plusMonths(3).minusDays(1);
        Map<String, String> filterErrors = new java.util.LinkedHashMap<>();
        UnitAttributeFilter filter = UnitAttributeFilter.lenient(border, especiallyDifficult, island, zone, emRegion, filterErrors);
        model.addAttribute("filter", filter);
        model.addAttribute("filterErrors", filterErrors);
        int from = offset == null || offset < 0 ? 0 : offset;
        CentreRegistry.Page page = centres.page(user, today, qStart, ActivitySummary.heldUntil(qEnd, clock.today()), q, filter, from, PAGE_SIZE);
        model.addAttribute("page", page);
        model.addAttribute("rows", page.rows());
        model.addAttribute("summary", summary.summarize(user, user.unitId(), qStart, qEnd));
        model.addAttribute("quarter", today.get(IsoFields.QUARTER_OF_YEAR) + "/" + today.getYear());
        model.addAttribute("types", names(lists.activityTypes(LocaleContextHolder.getLocale())));
        model.addAttribute("q", q);
        return "centres/list";
    }

    @GetMapping("/centres/{id}")
    String centre(@PathVariable long id, @RequestParam(required = false) String month, Model model) {
        CurrentUser user = CurrentUsers.require();
        Centre c = centres.require(user, id);
        YearMonth ym = month == null || month.isBlank() ? YearMonth.from(clock.today()) : parseMonth(month);
        model.addAttribute("centre", c);
        model.addAttribute("month", ym);
        model.addAttribute("prevMonth", ym.minusMonths(1));
        model.addAttribute("nextMonth", ym.plusMonths(1));
        List<Activity> list = activities.list(user, id, ym.atDay(1), ym.atEndOfMonth());
        model.addAttribute("activities", list);
        model.addAttribute("marks", disruptions.marks(list.stream().map(Activity::id).toList()));
        model.addAttribute("monthTotal", list.stream().mapToInt(Activity::participations).sum());
        model.addAttribute("canEdit", centres.canEdit(user, c));
        model.addAttribute("types", names(lists.activityTypes(LocaleContextHolder.getLocale())));
        model.addAttribute("topics", names(lists.topics(LocaleContextHolder.getLocale())));
        return "centres/centre";
    }

    @GetMapping("/centres/{id}/activities/new")
    String newActivity(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Centre c = centres.require(user, id);
        LocalDate yesterday = clock.today().minusDays(1);
        return form(model, c, null, new ActivityService.Form("THEMATIC_SESSION", null, "", yesterday, yesterday, "", null, "", "", "",
                null, null, null, null, null, null, "", null), Map.of());
    }

    @GetMapping("/activities/{id}")
    String activity(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Activity a = activities.require(user, id);
        Centre c = centres.require(user, a.centreId());
        return form(model, c, a, new ActivityService.Form(a.type(), a.topic(), a.title(), a.startDate(), a.endDate(), a.venue(),
                a.hamletId(), a.leadUnit(), a.coordinating(), a.speakers(), a.participations(), a.women(), a.ethnicMinority(),
                a.disadvantaged(), a.cost(), a.planRowId(), a.note(), a.version(), a.clubId(), a.campaignId(), a.plannedParticipations(),
                a.ageUnder15(), a.age15to35(), a.age36to60(), a.ageOver60()), Map.of());
    }

    @PostMapping({"/centres/{centreId}/activities/new", "/activities/{id}"})
    String save(@PathVariable(required = false) Long centreId, @PathVariable(required = false) Long id,
                @RequestParam(required = false) String type, @RequestParam(required = false) String topic,
                @RequestParam(required = false) String title,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
                @RequestParam(required = false) String venue, @RequestParam(required = false) Long hamletId,
                @RequestParam(required = false) String leadUnit, @RequestParam(required = false) String coordinating,
                @RequestParam(required = false) String speakers, @RequestParam(required = false) Integer participations,
                @RequestParam(required = false) Integer women, @RequestParam(required = false) Integer ethnicMinority,
                @RequestParam(required = false) Integer disadvantaged, @RequestParam(required = false, name = "cost") String costText,
                @RequestParam(required = false) String note, @RequestParam(required = false) Long version,
                @RequestParam(required = false) Long clubId, @RequestParam(required = false) Long campaignId,
                @RequestParam(required = false) Long planRowId, @RequestParam(required = false) Integer plannedParticipations,
                @RequestParam(required = false) Integer ageUnder15, @RequestParam(required = false) Integer age15to35,
                @RequestParam(required = false) Integer age36to60, @RequestParam(required = false) Integer ageOver60,
                @RequestParam(required = false, name = "photos") List<MultipartFile> photos,
                @RequestParam(required = false, name = "keptPhoto") List<Long> keptPhotos,
                Model model, RedirectAttributes redirect) throws IOException {
        CurrentUser user = CurrentUsers.require();
        // "1.500.000" and "1 500 000" are how amounts are written in Vietnam
        BigDecimal cost = null;
        InvalidInputProblem costProblem = null;
        try {
            cost = vn.xhht.shared.VietnameseNumbers.parse(costText);
            if (cost != null && cost.stripTrailingZeros().scale() > 0) {
                costProblem = new InvalidInputProblem("cost", "activity.cost.invalid");
            }
        } catch (NumberFormatException e) {
            costProblem = new InvalidInputProblem("cost", "activity.cost.invalid");
        }
        ActivityService.Form f = new ActivityService.Form(type, topic, title == null ? "" : title, startDate, endDate, venue, hamletId,
                leadUnit, coordinating, speakers, participations, women, ethnicMinority, disadvantaged, cost, planRowId, note, version,
                clubId, campaignId, plannedParticipations, ageUnder15, age15to35, age36to60, ageOver60);
        Activity existing = id == null ? null : activities.require(user, id);
        long centre = existing == null ? centreId : existing.centreId();
        List<EvidenceStore.Upload> uploads = new ArrayList<>();
        if (photos != null) {
            for (MultipartFile p : photos) {
                if (!p.isEmpty()) {
                    uploads.add(new EvidenceStore.Upload(p.getOriginalFilename(), p.getBytes()));
                }
            }
        }
        List<Long> kept = activities.keptPhotos(user, keptPhotos).stream().map(vn.xhht.evidence.EvidenceFile::id).toList();
        try {
            if (costProblem != null) {
                throw costProblem;
            }
            Activity saved = existing == null ? activities.create(user, centre, f, uploads, kept) : activities.update(user, id, f, uploads, kept);
            redirect.addFlashAttribute("ok", messages.getMessage("activity.saved", new Object[]{saved.title()}, LocaleContextHolder.getLocale()));
            return "redirect:/centres/" + centre + "?month=" + YearMonth.from(saved.startDate());
        } catch (InvalidInputProblem e) {
            Map<String, String> errors = new java.util.LinkedHashMap<>(FormErrors.of(e, messages));
            // files that pass their own rules are kept pending, so the user does not choose them again
            List<Long> pending = new ArrayList<>(kept);
            if (!uploads.isEmpty() && !errors.containsKey("photos")) {
                try {
                    activities.checkPhotos(centre, uploads, kept.size());
                    activities.keepPending(user, centre, uploads).forEach(p -> pending.add(p.id()));
                } catch (InvalidInputProblem photoProblem) {
                    errors.putAll(FormErrors.of(photoProblem, messages));
                }
            }
            model.addAttribute("costText", costText);
            model.addAttribute("keptPhotos", activities.keptPhotos(user, pending));
            return form(model, centres.require(user, centre), existing, f, errors);
        }
    }

    private String form(Model model, Centre c, Activity existing, ActivityService.Form f, Map<String, String> errors) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("centre", c);
        model.addAttribute("activity", existing);
        model.addAttribute("mark", existing == null ? null : disruptions.of(existing.id()).orElse(null));
        model.addAttribute("form", f);
        model.addAttribute("errors", errors);
        model.addAttribute("canEdit", centres.canEdit(user, c));
        model.addAttribute("types", lists.activityTypes(LocaleContextHolder.getLocale()));
        model.addAttribute("topics", lists.topics(LocaleContextHolder.getLocale()));
        model.addAttribute("hamlets", units.search(user, clock.today(), OrgUnit.HAMLET, c.communeId(), null, 500));
        model.addAttribute("photos", existing == null ? List.of() : activities.photos(existing.id()));
        if (!model.containsAttribute("keptPhotos")) {
            model.addAttribute("keptPhotos", List.of());
        }
        if (!model.containsAttribute("costText")) {
            model.addAttribute("costText", vn.xhht.shared.VietnameseNumbers.format(f.cost()));
        }
        model.addAttribute("clubs", records.clubs(user, c.id()));
        model.addAttribute("partners", records.partners(user, c.id()));
        model.addAttribute("campaigns", campaigns.around(clock.today()));
        model.addAttribute("planRows", activities.planRowOptions(c.communeId(), f.startDate() == null ? clock.today() : f.startDate()));
        return "centres/activity";
    }

    private static Map<String, String> names(List<ReferenceLists.Item> items) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        items.forEach(i -> m.put(i.code(), i.name()));
        return m;
    }

    private static YearMonth parseMonth(String s) {
        try {
            return YearMonth.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new NotFoundProblem("error.404.text");
        }
    }
}
