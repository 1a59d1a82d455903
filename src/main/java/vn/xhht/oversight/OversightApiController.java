package vn.xhht.oversight;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.xhht.oversight.Establishment.ActKind;
import vn.xhht.oversight.Establishment.Kind;
import vn.xhht.oversight.Establishment.OwnerKind;
import vn.xhht.oversight.Establishment.Teacher;
import vn.xhht.oversight.Inspection.Member;
import vn.xhht.oversight.Inspection.SubjectType;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cơ sở giáo dục ngoài nhà trường / Out-of-school establishments")
class OversightApiController {

    record TeacherDto(
            @Schema(description = "Họ tên. / Full name.", example = "John Smith", maxLength = 200) String fullName,
            @Schema(description = "Giáo viên nước ngoài. / Foreign teacher.") boolean foreign,
            @Schema(description = "Quốc tịch, bắt buộc với giáo viên nước ngoài. / Nationality, required for a foreign teacher.",
                    example = "Anh", maxLength = 100) String nationality,
            @Schema(description = "Trình độ, chứng chỉ. / Qualification.", example = "CELTA", maxLength = 300) String qualification,
            @Schema(description = "Giấy phép lao động có hiệu lực đến. / Work permit valid until.", example = "2027-06-30")
            LocalDate workPermitUntil) {
        static TeacherDto of(Teacher t) {
            return new TeacherDto(t.fullName(), t.foreign(), t.nationality(), t.qualification(), t.workPermitUntil());
        }

        Teacher teacher() {
            return new Teacher(null, fullName, foreign, nationality, qualification, workPermitUntil);
        }
    }

    record ActDto(long id, ActKind kind, String number, LocalDate issuedOn, String issuer, String note,
                  @Schema(description = "Cơ quan có thẩm quyền theo quy định áp dụng. / Issuer named by the rule.") String ruleIssuer,
                  @Schema(description = "Căn cứ pháp lý của quy định. / Legal basis of the rule.") String legalBasis,
                  @Schema(description = "Độ tin cậy của quy định (VERIFIED, SECONDARY, UNCERTAIN, UNKNOWN). / Certainty of the rule.")
                  String certainty) {
        static ActDto of(Establishment.Act a) {
            return new ActDto(a.id(), a.kind(), a.number(), a.issuedOn(), a.issuer(), a.note(), a.ruleIssuer(), a.legalBasis(), a.certainty());
        }
    }

    record EstablishmentDto(long id, Kind kind, String name, String address, long unitId, String unitName, String owner,
                            OwnerKind ownerKind, String director, LocalDate directorTermFrom, LocalDate directorTermTo, String programmes,
                            String fees, String disclosure, LocalDate firstActivityOn, Establishment.Status status,
                            @Schema(description = "Quá 1 năm kể từ quyết định mà chưa hoạt động: thuộc diện đình chỉ. / "
                                    + "No activity within the period after the licence: suspension due.") boolean suspensionDue,
                            List<TeacherDto> teachers, List<ActDto> acts, long version) {
        static EstablishmentDto of(Establishment e) {
            return new EstablishmentDto(e.id(), e.kind(), e.name(), e.address(), e.unitId(), e.unitName(), e.owner(), e.ownerKind(),
                    e.director(), e.directorTermFrom(), e.directorTermTo(), e.programmes(), e.fees(), e.disclosure(), e.firstActivityOn(),
                    e.status(), e.suspensionDue(), e.teachers().stream().map(TeacherDto::of).toList(),
                    e.acts().stream().map(ActDto::of).toList(), e.version());
        }
    }

