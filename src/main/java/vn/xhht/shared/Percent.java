package vn.xhht.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The one way XHHT writes a rate: Vietnamese style with a decimal comma and a space before the sign ("93,84 %"),
 * at most two decimals, cut rather than rounded so that 99,999 % never shows as 100 % (a standard is met only when
 * the rate truly reaches it). Templates use it as {@code @pct.format(x)}.
 */
public final class Percent {
    private Percent() {
    }

    /** Decimals kept when a rate is computed and shown. */
    public static final int SCALE = 2;

    /** "93,84 %", "100 %", "—" for null. */
    public static String format(BigDecimal rate) {
        if (rate == null) {
            return "—";
        }
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN")));
        f.setRoundingMode(RoundingMode.DOWN);
        return f.format(rate) + " %";
    }

    /** {@code num / den × 100} cut to {@link #SCALE} decimals; null when den is 0 or either is null. */
    public static BigDecimal of(BigDecimal num, BigDecimal den) {
        if (num == null || den == null || den.signum() == 0) {
            return null;
        }
        return num.multiply(BigDecimal.valueOf(100)).divide(den, SCALE, RoundingMode.DOWN);
    }
}
