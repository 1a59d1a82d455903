package vn.xhht.centre;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
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
import vn.xhht.orgunit.UnitAttributeFilter;
import io.swagger.v3.oas.annotations.Parameter;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

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
                       Integer women, Integer ethnicMinority, Integer disadvantaged, BigDecimal cost, Long planRowId, String note, long version,
                       Integer plannedParticipations, Integer ageUnder15, Integer age15to35, Integer age36to60, Integer ageOver60, Long clubId, Long campaignId) {
        static ActivityDto of(Activity a) {
            return new ActivityDto(a.id(), a.centreId(), a.type(), a.topic(), a.title(), a.startDate(), a.endDate(), a.venue(),
                    a.hamletId(), a.leadUnit(), a.coordinating(), a.speakers(), a.participations(), a.women(), a.ethnicMinority(),
                    a.disadvantaged(), a.cost(), a.planRowId(), a.note(), a.version(), a.plannedParticipations(), a.ageUnder15(),
                    a.age15to35(), a.age36to60(), a.ageOver60(), a.clubId(), a.campaignId());
        }
    }

    /** What a client sends to record an activity (missing numbers are reported as field errors, not parse errors). */
    record ActivityRequest(
            @Schema(description = "Mã loại hoạt động (GET /activity-types). / Activity type code.", example = "THEMATIC_SESSION",
                    requiredMode = Schema.RequiredMode.REQUIRED) String type,
            @Schema(description = "Mã chủ đề (GET /topics). / Topic code.", example = "LIVESTOCK_CROPS",
                    requiredMode = Schema.RequiredMode.REQUIRED) String topic,
            @Schema(description = "Tên hoạt động. / Title.", example = "Chuyên đề phòng chống dịch bệnh gia súc", maxLength = 300,
                    requiredMode = Schema.RequiredMode.REQUIRED) String title,
            @Schema(description = "Ngày bắt đầu (xã phải còn tồn tại ngày đó). / Start date (the commune must exist then).",
                    example = "2026-09-02", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate startDate,
            @Schema(description = "Ngày kết thúc, không trước ngày bắt đầu (mặc định bằng ngày bắt đầu). / End date, not before the start.",
                    example = "2026-09-02") LocalDate endDate,
            @Schema(description = "Địa điểm. / Venue.", example = "Nhà văn hóa xóm Nà Mạ") String venue,
            @Schema(description = "Thôn của xã nơi tổ chức. / Hamlet of the commune.") Long hamletId,
            @Schema(description = "Đơn vị chủ trì. / Lead unit.", example = "Trạm Khuyến nông") String leadUnit,
            @Schema(description = "Đơn vị phối hợp. / Coordinating units.") String coordinating,
            @Schema(description = "Báo cáo viên. / Speakers.") String speakers,
            @Schema(description = "Lượt người tham gia, 0–100000. / Participations.", example = "64", minimum = "0", maximum = "100000",
                    requiredMode = Schema.RequiredMode.REQUIRED) Integer participations,
            @Schema(description = "Trong đó nữ, không quá tổng. / Of whom women, at most the total.", example = "31", minimum = "0") Integer women,
            @Schema(description = "Trong đó dân tộc thiểu số, không quá tổng. / Of whom ethnic minority, at most the total.", example = "40",
                    minimum = "0") Integer ethnicMinority,
            @Schema(description = "Trong đó người có hoàn cảnh khó khăn, không quá tổng. / Of whom disadvantaged.", example = "0",
                    minimum = "0") Integer disadvantaged,
            @Schema(description = "Kinh phí (đồng), không âm. / Cost in VND.", example = "1500000", minimum = "0") BigDecimal cost,
            @Schema(description = "Dòng kế hoạch thực hiện. / Plan row carried out.") Long planRowId,
            @Schema(description = "Ghi chú. / Note.") String note,
            @Schema(description = "Số người dự kiến. / Planned participations.", minimum = "0") Integer plannedParticipations,
            @Schema(description = "Dưới 15 tuổi; tổng các nhóm tuổi không quá tổng. / Under 15; the age groups add up to at most the total.",
                    minimum = "0") Integer ageUnder15,
            @Schema(description = "15–35 tuổi. / Aged 15–35.", minimum = "0") Integer age15to35,
            @Schema(description = "36–60 tuổi. / Aged 36–60.", minimum = "0") Integer age36to60,
            @Schema(description = "Trên 60 tuổi. / Over 60.", minimum = "0") Integer ageOver60,
            @Schema(description = "Câu lạc bộ của trung tâm. / Club of the centre.") Long clubId,
            @Schema(description = "Đợt vận động (đang diễn ra vào ngày bắt đầu). / Campaign running on the start date.") Long campaignId) {
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
    private final VietnamClock clock;

    CentreApiController(CentreRegistry centres, ActivityService activities, ActivitySummary summary, ReferenceLists lists, VietnamClock clock) {
        this.centres = centres;
        this.activities = activities;
        this.summary = summary;
        this.lists = lists;
        this.clock = clock;
    }

    @GetMapping("/centres")
    @Operation(operationId = "listCentres", summary = "Danh sách trung tâm học tập cộng đồng",
            description = "Centres of the caller's area whose commune is valid on the date (default today). border, "
                    + "especiallyDifficult, island, zone and emRegion keep the centres whose commune has that dated attribute in "
                    + "force on the date (a commune whose attribute is not known that day is left out).")
    List<CentreDto> centres(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                            @RequestParam(required = false) String q,
                            @Parameter(description = "border commune on the date") @RequestParam(required = false) Boolean border,
                            @Parameter(description = "especially difficult commune on the date") @RequestParam(required = false) Boolean especiallyDifficult,
                            @Parameter(description = "island commune on the date") @RequestParam(required = false) Boolean island,
                            @Parameter(description = "HIGHLAND or LOWLAND on the date") @RequestParam(required = false) String zone,
                            @Parameter(description = "region of the ethnic-minority and mountainous area on the date: I, II or III")
                            @RequestParam(required = false) String emRegion,
                            @Parameter(description = "rows to skip (paging), default 0") @RequestParam(required = false) Integer offset,
                            @Parameter(description = "maximum rows, 1-5000, default 5000") @RequestParam(required = false) Integer limit) {
        LocalDate d = date == null ? clock.today() : date;
        UnitAttributeFilter filter = new UnitAttributeFilter(border, especiallyDifficult, island, zone, emRegion);
        int max = limit == null ? 5000 : limit;
        if (max < 1 || max > 5000) {
            throw new InvalidInputProblem("limit", "error.limitRange", 1, 5000);
        }
        if (offset != null && offset < 0) {
            throw new InvalidInputProblem("offset", "error.offsetNegative");
        }
        return centres.centres(CurrentUsers.require(), d, q, filter, offset == null ? 0 : offset, max).stream().map(CentreDto::of).toList();
    }

    record CreateCentre(
            @Schema(description = "Xã, phường chưa có trung tâm. / A commune without a centre.", example = "1366",
                    requiredMode = Schema.RequiredMode.REQUIRED) Long communeId,
            @Schema(description = "Tên (mặc định theo tên xã). / Name (default from the commune).",
                    example = "Trung tâm học tập cộng đồng xã Cần Yên") String name) {
    }

    @PostMapping("/centres")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCentre", summary = "Thành lập trung tâm cho xã chưa có",
            description = "Create the centre of a commune that has none (every loaded commune already has one)")
    CentreDto create(@RequestBody CreateCentre body) {
        if (body.communeId() == null) {
            throw new InvalidInputProblem("communeId", "centre.commune.invalid");
        }
        return CentreDto.of(centres.create(CurrentUsers.require(), body.communeId(), body.name()));
    }

    @GetMapping("/centres/{id}")
    @Operation(operationId = "getCentre", summary = "Xem một trung tâm",
            description = "One community learning centre of the caller's area.")
    CentreDto centre(@PathVariable long id) {
        return CentreDto.of(centres.require(CurrentUsers.require(), id));
    }

    @GetMapping("/centres/{id}/activities")
    @Operation(operationId = "listCentreActivities", summary = "Hoạt động của một trung tâm",
            description = "Activities of a centre between from and to (default: two years back to one year ahead).")
    List<ActivityDto> activities(@PathVariable long id,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate t = to == null ? clock.today().plusYears(1) : to;
        LocalDate f = from == null ? t.minusYears(2) : from;
        return activities.list(CurrentUsers.require(), id, f, t).stream().map(ActivityDto::of).toList();
    }

    @PostMapping("/centres/{id}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordActivity", summary = "Ghi nhận một hoạt động của trung tâm",
            description = "Record an activity; type and topic are codes from /activity-types and /topics")
    ActivityDto record(@PathVariable long id, @RequestBody ActivityRequest body) {
        return ActivityDto.of(activities.create(CurrentUsers.require(), id, body.form(), List.of()));
    }

    @GetMapping("/activities/{id}")
    @Operation(operationId = "getActivity", summary = "Xem một hoạt động",
            description = "One recorded activity.")
    ActivityDto activity(@PathVariable long id) {
        return ActivityDto.of(activities.require(CurrentUsers.require(), id));
    }

    @GetMapping("/activity-types")
    @Operation(operationId = "listActivityTypes", summary = "Danh mục loại hoạt động",
            description = "Activity type codes and names, in the request language.")
    List<ReferenceLists.Item> types() {
        return lists.activityTypes(LocaleContextHolder.getLocale());
    }

    @GetMapping("/topics")
    @Operation(operationId = "listActivityTopics", summary = "Danh mục chủ đề hoạt động",
            description = "Topic codes and names, in the request language.")
    List<ReferenceLists.Item> topics() {
        return lists.topics(LocaleContextHolder.getLocale());
    }

    @GetMapping("/activities/summary")
    @Operation(operationId = "summarizeActivities", summary = "Tổng hợp hoạt động của một đơn vị",
            description = "Activities and participations over the whole subtree of a unit in [from, to]")
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
