package vn.xhht.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.springframework.stereotype.Service;

/**
 * Working-day arithmetic for public offices. "Within N working days of D" is the N-th working day strictly after
 * D (BLDS 2015 Điều 147: the starting day is never counted).
 * <p>Preliminary implementation (weekends only); the calendar data (holidays, Tết, swaps) follows.
 */
@Service
public class WorkingDays {

    /** The {@code days}-th working day strictly after {@code from}; {@code days} ≥ 1. */
    public LocalDate add(LocalDate from, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1");
        }
        LocalDate d = from;
        int counted = 0;
        while (counted < days) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }
}
