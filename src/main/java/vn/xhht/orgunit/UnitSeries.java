package vn.xhht.orgunit;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import vn.xhht.document.XlsxExport;
import vn.xhht.document.XlsxExport.Column;
import vn.xhht.document.XlsxExport.ColumnType;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;

/**
 * The time series of a unit, 2019 to this year, in the structure of each date: its own figures and, before a reform,
 * those of the units it took over (marked), with what is not allocated yet shown apart.
 */
@Service
public class UnitSeries {

    public static final int FIRST_YEAR = 2019;

    /** One figure's values, year by year (same order as {@link Series#years()}). */
    /** {@code rate}: the values are a count out of a base (people), shown in percent. */
    public record Line(String figure, boolean rate, List<SeriesFigureSource.Point> points) {
        public boolean anyReconstructed() {
            return points.stream().anyMatch(p -> p.fromPredecessors() > 0);
        }

        public boolean anyNotAllocated() {
            return points.stream().anyMatch(p -> p.notAllocated() > 0);
        }
    }

    public record Series(OrgUnit unit, List<Integer> years, List<Line> lines) {
    }

    private final OrgUnitDirectory directory;
    private final List<SeriesFigureSource> sources;
    private final XlsxExport xlsx;
    private final MessageSource messages;

    UnitSeries(OrgUnitDirectory directory, List<SeriesFigureSource> sources, XlsxExport xlsx, MessageSource messages) {
        this.directory = directory;
        this.sources = sources.stream().sorted(Comparator.comparingInt(SeriesFigureSource::order)).toList();
        this.xlsx = xlsx;
        this.messages = messages;
    }

    public Series of(CurrentUser user, long unitId, Integer fromYear, Integer toYear, LocalDate today) {
        OrgUnit unit = directory.requireReadable(user, unitId);
        int to = toYear == null ? today.getYear() : toYear;
        int from = fromYear == null ? FIRST_YEAR : fromYear;
        List<InvalidInputProblem.Violation> v = new ArrayList<>();
        if (from < FIRST_YEAR || from > today.getYear()) {
            v.add(new InvalidInputProblem.Violation("fromYear", "series.year.range", FIRST_YEAR, today.getYear()));
        }
        if (to < FIRST_YEAR || to > today.getYear()) {
            v.add(new InvalidInputProblem.Violation("toYear", "series.year.range", FIRST_YEAR, today.getYear()));
        } else if (to < from) {
            v.add(new InvalidInputProblem.Violation("toYear", "series.year.order"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        List<Integer> years = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            years.add(y);
        }
        List<Line> lines = new ArrayList<>();
        for (SeriesFigureSource source : sources) {
            Map<String, Map<Integer, SeriesFigureSource.Point>> byFigure = new LinkedHashMap<>();
            source.figures().forEach(f -> byFigure.put(f, new LinkedHashMap<>()));
            for (SeriesFigureSource.Point p : source.points(unit.id(), from, to, today)) {
                byFigure.computeIfAbsent(p.figure(), k -> new LinkedHashMap<>()).put(p.year(), p);
            }
            byFigure.forEach((figure, points) -> lines.add(new Line(figure, source.isRate(figure), years.stream()
                    .map(y -> points.getOrDefault(y, new SeriesFigureSource.Point(figure, y, null, 0, 0))).toList())));
        }
        return new Series(unit, years, lines);
    }

    /** The series as a workbook: one row per year, for each figure its value, the part from predecessors, and what is not allocated. */
    public void writeXlsx(Series s, OutputStream out) {
        var locale = LocaleContextHolder.getLocale();
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(messages.getMessage("series.year", null, locale), ColumnType.INTEGER, 8));
        for (Line l : s.lines()) {
            String label = messages.getMessage(l.figure(), null, locale);
            if (l.rate()) {
                columns.add(new Column(label + " (%)", ColumnType.DECIMAL, 16));
                columns.add(new Column(label + " — " + messages.getMessage("series.rate.count", null, locale), ColumnType.INTEGER, 18));
                columns.add(new Column(label + " — " + messages.getMessage("series.rate.base", null, locale), ColumnType.INTEGER, 18));
                columns.add(new Column(label + " — " + messages.getMessage("series.rate.fromPredecessors", null, locale), ColumnType.INTEGER, 22));
                columns.add(new Column(label + " — " + messages.getMessage("series.rate.notAllocated", null, locale), ColumnType.INTEGER, 22));
                continue;
            }
            columns.add(new Column(label, ColumnType.INTEGER, 16));
            columns.add(new Column(label + " — " + messages.getMessage("series.fromPredecessors", null, locale), ColumnType.INTEGER, 22));
            columns.add(new Column(label + " — " + messages.getMessage("series.notAllocated", null, locale), ColumnType.INTEGER, 22));
        }
        String title = messages.getMessage("series.xlsx.title", new Object[]{s.unit().name(), s.years().get(0),
                s.years().get(s.years().size() - 1)}, locale);
        xlsx.write(out, messages.getMessage("series.title", null, locale), title, columns, sink -> {
            for (int i = 0; i < s.years().size(); i++) {
                List<Object> row = new ArrayList<>();
                row.add(s.years().get(i));
                for (Line l : s.lines()) {
                    SeriesFigureSource.Point p = l.points().get(i);
                    if (l.rate()) {
                        row.add(p.percent());
                        row.add(p.base() == null ? null : p.value());
                        row.add(p.base());
                        row.add(p.base() == null ? null : p.fromPredecessors());
                        row.add(p.notAllocated() == 0 ? null : p.notAllocated());
                        continue;
                    }
                    row.add(p.value());
                    row.add(p.value() == null ? null : p.fromPredecessors());
                    row.add(p.notAllocated() == 0 ? null : p.notAllocated());
                }
                sink.row(row.toArray());
            }
        });
    }
}
