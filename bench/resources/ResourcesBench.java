import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.XhhtApplication;
import vn.xhht.resources.BudgetSummaries;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/**
 * Issue-17 figures on a scratch embedded database (target/bench-resources): a generated province of 3,321 communes,
 * each with its centre and an approved budget of 50 lines; then the province summary (totals, by source, by
 * category) and the 200-centre table of the summary page, 50 timed calls each after 5 warm-up calls.
 * Usage: bench/resources/run.sh
 */
public class ResourcesBench {

    static final int COMMUNES = 3321;
    static final int LINES = 50;
    static final int YEAR = 2026;

    record Admin(long userId, String username, String fullName, Role role, long unitId) implements CurrentUser {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext ctx = new SpringApplication(XhhtApplication.class).run(
                "--server.port=0", "--xhht.embedded-db.dir=target/bench-resources/pg", "--xhht.embedded-db.clean=true",
                "--logging.level.root=WARN", "--xhht.login.cleanup-cron=-", "--xhht.public.cleanup-cron=-", "--xhht.backup.cron=-");
        try {
            run(ctx);
        } finally {
            ctx.close();
        }
    }

    static void run(ConfigurableApplicationContext ctx) {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        BudgetSummaries summaries = ctx.getBean(BudgetSummaries.class);
        long nation = jdbc.sql("select id from org_unit where level = 0").query(Long.class).single();
        Admin admin = new Admin(0, "admin", "Quản trị", Role.SYSTEM_ADMIN, nation);

        long province = jdbc.sql("""
                insert into org_unit (code, name, type, level, parent_id, province_id, path, valid_from, source)
                select 'BENCH', 'Tỉnh Thử Nghiệm', 'Tỉnh', 1, id, null, path, date '2025-07-01', 'BENCH' from org_unit where level = 0 returning id
                """).query(Long.class).single();
        jdbc.sql("update org_unit set path = path || id || '/', province_id = null where id = :p").param("p", province).update();
        jdbc.sql("""
                insert into org_unit (code, name, type, level, parent_id, province_id, path, valid_from, source)
                select 'BENCH-' || g, 'Xã Thử Nghiệm Số ' || g, 'Xã', 3, :p, :p, '', date '2025-07-01', 'BENCH' from generate_series(1, :n) g
                """).param("p", province).param("n", COMMUNES).update();
        jdbc.sql("update org_unit set path = (select path from org_unit where id = :p) || id || '/' where parent_id = :p")
                .param("p", province).update();
        jdbc.sql("""
                insert into centre (commune_id, province_id, name)
                select id, :p, 'Trung tâm học tập cộng đồng ' || name from org_unit where parent_id = :p
                """).param("p", province).update();
        jdbc.sql("""
                insert into budget (centre_id, commune_id, province_id, budget_year, created_by)
                select c.id, c.commune_id, c.province_id, :y, 'bench' from centre c where c.province_id = :p
                """).param("p", province).param("y", YEAR).update();
        jdbc.sql("""
                insert into review_state (subject_type, subject_id, owner_unit_id, reviewer_unit_id, province_id, status, due_date)
                select 'Budget', b.id, b.commune_id, b.commune_id, b.province_id, 'APPROVED', date '2025-11-30' from budget b where b.province_id = :p
                """).param("p", province).update();
        // 50 lines per budget: 10 estimate (5 revenue by source, 5 spending by category), 5 allocations, 5 receipts,
        // 25 spendings, 5 settlement lines
        jdbc.sql("""
                insert into budget_line (budget_id, stage, source, category, amount_vnd, line_date, created_by)
                select b.id,
                       case when g <= 10 then 'ESTIMATE' when g <= 15 then 'ALLOCATION' when g <= 20 then 'RECEIPT'
                            when g <= 45 then 'SPENDING' else 'SETTLEMENT' end,
                       case when g <= 5 or g between 11 and 20 then (array['STATE_SUPPORT','COMMUNE_BUDGET','CONTRIBUTIONS','PAID_ACTIVITIES','DONORS'])[1 + g % 5] end,
                       case when g between 6 and 10 or g > 20 then (array['MATERIALS','ALLOWANCES','ACTIVITIES','EQUIPMENT','TRAINING','OTHER'])[1 + g % 6] end,
                       100000 * (1 + (b.id + g) % 50), date '2026-01-01' + (g * 7), 'bench'
                  from budget b cross join generate_series(1, :n) g where b.province_id = :p
                """).param("p", province).param("n", LINES).update();
        jdbc.sql("analyze").update();
        long lines = jdbc.sql("select count(*) from budget_line l join budget b on b.id = l.budget_id where b.province_id = :p")
                .param("p", province).query(Long.class).single();
        System.out.printf("data: %d centres, %d budget lines in one province (year %d)%n", COMMUNES, lines, YEAR);

        BudgetSummaries.Summary s = null;
        for (int i = 0; i < 5; i++) {
            s = summaries.summary(admin, province, YEAR);
            summaries.centres(admin, province, YEAR, 200);
        }
        List<Double> sum = new ArrayList<>();
        List<Double> table = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            s = summaries.summary(admin, province, YEAR);
            long t1 = System.nanoTime();
            summaries.centres(admin, province, YEAR, 200);
            long t2 = System.nanoTime();
            sum.add((t1 - t0) / 1e6);
            table.add((t2 - t1) / 1e6);
        }
        System.out.printf("summary (totals, by source, by category): p50 %.1f ms, p95 %.1f ms, max %.1f ms over 50 calls (target p95 < 200 ms)%n",
                pct(sum, 50), pct(sum, 95), Collections.max(sum));
        System.out.printf("centres table (200 largest estimates): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                pct(table, 50), pct(table, 95), Collections.max(table));
        System.out.printf("totals: %d budgets, %d approved, estimate %,d đ, allocated %,d đ, spent %,d đ%n",
                s.budgets(), s.approved(), s.estimatedSpending(), s.allocated(), s.spent());
    }

    static double pct(List<Double> xs, int p) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
