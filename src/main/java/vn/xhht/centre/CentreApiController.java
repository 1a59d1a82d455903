package vn.xhht.centre;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Trung tâm học tập cộng đồng / Community learning centres")
class CentreApiController {

    record CentreDto(long id, long communeId, String communeName, String name, String premises, boolean combinedWithCultureCentre,
                     boolean modelCentre, Integer modelSinceYear, String foundingDecision, LocalDate foundedOn, long version) {
        static CentreDto of(Centre c) {
            return new CentreDto(c.id(), c.communeId(), c.communeName(), c.name(), c.premises().name(), c.combinedWithCultureCentre(),
                    c.modelCentre(), c.modelSinceYear(), c.foundingDecision(), c.foundedOn(), c.version());
        }
    }

    record ActivityDto(long id, long centreId, String type, String topic, String title, LocalDate startDate, LocalDate endDate,
                       String venue, Long hamletId, String leadUnit, String coordinating, String speakers, int participations,
                       int women, int ethnicMinority, Integer disadvantaged, BigDecimal cost, Long planRowId, String note, long version,
                       Integer plannedParticipations, Integer ageUnder15, Integer age15to35, Integer age36to60, Integer ageOver60, Long clubId, Long campaignId) {
        static ActivityDto of(Activity a) {
            return new ActivityDto(a.id(), a.centreId(), a.type(), a.topic(), a.title(), a.startDate(), a.endDate(), a.venue(),
                    a.hamletId(), a.leadUnit(), a.coordinating(), a.speakers(), a.participations(), a.women(), a.ethnicMinority(),
                    a.disadvantaged(), a.cost(), a.planRowId(), a.note(), a.version(), a.plannedParticipations(), a.ageUnder15(),
                    a.age15to35(), a.age36to60(), a.ageOver60(), a.clubId(), a.campaignId());
        }
    }

    /** What a client sends to record an activity (missing numbers are reported as field errors, not parse errors). */
    record ActivityRequest(String type, String topic, String title, LocalDate startDate, LocalDate endDate, String venue,
                           Long hamletId, String leadUnit, String coordinating, String speakers, Integer participations,
                           Integer women, Integer ethnicMinority, Integer disadvantaged, BigDecimal cost, Long planRowId,
                           String note, Integer plannedParticipations, Integer ageUnder15, Integer age15to35, Integer age36to60,
                           Integer ageOver60, Long clubId, Long campaignId) {
        ActivityService.Form form() {
            return new ActivityService.Form(type, topic, title == null ? "" : title, startDate, endDate, venue, hamletId, leadUnit,
                    coordinating, speakers, participations, women, ethnicMinority, disadvantaged, cost, planRowId, note, null,
                    clubId, campaignId, plannedParticipations, ageUnder15, age15to35, age36to60, ageOver60);
        }
    }

    private final CentreRegistry centres;
    private final ActivityService activities;
    private final ActivitySummary summary;
    private final ReferenceLists lists;

    CentreApiController(CentreRegistry centres, ActivityService activities, ActivitySummary summary, ReferenceLists lists) {
        this.centres = centres;
        this.activities = activities;
        this.summary = summary;
        this.lists = lists;
    }

    @GetMapping("/centres")
    @Operation(summary = "Centres of the caller's area whose commune is valid on the date (default today)")
    List<CentreDto> centres(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                            @RequestParam(required = false) String q) {
        LocalDate d = date == null ? LocalDate.now() : date;
        return centres.list(CurrentUsers.require(), d, d, d, q, 5000).stream().map(r -> CentreDto.of(r.centre())).toList();
    }

    record CreateCentre(Long communeId, String name) {
    }

    @PostMapping("/centres")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create the centre of a commune that has none (every loaded commune already has one)")
    CentreDto create(@RequestBody CreateCentre body) {
        if (body.communeId() == null) {
            throw new InvalidInputProblem("communeId", "centre.commune.invalid");
        }
        return CentreDto.of(centres.create(CurrentUsers.require(), body.communeId(), body.name()));
    }

    @GetMapping("/centres/{id}")
    CentreDto centre(@PathVariable long id) {
        return CentreDto.of(centres.require(CurrentUsers.require(), id));
    }

    @GetMapping("/centres/{id}/activities")
    List<ActivityDto> activities(@PathVariable long id,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate t = to == null ? LocalDate.now().plusYears(1) : to;
        LocalDate f = from == null ? t.minusYears(2) : from;
        return activities.list(CurrentUsers.require(), id, f, t).stream().map(ActivityDto::of).toList();
    }

    @PostMapping("/centres/{id}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an activity; type and topic are codes from /activity-types and /topics")
    ActivityDto record(@PathVariable long id, @RequestBody ActivityRequest body) {
        return ActivityDto.of(activities.create(CurrentUsers.require(), id, body.form(), List.of()));
    }

    @GetMapping("/activities/{id}")
    ActivityDto activity(@PathVariable long id) {
        return ActivityDto.of(activities.require(CurrentUsers.require(), id));
    }

    @GetMapping("/activity-types")
    List<ReferenceLists.Item> types() {
        return lists.activityTypes(LocaleContextHolder.getLocale());
    }

    @GetMapping("/topics")
    List<ReferenceLists.Item> topics() {
        return lists.topics(LocaleContextHolder.getLocale());
    }

    @GetMapping("/activities/summary")
    @Operation(summary = "Activities and participations over the whole subtree of a unit in [from, to]")
    ActivitySummary.Summary summary(@RequestParam Long unitId,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputProblem("to", "activity.endDate.beforeStart");
        }
        CurrentUser user = CurrentUsers.require();
        return summary.summarize(user, unitId, from, to);
    }
}
