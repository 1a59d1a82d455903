package vn.xhht.outreach;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.xhht.centre.ActivityDisruptions;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.VietnamClock;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Truyền thông, phối hợp, ứng phó / Outreach")
class OutreachApiController {

    record CommunicationItemDto(long id, long unitId, String unitName, int year,
                                @Schema(description = "Mã kênh truyền thông (danh mục). / Channel code from the list.", example = "LOUDSPEAKER")
                                String channelCode, String channelName, String topic, LocalDate plannedOn, String responsibleUnit,
                                @Schema(description = "Đợt cao điểm gắn kèm. / Linked campaign.") Long campaignId,
                                @Schema(description = "true: đã thực hiện, false: chưa thực hiện, trống: chưa đánh giá. / Done, not done, or not assessed.")
                                Boolean done, LocalDate markedOn, String outcomeNote, long version) {
        static CommunicationItemDto of(CommunicationPlans.Item i) {
            return new CommunicationItemDto(i.id(), i.unitId(), i.unitName(), i.year(), i.channelCode(), i.channelName(), i.topic(),
                    i.plannedOn(), i.responsibleUnit(), i.campaignId(), i.done(), i.markedOn(), i.outcomeNote(), i.version());
        }
    }

    record CommunicationItemRequest(
            @Schema(description = "Đơn vị lập kế hoạch, trong địa bàn của người dùng (mặc định: đơn vị của người dùng). / Planning unit.")
            Long unitId,
            @Schema(description = "Năm kế hoạch. / Plan year.", example = "2026", requiredMode = Schema.RequiredMode.REQUIRED) Integer year,
            @Schema(description = "Mã kênh: LOUDSPEAKER, RADIO, TV, NEWSPAPER, WEBSITE, SOCIAL, MEETING. / Channel code.",
                    example = "LOUDSPEAKER", maxLength = 30, requiredMode = Schema.RequiredMode.REQUIRED) String channelCode,
            @Schema(description = "Nội dung tuyên truyền. / Topic.", example = "Tuyên truyền Tuần lễ học tập suốt đời", maxLength = 500,
                    requiredMode = Schema.RequiredMode.REQUIRED) String topic,
            @Schema(description = "Ngày dự kiến, trong năm kế hoạch. / Planned date.", example = "2026-10-01",
                    requiredMode = Schema.RequiredMode.REQUIRED) LocalDate plannedOn,
            @Schema(description = "Đơn vị thực hiện. / Responsible unit.", example = "Đài truyền thanh xã", maxLength = 300,
                    requiredMode = Schema.RequiredMode.REQUIRED) String responsibleUnit,
            @Schema(description = "Đợt cao điểm (danh mục toàn quốc). / Campaign, national reference data.") Long campaignId) {
    }

    record CooperationProgrammeDto(long id, long unitId, String unitName, String number, String title, String parties, LocalDate startsOn,
                                   LocalDate endsOn, List<ModelDto> models, long version) {
        static CooperationProgrammeDto of(BorderCooperation.Programme p) {
            return new CooperationProgrammeDto(p.id(), p.unitId(), p.unitName(), p.number(), p.title(), p.parties(), p.startsOn(), p.endsOn(),
                    p.models().stream().map(m -> new ModelDto(m.id(), m.kind(), m.name(), m.postId(), m.communeId(), m.year(), m.children(),
                            m.households())).toList(), p.version());
        }
    }

    record ModelDto(long id, BorderCooperation.ModelKind kind, String name, Long postId, Long communeId, int year,
                    @Schema(description = "Số trẻ em được hỗ trợ; trống: chưa có số liệu (khác 0). / Children supported; null is not reported.")
                    Integer children,
                    @Schema(description = "Số hộ được hỗ trợ; trống: chưa có số liệu. / Households supported; null is not reported.")
                    Integer households) {
    }

