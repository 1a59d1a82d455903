package vn.xhht.resources;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import vn.xhht.shared.VietnamClock;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tập huấn / Training")
class TrainingApiController {

    @Schema(name = "TrainingCreateRequest")
    record CreateTraining(
            @Schema(description = "Đơn vị tổ chức. / Organising unit.", requiredMode = Schema.RequiredMode.REQUIRED) Long unitId,
            @Schema(description = "Tên đợt tập huấn. / Title.", maxLength = 300, example = "Tập huấn báo cáo viên TTHTCĐ",
                    requiredMode = Schema.RequiredMode.REQUIRED) String title,
            @Schema(description = "Ngày bắt đầu. / Start date.", example = "2026-03-10", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate startDate,
            @Schema(description = "Ngày kết thúc (mặc định bằng ngày bắt đầu). / End date (default the start date).", example = "2026-03-11") LocalDate endDate,
            @Schema(description = "Cấp tổ chức. / Organiser kind.", allowableValues = {"PROVINCE", "COMMUNE", "TTGDNN", "ASSOCIATION", "OTHER"}) String organiser,
            @Schema(description = "Đối tượng dự. / Audience.", maxLength = 300, example = "Cán bộ quản lý, báo cáo viên") String audience,
            @Schema(description = "Chủ đề. / Topic.", maxLength = 300) String topic,
            @Schema(description = "Địa điểm. / Venue.", maxLength = 300) String venue,
            @Schema(description = "Giảng viên. / Trainers.", maxLength = 1000) String trainers) {
    }

    @Schema(name = "TrainingAttendanceRequest", example = "{\"personIds\": [101, 102]}")
    record Attendance(@Schema(description = "Người trong hồ sơ nhân sự của các trung tâm. / People of the centres' records.",
            requiredMode = Schema.RequiredMode.REQUIRED) List<Long> personIds) {
    }

    private final Trainings trainings;
    private final VietnamClock clock;

    TrainingApiController(Trainings trainings, VietnamClock clock) {
        this.trainings = trainings;
        this.clock = clock;
    }

    @GetMapping("/trainings")
    @Operation(operationId = "listTrainings", summary = "Các đợt tập huấn trong năm", description = "Training events of a unit's area and of the units above it in a year.")
    List<Trainings.Training> list(@Parameter(description = "Đơn vị (mặc định đơn vị của người dùng). / Unit (default the user's).") @RequestParam(required = false) Long unitId,
                                  @Parameter(description = "Năm (mặc định năm nay). / Year (default this year).") @RequestParam(required = false) Integer year) {
        CurrentUser user = CurrentUsers.require();
        return trainings.list(user, unitId == null ? user.unitId() : unitId, year == null ? clock.year() : BudgetYears.checked(year));
    }

    @PostMapping("/trainings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createTraining", summary = "Tạo đợt tập huấn", description = "Creates a training event of a unit the user writes in.")
    Trainings.Training create(@RequestBody CreateTraining b) {
        CreateTraining body = b == null ? new CreateTraining(null, null, null, null, null, null, null, null, null) : b;
        return trainings.create(CurrentUsers.require(), new Trainings.Form(body.unitId(), body.title(), body.topic(), body.startDate(),
                body.endDate(), body.organiser(), body.venue(), body.trainers(), body.audience()));
    }

    @GetMapping("/trainings/{id}")
    @Operation(operationId = "getTraining", summary = "Xem một đợt tập huấn", description = "One training event.")
    Trainings.Training get(@PathVariable long id) {
        return trainings.require(CurrentUsers.require(), id);
    }

    @PostMapping("/trainings/{id}/attendance")
    @Operation(operationId = "recordTrainingAttendance", summary = "Ghi người dự tập huấn",
            description = "Adds attendees from the centres' people records; a person of another province refuses the whole list.")
    Trainings.Training attend(@PathVariable long id, @RequestBody Attendance body) {
        return trainings.attend(CurrentUsers.require(), id, body == null ? null : body.personIds());
    }

    @GetMapping("/trainings/compliance")
    @Operation(operationId = "trainingCompliance", summary = "Số đợt tập huấn của từng trung tâm so với mức tối thiểu",
            description = "Per centre under the unit: events its people attended in the calendar year, the province's minimum, compliant or not.")
    List<Trainings.Compliance> compliance(@Parameter(description = "Đơn vị. / Unit.") @RequestParam long unitId,
                                          @Parameter(description = "Năm. / Year.") @RequestParam int year) {
        return trainings.compliance(CurrentUsers.require(), unitId, BudgetYears.checked(year));
    }
}
