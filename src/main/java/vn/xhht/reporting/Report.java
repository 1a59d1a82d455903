package vn.xhht.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import vn.xhht.review.Review;

/** A report of a unit for a template's period, with its figures and texts and where it stands in its review. */
public record Report(long id, ReportTemplate template, ReportPeriod period, long unitId, String unitName, long provinceId,
                     boolean aggregate, Review review, LocalDate dueDate, OffsetDateTime refreshedAt, long version,
                     Map<String, Value> values) {

    /**
     * A field's value: {@code num} for numbers, {@code text} for texts and tables. {@code sourceValue} is what the
     * data said at the last refresh; {@code overridden} marks a figure typed over it (with its reason).
     */
    public record Value(String fieldCode, BigDecimal num, String text, BigDecimal sourceValue, boolean overridden, String reason) {
    }

    public Value value(String code) {
        return values.get(code);
    }

    public BigDecimal num(String code) {
        Value v = values.get(code);
        return v == null ? null : v.num();
    }

    public String text(String code) {
        Value v = values.get(code);
        return v == null ? null : v.text();
    }

    /** Rows of a table field: one line per row, cells separated by '|'. */
    public List<List<String>> tableRows(String code) {
        String t = text(code);
        if (t == null || t.isBlank()) {
            return List.of();
        }
        return t.lines().filter(l -> !l.isBlank()).map(l -> java.util.Arrays.stream(l.split("\\|", -1)).map(String::strip).toList()).toList();
    }

    public boolean editable() {
        return review.editable();
    }
}
