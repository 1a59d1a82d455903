package vn.xhht.oversight;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

import vn.xhht.shared.VietnameseNumbers;

/** Amounts for the oversight pages ({@code @oversightFormat.vnd(…)}): "20.000.000 đồng". */
@Component("oversightFormat")
public class OversightFormat {
    public String vnd(Long amount) {
        return amount == null ? "" : VietnameseNumbers.format(BigDecimal.valueOf(amount)) + " đồng";
    }
}
