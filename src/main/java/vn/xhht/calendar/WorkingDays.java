package vn.xhht.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

/**
 * Working-day arithmetic for public offices. "Within N working days of D" is the N-th working day strictly after
 * D (BLDS 2015 Điều 147: the starting day is never counted, whether or not it is a working day). A date is a
 * working day when it is Monday–Friday and not a day off of the calendar, or a Saturday/Sunday the calendar makes a
 * worked day (swap).
 * <p>Callers store the deadline they computed: a later correction of the calendar does not move a deadline already
 * given to a user; recomputing is an explicit action of the caller.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class WorkingDays {
    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2100;
    static final int MAX_DAYS = 3650;

    private final CalendarStore store;
    private final long cacheMillis;
    private final Map<Integer, YearDays> cache = new ConcurrentHashMap<>();

    WorkingDays(CalendarStore store, CalendarProperties properties) {
        this.store = store;
        this.cacheMillis = properties.cacheSeconds() * 1000L;
    }

    /** The {@code days}-th working day strictly after {@code from}; 1 ≤ {@code days} ≤ 3650. */
    public LocalDate add(LocalDate from, int days) {
        return count(from, days, null);
    }

    /** Like {@link #add}, also listing every weekday skipped because of the calendar (holiday, Tết, swap…). */
    public Result addExplained(LocalDate from, int days) {
        List<CalendarDay> skipped = new ArrayList<>();
        LocalDate date = count(from, days, skipped);
        return new Result(from, days, date, skipped);
    }

    /**
     * Working days from {@code from} to {@code to}: the count of working days after {@code from} up to and including
     * {@code to} (so a deadline tomorrow is 1 day away), negative when {@code to} is before {@code from} (days overdue).
     */
    public int between(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("from/to");
        }
        boolean back = to.isBefore(from);
        LocalDate a = back ? to : from;
        LocalDate b = back ? from : to;
        if (a.plusDays(MAX_DAYS * 2L).isBefore(b)) {
            throw new IllegalArgumentException("range");
        }
        int n = 0;
        for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return back ? -n : n;
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarDay entry = yearDays(date.getYear()).byDate.get(date);
        if (entry != null) {
            return !entry.kind().isDayOff();
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** Why the date is (not) a working day: its calendar entry, if any (weekends have none). */
    public Optional<CalendarDay> entry(LocalDate date) {
        return Optional.ofNullable(yearDays(date.getYear()).byDate.get(date));
    }

    /** Forgets the cached years, after an edit of the calendar on this instance. */
    void invalidate(int year) {
        cache.remove(year);
    }

    private LocalDate count(LocalDate from, int days, List<CalendarDay> skipped) {
        if (from == null) {
            throw new IllegalArgumentException("from");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days");
        }
        LocalDate d = from;
        int counted = 0;
        while (counted < days) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            } else if (skipped != null) {
                CalendarDay entry = yearDays(d.getYear()).byDate.get(d);
                if (entry != null) {
                    skipped.add(entry);
                }
            }
        }
        return d;
    }

    private YearDays yearDays(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("year");
        }
        long now = System.currentTimeMillis();
        YearDays cached = cache.get(year);
        if (cached != null && now - cached.loadedAt < cacheMillis) {
            return cached;
        }
        Map<LocalDate, CalendarDay> map = new HashMap<>();
        for (CalendarDay d : store.year(year)) {
            map.put(d.date(), d);
        }
        YearDays loaded = new YearDays(Map.copyOf(map), now);
        cache.put(year, loaded);
        return loaded;
    }

    private record YearDays(Map<LocalDate, CalendarDay> byDate, long loadedAt) {
    }

    /** The deadline and the calendar days that pushed it back. */
    public record Result(LocalDate from, int days, LocalDate date, List<CalendarDay> skipped) {
    }
}
