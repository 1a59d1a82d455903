package vn.xhht.orgunit;

import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/**
 * The dates the administrative structure is known for. Before the earliest date no structure is recorded
 * (configurable: the baseline list describes the country as of 01/03/2025 with no earlier history loaded).
 */
@Component
public class StructureDates {

    private final LocalDate earliest;
    private final LocalDate latest;
    private final VietnamClock clock;

    StructureDates(@Value("${xhht.orgunit.earliest-date:2019-01-01}") LocalDate earliest,
                   @Value("${xhht.orgunit.latest-date:2100-12-31}") LocalDate latest, VietnamClock clock) {
        this.earliest = earliest;
        this.latest = latest;
        this.clock = clock;
    }

    /** The date to use (today when null); a date outside every structure is a field error. */
    public LocalDate check(String field, LocalDate date) {
        LocalDate d = date == null ? clock.today() : date;
        if (d.isBefore(earliest) || d.isAfter(latest)) {
            throw new InvalidInputProblem(field, "unit.date.outsideStructure", earliest, latest);
        }
        return d;
    }

    public LocalDate earliest() {
        return earliest;
    }
}
