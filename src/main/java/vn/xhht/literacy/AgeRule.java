package vn.xhht.literacy;

import java.time.LocalDate;

/** How ages are counted on a date (rule data, table lit_setting). */
record AgeRule(LocalDate effectiveFrom, String method, int rolloverMonth, int rolloverDay, java.math.BigDecimal passScore,
               String legalBasis, String certainty) {

    /**
     * The reference key so that {@code (key - birth_key) / 10000} is the age: EXACT, completed years on the day;
     * BIRTH_YEAR, the year of the school year that the day falls in minus the year of birth.
     */
    int referenceKey(LocalDate day) {
        if (method.equals("BIRTH_YEAR")) {
            LocalDate rollover = LocalDate.of(day.getYear(), rolloverMonth, Math.min(rolloverDay, 28));
            int year = day.isBefore(rollover) ? day.getYear() - 1 : day.getYear();
            return year * 10000 + 9999;
        }
        return day.getYear() * 10000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    }
}
