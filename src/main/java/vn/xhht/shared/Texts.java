package vn.xhht.shared;

import java.text.Normalizer;

/** Text as people type it, made storable: one Unicode form (NFC) for Vietnamese letters, no surrounding blanks. */
public final class Texts {
    private Texts() {
    }

    /** Trimmed NFC text, or null when nothing was typed. */
    public static String orNull(String s) {
        return s == null || s.isBlank() ? null : Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    }
}
