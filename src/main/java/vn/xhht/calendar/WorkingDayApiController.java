package vn.xhht.calendar;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.xhht.shared.InvalidInputProblem;

/** Working-day arithmetic for any client; public (no personal data), so forms and other systems can use it. */
@RestController
@RequestMapping("/api/v1/working-days")
@Tag(name = "Ngày làm việc / Working days")
class WorkingDayApiController {
    private final WorkingDays workingDays;
    private final CalendarStore store;

    WorkingDayApiController(WorkingDays workingDays, CalendarStore store) {
        this.workingDays = workingDays;
        this.store = store;
    }

    record Skipped(LocalDate date, String kind, String name, String legalBasis, boolean provisional) {
        static Skipped of(CalendarDay d) {
            return new Skipped(d.date(), d.kind().name(), d.name(), d.legalBasis(), d.provisional());
        }
    }

    record AddResponse(LocalDate from, int days, LocalDate date, List<Skipped> skipped) {
    }

    record DayResponse(LocalDate date, boolean workingDay, String reason, String kind, String legalBasis, Boolean provisional) {
    }

    @GetMapping("/add")
    @Operation(operationId = "addWorkingDays", summary = "Cộng số ngày làm việc",
            description = "Ngày làm việc thứ N sau ngày from (ngày from không tính; ngày 1 là ngày làm việc đầu tiên sau from)")
    AddResponse add(@RequestParam(required = false) String from, @RequestParam(required = false) String days) {
        LocalDate start = parseDate("from", from);
        int n = parseDays(days);
        WorkingDays.Result r = workingDays.addExplained(start, n);
        return new AddResponse(r.from(), r.days(), r.date(), r.skipped().stream().map(Skipped::of).toList());
    }

    @GetMapping("/check")
    @Operation(operationId = "checkWorkingDay", summary = "Kiểm tra một ngày có phải ngày làm việc",
            description = "Một ngày có phải ngày làm việc không, và vì sao")
    DayResponse check(@RequestParam(required = false) String date) {
        LocalDate d = parseDate("date", date);
        boolean working = workingDays.isWorkingDay(d);
        CalendarDay entry = workingDays.entry(d).orElse(null);
        String reason = entry != null ? entry.name()
                : working ? null : (d.getDayOfWeek().getValue() == 6 ? "Thứ Bảy" : "Chủ nhật");
        return new DayResponse(d, working, reason, entry == null ? null : entry.kind().name(),
                entry == null ? null : entry.legalBasis(), entry == null ? null : entry.provisional());
    }

    @GetMapping("/calendar")
    @Operation(operationId = "getHolidayCalendar", summary = "Lịch ngày nghỉ, ngày làm bù của một năm",
            description = "Các ngày nghỉ và ngày làm bù của một năm (tạo từ luật nếu năm chưa được nhập)")
    List<Skipped> calendar(@RequestParam int year) {
        if (year < WorkingDays.FIRST_YEAR || year > WorkingDays.LAST_YEAR) {
            throw new InvalidInputProblem("year", "calendar.error.yearRange", WorkingDays.FIRST_YEAR, WorkingDays.LAST_YEAR);
        }
        return store.year(year).stream().map(Skipped::of).toList();
    }

    private static LocalDate parseDate(String field, String value) {
        try {
            LocalDate d = LocalDate.parse(value == null ? "" : value.trim());
            if (d.getYear() < WorkingDays.FIRST_YEAR || d.getYear() >= WorkingDays.LAST_YEAR - 10) {
                throw new InvalidInputProblem(field, "calendar.error.yearRange", WorkingDays.FIRST_YEAR, WorkingDays.LAST_YEAR - 11);
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputProblem(field, "calendar.error.dateFormat");
        }
    }

    private static int parseDays(String value) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.trim());
            if (n < 1 || n > WorkingDays.MAX_DAYS) {
                throw new InvalidInputProblem("days", "calendar.error.days", WorkingDays.MAX_DAYS);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputProblem("days", "calendar.error.days", WorkingDays.MAX_DAYS);
        }
    }
}
