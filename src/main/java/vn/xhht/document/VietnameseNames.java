package vn.xhht.document;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How official documents name units and agencies, and how downloaded files are named: the words of an
 * administrative unit in lower case inside a sentence ("xã Cần Yên"), the education agency of a unit ("Sở Giáo dục
 * và Đào tạo tỉnh Cao Bằng", not the territory), and file names in Vietnamese without diacritics.
 */
@org.springframework.modulith.NamedInterface("api")
public final class VietnameseNames {
    private VietnameseNames() {
    }

    /** Levels as {@code OrgUnit} numbers them (the document component does not depend on the unit module). */
    public static final int PROVINCE = 1, DISTRICT = 2, COMMUNE = 3;

    private static final Pattern ADMIN_WORD = Pattern.compile("^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu|Thôn|Tổ dân phố|Bản|Xóm|Ấp) ");
    private static final Locale VI = Locale.forLanguageTag("vi");

    /** "Xã Cần Yên" → "xã Cần Yên" (the administrative word is a common noun inside a sentence). */
    public static String inSentence(String unitName) {
        if (unitName == null) {
            return "";
        }
        var m = ADMIN_WORD.matcher(unitName);
        return m.find() ? m.group(1).toLowerCase(VI) + unitName.substring(m.group(1).length()) : unitName;
    }

    /** The place name of a unit for "Cần Yên, ngày …": the name without its administrative word. */
    public static String place(String unitName) {
        return unitName == null ? "" : ADMIN_WORD.matcher(unitName).replaceFirst("");
    }

    /**
     * The education agency that receives documents for a unit: "Sở Giáo dục và Đào tạo tỉnh Cao Bằng" for a
     * province, "Phòng Giáo dục và Đào tạo huyện Hà Quảng" for a district, "Ủy ban nhân dân xã Cần Yên" for a commune
     * (which has no education office of its own).
     */
    public static String educationAgency(int level, String unitName) {
        return switch (level) {
            case PROVINCE -> "Sở Giáo dục và Đào tạo " + inSentence(unitName);
            case DISTRICT -> "Phòng Giáo dục và Đào tạo " + inSentence(unitName);
            default -> peoplesCommittee(unitName);
        };
    }

    /** "Ủy ban nhân dân xã Cần Yên". */
    public static String peoplesCommittee(String unitName) {
        return "Ủy ban nhân dân " + inSentence(unitName);
    }

    /**
     * A file name from Vietnamese words: no diacritics, words joined by '-', lower case except Roman numerals
     * ("Báo cáo quý IV/2026 Xã Cần Yên" → "bao-cao-quy-IV-2026-xa-can-yen").
     */
    public static String fileName(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            String ascii = Normalizer.normalize(part, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
            for (String w : ascii.split("[^A-Za-z0-9]+")) {
                if (w.isEmpty()) {
                    continue;
                }
                if (out.length() > 0) {
                    out.append('-');
                }
                out.append(w.matches("[IVX]+") ? w : w.toLowerCase(Locale.ROOT));
            }
        }
        return out.length() == 0 ? "tep" : out.toString();
    }
}
