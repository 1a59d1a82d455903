package vn.xhht.resources;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

import org.springframework.stereotype.Component;

/** Whole đồng as people in Vietnam read them: "1.500.000 đ" (for templates: {@code @money.vnd(x)}). */
@Component("money")
public class Money {

    public String vnd(Long amount) {
        return amount == null ? "—" : format(amount) + " đ";
    }

    public static String format(long amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        return new DecimalFormat("#,##0", symbols).format(amount);
    }
}
