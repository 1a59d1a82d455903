package vn.xhht.calendar;

import java.time.LocalDate;

/**
 * One entry of the working-day calendar: a weekday off or a Saturday worked, with its name, the document that set
 * it and whether it is still provisional (generated from the law, not yet checked against the year's notice).
 */
public record CalendarDay(Long id, LocalDate date, DayKind kind, String name, String legalBasis, boolean provisional,
                          int version) {
}
