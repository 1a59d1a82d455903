package vn.xhht.reporting;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.reporting.ReportTemplate.Field;
import vn.xhht.document.Downloads;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.reporting.ReportApiModels.*;
import vn.xhht.shared.VietnamClock;

/** Periodic reports over REST (issue 7, part 8). Errors are problem+json naming the field. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Báo cáo định kỳ / Periodic reports")
class ReportApiController {

    private final ReportService reports;
    private final ReportDeadlines deadlines;
    private final ReportListing listing;
    private final ReportRollup rollup;
    private final ReportEntry entry;
    private final TemplateCatalog templates;
    private final CompletenessBoard board;
    private final ReportDocuments documents;
    private final FigureSources sources;
    private final AuditTrail audit;
    private final VietnamClock clock;

    ReportApiController(ReportService reports, ReportDeadlines deadlines, ReportListing listing, ReportRollup rollup, ReportEntry entry,
                        TemplateCatalog templates, CompletenessBoard board, ReportDocuments documents,
                        FigureSources sources, AuditTrail audit, VietnamClock clock) {
        this.reports = reports;
        this.deadlines = deadlines;
        this.listing = listing;
        this.rollup = rollup;
        this.entry = entry;
        this.templates = templates;
        this.board = board;
        this.documents = documents;
        this.sources = sources;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/report-templates")
    @Operation(operationId = "listReportTemplates", summary = "Danh sách mẫu báo cáo định kỳ",
            description = "Every report template with its sections, fields, due rule and checks; sourceAvailable says whether a figure is filled automatically.")
    List<TemplateInfo> templates() {
        CurrentUsers.require();
        Map<String, String> provided = sources.figures();
        List<TemplateInfo> out = new ArrayList<>();
        for (ReportTemplate t : templates.all()) {
            List<SectionInfo> sections = new ArrayList<>();
            for (ReportTemplate.Section s : t.sections()) {
                List<FieldInfo> fields = new ArrayList<>();
                for (Field f : s.fields()) {
                    fields.add(new FieldInfo(f.code(), f.label(), f.type(), f.unit(), f.source(),
                            f.source() != null && provided.containsKey(f.source()),
                            f.ratioOf() == null ? null : f.ratioOf() + " / " + f.ratioTo(), f.aggregation(), f.required(), f.columns()));
                }
                sections.add(new SectionInfo(s.code(), s.title(), fields));
            }
            out.add(new TemplateInfo(t.code(), t.title(), t.periodicity(), t.submittingLevels(), t.receiver(),
                    new Due(t.dueRule().kind(), t.dueRule().text()), t.basis(), t.campaignCode(), sections, t.rules()));
        }
        return out;
    }

    @GetMapping("/reports")
    @Operation(operationId = "listReports", summary = "Danh sách báo cáo trong phạm vi của người dùng",
            description = "Reports of the caller's area, optionally of one template, period and unit (at most 1000).")
    List<ReportListing.Summary> list(@RequestParam(required = false) String templateCode, @RequestParam(required = false) String period,
                                     @RequestParam(required = false) Long unitId) {
        CurrentUser user = CurrentUsers.require();
        if (templateCode != null && !templateCode.isBlank()) {
            ReportTemplate t = templates.require(templateCode);
            if (period != null && !period.isBlank()) {
                deadlines.period(t, period);
            }
        }
        return listing.list(user, templateCode, period == null ? null : period.strip().toUpperCase(), unitId, 1000);
    }

    @PostMapping("/reports")
    @Operation(operationId = "createReport", summary = "Tạo báo cáo cho một kỳ",
            description = "Creates the report of a unit for a period; automatic figures are filled at once.")
    @ApiResponse(responseCode = "201", description = "Đã tạo. / Created.")
    ResponseEntity<ReportView> create(@RequestBody CreateRequest req) {
        CurrentUser user = CurrentUsers.require();
        if (req.templateCode() == null || req.templateCode().isBlank()) {
            throw new InvalidInputProblem("templateCode", "report.template.required");
        }
        Report r = reports.create(user, req.templateCode(), req.period(), req.unitId());
        return ResponseEntity.status(HttpStatus.CREATED).body(json(r));
    }

    @GetMapping("/reports/{id}")
    @Operation(operationId = "getReport", summary = "Xem một báo cáo", description = "One report with every field, its automatic figure and last year's value.")
    ReportView get(@PathVariable long id) {
        return json(reports.require(CurrentUsers.require(), id));
    }

    @PutMapping("/reports/{id}/values")
    @Operation(operationId = "saveReportValues", summary = "Lưu số liệu của báo cáo",
            description = "Saves values by field code; send the version you read (a stale version answers 409). Overriding an automatic figure needs a reason.")
    ReportView values(@PathVariable long id, @RequestBody ValuesRequest req) {
        if (req.version() == null) {
            throw new InvalidInputProblem("version", "report.version.required");
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (req.values() != null) {
            req.values().forEach((k, v) -> values.put(k, v == null ? null : v.text()));
        }
        return json(entry.saveValues(CurrentUsers.require(), id, req.version(), values, req.reasons() == null ? Map.of() : req.reasons()));
    }

    @PostMapping("/reports/{id}/refresh")
    @Operation(operationId = "refreshReportFigures", summary = "Cập nhật số liệu tự động",
            description = "Reads the automatic figures again; changes lists what moved (overridden values are kept).")
    ReportView refresh(@PathVariable long id) {
        CurrentUser user = CurrentUsers.require();
        List<ReportRollup.Change> changes = reports.refresh(user, id);
        return json(reports.require(user, id)).withChanges(changes);
    }

    @PostMapping("/reports/{id}/submit")
    @Operation(operationId = "submitReport", summary = "Nộp báo cáo", description = "Submits the report to the receiving unit.")
    ReportView submit(@PathVariable long id) {
        return json(reports.submit(CurrentUsers.require(), id));
    }

    @PostMapping("/reports/{id}/approve")
    @Operation(operationId = "approveReport", summary = "Duyệt báo cáo", description = "The receiving unit approves a submitted report.")
    ReportView approve(@PathVariable long id, @RequestBody(required = false) Decision d) {
        return json(reports.approve(CurrentUsers.require(), id, d == null ? null : d.comment()));
    }

    @PostMapping("/reports/{id}/return")
    @Operation(operationId = "returnReport", summary = "Trả lại báo cáo để sửa", description = "The receiving unit returns a submitted report with a comment.")
    ReportView returnIt(@PathVariable long id, @RequestBody(required = false) Decision d) {
        return json(reports.returnWithComment(CurrentUsers.require(), id, d == null ? null : d.comment()));
    }

    @PostMapping("/reports/{id}/reopen")
    @Operation(operationId = "reopenReport", summary = "Mở lại báo cáo đã duyệt", description = "Reopens an approved report for correction; a reason is required.")
    ReportView reopen(@PathVariable long id, @RequestBody(required = false) Decision d) {
        String reason = d == null ? null : d.reason() != null ? d.reason() : d.comment();
        return json(reports.reopen(CurrentUsers.require(), id, reason));
    }

    @GetMapping("/reports/{id}/export")
    @Operation(operationId = "exportReport", summary = "Tải báo cáo (xlsx, pdf, docx)", description = "The report as a file; the download is logged.")
    @ApiResponse(responseCode = "200", description = "Tệp báo cáo. / The file.", content = {
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<byte[]> export(@PathVariable long id,
                                  @Parameter(description = "xlsx, pdf hoặc docx. / xlsx, pdf or docx.", schema = @Schema(allowableValues = {"xlsx", "pdf", "docx"}))
                                  @RequestParam(defaultValue = "xlsx") String format) {
        CurrentUser user = CurrentUsers.require();
        Report r = reports.require(user, id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Downloads.Format type = switch (format) {
            case "xlsx" -> {
                documents.xlsx(r, out);
                yield Downloads.Format.XLSX;
            }
            case "pdf" -> {
                documents.pdf(r, out);
                yield Downloads.Format.PDF;
            }
            case "docx" -> {
                documents.docx(r, out);
                yield Downloads.Format.DOCX;
            }
            default -> throw new InvalidInputProblem("format", "report.format.invalid");
        };
        audit.access(AuditAction.EXPORT, ReportService.SUBJECT, id, r.unitId(), "Xuất " + format + " " + r.template().title() + " " + r.period().label());
        return ResponseEntity.ok().headers(Downloads.headers(type, ReportDocuments.fileName(r))).body(out.toByteArray());
    }

    @GetMapping("/reports/completeness")
    @Operation(operationId = "getReportCompleteness", summary = "Tình hình nộp báo cáo của các đơn vị",
            description = "Which units below have reported a template for a period: on time, late, missing, approved, returned.")
    Completeness completeness(@RequestParam String templateCode, @RequestParam String period, @RequestParam(required = false) Long unitId) {
        CompletenessBoard.Board b = board.board(CurrentUsers.require(), templateCode, period, unitId, clock.today());
        return new Completeness(b.template().code(), b.period().code(), b.unit().id(), b.dueDate(), b.counts().expected(),
                b.counts().onTime(), b.counts().late(), b.counts().missing(), b.counts().approved(), b.counts().returned(),
                b.counts().notDue(), b.lines());
    }

    private ReportView json(Report r) {
        Set<String> unsourced = rollup.unsourced(r.template());
        Map<String, BigDecimal> lastYear = rollup.lastYear(r);
        List<ValueView> values = new ArrayList<>();
        for (Field f : r.template().fields()) {
            Report.Value v = r.value(f.code());
            values.add(new ValueView(f.code(), f.label(), f.type(), v == null ? null : f.numeric() ? v.num() : v.text(),
                    v == null ? null : v.sourceValue(), lastYear.get(f.code()), v != null && v.overridden(), v == null ? null : v.reason(),
                    f.source(), f.source() == null && !f.computed() || unsourced.contains(f.code()), unsourced.contains(f.code())));
        }
        return new ReportView(r.id(), r.template().code(), r.period().code(), r.period().label(), r.unitId(), r.unitName(), r.aggregate(),
                r.review().status(), r.dueDate(), r.review().submittedAt(), r.version(), values, null);
    }
}
