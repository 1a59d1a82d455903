package vn.xhht.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.xhht.shared.InvalidInputProblem.Violation;

/**
 * The arithmetic and rules of report figures: typed numbers in either decimal convention, ratios cut (not rounded),
 * equality of figures whatever their scale, and the template's rules between fields.
 */
final class ReportRules {

    private ReportRules() {
    }

    static List<Violation> checkRules(ReportTemplate t, Map<String, BigDecimal> nums) {
        List<Violation> errors = new ArrayList<>();
        for (ReportTemplate.Rule rule : t.rules()) {
            BigDecimal l = operand(rule.left(), nums), rt = operand(rule.right(), nums);
            if (l == null || rt == null) {
                continue;
            }
            int c = l.compareTo(rt);
            boolean ok = switch (rule.op()) {
                case "<=" -> c <= 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case ">" -> c > 0;
                default -> c == 0;
            };
            if (!ok) {
                errors.add(new Violation(rule.left(), "report.rule.failed", rule.message() == null ? rule.left() + " " + rule.op() + " " + rule.right() : rule.message(),
                        l.toPlainString(), rt.toPlainString()));
            }
        }
        return errors;
    }

    private static BigDecimal operand(String s, Map<String, BigDecimal> nums) {
        return s.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(s) : nums.get(s);
    }

    static BigDecimal parseNumber(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.strip().replace(" ", "").replace("\u00a0", "");
        // Vietnamese writes 1.234,5; accept both conventions: a single ',' is the decimal mark; '.' groups thousands if followed by 3 digits
        if (v.contains(",")) {
            v = v.replace(".", "").replace(",", ".");
        } else if (v.matches("\\d{1,3}(\\.\\d{3})+")) {
            v = v.replace(".", "");
        }
        BigDecimal n = new BigDecimal(v);
        if (n.scale() > 4 || n.precision() - n.scale() > 14) {
            throw new NumberFormatException(s);
        }
        return n.stripTrailingZeros();
    }

    static BigDecimal ratio(BigDecimal of, BigDecimal to) {
        if (of == null || to == null || to.signum() == 0) {
            return null;
        }
        // cut, not rounded: 99.998 % of a target is not 100 % (vn.xhht.shared.Percent)
        return vn.xhht.shared.Percent.of(of, to).stripTrailingZeros();
    }

    static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    static BigDecimal strip(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
    }

    /** One stored value of a report. */
    static Report.Value value(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Report.Value(rs.getString("field_code"), strip(rs.getBigDecimal("num")), rs.getString("txt"),
                strip(rs.getBigDecimal("source_value")), rs.getBoolean("overridden"), rs.getString("override_reason"));
    }
}
