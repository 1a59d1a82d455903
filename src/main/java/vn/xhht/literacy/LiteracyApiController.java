package vn.xhht.literacy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

@RestController
@RequestMapping("/api/v1/literacy")
@Tag(name = "Xóa mù chữ, phổ cập giáo dục / Literacy and universal education")
class LiteracyApiController {

    private final RegisterImport imports;
    private final LiteracyIndicators indicators;
    private final Register register;
    private final VietnamClock clock;

    LiteracyApiController(RegisterImport imports, LiteracyIndicators indicators, Register register, VietnamClock clock) {
        this.imports = imports;
        this.indicators = indicators;
        this.register = register;
        this.clock = clock;
    }

    @Schema(name = "LiteracyImportStarted")
    record Created(@Schema(description = "Mã lần nhập; theo dõi ở GET /literacy/imports/{id}. / Import id to poll.") long id) {
    }

    @Schema(name = "LiteracyPersonList")
    record PersonList(@Schema(description = "BELOW3, BELOW5, MOBILISE") String kind, @Schema(minimum = "0") int count,
                      List<Register.Person> persons) {
    }

    @Operation(operationId = "startLiteracyImport", summary = "Nhập sổ theo dõi phổ cập, xóa mù chữ từ tệp",
            description = "Import a register file (.xlsx or .csv) into the communes below unitId; runs in the background")
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Created startImport(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Long unitId,
                        @RequestParam(required = false) LocalDate surveyDate, @RequestParam(required = false) String team) throws IOException {
        CurrentUser user = CurrentUsers.require();
        if (unitId == null) {
            throw new InvalidInputProblem("unitId", "lit.import.unitRequired");
        }
        if (file == null || file.isEmpty()) {
            throw new InvalidInputProblem("file", "lit.import.empty");
        }
        return new Created(imports.start(user, unitId, file, surveyDate, team));
    }

    @Schema(name = "LiteracyImportStatus")
    record ImportStatus(long id, String status, Integer rowsTotal, int rowsDone, int inserted, int updated, int unchanged,
                        String message, Long peakHeapBytes, List<RegisterImport.ImportError> errors) {
    }

    @Operation(operationId = "getLiteracyImport", summary = "Tiến độ và kết quả một lần nhập sổ",
            description = "Progress and result of an import, with every rejected row")
    @GetMapping("/imports/{id}")
    ImportStatus importStatus(@PathVariable long id) {
        RegisterImport.Job j = imports.job(CurrentUsers.require(), id);
        return new ImportStatus(j.id(), j.status(), j.rowsTotal(), j.rowsDone(), j.inserted(), j.updated(), j.unchanged(),
                j.message(), j.peakHeapBytes(), j.errors());
    }

    @Operation(operationId = "getLiteracyIndicators", summary = "Chỉ số phổ cập, xóa mù chữ của một đơn vị",
            description = "Indicators and standards of a unit's subtree on a date (default today)")
    @GetMapping("/indicators")
    LiteracyIndicators.Indicators indicators(@RequestParam long unitId, @RequestParam(required = false) LocalDate date) {
        return indicators.compute(CurrentUsers.require(), unitId, date == null ? clock.today() : date);
    }

    @Operation(operationId = "listLiteracyCommunes", summary = "Tỷ lệ biết chữ và mức đạt chuẩn của các xã",
            description = "Communes of a unit with their literacy rates and XMC level. border, especiallyDifficult, island, zone "
                    + "and emRegion keep the communes whose dated attribute in force on the date has the value (not known: left out).")
    @GetMapping("/indicators/communes")
    List<LiteracyIndicators.CommuneLine> communes(@RequestParam long unitId, @RequestParam(required = false) LocalDate date,
                                                  @Parameter(description = "border commune on the date") @RequestParam(required = false) Boolean border,
                                                  @Parameter(description = "especially difficult commune on the date") @RequestParam(required = false) Boolean especiallyDifficult,
                                                  @Parameter(description = "island commune on the date") @RequestParam(required = false) Boolean island,
                                                  @Parameter(description = "HIGHLAND or LOWLAND on the date") @RequestParam(required = false) String zone,
                                                  @Parameter(description = "region of the ethnic-minority and mountainous area on the date: I, II or III")
                                                  @RequestParam(required = false) String emRegion) {
        return indicators.communes(CurrentUsers.require(), unitId, date == null ? clock.today() : date,
                new vn.xhht.orgunit.UnitAttributeFilter(border, especiallyDifficult, island, zone, emRegion));
    }

    @Operation(operationId = "searchLiteracyPersons", summary = "Tìm người trong sổ theo dõi",
            description = "Persons of a unit's subtree (needs the literacy permission; logged); paged")
    @GetMapping("/persons")
    Register.Page persons(@RequestParam long unitId, @RequestParam(required = false) String q,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return register.search(CurrentUsers.require(), unitId, q, page, size);
    }

    @Operation(operationId = "getLiteracyList", summary = "Danh sách người dưới chuẩn hoặc cần vận động",
            description = "The list kinds BELOW3, BELOW5, MOBILISE of a unit (hamlet) on a date")
    @GetMapping("/lists")
    PersonList list(@RequestParam long unitId,
                    @Parameter(description = "BELOW3, BELOW5 hoặc MOBILISE. / BELOW3, BELOW5 or MOBILISE.",
                            schema = @Schema(allowableValues = {"BELOW3", "BELOW5", "MOBILISE"})) @RequestParam String kind,
                    @RequestParam(required = false) LocalDate date) {
        List<Register.Person> l = register.list(CurrentUsers.require(), unitId, kind, date == null ? clock.today() : date);
        return new PersonList(kind, l.size(), l);
    }
}
