package vn.xhht.literacy;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The Vietnamese names of the standards and of their conditions: users read "Phổ cập giáo dục tiểu học mức độ 1" and
 * "Tỉ lệ trẻ 6 tuổi vào lớp 1", never the rule data's codes (PCGDTH, TH1_C1, PCGDMN3_5). Templates use it as
 * {@code @litLabels}.
 */
@Component("litLabels")
public class LiteracyLabels {

    private static final Map<String, String> STANDARDS = Map.of(
            "XMC", "Xóa mù chữ",
            "PCGDTH", "Phổ cập giáo dục tiểu học",
            "PCGDTHCS", "Phổ cập giáo dục trung học cơ sở",
            "PCGDMN5", "Phổ cập giáo dục mầm non cho trẻ em 5 tuổi",
            "PCGDMN3_5", "Phổ cập giáo dục mầm non cho trẻ em từ 3 đến 5 tuổi");

    /** "Xóa mù chữ mức độ 1"; an unknown code (added by an administrator) is shown as entered. */
    public static String standardName(String code, int level) {
        return STANDARDS.getOrDefault(code, code) + " mức độ " + level;
    }

    /** A standard without its level ("Phổ cập giáo dục mầm non cho trẻ 5 tuổi", every level). */
    public String family(String code) {
        return STANDARDS.getOrDefault(code, code);
    }

    public String standard(String code, int level) {
        return standardName(code, level);
    }

    /** The same for a form value "XMC/1". */
    public String standard(String codeSlashLevel) {
        int slash = codeSlashLevel.indexOf('/');
        return slash < 0 ? codeSlashLevel : standardName(codeSlashLevel.substring(0, slash), Integer.parseInt(codeSlashLevel.substring(slash + 1)));
    }

    /** What a condition measures, with its age band: "Tỉ lệ người 15–35 tuổi đạt chuẩn biết chữ mức độ 1". */
    public String condition(String measure, Integer ageFrom, Integer ageTo) {
        String ages = ageFrom == null ? "trong độ tuổi" : ageTo == null || ageTo.equals(ageFrom) ? ageFrom + " tuổi" : ageFrom + "–" + ageTo + " tuổi";
        return switch (measure) {
            case "literate_l1" -> "Tỉ lệ người " + ages + " đạt chuẩn biết chữ mức độ 1";
            case "literate_l2" -> "Tỉ lệ người " + ages + " đạt chuẩn biết chữ mức độ 2";
            case "grade1_entry" -> "Tỉ lệ trẻ em " + ages + " vào lớp 1";
            case "primary_completed" -> "Tỉ lệ trẻ em " + ages + " hoàn thành chương trình tiểu học";
            case "remaining_in_primary" -> "Số trẻ em " + ages + " chưa hoàn thành tiểu học không còn học tiểu học";
            case "lsec_graduated" -> "Tỉ lệ thanh niên, thiếu niên " + ages + " tốt nghiệp trung học cơ sở";
            case "upper_studying" -> "Tỉ lệ thanh niên, thiếu niên " + ages + " đang học trung học phổ thông, giáo dục thường xuyên cấp trung học phổ thông hoặc giáo dục nghề nghiệp";
            case "preschool_attending" -> "Tỉ lệ trẻ em " + ages + " đi học mầm non";
            case "preschool_completed" -> "Tỉ lệ trẻ em " + ages + " hoàn thành chương trình giáo dục mầm non";
            case "communes_recognised" -> "Tỉ lệ xã được công nhận đạt chuẩn";
            case "districts_recognised" -> "Tỉ lệ huyện được công nhận đạt chuẩn";
            case "requires" -> "Đã đạt chuẩn là điều kiện trước";
            default -> "Điều kiện khác";
        };
    }
}
