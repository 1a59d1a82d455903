package vn.xhht.orgunit;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.xhht.document.Downloads;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/** The time series of a unit across the reforms: a table, a chart readable on a phone, and the .xlsx. */
@Controller
class SeriesPageController {

    /** A bar of the chart: a year, its value (null: nothing entered) and its length in percent of the longest. */
    record Bar(int year, Long value, int width, boolean reconstructed) {
    }

    private final UnitSeries series;
    private final OrgUnitDirectory directory;
    private final VietnamClock clock;
    private final MessageSource messages;

    SeriesPageController(UnitSeries series, OrgUnitDirectory directory, VietnamClock clock, MessageSource messages) {
        this.series = series;
        this.directory = directory;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/units/{id}/series")
    String page(@PathVariable long id, @RequestParam(required = false) Integer fromYear,
                @RequestParam(required = false) Integer toYear, Model model) {
        var user = CurrentUsers.require();
        model.addAttribute("fromYear", fromYear);
        model.addAttribute("toYear", toYear);
        model.addAttribute("thisYear", clock.year());
        model.addAttribute("firstYear", UnitSeries.FIRST_YEAR);
        try {
            UnitSeries.Series s = series.of(user, id, fromYear, toYear, clock.today());
            model.addAttribute("series", s);
            model.addAttribute("unit", s.unit());
            model.addAttribute("bars", chartLine(s).map(SeriesPageController::bars).orElse(List.of()));
            model.addAttribute("errors", Map.of());
        } catch (InvalidInputProblem e) {
            model.addAttribute("unit", directory.requireReadable(user, id));
            model.addAttribute("errors", FormErrors.of(e, messages));
        }
        return "units/series";
    }

    @GetMapping("/units/{id}/series.xlsx")
    void xlsx(@PathVariable long id, @RequestParam(required = false) Integer fromYear,
              @RequestParam(required = false) Integer toYear, HttpServletResponse response) throws IOException {
        UnitSeries.Series s = series.of(CurrentUsers.require(), id, fromYear, toYear, clock.today());
        Downloads.attachment(response, Downloads.Format.XLSX, "chuoi-so-lieu-" + s.unit().name() + "-"
                + s.years().get(0) + "-" + s.years().get(s.years().size() - 1));
        series.writeXlsx(s, response.getOutputStream());
    }

    /** The chart shows participations (its title says so); without them, the last count line. */
    static java.util.Optional<UnitSeries.Line> chartLine(UnitSeries.Series s) {
        return s.lines().stream().filter(l -> l.figure().equals("series.participations")).findFirst()
                .or(() -> s.lines().stream().filter(l -> !l.rate()).reduce((a, b) -> b));
    }

    static List<Bar> bars(UnitSeries.Line line) {
        long max = line.points().stream().filter(p -> p.value() != null).mapToLong(p -> p.value()).max().orElse(0);
        return line.points().stream().map(p -> new Bar(p.year(), p.value(),
                p.value() == null || max == 0 ? 0 : (int) Math.max(1, p.value() * 100 / max), p.fromPredecessors() > 0)).toList();
    }
}
