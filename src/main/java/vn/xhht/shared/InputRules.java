package vn.xhht.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rules every value typed by a user meets before it reaches the database, in one place: the web layer
 * applies the generic ones (control characters, date range) to every parameter and JSON field, and the services
 * apply the per-field ones (length, number range) with the limits of {@link TextLimits}.
 */
public final class InputRules {
    private InputRules() {
    }

    /** No date before this is a real date of this application's data (births, decisions, foundations). */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    /**
     * How far ahead a date may be: to the end of the year this many years after today. Plans run five years and
     * legal documents and recognitions are valid for a few; ten leaves room, and a typo such as 2062 for 2026 is
     * refused next to its field.
     */
    public static final int YEARS_AHEAD = 10;

    /** The end of the last year the working-day calendar covers: no later date is ever taken (deadlines need it). */
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    /** "Today" for the horizon: the application's {@link VietnamClock} once it exists (tests pin it). */
    private static volatile Supplier<LocalDate> today = () -> null;

    /** The clocks of the applications running in this JVM, the one started last first (normally just one). */
    private static final java.util.Deque<VietnamClock> CLOCKS = new java.util.ArrayDeque<>();

    static synchronized void useClock(VietnamClock clock) {
        CLOCKS.push(clock);
        today = clock::today;
    }

    static synchronized void releaseClock(VietnamClock clock) {
        CLOCKS.removeIf(c -> c == clock);
        VietnamClock current = CLOCKS.peek();
        today = current == null ? () -> null : current::today;
    }

    /** The last date any field takes: the end of the year {@link #YEARS_AHEAD} after today, at most {@link #LATEST_DATE}. */
    public static LocalDate latestDate() {
        return latestDate(today.get());
    }

    /** The last date a field takes on this day (null: no clock yet, only the calendar's bound). */
    public static LocalDate latestDate(LocalDate today) {
        if (today == null) {
            return LATEST_DATE;
        }
        LocalDate horizon = LocalDate.of(today.getYear() + YEARS_AHEAD, 12, 31);
        return horizon.isAfter(LATEST_DATE) ? LATEST_DATE : horizon;
    }

    /** The largest count of people, books, sessions… one record can hold. */
    public static final int MAX_COUNT = 10_000_000;

    /** The largest amount of money (đồng) one record can hold: below the numeric(14,2) columns' limit. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999");

    public static boolean dateInRange(LocalDate d) {
        return d == null || (!d.isBefore(EARLIEST_DATE) && !d.isAfter(latestDate()));
    }

    /**
     * Whether the text holds a control character that no keyboard types: NUL (which PostgreSQL refuses) and the
     * other C0 controls and DEL. Tabs and line breaks are allowed (multi-line text, pasted tables).
     */
    public static boolean hasControlCharacter(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** Adds a violation when the text is longer than its column allows. */
    public static void maxLength(List<InvalidInputProblem.Violation> v, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            v.add(new InvalidInputProblem.Violation(field, "error.tooLong", max));
        }
    }

    /** Adds a violation when the date is outside {@link #EARLIEST_DATE} … {@link #latestDate()}. */
    public static void date(List<InvalidInputProblem.Violation> v, String field, LocalDate value) {
        if (!dateInRange(value)) {
            v.add(new InvalidInputProblem.Violation(field, "error.dateRange", EARLIEST_DATE.getYear(), latestDate().getYear()));
        }
    }

    /** Adds a violation when the count is negative or larger than {@link #MAX_COUNT}. */
    public static void count(List<InvalidInputProblem.Violation> v, String field, Number value) {
        if (value != null && (value.longValue() < 0 || value.longValue() > MAX_COUNT)) {
            v.add(new InvalidInputProblem.Violation(field, "error.countRange", MAX_COUNT));
        }
    }

    /** Adds a violation when the amount is negative or larger than {@link #MAX_AMOUNT}. */
    public static void amount(List<InvalidInputProblem.Violation> v, String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(MAX_AMOUNT) > 0)) {
            v.add(new InvalidInputProblem.Violation(field, "error.amountRange"));
        }
    }

    /**
     * A date typed as text (ISO, what date inputs send): null when blank; a field error when it is not a real date
     * or outside the range.
     */
    public static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputProblem(field, "error.notADate", field);
        }
        if (!dateInRange(d)) {
            throw new InvalidInputProblem(field, "error.dateRange", field, EARLIEST_DATE.getYear(), latestDate().getYear());
        }
        return d;
    }

    /** A month typed as yyyy-MM: null when blank, a field error when it is not one. */
    public static java.time.YearMonth month(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            java.time.YearMonth m = java.time.YearMonth.parse(raw.strip());
            if (!dateInRange(m.atDay(1))) {
                throw new InvalidInputProblem(field, "error.dateRange", field, EARLIEST_DATE.getYear(), latestDate().getYear());
            }
            return m;
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputProblem(field, "error.notADate", field);
        }
    }

    /** One of an enumeration's values by name: null when blank, a field error when it is none of them. */
    public static <E extends Enum<E>> E choice(String field, Class<E> type, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(raw.strip())) {
                return e;
            }
        }
        throw new InvalidInputProblem(field, "error.notAChoice", field);
    }
}
