package vn.xhht.platform;

import org.springframework.stereotype.Component;

import vn.xhht.shared.Certainty;

/** {@link Certainty} for templates ({@code ${@certainty.key(raw)}} in {@code fragments/certainty}). */
@Component("certainty")
public class CertaintyView {

    public String key(String raw) {
        return Certainty.keyOf(raw);
    }

    /** True for a certainty users should be warned about (anything not verified). */
    public boolean doubtful(String raw) {
        Certainty c = Certainty.of(raw);
        return c != null && c != Certainty.VERIFIED;
    }
}
