package vn.xhht.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.xhht.plan.PlanService;
import vn.xhht.shared.ReportFigureSource;

/**
 * The few figures a home shows: this plan year so far against the approved yearly targets and the same span last
 * year, and participations of the last six months as bars. Read through the modules' {@link ReportFigureSource}
 * beans (the same figures the periodic reports use), never from their tables. A figure no module provides or with
 * no data is absent (shown "—"), never zero.
 */
@Component
class HomeFigures {

    /** A key figure: its label, value over the period, the approved yearly target and last year's same span (each may be null). */
    record Figure(String labelKey, BigDecimal value, BigDecimal target, BigDecimal lastYear) {
        /** The share of the target reached, two decimals cut (99.98 % never shows as 100 %); null when unknown. */
        BigDecimal percentOfTarget() {
            return value == null || target == null || target.signum() <= 0 ? null : vn.xhht.shared.Percent.of(value, target);
        }
    }

    /** A bar of the chart: a month, its value (null: no data) and its length in percent of the longest bar. */
    record Bar(YearMonth month, BigDecimal value, int width) {
    }

    record Figures(LocalDate from, LocalDate to, List<Figure> figures, List<Bar> bars) {
    }

    /** label key → achieved figure code, yearly target code (null: no target). */
    static final List<String[]> KEYS = List.of(
            new String[]{"home.figure.activities", "activities.count", null},
            new String[]{"home.figure.participations", "activities.participations", "plan.target.participations"},
            new String[]{"home.figure.thematic", "activities.thematic_sessions", "plan.target.thematic_classes"},
            new String[]{"home.figure.clubs", "clubs.count", "plan.target.clubs"});

    private final ObjectProvider<ReportFigureSource> sources;
    private final PlanService plans;

    HomeFigures(ObjectProvider<ReportFigureSource> sources, PlanService plans) {
        this.sources = sources;
        this.plans = plans;
    }

    /** Figures of the unit's subtree from the start of the plan year containing {@code to} up to {@code to}. */
    Figures of(long unitId, Long provinceId, LocalDate to) {
        boolean school = provinceId == null || "SCHOOL".equals(plans.yearKind(provinceId));
        LocalDate from = school ? LocalDate.of(to.getMonthValue() >= 9 ? to.getYear() : to.getYear() - 1, 9, 1) : to.withDayOfYear(1);
        Set<String> achieved = Set.of("activities.count", "activities.participations", "activities.thematic_sessions", "clubs.count");
        Set<String> targets = Set.of("plan.target.participations", "plan.target.thematic_classes", "plan.target.clubs");
        Map<String, BigDecimal> now = values(achieved, unitId, from, to);
        Map<String, BigDecimal> before = values(achieved, unitId, from.minusYears(1), to.minusYears(1));
        Map<String, BigDecimal> target = values(targets, unitId, from, to);
        List<Figure> figures = new ArrayList<>();
        for (String[] k : KEYS) {
            figures.add(new Figure(k[0], now.get(k[1]), k[2] == null ? null : target.get(k[2]), before.get(k[1])));
        }
        List<YearMonth> months = new ArrayList<>();
        for (int i = 5; i >= 0; i--) {
            months.add(YearMonth.from(to).minusMonths(i));
        }
        List<BigDecimal> values = new ArrayList<>();
        for (YearMonth m : months) {
            LocalDate end = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
            values.add(values(Set.of("activities.participations"), unitId, m.atDay(1), end).get("activities.participations"));
        }
        BigDecimal max = values.stream().filter(v -> v != null).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            BigDecimal v = values.get(i);
            int width = v == null || max.signum() <= 0 ? 0
                    : Math.max(v.signum() > 0 ? 2 : 0, v.multiply(BigDecimal.valueOf(100)).divide(max, 0, RoundingMode.HALF_UP).intValue());
            bars.add(new Bar(months.get(i), v, width));
        }
        return new Figures(from, to, figures, bars);
    }

    private Map<String, BigDecimal> values(Set<String> wanted, long unitId, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (ReportFigureSource s : sources.orderedStream().toList()) {
            if (s.figures().stream().noneMatch(f -> wanted.contains(f.code()))) {
                continue;
            }
            s.values(unitId, from, to).forEach((k, v) -> {
                if (wanted.contains(k) && v != null) {
                    out.putIfAbsent(k, v);
                }
            });
        }
        return out;
    }
}
