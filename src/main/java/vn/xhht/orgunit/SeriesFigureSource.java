package vn.xhht.orgunit;

import java.time.LocalDate;
import java.util.List;

/**
 * A module's figures for the time series of a unit, year by year, in the structure of each date: the module sums its
 * rows over {@code xhht_lineage(unit)} (the unit's communes and every unit they took over) and, for a predecessor split
 * across several successors, only over the hamlets assigned to the unit ({@code xhht_lineage_hamlet_in}); rows of a
 * split predecessor without an assigned hamlet are counted apart as not allocated.
 */
@org.springframework.modulith.NamedInterface("api")
public interface SeriesFigureSource {

    /** One figure of one year. {@code value} null: nothing entered that year (blank is not zero). */
    record Point(String figure, int year, Long value, long fromPredecessors, long notAllocated) {
    }

    /** The figures this source gives, as message keys of their labels, in display order. */
    List<String> figures();

    List<Point> points(long unitId, int fromYear, int toYear, LocalDate today);

    default int order() {
        return 100;
    }
}
