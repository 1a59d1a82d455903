package vn.xhht.document;

import java.time.LocalDate;

/** Dates as Vietnamese documents write them. */
public final class VietnameseDates {
    private VietnameseDates() {
    }

    /**
     * "Cao Bằng, ngày 05 tháng 01 năm 2026": NĐ 30/2020 writes days below 10 and the months January and
     * February with a leading zero.
     */
    public static String placeAndDate(String place, LocalDate date) {
        String day = (date.getDayOfMonth() < 10 ? "0" : "") + date.getDayOfMonth();
        String month = (date.getMonthValue() < 3 ? "0" : "") + date.getMonthValue();
        return place + ", ngày " + day + " tháng " + month + " năm " + date.getYear();
    }
}