    record CooperationProgrammeRequest(
            @Schema(description = "Đơn vị ký chương trình, trong địa bàn của người dùng (mặc định: đơn vị của người dùng). / Signing unit.")
            Long unitId,
            @Schema(description = "Số chương trình. / Number.", example = "05/CTPH-SGDĐT-BĐBP", maxLength = 80,
                    requiredMode = Schema.RequiredMode.REQUIRED) String number,
            @Schema(description = "Tên chương trình. / Title.", maxLength = 500, requiredMode = Schema.RequiredMode.REQUIRED) String title,
            @Schema(description = "Các bên phối hợp. / Parties.", example = "Sở GD&ĐT; Bộ Chỉ huy Bộ đội Biên phòng tỉnh", maxLength = 1000,
                    requiredMode = Schema.RequiredMode.REQUIRED) String parties,
            @Schema(description = "Từ ngày. / From.", example = "2018-01-01", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate startsOn,
            @Schema(description = "Đến ngày. / Until.", example = "2025-12-31", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate endsOn) {
    }

    record ContingencyScenarioDto(long id, long unitId, String unitName, Long centreId, String centreName, Contingency.Hazard hazard,
                                  ActivityDisruptions.Action action, String altVenue, String decider, String note, long version) {
        static ContingencyScenarioDto of(Contingency.Scenario s) {
            return new ContingencyScenarioDto(s.id(), s.unitId(), s.unitName(), s.centreId(), s.centreName(), s.hazard(), s.action(),
                    s.altVenue(), s.decider(), s.note(), s.version());
        }
    }

    record ContingencyScenarioRequest(
            @Schema(description = "Đơn vị (kịch bản của văn phòng); bỏ trống khi là kịch bản của một trung tâm. / Office unit.") Long unitId,
            @Schema(description = "Trung tâm (kịch bản của trung tâm). / Centre.") Long centreId,
            @Schema(description = "Loại thiên tai, dịch bệnh. / Hazard.", requiredMode = Schema.RequiredMode.REQUIRED) Contingency.Hazard hazard,
            @Schema(description = "Xử lý các hoạt động dự kiến. / What happens to planned activities.",
                    requiredMode = Schema.RequiredMode.REQUIRED) ActivityDisruptions.Action action,
            @Schema(description = "Địa điểm thay thế, bắt buộc khi chuyển địa điểm. / Alternative venue.", maxLength = 300) String altVenue,
            @Schema(description = "Người quyết định. / Who decides.", example = "Giám đốc TTHTCĐ", maxLength = 300,
                    requiredMode = Schema.RequiredMode.REQUIRED) String decider,
            @Schema(description = "Ghi chú. / Note.", maxLength = 2000) String note,
            @Schema(description = "Phiên bản đang sửa khi đã có kịch bản của loại này. / Version being edited.") Long version) {
    }

    private final CommunicationPlans plans;
    private final BorderCooperation coop;
    private final Contingency contingency;
    private final VietnamClock clock;

    OutreachApiController(CommunicationPlans plans, BorderCooperation coop, Contingency contingency, VietnamClock clock) {
        this.plans = plans;
        this.coop = coop;
        this.contingency = contingency;
        this.clock = clock;
    }

    @GetMapping("/communication-plans")
    @Operation(operationId = "listCommunicationPlanItems", summary = "Kế hoạch truyền thông của một đơn vị trong năm",
            description = "Communication plan items of a unit (default: the caller's) for a year (default: this year).")
    List<CommunicationItemDto> listCommunication(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year) {
        CurrentUser user = CurrentUsers.require();
        return plans.list(user, unitId == null ? user.unitId() : unitId, year == null ? clock.year() : year).stream()
                .map(CommunicationItemDto::of).toList();
    }

    @PostMapping("/communication-plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCommunicationPlanItem", summary = "Thêm một việc vào kế hoạch truyền thông",
            description = "Add a communication item to a unit's plan in the caller's area.")
    CommunicationItemDto createCommunication(@RequestBody CommunicationItemRequest b) {
        CurrentUser user = CurrentUsers.require();
        long id = plans.create(user, new CommunicationPlans.Form(b.unitId() == null ? user.unitId() : b.unitId(), b.year(), b.channelCode(),
                b.topic(), b.plannedOn(), b.responsibleUnit(), b.campaignId(), null));
        return CommunicationItemDto.of(plans.get(user, id));
    }

    @GetMapping("/cooperation-programmes")
    @Operation(operationId = "listCooperationProgrammes", summary = "Chương trình phối hợp với Bộ đội Biên phòng",
            description = "Cooperation programmes of the caller's area with their joint models.")
    List<CooperationProgrammeDto> listProgrammes() {
        CurrentUser user = CurrentUsers.require();
        return coop.programmes(user).stream().map(p -> CooperationProgrammeDto.of(coop.programme(user, p.id()))).toList();
    }

    @PostMapping("/cooperation-programmes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCooperationProgramme", summary = "Thêm một chương trình phối hợp",
            description = "Record a cooperation programme signed by a unit of the caller's area.")
    CooperationProgrammeDto createProgramme(@RequestBody CooperationProgrammeRequest b) {
        CurrentUser user = CurrentUsers.require();
        long id = coop.createProgramme(user, new BorderCooperation.ProgrammeForm(b.unitId() == null ? user.unitId() : b.unitId(), b.number(),
                b.title(), b.parties(), b.startsOn(), b.endsOn(), null));
        return CooperationProgrammeDto.of(coop.programme(user, id));
    }

    @GetMapping("/contingency-scenarios")
    @Operation(operationId = "listContingencyScenarios", summary = "Kịch bản ứng phó thiên tai, dịch bệnh",
            description = "Contingency scenarios of the caller's area: offices and centres, one per hazard.")
    List<ContingencyScenarioDto> listScenarios() {
        return contingency.list(CurrentUsers.require()).stream().map(ContingencyScenarioDto::of).toList();
    }

    @PostMapping("/contingency-scenarios")
    @Operation(operationId = "saveContingencyScenario", summary = "Lập hoặc sửa kịch bản ứng phó",
            description = "Create the scenario of an office or centre for a hazard, or change the existing one (optimistic locking by version).")
    ContingencyScenarioDto saveScenario(@RequestBody ContingencyScenarioRequest b) {
        CurrentUser user = CurrentUsers.require();
        long id = contingency.save(user, new Contingency.Form(b.unitId() == null && b.centreId() == null ? Long.valueOf(user.unitId()) : b.unitId(),
                b.centreId(), b.hazard(), b.action(), b.altVenue(), b.decider(), b.note(), b.version()));
        return ContingencyScenarioDto.of(contingency.get(user, id));
    }
}
