package vn.xhht.orgunit;

import java.text.Normalizer;
import java.util.Locale;

/** Lower-case, diacritic-free form of a Vietnamese text, as the database's xhht_search_key() computes it. */
final class SearchKey {
    private SearchKey() {
    }

    static String of(String text) {
        String s = Normalizer.normalize(text.trim(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