    record EstablishmentRequest(
            @Schema(description = "Loại cơ sở. / Kind.", requiredMode = Schema.RequiredMode.REQUIRED) Kind kind,
            @Schema(description = "Tên cơ sở. / Name.", example = "Trung tâm Ngoại ngữ Ánh Dương", maxLength = 300,
                    requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(description = "Địa chỉ. / Address.", example = "Số 12 phố Hoàng Đình Giong", maxLength = 500,
                    requiredMode = Schema.RequiredMode.REQUIRED) String address,
            @Schema(description = "Xã, phường nơi đặt cơ sở, trong địa bàn của người dùng. / Commune, in the caller's area.",
                    requiredMode = Schema.RequiredMode.REQUIRED) Long unitId,
            @Schema(description = "Tổ chức hoặc cá nhân chủ sở hữu. / Owner.", maxLength = 300) String owner,
            @Schema(description = "Chủ sở hữu là tổ chức hay cá nhân (mức phạt cá nhân bằng một nửa). / Owner kind.") OwnerKind ownerKind,
            @Schema(description = "Giám đốc. / Director.", maxLength = 200) String director,
            @Schema(description = "Nhiệm kỳ từ (bắt buộc khi có giám đốc trung tâm ngoại ngữ, tin học). / Director's term start.")
            LocalDate directorTermFrom,
            @Schema(description = "Nhiệm kỳ đến (mặc định theo nhiệm kỳ tối đa). / Director's term end.") LocalDate directorTermTo,
            @Schema(description = "Chương trình. / Programmes.", maxLength = 4000) String programmes,
            @Schema(description = "Học phí đã công khai. / Fees as disclosed.", maxLength = 4000) String fees,
            @Schema(description = "Nội dung công khai (Mẫu số 02 đối với cơ sở dạy thêm). / Public disclosure.", maxLength = 4000) String disclosure,
            @Schema(description = "Ngày bắt đầu hoạt động giáo dục. / First educational activity.") LocalDate firstActivityOn,
            @Schema(description = "Giáo viên (khi sửa: thay toàn bộ danh sách; bỏ trống để giữ nguyên). / Teachers (replace all).")
            List<TeacherDto> teachers,
            @Schema(description = "Phiên bản đang sửa (khi sửa). / Version being edited.") Long version) {
    }

    record ActRequest(
            @Schema(description = "Loại văn bản. / Kind of act.", requiredMode = Schema.RequiredMode.REQUIRED) ActKind kind,
            @Schema(description = "Số, ký hiệu; không trùng với văn bản khác của cùng cơ quan. / Number, unique per issuer.",
                    example = "125/QĐ-SGDĐT", maxLength = 80, requiredMode = Schema.RequiredMode.REQUIRED) String number,
            @Schema(description = "Ngày ban hành, không sau hôm nay. / Issued on.", requiredMode = Schema.RequiredMode.REQUIRED)
            LocalDate issuedOn,
            @Schema(description = "Cơ quan ban hành (mặc định theo quy định áp dụng). / Issuer (default from the rule).", maxLength = 300)
            String issuer,
            @Schema(description = "Ghi chú. / Note.", maxLength = 1000) String note) {
    }

    record ViolationTypeDto(String code, String description,
                            @Schema(description = "Mức phạt tối thiểu đối với tổ chức (trống: chưa rõ). / Minimum fine, organisations.")
                            Long fineMinVnd,
                            @Schema(description = "Mức phạt tối đa đối với tổ chức. / Maximum fine, organisations.") long fineMaxVnd,
                            @Schema(description = "Biện pháp bổ sung, khắc phục. / Extra measures.") String extraMeasures,
                            String legalBasis, LocalDate validFrom, LocalDate validTo,
                            @Schema(description = "Độ tin cậy. / Certainty.") String certainty,
                            @Schema(description = "Dự thảo chưa ban hành: false. / Draft rules are disabled.") boolean enabled) {
    }

    record InspectionRequest(
            @Schema(description = "Đối tượng kiểm tra. / Subject type.", requiredMode = Schema.RequiredMode.REQUIRED) SubjectType subjectType,
            @Schema(description = "Mã cơ sở hoặc mã trung tâm học tập cộng đồng. / Establishment or centre id.",
                    requiredMode = Schema.RequiredMode.REQUIRED) Long subjectId,
            @Schema(description = "Ngày kiểm tra. / Date.", example = "2026-11-20", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate date,
            @Schema(description = "Năm kế hoạch (mặc định năm của ngày kiểm tra). / Plan year.") Integer planYear,
            @Schema(description = "Thành viên đoàn và cơ quan. / Team members with their agencies.",
                    requiredMode = Schema.RequiredMode.REQUIRED) List<Member> team,
            @Schema(description = "Kết luận. / Conclusion.", maxLength = 4000) String conclusion) {
    }

    record FindingDto(long id, Integer item, String itemTitle, String violationCode, String violationDescription, String note,
                      String remedy, Integer remedyWorkingDays, LocalDate remedyDue, LocalDate resolvedOn, String resolvedNote) {
        static FindingDto of(Inspection.Finding f) {
            return new FindingDto(f.id(), f.itemNo(), f.itemTitle(), f.violationCode(), f.violationDescription(), f.note(), f.remedy(),
                    f.remedyWorkingDays(), f.remedyDue(), f.resolvedOn(), f.resolvedNote());
        }
    }

    record DecisionDto(String number, LocalDate date, String authority, long fineVnd, OwnerKind offenderKind) {
    }

    record InspectionDto(long id, SubjectType subjectType, long subjectId, long unitId, String unitName, String subjectName,
                         LocalDate date, int planYear, String conclusion, List<Member> team, List<FindingDto> findings,
                         DecisionDto decision) {
        static InspectionDto of(Inspection i) {
            return new InspectionDto(i.id(), i.subjectType(), i.establishmentId() != null ? i.establishmentId() : i.centreId(), i.unitId(),
                    i.unitName(), i.subjectName(), i.date(), i.planYear(), i.conclusion(), i.team(),
                    i.findings().stream().map(FindingDto::of).toList(), i.sanction() == null ? null
                    : new DecisionDto(i.sanction().number(), i.sanction().decidedOn(), i.sanction().authority(), i.sanction().fineVnd(),
                    i.sanction().offenderKind()));
        }
    }

    record FindingRequest(
            @Schema(description = "Số thứ tự nội dung kiểm tra trong biên bản (1–10 với cơ sở). / Check item number.") Integer item,
            @Schema(description = "Mã hành vi vi phạm có hiệu lực vào ngày kiểm tra. / Violation code in force on the date.")
            String violationCode,
            @Schema(description = "Nhận xét. / Note.", example = "Dạy tại địa điểm chưa được cho phép", maxLength = 2000, requiredMode = Schema.RequiredMode.REQUIRED) String note,
            @Schema(description = "Yêu cầu khắc phục. / Remedy.", maxLength = 1000) String remedy,
            @Schema(description = "Thời hạn khắc phục, số ngày làm việc. / Remedy deadline in working days.", minimum = "1", maximum = "365")
            Integer remedyWorkingDays) {
    }

    record ResolveRequest(@Schema(description = "Ngày kiểm tra lại. / Follow-up date.", example = "2026-12-01") LocalDate date,
                          @Schema(description = "Ghi chú. / Note.", maxLength = 1000) String note) {
    }

    record DecisionRequest(
            @Schema(description = "Số quyết định. / Number.", example = "12/QĐ-XPHC", requiredMode = Schema.RequiredMode.REQUIRED) String number,
            @Schema(description = "Ngày quyết định. / Date.", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate date,
            @Schema(description = "Người, cơ quan ra quyết định. / Authority.", requiredMode = Schema.RequiredMode.REQUIRED) String authority,
            @Schema(description = "Tiền phạt (đồng), trong khung của các vi phạm. / Fine in VND, within the violations' range.",
                    requiredMode = Schema.RequiredMode.REQUIRED) Long fineVnd) {
    }

    private final EstablishmentRegistry registry;
    private final Inspections inspections;
    private final OversightRules rules;

    OversightApiController(EstablishmentRegistry registry, Inspections inspections, OversightRules rules) {
        this.registry = registry;
        this.inspections = inspections;
        this.rules = rules;
    }

    @GetMapping("/establishments")
    @Operation(operationId = "listEstablishments", summary = "Danh sách cơ sở giáo dục ngoài nhà trường",
            description = "Establishments of the caller's area; unitId narrows to a subtree, q matches name, address or owner without diacritics.")
    List<EstablishmentDto> list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Kind kind,
                                @RequestParam(required = false) String q) {
        return registry.list(CurrentUsers.require(), new EstablishmentRegistry.Filter(unitId, kind, q), 5000).stream()
                .map(EstablishmentDto::of).toList();
    }

    @PostMapping("/establishments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createEstablishment", summary = "Đăng ký một cơ sở vào danh sách quản lý",
            description = "Register an establishment in a commune of the caller's area.")
    EstablishmentDto create(@RequestBody EstablishmentRequest b) {
        CurrentUser user = CurrentUsers.require();
        long id = registry.create(user, new EstablishmentRegistry.Form(b.kind(), b.name(), b.address(), b.unitId(), b.owner(), b.ownerKind(),
                b.director(), b.directorTermFrom(), b.directorTermTo(), b.programmes(), b.fees(), b.disclosure(), b.firstActivityOn(),
                b.teachers() == null ? List.of() : b.teachers().stream().map(t -> t == null ? null : t.teacher()).toList(), null));
        return EstablishmentDto.of(registry.get(user, id));
    }

    @GetMapping("/establishments/{id}")
    @Operation(operationId = "getEstablishment", summary = "Xem một cơ sở", description = "One establishment with teachers and acts.")
    EstablishmentDto get(@PathVariable long id) {
        return EstablishmentDto.of(registry.get(CurrentUsers.require(), id));
    }

    @PatchMapping("/establishments/{id}")
    @Operation(operationId = "updateEstablishment", summary = "Sửa thông tin một cơ sở",
            description = "Change the fields given; absent fields keep their value, teachers given replace the list.")
    EstablishmentDto update(@PathVariable long id, @RequestBody EstablishmentRequest b) {
        CurrentUser user = CurrentUsers.require();
        Establishment e = registry.get(user, id);
        registry.update(user, id, new EstablishmentRegistry.Form(or(b.kind(), e.kind()), or(b.name(), e.name()), or(b.address(), e.address()),
                or(b.unitId(), e.unitId()), or(b.owner(), e.owner()), or(b.ownerKind(), e.ownerKind()), or(b.director(), e.director()),
                or(b.directorTermFrom(), e.directorTermFrom()), b.directorTermTo() != null || b.directorTermFrom() != null
                ? b.directorTermTo() : e.directorTermTo(), or(b.programmes(), e.programmes()), or(b.fees(), e.fees()),
                or(b.disclosure(), e.disclosure()), or(b.firstActivityOn(), e.firstActivityOn()),
                b.teachers() == null ? null : b.teachers().stream().map(t -> t == null ? null : t.teacher()).toList(),
                or(b.version(), e.version())));
        return EstablishmentDto.of(registry.get(user, id));
    }

    @PostMapping("/establishments/{id}/acts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordEstablishmentAct", summary = "Ghi quyết định, giấy phép, đăng ký, đình chỉ hoặc giải thể",
            description = "Record an act; only the role the issuer rule of that kind and date names may record it, numbers are unique per issuer.")
    EstablishmentDto act(@PathVariable long id, @RequestBody ActRequest b) {
        CurrentUser user = CurrentUsers.require();
        registry.addAct(user, id, new EstablishmentRegistry.ActForm(b.kind(), b.number(), b.issuedOn(), b.issuer(), b.note()));
        return EstablishmentDto.of(registry.get(user, id));
    }

    @GetMapping("/violation-types")
    @Operation(operationId = "listViolationTypes", summary = "Danh mục hành vi vi phạm và mức phạt",
            description = "The violation catalogue with fine ranges for organisations (individuals: half), legal basis and validity; "
                    + "draft rules are listed disabled.")
    List<ViolationTypeDto> violationTypes() {
        CurrentUsers.require();
        return rules.violationTypes().stream().map(v -> new ViolationTypeDto(v.code(), v.description(), v.fineMinVnd(), v.fineMaxVnd(),
                v.extraMeasures(), v.legalBasis(), v.validFrom(), v.validTo(), v.certainty(), v.enabled())).toList();
    }

    @GetMapping("/inspections")
    @Operation(operationId = "listInspections", summary = "Danh sách cuộc kiểm tra",
            description = "Inspections of the caller's area, optionally of one plan year or one establishment.")
    List<InspectionDto> inspections(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long establishmentId) {
        return inspections.list(CurrentUsers.require(), year, establishmentId, 5000).stream().map(InspectionDto::of).toList();
    }

    @PostMapping("/inspections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createInspection", summary = "Ghi một cuộc kiểm tra",
            description = "Record an inspection of an establishment or a centre of the caller's area with its team.")
    InspectionDto createInspection(@RequestBody InspectionRequest b) {
        CurrentUser user = CurrentUsers.require();
        long id = inspections.create(user, new Inspections.Form(b.subjectType(), b.subjectId(), b.date(), b.planYear(), b.team(),
                b.conclusion()));
        return InspectionDto.of(inspections.get(user, id));
    }

    @GetMapping("/inspections/{id}")
    @Operation(operationId = "getInspection", summary = "Xem một cuộc kiểm tra", description = "One inspection with findings and decision.")
    InspectionDto inspection(@PathVariable long id) {
        return InspectionDto.of(inspections.get(CurrentUsers.require(), id));
    }

    @PostMapping("/inspections/{id}/findings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordInspectionFinding", summary = "Ghi kết quả theo nội dung kiểm tra",
            description = "A finding for a check item of the record, optionally a violation in force on the inspection date and a remedy.")
    InspectionDto finding(@PathVariable long id, @RequestBody FindingRequest b) {
        CurrentUser user = CurrentUsers.require();
        inspections.addFinding(user, id, new Inspections.FindingForm(b.item(), b.violationCode(), b.note(), b.remedy(), b.remedyWorkingDays()));
        return InspectionDto.of(inspections.get(user, id));
    }

    @PostMapping("/inspections/{id}/findings/{findingId}/resolve")
    @Operation(operationId = "resolveInspectionFinding", summary = "Ghi kết quả kiểm tra lại việc khắc phục",
            description = "The follow-up check found the remedy carried out on the date.")
    InspectionDto resolve(@PathVariable long id, @PathVariable long findingId, @RequestBody ResolveRequest b) {
        CurrentUser user = CurrentUsers.require();
        inspections.resolve(user, id, findingId, b.date(), b.note());
        return InspectionDto.of(inspections.get(user, id));
    }

    @PostMapping("/inspections/{id}/decision")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordSanctionDecision", summary = "Ghi quyết định xử phạt",
            description = "The sanction decision of an establishment inspection; the fine must lie within the range of its violations.")
    InspectionDto decision(@PathVariable long id, @RequestBody DecisionRequest b) {
        CurrentUser user = CurrentUsers.require();
        inspections.decide(user, id, new Inspections.DecisionForm(b.number(), b.date(), b.authority(), b.fineVnd()));
        return InspectionDto.of(inspections.get(user, id));
    }

    private static <T> T or(T given, T existing) {
        return given != null ? given : existing;
    }
}
