package vn.xhht.orgunit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
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
@RequestMapping("/api/v1/org-units")
@Tag(name = "Đơn vị hành chính / Administrative units")
class OrgUnitApiController {

    @Schema(description = "Một thuộc tính của xã có hiệu lực vào ngày hỏi, với căn cứ. / One attribute of a commune in force on the date asked, with its basis.")
    record AttributeDto(
            @Schema(allowableValues = {"BORDER", "ZONE", "ESPECIALLY_DIFFICULT", "EM_REGION", "ISLAND"}) String attribute,
            @Schema(description = "BORDER, ESPECIALLY_DIFFICULT, ISLAND: true/false; ZONE: HIGHLAND/LOWLAND; EM_REGION: I/II/III",
                    example = "true") String value,
            @Schema(description = "Tên thuộc tính và giá trị bằng tiếng Việt. / The attribute and value in Vietnamese.", example = "Xã biên giới: có") String label,
            LocalDate validFrom,
            @Schema(nullable = true) LocalDate validTo,
            @Schema(description = "Văn bản làm căn cứ. / The decision it comes from.", example = "861/QĐ-TTg ngày 04/6/2021") String legalBasis,
            @Schema(allowableValues = {"VERIFIED", "SECONDARY", "UNCERTAIN", "UNKNOWN"}) String certainty) {
    }

    /** A unit as the API shows it. level: 0 nation, 1 province, 2 district, 3 commune, 4 hamlet. */
    record UnitDto(long id, String code, String name, String type, int level, Long parentId, String parentCode,
                   String parentName, LocalDate validFrom, LocalDate validTo, long version,
                   @Schema(description = "Thuộc tính có hiệu lực vào ngày hỏi (chỉ ở danh sách); không có = chưa biết, không phải \"không\". / Attributes in force on the date asked (lists only); absent means not known, not \"no\".")
                   List<AttributeDto> attributes) {
        static UnitDto of(OrgUnit u) {
            return of(u, List.of());
        }

        static UnitDto of(OrgUnit u, List<AttributeDto> attributes) {
            return new UnitDto(u.id(), u.code(), u.name(), u.type(), u.level(), u.parentId(), u.parentCode(),
                    u.parentName(), u.validFrom(), u.validTo(), u.version(), attributes);
        }
    }

    record SuccessionDto(UnitDto unit,
                         @Schema(allowableValues = {"FULL", "PARTIAL"}) String coverage,
                         LocalDate effectiveOn,
                         @Schema(description = "where the link comes from: REFORM_2025 (official mapping of 1/7/2025), CODE (the same code continues), ALIAS (an old name listed as absorbed; secondary source), DERIVED (from where a district's communes went), ADMIN (completed by an administrator)",
                                 allowableValues = {"REFORM_2025", "CODE", "ALIAS", "DERIVED", "ADMIN"}) String basis,
                         @Schema(allowableValues = {"VERIFIED", "SECONDARY", "UNCERTAIN", "UNKNOWN"}) String certainty,
                         @Schema(description = "the resolution an administrator gave for the link", nullable = true) String legalBasis) {
        static SuccessionDto of(Succession s) {
            return new SuccessionDto(UnitDto.of(s.unit()), s.coverage().name(), s.effectiveOn(), s.basis().name(),
                    s.certainty().name(), s.legalBasis());
        }
    }

