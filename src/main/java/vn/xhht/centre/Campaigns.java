package vn.xhht.centre;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.VietnamClock;

/**
 * Campaigns (R16): Lifelong Learning Week 1–7 October with its yearly theme, Study Promotion Day 2 October, Book Day
 * 21 April… Kept as data (administrators add each year's edition and theme); activities link to one, and each gets a
 * summary over any unit's subtree.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional
public class Campaigns {

    public enum Kind { LIFELONG_LEARNING_WEEK, STUDY_PROMOTION_DAY, BOOK_DAY, EDUCATION_ACTION_WEEK, SUMMER, OTHER }

    public record Campaign(long id, String kind, int year, String name, String theme, LocalDate startsOn, LocalDate endsOn) {
    }

    /** women and ethnicMinority: null when no activity entered them ("chưa nhập"), never 0. */
    public record Totals(long activities, long participations, Long women, Long ethnicMinority, long centres) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final AuditTrail audit;
    private final VietnamClock clock;

    Campaigns(JdbcClient jdbc, OrgUnitDirectory units, AuditTrail audit, VietnamClock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Campaign> all() {
        return jdbc.sql("select * from campaign order by starts_on desc").query(Campaigns::map).list();
    }

    /** Campaigns an activity on about this date may belong to. */
    @Transactional(readOnly = true)
    public List<Campaign> around(LocalDate date) {
        return jdbc.sql("select * from campaign where :d between starts_on - 60 and ends_on + 60 order by starts_on")
                .param("d", date).query(Campaigns::map).list();
    }

    public long create(CurrentUser user, String kind, Integer year, String name, String theme, LocalDate startsOn, LocalDate endsOn) {
        if (user.role() != Role.SYSTEM_ADMIN) {
            throw new AccessDeniedProblem("error.adminOnly");
        }
        if (name == null || name.isBlank() || startsOn == null || endsOn == null || year == null || kind == null) {
            throw new InvalidInputProblem("name", "record.required");
        }
        if (endsOn.isBefore(startsOn)) {
            throw new InvalidInputProblem("endsOn", "activity.endDate.beforeStart");
        }
        long id = jdbc.sql("""
                insert into campaign (kind, year, name, theme, starts_on, ends_on) values (:k, :y, :n, :t, :s, :e) returning id
                """).param("k", Kind.valueOf(kind).name()).param("y", year).param("n", name.strip())
                .param("t", theme == null || theme.isBlank() ? null : theme.strip()).param("s", startsOn).param("e", endsOn)
                .query(Long.class).single();
        audit.change(AuditAction.CREATE, "Campaign", id, null, null, Map.of("name", name.strip()), "Đợt cao điểm " + name.strip());
        return id;
    }

    /** The campaign's figures over the subtree of a unit the user may read. */
    @Transactional(readOnly = true)
    public Totals totals(CurrentUser user, long campaignId, long unitId) {
        units.requireReadable(user, unitId);
        return jdbc.sql("""
                select count(*) as n, coalesce(sum(a.participations), 0) as p, sum(a.women) as w,
                       sum(a.ethnic_minority) as e, count(distinct a.centre_id) as c
                from activity a join centre c on c.id = a.centre_id join xhht_unit u on u.id = c.commune_id
                where a.campaign_id = :k and c.commune_id in (select id from xhht_unit_subtree(:unit))
                  and a.start_date <= :today
                """).param("k", campaignId).param("unit", unitId).param("today", clock.today())
                .query((rs, n) -> new Totals(rs.getLong("n"), rs.getLong("p"), rs.getObject("w", Long.class), rs.getObject("e", Long.class), rs.getLong("c"))).single();
    }

    static Campaign map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Campaign(rs.getLong("id"), rs.getString("kind"), rs.getInt("year"), rs.getString("name"), rs.getString("theme"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class));
    }
}
