package vn.xhht.literacy;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Writes a realistic register file in the import layout: households of 2–7 people, hamlet after hamlet, with Vietnamese names (with
 * diacritics, NFC), ages across the pyramid, schooling and literacy consistent with the age. Used for the
 * downloadable sample, the tests and the benchmark (bench/literacy).
 */
public final class SampleRegister {
    private SampleRegister() {
    }

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Nông", "Lục", "Hà", "Triệu", "Lương", "Sầm", "Đàm", "Mạc", "Bế"};
    private static final String[] MIDDLE_M = {"Văn", "Đức", "Minh", "Hữu", "Quang", "Thành", "Xuân"};
    private static final String[] MIDDLE_F = {"Thị", "Thu", "Ngọc", "Thanh", "Mai", "Hồng"};
    private static final String[] GIVEN_M = {"An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân",
            "Sơn", "Thắng", "Tuấn", "Việt", "Đạt", "Lộc", "Toàn"};
    private static final String[] GIVEN_F = {"Anh", "Chi", "Dung", "Hà", "Hằng", "Hương", "Lan", "Linh", "Mai", "Nga", "Nhung",
            "Phương", "Thảo", "Trang", "Uyên", "Yến", "Ánh", "Ngọc"};
    private static final String[] ETHNIC = {"02", "07", "01", "09", "08", "02", "07", "02"}; // Tày, Nùng, Kinh, Dao, Hmông…

    /** The CSV header line of the layout. */
    public static String header() {
        return String.join(",", RegisterLayout.HEADERS) + "\n";
    }

    /**
     * Writes {@code households} households (about 4 people each) spread over the given hamlets; person codes are
     * unique within a commune. {@code hamlets} holds {communeCode, hamletCode} pairs.
     */
    public static long write(Writer out, List<String[]> hamlets, int households, long seed, LocalDate today) throws IOException {
        Random r = new Random(seed);
        out.write(header());
        long persons = 0;
        StringBuilder sb = new StringBuilder(1 << 16);
        int[] counters = new int[hamlets.size()];
        for (int h = 0; h < households; h++) {
            // households come hamlet by hamlet, as survey sheets are kept
            int hi = (int) ((long) h * hamlets.size() / households);
            String[] hamlet = hamlets.get(hi);
            int hhNo = ++counters[hi];
            String hh = hamlet[1].replace(".", "-") + "-H" + hhNo;
            String family = FAMILY[r.nextInt(FAMILY.length)];
            String ethnic = ETHNIC[r.nextInt(ETHNIC.length)];
            int size = 2 + r.nextInt(5);
            String headName = null;
            for (int m = 0; m < size; m++) {
                boolean female = m == 1 || r.nextBoolean();
                int age = m < 2 ? 22 + r.nextInt(50) : r.nextInt(40);
                String name = family + " " + (female ? MIDDLE_F[r.nextInt(MIDDLE_F.length)] : MIDDLE_M[r.nextInt(MIDDLE_M.length)])
                        + " " + (female ? GIVEN_F[r.nextInt(GIVEN_F.length)] : GIVEN_M[r.nextInt(GIVEN_M.length)]);
                if (headName == null) {
                    headName = name;
                }
                LocalDate birth = today.minusYears(age).minusDays(1 + r.nextInt(360));
                int realAge = RegisterLayout.ageOn(birth, birth.getYear(), today);
                String birthCell = r.nextInt(10) == 0 ? String.valueOf(birth.getYear())
                        : String.format("%02d/%02d/%d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear());
                String resident = switch (r.nextInt(50)) {
                    case 0 -> "Đi";
                    case 1 -> "Chết";
                    case 2, 3 -> "Đến";
                    default -> "TT";
                };
                String residentDate = resident.equals("TT") ? "" : String.format("%02d/%02d/%d", 1 + r.nextInt(28), 1 + r.nextInt(12), today.getYear() - 1 - r.nextInt(3));
                int schoolAge = realAge - 6;
                String current = "";
                int highest;
                if (schoolAge >= 0 && realAge <= 17 && r.nextInt(20) != 0) {
                    int grade = Math.min(12, schoolAge + 1);
                    current = String.valueOf(grade);
                    highest = grade - 1;
                } else if (realAge < 6) {
                    highest = 0;
                } else {
                    int p = r.nextInt(100);
                    highest = p < 3 ? r.nextInt(3) : p < 6 ? 3 + r.nextInt(2) : p < 40 ? 5 + r.nextInt(4) : 9 + r.nextInt(4);
                    highest = Math.min(highest, Math.max(0, schoolAge));
                }
                String primary = highest >= 5 ? String.valueOf(birth.getYear() + 11) : "";
                String lsec = highest >= 9 ? String.valueOf(birth.getYear() + 15) : "";
                String literacy = "";
                String basis = "";
                if (realAge >= 15) {
                    if (highest < 3 && r.nextInt(4) == 0) {
                        literacy = "TMC";
                    } else if (highest < 3) {
                        literacy = "MC";
                    } else {
                        literacy = highest >= 5 ? "MĐ2" : "MĐ1";
                        basis = "TH";
                    }
                }
                String prio = r.nextInt(8) == 0 ? "HN" : r.nextInt(12) == 0 ? "CN" : "";
                sb.append(hamlet[0]).append(',').append(hamlet[1]).append(',').append(hh).append(',').append(headName).append(',')
                        .append("\"Số ").append(hhNo).append(", ").append(hamlet[1]).append("\",")
                        .append(hh).append("-").append(m + 1).append(',').append(name).append(',').append(female ? "Nữ" : "Nam").append(',')
                        .append(birthCell).append(',').append(ethnic).append(',').append(r.nextInt(60) == 0 ? "x" : "").append(',')
                        .append(prio).append(',').append(resident).append(',').append(residentDate).append(',')
                        .append(current).append(',').append(highest).append(',').append(primary).append(',').append(lsec).append(',')
                        .append(literacy).append(',').append(basis).append('\n');
                persons++;
            }
            if (sb.length() > 60_000) {
                out.write(sb.toString());
                sb.setLength(0);
            }
        }
        out.write(sb.toString());
        return persons;
    }
}
