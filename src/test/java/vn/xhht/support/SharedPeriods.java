package vn.xhht.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test classes share one database and the demo communes have few report periods, so a test that needs a fresh report
 * of a period first removes whatever another test left there ({@link StateFixture} rebuilds its own on every use).
 */
public final class SharedPeriods {
    private SharedPeriods() {
    }

    public static void freeReport(JdbcClient jdbc, String template, String period, long unitId) {
        for (Long id : jdbc.sql("select id from report where template_code = :t and period_code = :p and unit_id = :u")
                .param("t", template).param("p", period).param("u", unitId).query(Long.class).list()) {
            jdbc.sql("delete from review_event where subject_type = 'Report' and subject_id = :id").param("id", id).update();
            jdbc.sql("delete from review_state where subject_type = 'Report' and subject_id = :id").param("id", id).update();
            jdbc.sql("delete from report where id = :id").param("id", id).update();
        }
    }

    public static void freePlan(JdbcClient jdbc, long ownerUnitId, int year) {
        for (Long id : jdbc.sql("select id from plan where owner_unit_id = :u and plan_year = :y")
                .param("u", ownerUnitId).param("y", year).query(Long.class).list()) {
            jdbc.sql("delete from review_event where subject_type = 'Plan' and subject_id = :id").param("id", id).update();
            jdbc.sql("delete from review_state where subject_type = 'Plan' and subject_id = :id").param("id", id).update();
            jdbc.sql("delete from plan where id = :id").param("id", id).update();
        }
    }
}
