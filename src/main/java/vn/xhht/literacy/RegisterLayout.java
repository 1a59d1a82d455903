package vn.xhht.literacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The column layout of the register file (.xlsx or .csv, one row per person, the household repeated on each of
 * its members' rows) and the check of one row. Pure logic: no database; the hamlets of the communes in scope
 * are given as a lookup.
 */
final class RegisterLayout {
    private RegisterLayout() {
    }

    /** Header texts as in the template (the first row must hold them in this order). */
    static final List<String> HEADERS = List.of(
            "Mã xã", "Thôn/Tổ dân phố", "Mã hộ", "Chủ hộ", "Địa chỉ", "Mã người", "Họ và tên", "Giới tính",
            "Ngày sinh", "Dân tộc", "Khuyết tật", "Đối tượng ưu tiên", "Cư trú", "Ngày cư trú", "Đang học lớp",
            "Lớp cao nhất đã học xong", "Năm HT tiểu học", "Năm TN THCS", "Biết chữ", "Căn cứ");
    /** Field names used in error lists and the API (one per column). */
    static final List<String> FIELDS = List.of(
            "communeCode", "hamlet", "householdCode", "householdHead", "address", "personCode", "fullName", "sex",
            "birthDate", "ethnicity", "disability", "priorityGroup", "residentStatus", "residentDate", "currentGrade",
            "highestGrade", "primaryYear", "lowerSecondaryYear", "literacyStatus", "literacyBasis");

    record Error(int line, String field, String reason) {
    }

    /** The header of a field's column as the file has it; "Tệp" for errors of the whole file. */
    static String column(String field) {
        int i = FIELDS.indexOf(field);
        return i >= 0 ? HEADERS.get(i) : "Tệp";
    }

    /** Where a hamlet cell points: the hamlet with its commune and province. */
    record Hamlet(long id, long communeId, long provinceId) {
    }

    /** Resolves (commune code, hamlet code or name) to a hamlet of a commune in scope; null if unknown. */
    interface Hamlets {
        Long communeId(String communeCode);

        Hamlet find(long communeId, String hamletCell);
    }

    /** A checked row, ready to be written. */
    record PersonRow(int line, long communeId, long provinceId, long hamletId, String householdCode, String head,
                     String address, String code, String fullName, String sex, LocalDate birthDate, int birthYear,
                     int birthKey, String ethnicity, boolean disability, String priorityGroup, String residentStatus,
                     LocalDate movedIn, LocalDate left, Integer currentGrade, int highestGrade, Integer primaryYear,
                     Integer lsecYear, String literacyStatus, String literacyBasis) {
    }


    static boolean headerMatches(List<String> cells) {
        if (cells.size() < HEADERS.size()) {
            return false;
        }
        for (int i = 0; i < HEADERS.size(); i++) {
            if (!Codes.key(HEADERS.get(i)).equals(Codes.key(cells.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks one row; returns the row or adds its errors. {@code today} bounds dates; ages for the "literacy
     * status only from 15" rule are taken on {@code today}.
     */
    static PersonRow check(int line, List<String> c, Hamlets hamlets, LocalDate today, List<Error> errors) {
        int before = errors.size();
        String communeCode = cell(c, 0);
        Long communeId = communeCode.isEmpty() ? null : hamlets.communeId(communeCode);
        if (communeId == null) {
            errors.add(new Error(line, "communeCode", communeCode.isEmpty() ? "Thiếu mã xã" : "Mã xã " + communeCode + " không thuộc phạm vi được nhập"));
        }
        Hamlet hamlet = null;
        String hamletCell = cell(c, 1);
        if (hamletCell.isEmpty()) {
            errors.add(new Error(line, "hamlet", "Hộ chưa có thôn/tổ dân phố"));
        } else if (communeId != null) {
            hamlet = hamlets.find(communeId, hamletCell);
            if (hamlet == null) {
                errors.add(new Error(line, "hamlet", "Không có thôn/tổ dân phố \"" + hamletCell + "\" trong xã"));
            }
        }
        String household = cell(c, 2);
        if (household.isEmpty() || household.length() > 40) {
            errors.add(new Error(line, "householdCode", household.isEmpty() ? "Thiếu mã hộ" : "Mã hộ dài quá 40 ký tự"));
        }
        String person = cell(c, 5);
        if (person.isEmpty() || person.length() > 40) {
            errors.add(new Error(line, "personCode", person.isEmpty() ? "Thiếu mã người" : "Mã người dài quá 40 ký tự"));
        }
        String name = Codes.nfc(cell(c, 6));
        if (name.isEmpty()) {
            errors.add(new Error(line, "fullName", "Thiếu họ và tên"));
        } else if (name.length() > 200) {
            errors.add(new Error(line, "fullName", "Họ và tên dài quá 200 ký tự"));
        }
        String sex = Codes.sex(cell(c, 7));
        if (sex == null) {
            errors.add(new Error(line, "sex", "Giới tính \"" + cell(c, 7) + "\" không có trong danh mục (Nam, Nữ)"));
        }
        LocalDate birthDate = null;
        int birthYear = 0;
        String birth = cell(c, 8);
        if (birth.length() == 4 && Character.isDigit(birth.charAt(0)) && Character.isDigit(birth.charAt(3))
                && Character.isDigit(birth.charAt(1)) && Character.isDigit(birth.charAt(2))) {
            birthYear = Integer.parseInt(birth);
        } else {
            birthDate = date(birth);
            if (birthDate != null) {
                birthYear = birthDate.getYear();
            }
        }
        if (birthYear == 0) {
            errors.add(new Error(line, "birthDate", birth.isEmpty() ? "Thiếu ngày hoặc năm sinh" : "Ngày sinh \"" + birth + "\" không hợp lệ (dd/mm/yyyy hoặc yyyy)"));
        } else if (birthDate != null ? birthDate.isAfter(today) : birthYear > today.getYear()) {
            errors.add(new Error(line, "birthDate", "Ngày sinh ở tương lai"));
        } else if (birthYear < today.getYear() - 130) {
            errors.add(new Error(line, "birthDate", "Năm sinh " + birthYear + " không hợp lý"));
        }
        String ethnicity = Codes.ethnicity(cell(c, 9));
        if (ethnicity == null) {
            errors.add(new Error(line, "ethnicity", "Dân tộc \"" + cell(c, 9) + "\" không có trong danh mục 54 dân tộc"));
        }
        String dis = Codes.key(cell(c, 10));
        boolean disability = dis.equals("x") || dis.equals("c") || dis.equals("co") || dis.equals("1");
        if (!disability && !(dis.isEmpty() || dis.equals("k") || dis.equals("khong") || dis.equals("0"))) {
            errors.add(new Error(line, "disability", "Khuyết tật ghi \"x\" hoặc để trống"));
        }
        String priority = Codes.priorityGroup(cell(c, 11));
        if (priority == null) {
            errors.add(new Error(line, "priorityGroup", "Đối tượng ưu tiên \"" + cell(c, 11) + "\" không có trong danh mục (HN, CN, CS, DTTS)"));
        }
        String resident = Codes.residentStatus(cell(c, 12));
        LocalDate residentDate = null;
        if (resident == null) {
            errors.add(new Error(line, "residentStatus", "Cư trú \"" + cell(c, 12) + "\" không có trong danh mục (TT, Đến, Đi, Chết)"));
        } else {
            String d = cell(c, 13);
            if (!d.isEmpty()) {
                residentDate = date(d);
                if (residentDate == null) {
                    errors.add(new Error(line, "residentDate", "Ngày cư trú \"" + d + "\" không hợp lệ"));
                } else if (residentDate.isAfter(today)) {
                    errors.add(new Error(line, "residentDate", "Ngày cư trú ở tương lai"));
                }
            } else if (!resident.equals("PRESENT")) {
                errors.add(new Error(line, "residentDate", "Cần ngày chuyển đến / chuyển đi / mất"));
            }
        }
        Integer currentGrade = number(line, c, 14, 1, 12, errors);
        Integer highest = number(line, c, 15, 0, 12, errors);
        Integer primaryYear = number(line, c, 16, 1900, today.getYear(), errors);
        Integer lsecYear = number(line, c, 17, 1900, today.getYear(), errors);
        String literacy = Codes.literacyStatus(cell(c, 18));
        String basis = Codes.literacyBasis(cell(c, 19));
        if (literacy == null) {
            errors.add(new Error(line, "literacyStatus", "Biết chữ \"" + cell(c, 18) + "\" không có trong danh mục (MĐ1, MĐ2, MC, TMC)"));
        } else if (!literacy.isEmpty() && birthYear > 0 && ageOn(birthDate, birthYear, today) < 15) {
            errors.add(new Error(line, "literacyStatus", "Chỉ ghi tình trạng biết chữ cho người từ 15 tuổi (người này "
                    + ageOn(birthDate, birthYear, today) + " tuổi)"));
        }
        if (basis == null) {
            errors.add(new Error(line, "literacyBasis", "Căn cứ \"" + cell(c, 19) + "\" không có trong danh mục (TH, Lớp, KT)"));
        }
        if (errors.size() > before) {
            return null;
        }
        int birthKey = birthDate != null ? birthDate.getYear() * 10000 + birthDate.getMonthValue() * 100 + birthDate.getDayOfMonth()
                : birthYear * 10000;
        return new PersonRow(line, communeId, hamlet.provinceId(), hamlet.id(), household, Codes.nfc(cell(c, 3)),
                Codes.nfc(cell(c, 4)), person, name, sex, birthDate, birthYear, birthKey, ethnicity, disability,
                priority.isEmpty() ? null : priority, resident,
                resident.equals("MOVED_IN") ? residentDate : null,
                resident.equals("MOVED_OUT") || resident.equals("DECEASED") ? residentDate : null,
                currentGrade, highest == null ? 0 : highest, primaryYear, lsecYear,
                literacy.isEmpty() ? null : literacy, basis.isEmpty() ? null : basis);
    }

    static int ageOn(LocalDate birthDate, int birthYear, LocalDate day) {
        if (birthDate == null) {
            return day.getYear() - birthYear;
        }
        int age = day.getYear() - birthDate.getYear();
        boolean beforeBirthday = day.getMonthValue() < birthDate.getMonthValue()
                || day.getMonthValue() == birthDate.getMonthValue() && day.getDayOfMonth() < birthDate.getDayOfMonth();
        return beforeBirthday ? age - 1 : age;
    }

    private static Integer number(int line, List<String> c, int col, int min, int max, List<Error> errors) {
        String s = cell(c, col);
        if (s.isEmpty()) {
            return null;
        }
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                errors.add(new Error(line, FIELDS.get(col), HEADERS.get(col) + " phải từ " + min + " đến " + max));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(new Error(line, FIELDS.get(col), HEADERS.get(col) + " \"" + s + "\" không phải là số"));
            return null;
        }
    }

    static LocalDate date(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            if (s.length() == 10 && s.charAt(4) == '-') {
                return LocalDate.parse(s);
            }
            // d/M/yyyy by hand: the formatter is the slowest part of a million-row import
            int a = s.indexOf('/');
            int b = a < 0 ? -1 : s.indexOf('/', a + 1);
            if (a < 1 || b < a + 2 || s.length() - b != 5) {
                return null;
            }
            return LocalDate.of(Integer.parseInt(s, b + 1, s.length(), 10), Integer.parseInt(s, a + 1, b, 10), Integer.parseInt(s, 0, a, 10));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static String cell(List<String> c, int i) {
        if (i >= c.size()) {
            return "";
        }
        String s = c.get(i);
        return s == null ? "" : s.strip();
    }

    static Map<String, String> headerMap() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < HEADERS.size(); i++) {
            m.put(FIELDS.get(i), HEADERS.get(i));
        }
        return m;
    }

    static List<String> row(Object... v) {
        List<String> l = new ArrayList<>();
        for (Object o : v) {
            l.add(o == null ? "" : o.toString());
        }
        return l;
    }
}
