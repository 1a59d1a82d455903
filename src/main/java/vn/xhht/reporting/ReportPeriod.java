package vn.xhht.reporting;

import java.time.LocalDate;

/**
 * A reporting period with its stable code ({@code 2026}, {@code 2026S1}, {@code 2026Q3}, {@code 2026M09},
 * {@code 2026-2027}, {@code 2026-2027HK1}, campaign codes such as {@code 2026TLHTSD}) and its first and last day.
 */
public record ReportPeriod(String code, Kind kind, LocalDate from, LocalDate to) {

    public enum Kind { YEAR, HALF, QUARTER, MONTH, SCHOOL_YEAR, SEMESTER_I, CAMPAIGN }

    /** The same period one year earlier (for "same period last year"). */
    public ReportPeriod previousYear() {
        return switch (kind) {
            case YEAR -> ReportPeriods.parse(String.valueOf(from.getYear() - 1));
            case HALF, QUARTER, MONTH, CAMPAIGN -> new ReportPeriod((from.getYear() - 1) + code.substring(4), kind, from.minusYears(1), to.minusYears(1));
            case SCHOOL_YEAR, SEMESTER_I -> ReportPeriods.parse((from.getYear() - 1) + "-" + from.getYear() + code.substring(9));
        };
    }

    /** Vietnamese label: "Quý III/2026", "6 tháng đầu năm 2026", "Năm học 2026-2027"… */
    public String label() {
        int y = from.getYear();
        return switch (kind) {
            case YEAR -> "Năm " + y;
            case HALF -> code.endsWith("S1") ? "6 tháng đầu năm " + y : "6 tháng cuối năm " + y;
            case QUARTER -> "Quý " + new String[]{"I", "II", "III", "IV"}[(from.getMonthValue() - 1) / 3] + "/" + y;
            case MONTH -> "Tháng " + from.getMonthValue() + "/" + y;
            case SCHOOL_YEAR -> "Năm học " + y + "-" + (y + 1);
            case SEMESTER_I -> "Học kỳ I năm học " + y + "-" + (y + 1);
            case CAMPAIGN -> campaignName(code.substring(4)) + " năm " + y;
        };
    }

    /** The label inside a sentence or a document title: "quý IV/2026", "6 tháng đầu năm 2026", "năm học 2026-2027". */
    public String inSentence() {
        String l = label();
        return kind == Kind.CAMPAIGN ? "năm " + from.getYear() : Character.toLowerCase(l.charAt(0)) + l.substring(1);
    }

    /** The word of a template title that this kind of period makes redundant once the period is named ("quý"). */
    String kindWord() {
        return switch (kind) {
            case QUARTER -> "quý";
            case HALF -> "6 tháng";
            case YEAR -> "năm";
            case MONTH -> "tháng";
            case SCHOOL_YEAR -> "năm học";
            case SEMESTER_I -> "học kỳ I";
            case CAMPAIGN -> "";
        };
    }

    /** What a campaign code stands for; an unknown code is shown as "Đợt …". */
    static String campaignName(String campaignCode) {
        return switch (campaignCode) {
            case "TLHTSD" -> "Tuần lễ hưởng ứng học tập suốt đời";
            default -> "Đợt " + campaignCode;
        };
    }

    public String labelEn() {
        int y = from.getYear();
        return switch (kind) {
            case YEAR -> "Year " + y;
            case HALF -> (code.endsWith("S1") ? "First half of " : "Second half of ") + y;
            case QUARTER -> "Q" + ((from.getMonthValue() - 1) / 3 + 1) + " " + y;
            case MONTH -> from.getMonthValue() + "/" + y;
            case SCHOOL_YEAR -> "School year " + y + "-" + (y + 1);
            case SEMESTER_I -> "Semester I " + y + "-" + (y + 1);
            case CAMPAIGN -> "Campaign " + code.substring(4) + " " + y;
        };
    }
}
