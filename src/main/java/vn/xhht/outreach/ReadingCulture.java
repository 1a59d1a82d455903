package vn.xhht.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.centre.Bookcases;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.Texts;

/**
 * Reading culture (R46) for an office: the libraries and bookcases of every centre of its area in one view (from the
 * centre module), reading-culture and Book Day activities counted, and the office's own reading-culture plan of the year.
 */
@Service
@Transactional
public class ReadingCulture {

    public record Plan(Long id, long unitId, int year, String content, long version) {
    }

    /** centres: all centres of the area; shelves: those with books. */
    public record Overview(long centres, List<Bookcases.Shelf> shelves, long titles, long copies, long loansInYear, Bookcases.ReadingActivities activities,
                           Plan plan) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final Bookcases bookcases;
    private final AuditTrail audit;

    ReadingCulture(JdbcClient jdbc, OrgUnitDirectory units, Bookcases bookcases, AuditTrail audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.bookcases = bookcases;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Overview overview(CurrentUser user, long unitId, int year) {
        List<Bookcases.Shelf> shelves = bookcases.shelves(user, unitId, year);
        return new Overview(bookcases.centres(user, unitId), shelves, shelves.stream().mapToLong(Bookcases.Shelf::titles).sum(), shelves.stream().mapToLong(Bookcases.Shelf::copies).sum(),
                shelves.stream().mapToLong(Bookcases.Shelf::loansInYear).sum(),
                bookcases.readingActivities(unitId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)), plan(unitId, year).orElse(null));
    }

    Optional<Plan> plan(long unitId, int year) {
        return jdbc.sql("select * from reading_plan where unit_id = :u and plan_year = :y").param("u", unitId).param("y", year)
                .query((rs, n) -> new Plan(rs.getLong("id"), rs.getLong("unit_id"), rs.getInt("plan_year"), rs.getString("content"),
                        rs.getLong("version"))).optional();
    }

    public boolean canEdit(CurrentUser user, long unitId) {
        return units.canWrite(user, unitId);
    }

    /** Writes the office's plan of the year; version is the one the user opened (null for a first plan). */
    public void savePlan(CurrentUser user, long unitId, Integer year, String content, Long version) {
        units.checkWritable(user, unitId);
        String text = Texts.orNull(content);
        if (year == null || year < 2000 || year > 2100) {
            throw new InvalidInputProblem("year", "outreach.year.invalid");
        }
        if (text == null) {
            throw new InvalidInputProblem("content", "outreach.reading.content.required");
        }
        java.util.List<InvalidInputProblem.Violation> v = new java.util.ArrayList<>();
        InputRules.maxLength(v, "content", text, TextLimits.READING_PLAN__CONTENT);
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        Optional<Plan> old = plan(unitId, year);
        if (old.isEmpty()) {
            if (version != null) {
                throw new ConcurrentEditProblem("ReadingPlan " + unitId + "/" + year);
            }
            long id = jdbc.sql("insert into reading_plan (unit_id, plan_year, content, created_by) values (:u, :y, :c, :by) returning id")
                    .param("u", unitId).param("y", year).param("c", text).param("by", user.username()).query(Long.class).single();
            audit.change(AuditAction.CREATE, "ReadingPlan", id, unitId, null, Map.of("year", year, "content", text), "Kế hoạch văn hóa đọc năm " + year);
            return;
        }
        int n = jdbc.sql("update reading_plan set content = :c, version = version + 1, updated_at = now() where id = :id and version = :v")
                .param("c", text).param("id", old.get().id()).param("v", version == null ? -1 : version).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("ReadingPlan " + old.get().id());
        }
        audit.change(AuditAction.UPDATE, "ReadingPlan", old.get().id(), unitId, Map.of("content", old.get().content()), Map.of("content", text),
                "Sửa kế hoạch văn hóa đọc năm " + year);
    }
}
