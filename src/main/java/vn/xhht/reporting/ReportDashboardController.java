package vn.xhht.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.VietnamClock;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/**
 * Indicators of the user's unit (or one below it) for a period: this period from the live data, the same period last
 * year, the yearly target and its achievement; a line chart by quarter; and the approved reports of the units directly
 * below as a bar chart and table (this year against last year).
 */
@Controller
class ReportDashboardController {

    /** Indicator → its yearly target figure (null: no target). Only figures some module provides are shown. */
    static final Map<String, String> INDICATORS = new LinkedHashMap<>();

    static {
        INDICATORS.put("activities.participations", "plan.target.participations");
        INDICATORS.put("activities.count", null);
        INDICATORS.put("activities.thematic_sessions", "plan.target.thematic_classes");
        INDICATORS.put("activities.women", null);
        INDICATORS.put("activities.ethnic_minority", null);
        INDICATORS.put("clubs.count", "plan.target.clubs");
        INDICATORS.put("literacy.classes.open", "plan.target.literacy_classes");
        INDICATORS.put("literacy.classes.learners", null);
        INDICATORS.put("centres.count", null);
        INDICATORS.put("evaluation.centre.rating.good", null);
    }

    private final FigureSources sources;
    private final OrgUnitDirectory units;
    private final ReportRollup rollup;
    private final TemplateCatalog templates;
    private final MessageSource messages;
    private final VietnamClock clock;

    ReportDashboardController(FigureSources sources, OrgUnitDirectory units, ReportRollup rollup, TemplateCatalog templates, MessageSource messages, VietnamClock clock) {
        this.sources = sources;
        this.units = units;
        this.rollup = rollup;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
    }

    public record Indicator(String code, String label, BigDecimal current, BigDecimal lastYear, BigDecimal target, BigDecimal achieved,
                            BigDecimal change) {
    }

    public record ChildRow(String name, BigDecimal current, BigDecimal lastYear) {
    }

    @GetMapping("/reports/dashboard")
    String dashboard(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String period,
                     @RequestParam(required = false) String templateCode, Model model) {
        CurrentUser user = CurrentUsers.require();
        OrgUnit unit = units.requireReadable(user, unitId == null ? user.unitId() : unitId);
        String code = period == null || period.isBlank() ? String.valueOf(clock.today().getYear()) : period.strip().toUpperCase();
        ReportPeriod p = ReportPeriods.tryParse(code).orElseThrow(() -> new InvalidInputProblem("period", "report.period.invalid", code, "—"));
        ReportPeriod prev = p.previousYear();
        Map<String, String> provided = sources.figures();
        Set<String> wanted = new java.util.HashSet<>();
        INDICATORS.forEach((k, v) -> {
            wanted.add(k);
            if (v != null) {
                wanted.add(v);
            }
        });
        Map<String, BigDecimal> now = sources.values(wanted, unit.id(), p.from(), p.to());
        Map<String, BigDecimal> before = unit.validOn(prev.to()) || !units.predecessors(unit.id()).isEmpty()
                ? sources.values(wanted, unit.id(), prev.from(), prev.to()) : Map.of();
        List<Indicator> indicators = new ArrayList<>();
        INDICATORS.forEach((k, targetCode) -> {
            if (!provided.containsKey(k)) {
                return;
            }
            BigDecimal cur = now.get(k), last = before.get(k), target = targetCode == null ? null : now.get(targetCode);
            BigDecimal change = cur == null || last == null || last.signum() == 0 ? null
                    : cur.subtract(last).multiply(BigDecimal.valueOf(100)).divide(last, 2, java.math.RoundingMode.DOWN);
            indicators.add(new Indicator(k, text(provided.get(k)), cur, last, target, ReportRules.ratio(cur, target), change));
        });
        model.addAttribute("unit", unit);
        model.addAttribute("period", p);
        List<ReportPeriod> choices = new ArrayList<>(ReportPeriods.standardChoices(clock.today(), false));
        if (choices.stream().noneMatch(c -> c.code().equals(p.code()))) {
            choices.add(0, p); // a period opened from a link stays the chosen one
        }
        model.addAttribute("periodChoices", choices);
        model.addAttribute("indicators", indicators);
        String curName = p.label(), prevName = prev.label();
        // participations by quarter of the period's year, this year against last year
        if (provided.containsKey("activities.participations")) {
            int y = p.from().getYear();
            List<String> labels = List.of("Q1", "Q2", "Q3", "Q4");
            List<BigDecimal> cur = new ArrayList<>(), last = new ArrayList<>();
            for (int q = 1; q <= 4; q++) {
                ReportPeriod qc = ReportPeriods.parse(y + "Q" + q), ql = ReportPeriods.parse((y - 1) + "Q" + q);
                cur.add(qc.from().isAfter(clock.today()) ? null
                        : sources.values(Set.of("activities.participations"), unit.id(), qc.from(), qc.to()).get("activities.participations"));
                last.add(sources.values(Set.of("activities.participations"), unit.id(), ql.from(), ql.to()).get("activities.participations"));
            }
            model.addAttribute("lineChart", SvgCharts.lines(labels, cur, last, "Năm " + y, "Năm " + (y - 1)));
        }
        // the units below, from their approved reports of a template for this period and last year's
        ReportTemplate t = templates.find(templateCode).orElse(templates.all().get(0));
        model.addAttribute("templates", templates.all());
        model.addAttribute("template", t);
        List<ChildRow> rows = new ArrayList<>();
        ReportPeriods.parse(t, p.code()).ifPresent(tp -> {
            String field = ReportDocuments.annexFields(t).isEmpty() ? null : ReportDocuments.annexFields(t).get(0).code();
            if (field == null) {
                return;
            }
            model.addAttribute("childField", t.field(field).orElseThrow().label());
            Map<String, BigDecimal> lastByName = new java.util.HashMap<>();
            rollup.children(t, tp.previousYear(), unit.id()).forEach(c -> lastByName.put(c.unitName(), c.values().get(field)));
            // only the units with an approved figure this year or last year; the board lists the others
            rollup.children(t, tp, unit.id()).forEach(c -> {
                if (c.values().get(field) != null || lastByName.get(c.unitName()) != null) {
                    rows.add(new ChildRow(c.unitName(), c.values().get(field), lastByName.get(c.unitName())));
                }
            });
        });
        model.addAttribute("childRows", rows);
        if (!rows.isEmpty()) {
            List<SvgCharts.Bar> bars = rows.stream().sorted((a, b) -> compare(b.current(), a.current())).limit(30)
                    .map(r -> new SvgCharts.Bar(r.name(), r.current(), r.lastYear())).toList();
            model.addAttribute("barChart", SvgCharts.bars(bars, curName, prevName));
        }
        model.addAttribute("children", units.search(user, p.to(), null, unit.id(), null, 500));
        return "reports/dashboard";
    }

    private static int compare(BigDecimal a, BigDecimal b) {
        return a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
