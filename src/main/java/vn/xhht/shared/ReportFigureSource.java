package vn.xhht.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
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

    /** {@code labelKey} is a message key (Vietnamese default bundle + English). */
    record Figure(String code, String labelKey) {
    }
}
