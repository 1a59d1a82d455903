package vn.xhht.reporting;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.reporting.ReportTemplate.Field;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;

/** Periodic reports over REST (issue 7, part 8). Errors are problem+json naming the field. */
@RestController
@RequestMapping("/api/v1")
class ReportApiController {

    private final ReportService reports;
    private final TemplateCatalog templates;
    private final CompletenessBoard board;
    private final ReportDocuments documents;
    private final FigureSources sources;
    private final AuditTrail audit;

    ReportApiController(ReportService reports, TemplateCatalog templates, CompletenessBoard board, ReportDocuments documents,
                        FigureSources sources, AuditTrail audit) {
        this.reports = reports;
        this.templates = templates;
        this.board = board;
        this.documents = documents;
        this.sources = sources;
        this.audit = audit;
    }

    @GetMapping("/report-templates")
    List<Map<String, Object>> templates() {
        CurrentUsers.require();
        Map<String, String> provided = sources.figures();
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReportTemplate t : templates.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", t.code());
            m.put("title", t.title());
            m.put("periodicity", t.periodicity());
            m.put("submittingLevels", t.submittingLevels());
            m.put("receiver", t.receiver());
            m.put("due", Map.of("rule", t.dueRule().kind(), "text", t.dueRule().text()));
            m.put("basis", t.basis());
            if (t.campaignCode() != null) {
                m.put("campaignCode", t.campaignCode());
            }
            List<Map<String, Object>> sections = new ArrayList<>();
            for (ReportTemplate.Section s : t.sections()) {
                List<Map<String, Object>> fields = new ArrayList<>();
                for (Field f : s.fields()) {
                    Map<String, Object> fm = new LinkedHashMap<>();
                    fm.put("code", f.code());
                    fm.put("label", f.label());
                    fm.put("type", f.type());
                    fm.put("unit", f.unit());
                    fm.put("source", f.source());
                    fm.put("sourceAvailable", f.source() != null && provided.containsKey(f.source()));
                    fm.put("ratio", f.ratioOf() == null ? null : f.ratioOf() + " / " + f.ratioTo());
                    fm.put("aggregation", f.aggregation());
                    fm.put("required", f.required());
                    if (!f.columns().isEmpty()) {
                        fm.put("columns", f.columns());
                    }
                    fields.add(fm);
                }
                sections.add(Map.of("code", s.code(), "title", s.title(), "fields", fields));
            }
            m.put("sections", sections);
            m.put("rules", t.rules());
            out.add(m);
        }
        return out;
    }

    @GetMapping("/reports")
    List<ReportService.Summary> list(@RequestParam(required = false) String templateCode, @RequestParam(required = false) String period,
                                     @RequestParam(required = false) Long unitId) {
        CurrentUser user = CurrentUsers.require();
        if (templateCode != null && !templateCode.isBlank()) {
            ReportTemplate t = templates.require(templateCode);
            if (period != null && !period.isBlank()) {
                reports.period(t, period);
            }
        }
        return reports.list(user, templateCode, period == null ? null : period.strip().toUpperCase(), unitId, 1000);
    }

    record CreateRequest(String templateCode, String period, Long unitId) {
    }

    @PostMapping("/reports")
    ResponseEntity<Map<String, Object>> create(@RequestBody CreateRequest req) {
        CurrentUser user = CurrentUsers.require();
        if (req.templateCode() == null || req.templateCode().isBlank()) {
            throw new InvalidInputProblem("templateCode", "report.template.required");
        }
        Report r = reports.create(user, req.templateCode(), req.period(), req.unitId());
        return ResponseEntity.status(HttpStatus.CREATED).body(json(r));
    }

    @GetMapping("/reports/{id}")
    Map<String, Object> get(@PathVariable long id) {
        return json(reports.require(CurrentUsers.require(), id));
    }

    record ValuesRequest(Long version, Map<String, Object> values, Map<String, String> reasons) {
    }

    @PutMapping("/reports/{id}/values")
    Map<String, Object> values(@PathVariable long id, @RequestBody ValuesRequest req) {
        if (req.version() == null) {
            throw new InvalidInputProblem("version", "report.version.required");
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (req.values() != null) {
            req.values().forEach((k, v) -> values.put(k, v == null ? null : v instanceof BigDecimal b ? b.toPlainString() : v instanceof List<?> rows
                    ? String.join("\n", rows.stream().map(row -> row instanceof List<?> cells
                    ? String.join(" | ", cells.stream().map(c -> c == null ? "" : c.toString().replace("|", "/")).toList()) : String.valueOf(row)).toList())
                    : v.toString()));
        }
        return json(reports.saveValues(CurrentUsers.require(), id, req.version(), values, req.reasons() == null ? Map.of() : req.reasons()));
    }

    @PostMapping("/reports/{id}/refresh")
    Map<String, Object> refresh(@PathVariable long id) {
        CurrentUser user = CurrentUsers.require();
        List<ReportService.Change> changes = reports.refresh(user, id);
        Map<String, Object> m = json(reports.require(user, id));
        m.put("changes", changes);
        return m;
    }

    record Decision(String comment, String reason) {
    }

    @PostMapping("/reports/{id}/submit")
    Map<String, Object> submit(@PathVariable long id) {
        return json(reports.submit(CurrentUsers.require(), id));
    }

    @PostMapping("/reports/{id}/approve")
    Map<String, Object> approve(@PathVariable long id, @RequestBody(required = false) Decision d) {
        return json(reports.approve(CurrentUsers.require(), id, d == null ? null : d.comment()));
    }

    @PostMapping("/reports/{id}/return")
    Map<String, Object> returnIt(@PathVariable long id, @RequestBody(required = false) Decision d) {
        return json(reports.returnWithComment(CurrentUsers.require(), id, d == null ? null : d.comment()));
    }

    @PostMapping("/reports/{id}/reopen")
    Map<String, Object> reopen(@PathVariable long id, @RequestBody(required = false) Decision d) {
        String reason = d == null ? null : d.reason() != null ? d.reason() : d.comment();
        return json(reports.reopen(CurrentUsers.require(), id, reason));
    }

    @GetMapping("/reports/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String format) {
        CurrentUser user = CurrentUsers.require();
        Report r = reports.require(user, id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String type = switch (format) {
            case "xlsx" -> {
                documents.xlsx(r, out);
                yield "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
            case "pdf" -> {
                documents.pdf(r, out);
                yield "application/pdf";
            }
            case "docx" -> {
                documents.docx(r, out);
                yield "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            }
            default -> throw new InvalidInputProblem("format", "report.format.invalid");
        };
        audit.access(AuditAction.EXPORT, ReportService.SUBJECT, id, r.unitId(), "Xuất " + format + " " + r.template().title() + " " + r.period().label());
        return ResponseEntity.ok().header("Content-Type", type)
                .header("Content-Disposition", "attachment; filename=\"" + ReportPageController.fileName(r) + "." + format + "\"").body(out.toByteArray());
    }

    @GetMapping("/reports/completeness")
    Map<String, Object> completeness(@RequestParam String templateCode, @RequestParam String period, @RequestParam(required = false) Long unitId) {
        CompletenessBoard.Board b = board.board(CurrentUsers.require(), templateCode, period, unitId, LocalDate.now(CompletenessBoard.VIETNAM));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("templateCode", b.template().code());
        m.put("period", b.period().code());
        m.put("unitId", b.unit().id());
        m.put("dueDate", b.dueDate());
        m.put("expected", b.counts().expected());
        m.put("onTime", b.counts().onTime());
        m.put("late", b.counts().late());
        m.put("missing", b.counts().missing());
        m.put("approved", b.counts().approved());
        m.put("returned", b.counts().returned());
        m.put("notDue", b.counts().notDue());
        m.put("units", b.lines());
        return m;
    }

    private Map<String, Object> json(Report r) {
        Set<String> unsourced = reports.unsourced(r.template());
        Map<String, BigDecimal> lastYear = reports.lastYear(r);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("templateCode", r.template().code());
        m.put("period", r.period().code());
        m.put("periodLabel", r.period().label());
        m.put("unitId", r.unitId());
        m.put("unitName", r.unitName());
        m.put("aggregate", r.aggregate());
        m.put("status", r.review().status());
        m.put("dueDate", r.dueDate());
        m.put("submittedAt", r.review().submittedAt());
        m.put("version", r.version());
        List<Map<String, Object>> values = new ArrayList<>();
        for (Field f : r.template().fields()) {
            Report.Value v = r.value(f.code());
            Map<String, Object> fm = new HashMap<>();
            fm.put("field", f.code());
            fm.put("label", f.label());
            fm.put("type", f.type());
            fm.put("value", v == null ? null : f.numeric() ? v.num() : v.text());
            fm.put("sourceValue", v == null ? null : v.sourceValue());
            fm.put("lastYear", lastYear.get(f.code()));
            fm.put("overridden", v != null && v.overridden());
            fm.put("reason", v == null ? null : v.reason());
            fm.put("source", f.source());
            fm.put("manual", f.source() == null && !f.computed() || unsourced.contains(f.code()));
            fm.put("noSource", unsourced.contains(f.code()));
            values.add(fm);
        }
        m.put("values", values);
        return m;
    }
}
