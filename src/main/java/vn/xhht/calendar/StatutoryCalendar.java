package vn.xhht.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The provisional calendar of a year not yet announced, generated from the law (see
 * shared/domain/regulations/working-days.md): the holidays of BLLĐ 2019 Điều 112 khoản 1, Tết and Giỗ Tổ from the
 * Vietnamese lunar calendar, 24/11 from 2026 (NQ 28/2026/QH16), and a compensatory weekday for each holiday that
 * falls on a weekend (Điều 111 khoản 3). The movable choices (which 5 days are Tết, which day goes with 2/9) are
 * the Prime Minister's each year; the generator uses the usual pattern and marks every day provisional until an
 * administrator checks it against the year's notice.
 */
final class StatutoryCalendar {
    static final String LABOUR_CODE = "Bộ luật Lao động 2019, Điều 112 khoản 1";
    static final String CULTURE_DAY_BASIS = "Nghị quyết 28/2026/QH16, Điều 2 (hiệu lực 01/7/2026)";
    static final int CULTURE_DAY_FIRST_YEAR = 2026;

    private StatutoryCalendar() {
    }

    /** Every generated entry of the year, in date order (weekend holidays included, to name them). */
    static List<CalendarDay> generate(int year, boolean cultureDayCompensated) {
        List<CalendarDay> holidays = new ArrayList<>();
        holidays.add(day(LocalDate.of(year, 1, 1), DayKind.HOLIDAY, "Tết Dương lịch", LABOUR_CODE + " điểm a"));

        // Tết: a block of 5 days straddling lunar New Year; the civil service usually gets 2 days before + 3 after
        LocalDate newYear = LunarCalendar.newYear(year);
        String tetBasis = LABOUR_CODE + " điểm b; 5 ngày do Thủ tướng quyết định hằng năm (dự kiến: 2 ngày trước, 3 ngày sau mùng 1)";
        holidays.add(day(newYear.minusDays(2), DayKind.TET, "Nghỉ Tết Âm lịch (trước giao thừa)", tetBasis));
        holidays.add(day(newYear.minusDays(1), DayKind.TET, "Nghỉ Tết Âm lịch (giao thừa)", tetBasis));
        holidays.add(day(newYear, DayKind.TET, "Tết Nguyên đán (mùng 1)", tetBasis));
        holidays.add(day(newYear.plusDays(1), DayKind.TET, "Tết Nguyên đán (mùng 2)", tetBasis));
        holidays.add(day(newYear.plusDays(2), DayKind.TET, "Tết Nguyên đán (mùng 3)", tetBasis));

        holidays.add(day(LunarCalendar.toSolar(10, 3, year), DayKind.HOLIDAY, "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
                LABOUR_CODE + " điểm đ"));
        holidays.add(day(LocalDate.of(year, 4, 30), DayKind.HOLIDAY, "Ngày Chiến thắng (30/4)", LABOUR_CODE + " điểm c"));
        holidays.add(day(LocalDate.of(year, 5, 1), DayKind.HOLIDAY, "Ngày Quốc tế lao động (1/5)", LABOUR_CODE + " điểm d"));
        LocalDate nationalDay = LocalDate.of(year, 9, 2);
        holidays.add(day(nationalDay, DayKind.HOLIDAY, "Quốc khánh (2/9)", LABOUR_CODE + " điểm đ"));
        holidays.add(day(adjacentToNationalDay(nationalDay), DayKind.HOLIDAY, "Quốc khánh (ngày liền kề)",
                LABOUR_CODE + " điểm đ; ngày liền kề do Thủ tướng quyết định (dự kiến: ngày nối với cuối tuần)"));
        CalendarDay cultureDay = null;
        if (year >= CULTURE_DAY_FIRST_YEAR) {
            cultureDay = day(LocalDate.of(year, 11, 24), DayKind.HOLIDAY, "Ngày Văn hóa Việt Nam (24/11)", CULTURE_DAY_BASIS);
            holidays.add(cultureDay);
        }
        holidays.sort(Comparator.comparing(CalendarDay::date));

        Set<LocalDate> off = new HashSet<>();
        holidays.forEach(h -> off.add(h.date()));
        List<CalendarDay> result = new ArrayList<>(holidays);
        for (CalendarDay h : holidays) {
            if (!isWeekend(h.date()) || (h == cultureDay && !cultureDayCompensated)) {
                continue;
            }
            LocalDate d = h.date().plusDays(1);
            while (isWeekend(d) || off.contains(d)) {
                d = d.plusDays(1);
            }
            off.add(d);
            result.add(day(d, DayKind.COMPENSATORY, "Nghỉ bù " + h.name() + " trùng ngày nghỉ hằng tuần",
                    "Bộ luật Lao động 2019, Điều 111 khoản 3"));
        }
        result.sort(Comparator.comparing(CalendarDay::date));
        return result;
    }

    /**
     * The day that goes with 2/9 is chosen each year to join a weekend where it can: Monday → Tuesday 3/9,
     * Tuesday/Wednesday → 1/9, Thursday → Friday 3/9, Friday → Thursday 1/9, Saturday → Friday 1/9 (the Saturday
     * itself is compensated on Monday), Sunday → Monday 3/9. Matches 2021–2025.
     */
    static LocalDate adjacentToNationalDay(LocalDate nationalDay) {
        return switch (nationalDay.getDayOfWeek()) {
            case MONDAY, THURSDAY, SUNDAY -> nationalDay.plusDays(1);
            default -> nationalDay.minusDays(1);
        };
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static CalendarDay day(LocalDate date, DayKind kind, String name, String basis) {
        return new CalendarDay(null, date, kind, name, basis, true, 0);
    }
}
