package vn.xhht.resources;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.support.TestUsers;

/**
 * What the budget tests need beyond the demo: a second officer of Xã Cần Yên who approves for the commune chairman
 * (same password as the demo accounts), the centre of Cần Yên, and activities of it and of another centre.
 */
public final class BudgetFixture {
    private BudgetFixture() {
    }

    public static final String CHAIRMAN = "chutich.canyen";

    public static TestUsers.User chairman(JdbcClient jdbc) {
        jdbc.sql("""
                insert into app_user (username, full_name, password_hash, role, unit_id)
                select :u, 'Chủ tịch UBND xã Cần Yên', password_hash, 'COMMUNE_OFFICER', unit_id from app_user where username = 'xa.canyen'
                on conflict (username) do nothing
                """).param("u", CHAIRMAN).update();
        return TestUsers.load(jdbc, CHAIRMAN);
    }

    public static long canYenCommune(JdbcClient jdbc) {
        return TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
    }

    public static long canYenCentre(JdbcClient jdbc) {
        long commune = canYenCommune(jdbc);
        jdbc.sql("""
                insert into centre (commune_id, province_id, name)
                select u.id, u.province_id, 'Trung tâm học tập cộng đồng xã Cần Yên' from org_unit u where u.id = :c
                on conflict (commune_id) do nothing
                """).param("c", commune).update();
        return jdbc.sql("select id from centre where commune_id = :c").param("c", commune).query(Long.class).single();
    }

    /** The centre of another commune of Cao Bằng (created when missing). */
    public static long otherCentre(JdbcClient jdbc) {
        long mine = canYenCommune(jdbc);
        Long commune = jdbc.sql("""
                select u.id from org_unit u join org_unit p on p.id = u.province_id
                 where u.level = 3 and p.code = '04' and u.valid_to is null and u.id <> :c order by u.id limit 1
                """).param("c", mine).query(Long.class).single();
        jdbc.sql("""
                insert into centre (commune_id, province_id, name)
                select u.id, u.province_id, 'Trung tâm học tập cộng đồng ' || u.name from org_unit u where u.id = :c
                on conflict (commune_id) do nothing
                """).param("c", commune).update();
        return jdbc.sql("select id from centre where commune_id = :c").param("c", commune).query(Long.class).single();
    }

    public static long activity(JdbcClient jdbc, long centreId, String title, LocalDate on) {
        return jdbc.sql("""
                insert into activity (centre_id, province_id, type_code, topic_code, title, start_date, end_date, participations)
                select c.id, c.province_id, 'THEMATIC_SESSION', 'LAW', :t, :d, :d, 30 from centre c where c.id = :c returning id
                """).param("c", centreId).param("t", title).param("d", on).query(Long.class).single();
    }
}
