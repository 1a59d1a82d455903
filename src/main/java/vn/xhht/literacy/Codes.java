package vn.xhht.literacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/**
 * The code lists of the register file. Ethnic groups: the 54 groups of the General Statistics Office list
 * (Quyết định 121-TCTK/PPCĐ, 1979; codes 01–54), written from memory and checked against the census naming —
 * secondary. A column accepts the code or the name (without regard to case or diacritics).
 */
final class Codes {
    private Codes() {
    }

    static final List<String> ETHNIC_NAMES = List.of("Kinh", "Tày", "Thái", "Hoa", "Khmer", "Mường", "Nùng", "Hmông",
            "Dao", "Gia Rai", "Ngái", "Ê Đê", "Ba Na", "Xơ Đăng", "Sán Chay", "Cơ Ho", "Chăm", "Sán Dìu", "Hrê",
            "Mnông", "Raglay", "Xtiêng", "Bru Vân Kiều", "Thổ", "Giáy", "Cơ Tu", "Gié Triêng", "Mạ", "Khơ Mú", "Co",
            "Tà Ôi", "Chơ Ro", "Kháng", "Xinh Mun", "Hà Nhì", "Chu Ru", "Lào", "La Chí", "La Ha", "Phù Lá", "La Hủ",
            "Lự", "Lô Lô", "Chứt", "Mảng", "Pà Thẻn", "Cơ Lao", "Cống", "Bố Y", "Si La", "Pu Péo", "Brâu", "Ơ Đu",
            "Rơ Măm");

    /** Short cells repeat (codes, hamlet names): their keys are remembered. Declared first: the lists below use it. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    /** code (01…54) → name */
    static final Map<String, String> ETHNICITIES = new LinkedHashMap<>();
    private static final Map<String, String> ETHNIC_BY_KEY = new java.util.HashMap<>();

    static {
        for (int i = 0; i < ETHNIC_NAMES.size(); i++) {
            String code = String.format("%02d", i + 1);
            ETHNICITIES.put(code, ETHNIC_NAMES.get(i));
            ETHNIC_BY_KEY.put(code, code);
            ETHNIC_BY_KEY.put(String.valueOf(i + 1), code);
            ETHNIC_BY_KEY.put(key(ETHNIC_NAMES.get(i)), code);
        }
    }

    /** Priority groups (đối tượng ưu tiên) the register records; local practice, not a decree list. */
    static final Map<String, String> PRIORITY_GROUPS = Map.of(
            "HN", "Hộ nghèo", "CN", "Hộ cận nghèo", "CS", "Gia đình chính sách", "DTTS", "Người dân tộc thiểu số vùng khó khăn");

    static String ethnicity(String raw) {
        return raw == null ? null : ETHNIC_BY_KEY.get(key(raw));
    }

    static String sex(String raw) {
        return switch (key(raw)) {
            case "nam", "m", "1" -> "M";
            case "nu", "f", "2" -> "F";
            default -> null;
        };
    }

    static String residentStatus(String raw) {
        return switch (key(raw)) {
            case "", "tt", "thuong tru", "co mat" -> "PRESENT";
            case "den", "chuyen den" -> "MOVED_IN";
            case "di", "chuyen di" -> "MOVED_OUT";
            case "chet", "da chet", "qua doi", "mat" -> "DECEASED";
            default -> null;
        };
    }

    /** "" → no status given (derived from schooling); null → not in the list. */
    static String literacyStatus(String raw) {
        return switch (key(raw)) {
            case "" -> "";
            case "md1", "muc 1", "muc do 1", "1" -> "L1";
            case "md2", "muc 2", "muc do 2", "2" -> "L2";
            case "mc", "mu chu" -> "ILLITERATE";
            case "tmc", "tai mu chu" -> "REILLITERATE";
            default -> null;
        };
    }

    static String literacyBasis(String raw) {
        return switch (key(raw)) {
            case "" -> "";
            case "th", "truong", "hoc truong" -> "SCHOOL";
            case "lop", "lop xmc" -> "CLASS";
            case "kt", "kiem tra", "danh gia" -> "ASSESSMENT";
            default -> null;
        };
    }

    static String priorityGroup(String raw) {
        String k = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (k.isEmpty()) {
            return "";
        }
        return PRIORITY_GROUPS.containsKey(k) ? k : null;
    }

    /** Lower case without Vietnamese diacritics, for matching typed codes and names. */
    static String key(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        if (raw.length() <= 24) {
            String k = KEYS.get(raw);
            if (k == null) {
                k = slowKey(raw);
                if (KEYS.size() < 50_000) {
                    KEYS.put(raw, k);
                }
            }
            return k;
        }
        return slowKey(raw);
    }


    private static String slowKey(String raw) {
        String s = java.text.Normalizer.normalize(raw.strip(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").replace('đ', 'd').replace('Đ', 'D');
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    static String nfc(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        return java.text.Normalizer.isNormalized(t, java.text.Normalizer.Form.NFC) ? t
                : java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFC);
    }
}
