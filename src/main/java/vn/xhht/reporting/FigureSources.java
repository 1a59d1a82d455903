package vn.xhht.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.xhht.shared.ReportFigureSource;

/**
 * Every {@link ReportFigureSource} bean of the application, by figure code. Reporting never names a data module: a
 * module that declares a source bean is picked up here; a template field whose code no bean provides is entered by hand.
 */
@Component
class FigureSources {

    private final ObjectProvider<ReportFigureSource> beans;

    FigureSources(ObjectProvider<ReportFigureSource> beans) {
        this.beans = beans;
    }

    /** code → label key of every provided figure. */
    Map<String, String> figures() {
        Map<String, String> m = new LinkedHashMap<>();
        beans.orderedStream().forEach(s -> s.figures().forEach(f -> m.putIfAbsent(f.code(), f.labelKey())));
        return m;
    }

    boolean provides(String code) {
        return figures().containsKey(code);
    }

    /** The values of the wanted codes over the unit's subtree; each source is asked once, only if it has a wanted code. */
    Map<String, BigDecimal> values(Collection<String> wanted, long unitId, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (ReportFigureSource s : beans.orderedStream().toList()) {
            List<String> codes = s.figures().stream().map(ReportFigureSource.Figure::code).filter(wanted::contains).toList();
            if (!codes.isEmpty()) {
                s.values(codes, unitId, from, to).forEach((k, v) -> {
                    if (codes.contains(k) && v != null) {
                        out.putIfAbsent(k, v);
                    }
                });
            }
        }
        return out;
    }

    /** How many records entered each optional wanted figure (code → coverage); figures every record has are absent. */
    Map<String, ReportFigureSource.Coverage> coverage(Collection<String> wanted, long unitId, LocalDate from, LocalDate to) {
        Map<String, ReportFigureSource.Coverage> out = new HashMap<>();
        for (ReportFigureSource s : beans.orderedStream().toList()) {
            if (s.figures().stream().map(ReportFigureSource.Figure::code).anyMatch(wanted::contains)) {
                s.coverage(unitId, from, to).forEach((k, v) -> {
                    if (wanted.contains(k)) {
                        out.putIfAbsent(k, v);
                    }
                });
            }
        }
        return out;
    }
}
