package vn.xhht.shared;

import java.util.Locale;

/**
 * How sure XHHT is of a rule or a legal fact, as the research notes and rule data record it ("verified",
 * "SECONDARY", "uncertain (có thể 10 điểm)"…). Users never see those words: pages render
 * {@code fragments/certainty :: note} and documents use {@link #vietnamese(String)}, both from one key per level.
 */
public enum Certainty {
    VERIFIED("đã kiểm chứng theo văn bản gốc"),
    SECONDARY("chưa chắc chắn — theo nguồn thứ cấp"),
    UNCERTAIN("chưa chắc chắn — cần đối chiếu văn bản gốc"),
    UNKNOWN("chưa rõ — chưa có văn bản gốc");

    private final String vietnamese;

    Certainty(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    /** The message key of the level ({@code certainty.secondary}); the bundles hold the same texts as {@link #vietnamese()}. */
    public String key() {
        return "certainty." + name().toLowerCase(Locale.ROOT);
    }

    public String vietnamese() {
        return vietnamese;
    }

    /**
     * The level a free text starts with ("secondary (quy chế); tiêu chí: unknown" → SECONDARY), or null for blank
     * text. Unrecognised text counts as UNKNOWN: a certainty nobody can read is no certainty.
     */
    public static Certainty of(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        for (Certainty c : values()) {
            if (s.startsWith(c.name().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return UNKNOWN;
    }

    /** The Vietnamese words of a free-text certainty, or null for blank text. */
    public static String vietnamese(String raw) {
        Certainty c = of(raw);
        return c == null ? null : c.vietnamese;
    }

    /** The message key of a free-text certainty, or null for blank text (for templates: {@code @certainty.key(x)}). */
    public static String keyOf(String raw) {
        Certainty c = of(raw);
        return c == null ? null : c.key();
    }
}