    @Schema(description = "Thôn, tổ dân phố mới. / A new hamlet or residential group.")
    record CreateHamletRequest(
            @Schema(description = "Xã, phường chứa thôn. / The commune.", example = "1366", requiredMode = Schema.RequiredMode.REQUIRED) Long parentId,
            @Schema(description = "Tên. / Name.", example = "Xóm Nà Mạ", requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(description = "Loại: thon, xom, ban, ap, to-dan-pho… / Kind.", example = "xom") String type,
            @Schema(description = "Có từ ngày (mặc định hôm nay). / Valid from (default today).", example = "2026-01-01") LocalDate validFrom) {
    }

    /** version: the version the client read; a stale one answers 409 instead of overwriting. */
    record RenameRequest(
            @Schema(description = "Tên mới. / New name.", example = "Xóm Nà Mạ Mới", requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(description = "Phiên bản đã đọc; phiên bản cũ trả 409. / The version you read; a stale one answers 409.",
                    example = "0", minimum = "0", requiredMode = Schema.RequiredMode.REQUIRED) Long version) {
    }

    record CloseRequest(
            @Schema(description = "Ngày cuối cùng còn tồn tại. / Last day of existence.", example = "2026-12-31",
                    requiredMode = Schema.RequiredMode.REQUIRED) LocalDate validTo,
            @Schema(description = "Phiên bản đã đọc; phiên bản cũ trả 409. / The version you read; a stale one answers 409.",
                    example = "1", minimum = "0", requiredMode = Schema.RequiredMode.REQUIRED) Long version) {
    }

    private final OrgUnitDirectory directory;
    private final HamletService hamlets;
    private final StructureDates dates;
    private final UnitAttributes attributes;
    private final org.springframework.context.MessageSource messages;

    OrgUnitApiController(OrgUnitDirectory directory, HamletService hamlets, StructureDates dates, UnitAttributes attributes,
                         org.springframework.context.MessageSource messages) {
        this.directory = directory;
        this.hamlets = hamlets;
        this.dates = dates;
        this.attributes = attributes;
        this.messages = messages;
    }

    @GetMapping
    @Operation(operationId = "listOrgUnits", summary = "Danh sách đơn vị hành chính",
            description = "Units valid on a date within the caller's area; q matches names with or without diacritics. "
                    + "border, especiallyDifficult, island, zone and emRegion keep the communes whose dated attribute in force on "
                    + "that date has the value (a commune whose attribute is not known that day is left out).")
    List<UnitDto> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                       @Parameter(description = "0 nation, 1 province, 2 district (until 2025-06-30), 3 commune, 4 hamlet")
                       @RequestParam(required = false) Integer level,
                       @RequestParam(required = false) Long parentId,
                       @RequestParam(required = false) String q,
                       @Parameter(description = "maximum rows: default 100 with q (a search), 1000 without; at most 20000")
                       @RequestParam(required = false) Integer limit,
                       @Parameter(description = "border commune on the date") @RequestParam(required = false) Boolean border,
                       @Parameter(description = "especially difficult commune on the date") @RequestParam(required = false) Boolean especiallyDifficult,
                       @Parameter(description = "island commune on the date") @RequestParam(required = false) Boolean island,
                       @Parameter(description = "HIGHLAND or LOWLAND on the date") @RequestParam(required = false) String zone,
                       @Parameter(description = "region of the ethnic-minority and mountainous area on the date: I, II or III")
                       @RequestParam(required = false) String emRegion) {
        LocalDate d = dates.check("date", date);
        if (level != null && (level < 0 || level > 4)) {
            throw new InvalidInputProblem("level", "unit.level.invalid");
        }
        int max = limit != null ? limit : (q != null && !q.isBlank() ? 100 : 1000);
        if (max < 1 || max > 20000) {
            throw new InvalidInputProblem("limit", "error.limitRange", 1, 20000);
        }
        UnitAttributeFilter wanted = new UnitAttributeFilter(border, especiallyDifficult, island, zone, emRegion);
        CurrentUser user = CurrentUsers.require();
        List<OrgUnit> found = directory.search(user, d, level, parentId, q, max, wanted);
        Map<Long, List<UnitAttributes.Entry>> attrs = attributes.onDate(found.stream().map(OrgUnit::id).toList(), d);
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return found.stream().map(u -> UnitDto.of(u, attrs.getOrDefault(u.id(), List.of()).stream()
                .map(a -> new AttributeDto(a.attribute().name(), a.value(), messages.getMessage(a.attribute().key(), null, locale)
                        + ": " + messages.getMessage(a.valueKey(), null, locale), a.validFrom(), a.validTo(), a.legalBasis(),
                        a.certainty().name())).toList())).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getOrgUnit", summary = "Xem một đơn vị hành chính",
            description = "One unit of the caller's area.")
    UnitDto get(@PathVariable long id) {
        return UnitDto.of(directory.requireReadable(CurrentUsers.require(), id));
    }

    @GetMapping("/{id}/successors")
    @Operation(operationId = "listOrgUnitSuccessors", summary = "Đơn vị kế thừa",
            description = "Units that took over this unit (the 2025 reform and the arrangements of 2019-2025), with coverage FULL or PARTIAL, where the link comes from and how certain it is")
    List<SuccessionDto> successors(@PathVariable long id) {
        directory.requireReadable(CurrentUsers.require(), id);
        return directory.successors(id).stream().map(SuccessionDto::of).toList();
    }

    @GetMapping("/{id}/predecessors")
    @Operation(operationId = "listOrgUnitPredecessors", summary = "Đơn vị tiền thân",
            description = "Units this unit took over (the 2025 reform and the arrangements of 2019-2025), with coverage FULL or PARTIAL, where the link comes from and how certain it is.")
    List<SuccessionDto> predecessors(@PathVariable long id) {
        directory.requireReadable(CurrentUsers.require(), id);
        return directory.predecessors(id).stream().map(SuccessionDto::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createHamlet", summary = "Thêm thôn, tổ dân phố",
            description = "Create a hamlet or residential group in a commune of the caller's area")
    UnitDto create(@RequestBody CreateHamletRequest request) {
        if (request.parentId() == null) {
            throw new InvalidInputProblem("parentId", "hamlet.parent.required");
        }
        OrgUnit created = hamlets.create(CurrentUsers.require(), request.parentId(),
                new HamletService.NewHamlet(request.name(), request.type(), request.validFrom()));
        return UnitDto.of(created);
    }

    @org.springframework.web.bind.annotation.PatchMapping("/{id}")
    @Operation(operationId = "renameHamlet", summary = "Đổi tên thôn, tổ dân phố",
            description = "Rename a hamlet or residential group (send the version you read)")
    UnitDto rename(@PathVariable long id, @RequestBody RenameRequest request) {
        if (request.version() == null) {
            throw new InvalidInputProblem("version", "error.versionRequired");
        }
        return UnitDto.of(hamlets.rename(CurrentUsers.require(), id, request.name(), request.version()));
    }

    @PostMapping("/{id}/close")
    @Operation(operationId = "closeHamlet", summary = "Giải thể thôn, tổ dân phố từ một ngày",
            description = "Close a hamlet or residential group from a date (it stays in history)")
    UnitDto close(@PathVariable long id, @RequestBody CloseRequest request) {
        if (request.version() == null) {
            throw new InvalidInputProblem("version", "error.versionRequired");
        }
        return UnitDto.of(hamlets.close(CurrentUsers.require(), id, request.validTo(), request.version()));
    }
}
