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

    /**
     * One figure of one year. {@code value} null: nothing entered that year (blank is not zero). {@code base} is set for
     * a rate only: the figure is {@code value} out of {@code base} (people counted), and the predecessor and
     * not-allocated parts then count people of the base.
     */
    record Point(String figure, int year, Long value, long fromPredecessors, long notAllocated, Long base) {
        public Point(String figure, int year, Long value, long fromPredecessors, long notAllocated) {
            this(figure, year, value, fromPredecessors, notAllocated, null);
        }

        /** The rate in percent cut to two decimals (as on the literacy tables), or null when not a rate or nothing counted. */
        public java.math.BigDecimal percent() {
            return base == null || base == 0 || value == null ? null
                    : java.math.BigDecimal.valueOf(value * 100).divide(java.math.BigDecimal.valueOf(base), 2, java.math.RoundingMode.DOWN);
        }
    }

    /** The figures this source gives, as message keys of their labels, in display order. */
    List<String> figures();

    /** Whether a figure is a rate ({@link Point#base()} set), shown in percent with its counts. */
    default boolean isRate(String figure) {
        return false;
    }

    List<Point> points(long unitId, int fromYear, int toYear, LocalDate today);

    default int order() {
        return 100;
    }
}
