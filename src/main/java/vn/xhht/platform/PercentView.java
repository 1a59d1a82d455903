package vn.xhht.platform;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

import vn.xhht.shared.Percent;

/** {@link Percent} for templates: {@code ${@pct.format(rate)}}. */
@Component("pct")
public class PercentView {

    public String format(BigDecimal rate) {
        return Percent.format(rate);
    }

    public String format(Number rate) {
        return rate == null ? Percent.format(null) : Percent.format(new BigDecimal(rate.toString()));
    }
}
