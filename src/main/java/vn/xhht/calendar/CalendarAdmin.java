package vn.xhht.calendar;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Texts;

/**
 * An administrator keeps the calendar true to the year's notices: adds, corrects or removes a day off or a worked
 * Saturday, and confirms a generated year. Every change is audited with the document that justifies it.
 */
@Service
public class CalendarAdmin {
    private final JdbcClient jdbc;
    private final CalendarStore store;
    private final WorkingDays workingDays;
    private final AuditTrail audit;

    CalendarAdmin(JdbcClient jdbc, CalendarStore store, WorkingDays workingDays, AuditTrail audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.workingDays = workingDays;
        this.audit = audit;
    }

    /** A new or corrected entry; {@code id} null for a new one, {@code version} the one the user saw. */
    public record Entry(Long id, Integer version, LocalDate date, DayKind kind, String name, String legalBasis,
                        boolean provisional) {
    }

    @Transactional
    public long save(CurrentUser user, Entry e) {
        requireAdmin(user);
        String name = Texts.orNull(e.name());
        String basis = Texts.orNull(e.legalBasis());
        validate(e, name, basis);
        store.ensureYear(e.date().getYear());
        Long clash = jdbc.sql("select id from calendar_day where day = :d").param("d", Date.valueOf(e.date()))
                .query(Long.class).optional().orElse(null);
        if (clash != null && !clash.equals(e.id())) {
            throw new InvalidInputProblem("date", "calendar.error.duplicate");
        }
        Map<String, Object> after = describe(e.date(), e.kind(), name, basis, e.provisional());
        long id;
        if (e.id() == null) {
            id = jdbc.sql("""
                            insert into calendar_day (day, kind, name, legal_basis, provisional, updated_by)
                            values (:d, :k, :n, :b, :p, :u) returning id
                            """)
                    .param("d", Date.valueOf(e.date())).param("k", e.kind().name()).param("n", name).param("b", basis)
                    .param("p", e.provisional()).param("u", user.username())
                    .query(Long.class).single();
            audit.change(AuditAction.CREATE, "calendar_day", id, null, null, after, "Lịch ngày làm việc: thêm " + e.date());
        } else {
            CalendarDay before = store.find(e.id()).orElseThrow(() -> new NotFoundProblem("calendar.notFound", e.id()));
            int updated = jdbc.sql("""
                            update calendar_day set day = :d, kind = :k, name = :n, legal_basis = :b, provisional = :p,
                                   version = version + 1, updated_at = now(), updated_by = :u
                            where id = :id and version = :v
                            """)
                    .param("d", Date.valueOf(e.date())).param("k", e.kind().name()).param("n", name).param("b", basis)
                    .param("p", e.provisional()).param("u", user.username()).param("id", e.id())
                    .param("v", e.version() == null ? -1 : e.version())
                    .update();
            if (updated == 0) {
                throw new ConcurrentEditProblem("calendar_day " + e.id());
            }
            id = e.id();
            audit.change(AuditAction.UPDATE, "calendar_day", id, null,
                    describe(before.date(), before.kind(), before.name(), before.legalBasis(), before.provisional()), after,
                    "Lịch ngày làm việc: sửa " + before.date());
            workingDays.invalidate(before.date().getYear());
        }
        markEntered(e.date().getYear());
        workingDays.invalidate(e.date().getYear());
        return id;
    }

    @Transactional
    public void delete(CurrentUser user, long id, int version) {
        requireAdmin(user);
        CalendarDay before = store.find(id).orElseThrow(() -> new NotFoundProblem("calendar.notFound", id));
        int deleted = jdbc.sql("delete from calendar_day where id = :id and version = :v").param("id", id).param("v", version).update();
        if (deleted == 0) {
            throw new ConcurrentEditProblem("calendar_day " + id);
        }
        audit.change(AuditAction.DELETE, "calendar_day", id, null,
                describe(before.date(), before.kind(), before.name(), before.legalBasis(), before.provisional()), null,
                "Lịch ngày làm việc: xoá " + before.date());
        markEntered(before.date().getYear());
        workingDays.invalidate(before.date().getYear());
    }

    /** Marks every day of the year checked against the notices; each must name its legal basis. */
    @Transactional
    public int confirmYear(CurrentUser user, int year) {
        requireAdmin(user);
        List<CalendarDay> days = store.year(year);
        List<InvalidInputProblem.Violation> missing = new ArrayList<>();
        for (CalendarDay d : days) {
            if (d.legalBasis() == null) {
                missing.add(new InvalidInputProblem.Violation("legalBasis", "calendar.error.basisRequired", d.date().toString()));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputProblem(missing);
        }
        int n = jdbc.sql("""
                        update calendar_day set provisional = false, version = version + 1, updated_at = now(), updated_by = :u
                        where day >= :from and day < :to and provisional
                        """)
                .param("u", user.username())
                .param("from", Date.valueOf(LocalDate.of(year, 1, 1))).param("to", Date.valueOf(LocalDate.of(year + 1, 1, 1)))
                .update();
        markEntered(year);
        audit.change(AuditAction.UPDATE, "calendar_year", year, null, null, Map.of("confirmedDays", n),
                "Lịch ngày làm việc năm " + year + ": xác nhận theo thông báo chính thức");
        workingDays.invalidate(year);
        return n;
    }

    private void markEntered(int year) {
        jdbc.sql("update calendar_year set source = 'ENTERED' where year = :y").param("y", year).update();
    }

    private static void validate(Entry e, String name, String basis) {
        List<InvalidInputProblem.Violation> v = new ArrayList<>();
        if (e.date() == null) {
            v.add(new InvalidInputProblem.Violation("date", "calendar.error.date"));
        } else if (e.date().getYear() < WorkingDays.FIRST_YEAR || e.date().getYear() > WorkingDays.LAST_YEAR) {
            v.add(new InvalidInputProblem.Violation("date", "calendar.error.yearRange", WorkingDays.FIRST_YEAR, WorkingDays.LAST_YEAR));
        }
        if (e.kind() == null) {
            v.add(new InvalidInputProblem.Violation("kind", "calendar.error.kind"));
        } else if (e.date() != null) {
            boolean weekend = e.date().getDayOfWeek() == DayOfWeek.SATURDAY || e.date().getDayOfWeek() == DayOfWeek.SUNDAY;
            if (e.kind() == DayKind.SWAP_WORK && !weekend) {
                v.add(new InvalidInputProblem.Violation("kind", "calendar.error.swapWorkWeekday"));
            }
            if ((e.kind() == DayKind.SWAP_OFF || e.kind() == DayKind.COMPENSATORY) && weekend) {
                v.add(new InvalidInputProblem.Violation("kind", "calendar.error.offOnWeekend"));
            }
        }
        if (name == null) {
            v.add(new InvalidInputProblem.Violation("name", "calendar.error.name"));
        } else if (name.length() > 200) {
            v.add(new InvalidInputProblem.Violation("name", "calendar.error.nameLength"));
        }
        if (!e.provisional() && basis == null) {
            v.add(new InvalidInputProblem.Violation("legalBasis", "calendar.error.basisRequired", String.valueOf(e.date())));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
    }

    private static Map<String, Object> describe(LocalDate date, DayKind kind, String name, String basis, boolean provisional) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", String.valueOf(date));
        m.put("kind", kind.name());
        m.put("name", name);
        m.put("legalBasis", basis);
        m.put("provisional", provisional);
        return m;
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin()) {
            throw new AccessDeniedProblem("error.adminOnly");
        }
    }
}
