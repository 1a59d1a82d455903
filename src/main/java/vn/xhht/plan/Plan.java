package vn.xhht.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import vn.xhht.review.Review;

/** A plan with its targets, monthly rows and review state. */
public record Plan(long id, long ownerUnitId, String ownerName, Long centreId, int planYear, String yearKind, String title,
                   String direction, String tasks, String solutions, long version, List<Target> targets, List<Row> rows,
                   Review review) {

    public record Target(long id, String code, String label, String unit, BigDecimal target) {
    }

    public record Row(long id, LocalDate month, String activity, String leadUnit, String coordinating, String note) {
    }

    /** "2026-2027" for a school year, "2026" for a calendar year. */
    public String yearLabel() {
        return "SCHOOL".equals(yearKind) ? planYear + "-" + (planYear + 1) : String.valueOf(planYear);
    }
}
