package vn.xhht.orgunit;

import java.util.List;
import java.util.Optional;

/** The names used across Vietnam for a hamlet or residential group below a commune. */
public final class HamletType {
    public static final List<String> ALL = List.of(
            "Thôn", "Xóm", "Bản", "Ấp", "Buôn", "Làng", "Plei", "Sóc", "Tổ dân phố", "Khu phố", "Khóm", "Khu dân cư");

    private HamletType() {
    }

    /** The canonical spelling of a type typed with any case or without diacritics ("to dan pho"). */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = SearchKey.of(text);
        return ALL.stream().filter(t -> SearchKey.of(t).equals(key)).findFirst();
    }
}
