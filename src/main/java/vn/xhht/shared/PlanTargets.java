package vn.xhht.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the plan module publishes about plans to the modules it builds on (centres, literacy): targets and rows.
 * The plan module implements it; centre and literacy ask through it and never read plan's tables, so the plan →
 * centre dependency has no hidden way back (the same plug-in shape as {@link ReportFigureSource}).
 */
public interface PlanTargets {

    /** A unit's target of one code in one plan; {@code starts}: the first day of the plan year (1/9 or 1/1). */
    record Target(long unitId, int planYear, LocalDate starts, BigDecimal target) {
    }

    /** A plan row as a choice for an activity: "MM/YYYY · activity". */
    record Row(long id, String label) {
    }

    /** A target with its label as the plan gives it. */
    record LabelledTarget(String label, BigDecimal target) {
    }

    /** For each of the units that has one: the target of {@code code} in its latest plan that had started by {@code on}. */
    Map<Long, Target> latest(Collection<Long> unitIds, String code, LocalDate on);

    /** The rows of the unit's plans whose month lies in [from, to], by month. */
    List<Row> rowsBetween(long ownerUnitId, LocalDate from, LocalDate to);

    /** Whether the plan row belongs to a plan of that unit. */
    boolean rowBelongsTo(long rowId, long ownerUnitId);

    /** The unit's targets of a plan year whose label contains the words (compared without accents or case). */
    List<LabelledTarget> labelled(long ownerUnitId, int planYear, String words);
}
