package vn.xhht.reporting;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.Role;
import vn.xhht.support.TestUsers;

/**
 * Test units of both structures under a test province of their own, so that reporting tests never share units with
 * other tests: an old province (until 30/06/2025) → district → communes, and its successor province → communes.
 */
final class ReportFixtures {

    static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100000));

    final JdbcClient jdbc;
    final String tag;

    /** Units made by the fixtures not yet removed (other tests count the units and centres of the country). */
    static final java.util.List<Long> CREATED = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    ReportFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.tag = "R" + NEXT.incrementAndGet();
    }

    /** Removes every fixture unit and what was recorded for it (the audit trail, append-only, keeps its rows). */
    static void cleanAll(JdbcClient jdbc) {
        if (CREATED.isEmpty()) {
            return;
        }
        String in;
        synchronized (CREATED) {
            in = CREATED.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
            CREATED.clear();
        }
        for (String sql : new String[]{
                "delete from report_reminder where unit_id in (%s)",
                "delete from report_due_override where province_id in (%s)",
                "delete from briefing_meeting where unit_id in (%s)",
                "delete from review_event e using review_state s where e.subject_type = s.subject_type and e.subject_id = s.subject_id and (s.owner_unit_id in (%1$s) or s.reviewer_unit_id in (%1$s))",
                "delete from review_state where owner_unit_id in (%1$s) or reviewer_unit_id in (%1$s) or province_id in (%1$s)",
                "delete from report where unit_id in (%1$s) or province_id in (%1$s)",
                "delete from plan_target where plan_id in (select id from plan where owner_unit_id in (%s))",
                "delete from plan where owner_unit_id in (%s)",
                "delete from activity where centre_id in (select id from centre where commune_id in (%s))",
                "delete from activity_month where province_id in (%s)",
                "delete from evidence_file where unit_id in (%s)",
                "delete from centre where commune_id in (%s)",
                "delete from org_unit_succession where predecessor_id in (%1$s) or successor_id in (%1$s)",
                "delete from org_unit where id in (%s) and level = 3",
                "delete from org_unit where id in (%s) and level = 2",
                "delete from org_unit where id in (%s)"}) {
            jdbc.sql(sql.formatted(in)).update();
        }
    }

    long nation() {
        return jdbc.sql("select id from org_unit where level = 0").query(Long.class).single();
    }

    /** A unit below {@code parent} (null: the nation) valid from..to. */
    long unit(String name, int level, Long parent, LocalDate from, LocalDate to) {
        long p = parent == null ? nation() : parent;
        long id = jdbc.sql("""
                insert into org_unit (code, name, type, level, parent_id, province_id, valid_from, valid_to, source)
                values (:code, :name, 'Thử', :level, :parent, null, :from, :to, 'TEST') returning id
                """).param("code", tag + "-" + name.hashCode()).param("name", name + " " + tag).param("level", level).param("parent", p)
                .param("from", from).param("to", to).query(Long.class).single();
        jdbc.sql("""
                update org_unit u set path = pu.path || u.id || '/', province_id = case when u.level = 1 then u.id else pu.province_id end
                from org_unit pu where pu.id = u.parent_id and u.id = :id
                """).param("id", id).update();
        CREATED.add(id);
        if (level == 3) {
            jdbc.sql("insert into centre (commune_id, province_id, name) select id, province_id, 'TTHTCĐ ' || name from org_unit where id = :id")
                    .param("id", id).update();
        }
        return id;
    }

    void succession(long predecessor, long successor) {
        jdbc.sql("insert into org_unit_succession (predecessor_id, successor_id, coverage, effective_on) values (:p, :s, 'FULL', '2025-07-01')")
                .param("p", predecessor).param("s", successor).update();
    }

    long centre(long commune) {
        return jdbc.sql("select id from centre where commune_id = :c").param("c", commune).query(Long.class).single();
    }

    void activity(long commune, String type, LocalDate day, int participations, int women, Long campaign) {
        jdbc.sql("""
                insert into activity (centre_id, province_id, type_code, topic_code, title, start_date, end_date, participations, women,
                                      ethnic_minority, disadvantaged, age_15_35, campaign_id)
                select c.id, c.province_id, :type, 'LAW', 'Hoạt động thử', :d, :d, :p, :w, 1, 0, :p / 2, :camp from centre c where c.commune_id = :c
                """).param("type", type).param("d", day).param("p", participations).param("w", women).param("camp", campaign).param("c", commune).update();
    }

    TestUsers.User user(Role role, long unit) {
        return new TestUsers.User(-1, tag.toLowerCase() + "." + role.name().toLowerCase() + "." + unit, "Người thử " + tag, role, unit);
    }
}
