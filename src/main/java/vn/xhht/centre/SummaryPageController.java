package vn.xhht.centre;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.document.XlsxExport;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;
import vn.xhht.document.Downloads;

/** Activity summaries for any unit and period: totals, by type and topic (chart), per unit below; .xlsx export. */
@Controller
class SummaryPageController {

    private final ActivitySummary summary;
    private final ReferenceLists lists;
    private final OrgUnitDirectory units;
    private final XlsxExport xlsx;
    private final Campaigns campaigns;
    private final VietnamClock clock;

    SummaryPageController(ActivitySummary summary, ReferenceLists lists, OrgUnitDirectory units, XlsxExport xlsx, Campaigns campaigns, VietnamClock clock) {
        this.summary = summary;
        this.lists = lists;
        this.units = units;
        this.xlsx = xlsx;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    record Period(LocalDate from, LocalDate to) {
        static Period of(LocalDate from, LocalDate to, LocalDate today) {
            LocalDate f = from == null ? today.with(IsoFields.DAY_OF_QUARTER, 1) : from;
            LocalDate t = to == null ? f.plusMonths(3).minusDays(1) : to;
            if (t.isBefore(f)) {
                throw new InvalidInputProblem("to", "activity.endDate.beforeStart");
            }
            return new Period(f, t);
        }
    }

    @GetMapping("/activities/summary")
    String page(@RequestParam(required = false) Long unitId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        CurrentUser user = CurrentUsers.require();
        long unit = unitId == null ? user.unitId() : unitId;
        OrgUnit u = units.requireReadable(user, unit);
        // an ended unit has nothing this quarter: open on its last quarter, not on empty zeros
        if (from == null && to == null && u.validTo() != null && u.validTo().isBefore(clock.today())) {
            from = u.validTo().with(IsoFields.DAY_OF_QUARTER, 1);
        }
        Period p = Period.of(from, to, clock.today());
        ActivitySummary.Summary s = summary.summarize(user, unit, p.from(), p.to());
        model.addAttribute("unit", u);
        model.addAttribute("period", p);
        model.addAttribute("summary", s);
        model.addAttribute("children", u.level() < OrgUnit.COMMUNE ? summary.byChild(user, unit, p.from(), p.to()) : List.of());
        model.addAttribute("targets", summary.participationTargets(unit, p.to()));
        model.addAttribute("typeNames", names(lists.activityTypes(LocaleContextHolder.getLocale())));
        model.addAttribute("topicNames", names(lists.topics(LocaleContextHolder.getLocale())));
        model.addAttribute("maxType", s.byType().values().stream().mapToLong(Long::longValue).max().orElse(1));
        model.addAttribute("maxTopic", s.byTopic().values().stream().mapToLong(Long::longValue).max().orElse(1));
        model.addAttribute("campaigns", campaigns.all().stream().map(c -> Map.of("campaign", c, "totals", campaigns.totals(user, c.id(), unit))).toList());
        model.addAttribute("canAddCampaign", user.isAdmin());
        return "centres/summary";
    }

    @GetMapping("/activities/summary.xlsx")
    void export(@RequestParam(required = false) Long unitId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        long unit = unitId == null ? user.unitId() : unitId;
        Period p = Period.of(from, to, clock.today());
        OrgUnit u = units.requireReadable(user, unit);
        ActivitySummary.Summary s = summary.summarize(user, unit, p.from(), p.to());
        List<ActivitySummary.ChildLine> lines = u.level() < OrgUnit.COMMUNE ? summary.byChild(user, unit, p.from(), p.to()) : List.of();
        Downloads.attachment(response, Downloads.Format.XLSX, "tong-hop-hoat-dong");
        String title = "Tổng hợp hoạt động " + u.name() + " từ " + fmt(p.from()) + " đến " + fmt(p.to());
        xlsx.write(response.getOutputStream(), "Tổng hợp", title, List.of(
                new XlsxExport.Column("Đơn vị", XlsxExport.ColumnType.TEXT, 34),
                new XlsxExport.Column("Số hoạt động", XlsxExport.ColumnType.INTEGER, 12),
                new XlsxExport.Column("Lượt người", XlsxExport.ColumnType.INTEGER, 12),
                new XlsxExport.Column("Trong đó nữ", XlsxExport.ColumnType.INTEGER, 12),
                new XlsxExport.Column("Trong đó DTTS", XlsxExport.ColumnType.INTEGER, 12)), sink -> {
            sink.row(u.name(), s.activities(), s.participations(), s.women(), s.ethnicMinority());
            for (ActivitySummary.ChildLine l : lines) {
                sink.row(l.name() == null ? "(đơn vị trước sắp xếp)" : "   " + l.name(), l.activities(), l.participations(), l.women(), l.ethnicMinority());
            }
        });
    }

    @PostMapping("/campaigns")
    String addCampaign(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
                       @RequestParam(required = false) String name, @RequestParam(required = false) String theme,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                       RedirectAttributes r) {
        try {
            campaigns.create(CurrentUsers.require(), kind, year, name, theme, startsOn, endsOn);
        } catch (InvalidInputProblem | IllegalArgumentException e) {
            r.addFlashAttribute("error", "Đợt cao điểm chưa được lưu: hãy nhập đủ loại, năm, tên và thời gian.");
        }
        return "redirect:/activities/summary";
    }

    private static String fmt(LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static Map<String, String> names(List<ReferenceLists.Item> items) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        items.forEach(i -> m.put(i.code(), i.name()));
        return m;
    }
}
