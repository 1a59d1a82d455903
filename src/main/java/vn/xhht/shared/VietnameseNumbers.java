package vn.xhht.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers as people in Vietnam type them: "1.500.000" and "1 500 000" (dots or spaces group thousands), "98,35"
 * (comma before decimals); "98.35" is also read as a decimal because phones often offer only the dot.
 */
public final class VietnameseNumbers {

    private static final Pattern DOT_GROUPS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");

    private VietnameseNumbers() {
    }

    /** The number typed, or null for a blank; {@link NumberFormatException} when it is not a number. */
    public static BigDecimal parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip().replaceAll("[\\s\\u00A0\\u202F]", "");
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.contains(",")) {
            // comma = decimal separator; any dot before it groups thousands ("1.234,5")
            s = s.replace(".", "").replace(',', '.');
        } else if (DOT_GROUPS.matcher(s.startsWith("-") ? s.substring(1) : s).matches()) {
            s = s.replace(".", "");
        }
        if (!s.matches("-?\\d+(\\.\\d+)?")) {
            throw new NumberFormatException(raw);
        }
        return new BigDecimal(s);
    }

    /** A whole number typed with or without grouping, or null for a blank; {@link NumberFormatException} otherwise. */
    public static Integer parseInt(String raw) {
        BigDecimal d = parse(raw);
        if (d == null) {
            return null;
        }
        try {
            return d.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException(raw);
        }
    }

    /** "1.500.000", "98,35": for showing and for putting back in a text input. */
    public static String format(BigDecimal v) {
        if (v == null) {
            return "";
        }
        DecimalFormat f = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN")));
        return f.format(v);
    }
}
