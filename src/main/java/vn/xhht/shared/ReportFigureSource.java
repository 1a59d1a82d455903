package vn.xhht.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A named query over a module's data that periodic reports pre-fill from (R28). Each data module (centres,
 * literacy, evaluation, …) declares its own beans; the reporting module finds them all and never names a data
 * module, so a new module plugs in without a change to reporting.
 */
public interface ReportFigureSource {

    /** The figures this source computes: a stable code such as {@code literacy.classes.learners} and its label. */
    List<Figure> figures();

    /**
     * The value of each figure over the subtree of {@code unitId} (the unit and every unit below it, in the
     * structure valid on {@code to}) for the period {@code from}..{@code to}, both inclusive. A figure with no
     * data is absent from the map, not zero. Must be computed by the database (one or few grouped queries).
     */
    Map<String, BigDecimal> values(long unitId, LocalDate from, LocalDate to);

    /**
     * The values of {@code wanted} only (codes of this source). A source whose figures cost differently (a whole
     * register against one count) overrides it to skip the queries nobody asked for; the default computes all.
     */
    default Map<String, BigDecimal> values(Collection<String> wanted, long unitId, LocalDate from, LocalDate to) {
        return values(unitId, from, to);
    }

    /**
     * For figures that are optional in the records they sum (an age band may be left blank): how many records
     * entered the figure out of how many there are, so a roll-up reads "12 (3/5 hoạt động có số liệu)". Figures
     * every record has are absent.
     */
    default Map<String, Coverage> coverage(long unitId, LocalDate from, LocalDate to) {
        return Map.of();
    }

    /** {@code entered} of {@code of} records had the figure; {@code recordKey} names the records (a message key). */
    record Coverage(long entered, long of, String recordKey) {
    }

    /** {@code labelKey} is a message key (Vietnamese default bundle + English). */
    record Figure(String code, String labelKey) {
    }
}
