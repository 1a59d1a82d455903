package vn.xhht.evaluation;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.document.XlsxExport;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;
import vn.xhht.document.Downloads;

/** Statistics against targets, the public list of recognitions, and awards. */
@Controller
class EvaluationResultsController {

    private final ResultStatistics stats;
    private final FrameworkCatalog catalog;
    private final OrgUnitDirectory units;
    private final XlsxExport xlsx;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final VietnamClock clock;

    EvaluationResultsController(ResultStatistics stats, FrameworkCatalog catalog, OrgUnitDirectory units, XlsxExport xlsx,
                                AuditTrail audit, MessageSource messages, VietnamClock clock) {
        this.stats = stats;
        this.catalog = catalog;
        this.units = units;
        this.xlsx = xlsx;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/evaluations/stats")
    String stats(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year,
                 @RequestParam(required = false) String framework, Model model) {
        CurrentUser user = CurrentUsers.require();
        long unit = unitId == null ? user.unitId() : unitId;
        int y = year == null ? clock.today().getYear() - 1 : year;
        String code = framework == null || framework.isBlank() ? "centre-rating" : framework;
        Framework f = catalog.latest(code).framework();
        model.addAttribute("unit", units.requireReadable(user, unit));
        model.addAttribute("year", y);
        model.addAttribute("f", f);
        model.addAttribute("frameworks", catalog.latestVersions());
        model.addAttribute("levels", highestFirst(f));
        model.addAttribute("rows", stats.distribution(user, unit, code, y));
        return "evaluations/stats";
    }

    @GetMapping("/evaluations/stats.xlsx")
    void statsXlsx(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year,
                   @RequestParam(required = false) String framework, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        long unit = unitId == null ? user.unitId() : unitId;
        int y = year == null ? clock.today().getYear() - 1 : year;
        String code = framework == null || framework.isBlank() ? "centre-rating" : framework;
        Framework f = catalog.latest(code).framework();
        OrgUnit u = units.requireReadable(user, unit);
        List<ResultStatistics.Row> rows = stats.distribution(user, unit, code, y);
        List<Framework.Level> levels = highestFirst(f);
        List<XlsxExport.Column> cols = new ArrayList<>();
        cols.add(new XlsxExport.Column("Đơn vị", XlsxExport.ColumnType.TEXT, 32));
        for (Framework.Level l : levels) {
            cols.add(new XlsxExport.Column(l.title(), XlsxExport.ColumnType.INTEGER, 12));
            cols.add(new XlsxExport.Column(l.title() + " (%)", XlsxExport.ColumnType.DECIMAL, 12));
            if (f.targets().containsKey(l.code())) {
                cols.add(new XlsxExport.Column(l.title() + " — chỉ tiêu (%)", XlsxExport.ColumnType.DECIMAL, 14));
            }
        }
        cols.add(new XlsxExport.Column("Tổng", XlsxExport.ColumnType.INTEGER, 10));
        // results rated under an incomplete framework are provisional in the export too
        cols.add(new XlsxExport.Column("Trong đó tạm thời (bộ tiêu chí chưa đầy đủ)", XlsxExport.ColumnType.INTEGER, 16));
        Downloads.attachment(response, Downloads.Format.XLSX, "ket-qua-danh-gia-" + y);
        audit.access(AuditAction.EXPORT, "EvaluationStatistics", unit, unit, "Xuất thống kê kết quả " + code + " " + y);
        xlsx.write(response.getOutputStream(), "Kết quả " + y, f.title() + " — " + u.name() + " — năm " + y, cols, sink -> {
            for (ResultStatistics.Row r : rows) {
                List<Object> values = new ArrayList<>();
                values.add(r.unitName());
                for (Framework.Level l : levels) {
                    values.add(r.count(l.code()));
                    values.add(r.percent(l.code()));
                    if (f.targets().containsKey(l.code())) {
                        values.add(f.targets().get(l.code()));
                    }
                }
                values.add(r.total());
                values.add(r.provisional());
                sink.row(values.toArray());
            }
        });
    }

    static List<Framework.Level> highestFirst(Framework f) {
        List<Framework.Level> l = new ArrayList<>(f.levels());
        java.util.Collections.reverse(l);
        return l;
    }

    /** Public list of recognitions: no login. */
    @GetMapping("/public/evaluations")
    String published(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long provinceId, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("provinceId", provinceId);
        model.addAttribute("lines", stats.published(year, provinceId));
        model.addAttribute("provinces", stats.publishedProvinces());
        return "evaluations/public";
    }

    @GetMapping("/evaluations/awards")
    String awards(@RequestParam(required = false) Long unitId, Model model) {
        CurrentUser user = CurrentUsers.require();
        long unit = unitId == null ? user.unitId() : unitId;
        model.addAttribute("unit", units.requireReadable(user, unit));
        model.addAttribute("awards", stats.awards(user, unit));
        model.addAttribute("canWrite", units.canWrite(user, unit));
        model.addAttribute("today", clock.today());
        return "evaluations/awards";
    }

    @PostMapping("/evaluations/awards")
    String addAward(@RequestParam long unitId, @RequestParam(required = false) String recipientKind,
                    @RequestParam(required = false) String recipientName, @RequestParam(required = false) String awardTitle,
                    @RequestParam(required = false) Integer awardYear, @RequestParam(required = false) String decisionNumber,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
                    @RequestParam(required = false) String issuer, @RequestParam(required = false) String reason, RedirectAttributes r) {
        try {
            stats.addAward(CurrentUsers.require(), unitId, recipientKind, recipientName, awardTitle, awardYear, decisionNumber,
                    decisionDate, issuer, reason);
            r.addFlashAttribute("ok", messages.getMessage("evaluation.saved", null, LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("errors", FormErrors.of(e, messages));
        }
        return "redirect:/evaluations/awards?unitId=" + unitId;
    }
}
