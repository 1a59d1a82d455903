package vn.xhht.resources;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The province and national summaries read the roll-up the database keeps from the lines (V195); here they must
 * give exactly what summing the lines gives, after lines are added, removed and changed by hand.
 */
@XhhtIntegrationTest
class BudgetRollupTest {

    static final int YEAR = 2009;

    @Autowired
    BudgetService budgets;
    @Autowired
    BudgetSummaries summaries;
    @Autowired
    OrgUnitDirectory units;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theRollupAgreesWithTheLinesAfterAddingRemovingAndChangingLines() {
        var director = TestUsers.load(jdbc, "xa.canyen");
        var chairman = BudgetFixture.chairman(jdbc);
        long centre = BudgetFixture.canYenCentre(jdbc);
        Budget b = budgets.create(director, centre, YEAR);
        OrgUnit province = units.require(jdbc.sql("select province_id from budget where id = :b").param("b", b.id()).query(Long.class).single());
        assertThat(province.level()).isEqualTo(OrgUnit.PROVINCE);
        BudgetSummaries.Summary before = summaries.compute(province, YEAR);

        budgets.addLine(director, b.id(), BudgetWorkflowTest.line("ESTIMATE", "STATE_SUPPORT", null, 25_000_000L, "2008-11-20", null));
        budgets.addLine(director, b.id(), BudgetWorkflowTest.line("ESTIMATE", null, "MATERIALS", 20_000_000L, "2008-11-20", null));
        Budget.Line typo = budgets.addLine(director, b.id(), BudgetWorkflowTest.line("ESTIMATE", null, "OTHER", 7_000_000L, "2008-11-20", null));
        budgets.removeEstimateLine(director, b.id(), typo.id());
        budgets.submit(director, b.id());
        budgets.approve(chairman, b.id(), null);
        budgets.addLine(director, b.id(), BudgetWorkflowTest.line("ALLOCATION", "STATE_SUPPORT", null, 24_000_000L, "2008-12-20", null));
        budgets.addLine(director, b.id(), BudgetWorkflowTest.line("SPENDING", null, "MATERIALS", 3_500_000L, "2009-03-02", null));

        BudgetSummaries.Summary after = summaries.compute(province, YEAR);
        assertThat(after).isEqualTo(summaries.computeFromLines(province, YEAR));
        assertThat(after.estimatedRevenue() - before.estimatedRevenue()).isEqualTo(25_000_000L);
        assertThat(after.estimatedSpending() - before.estimatedSpending()).isEqualTo(20_000_000L);
        assertThat(after.allocated() - before.allocated()).isEqualTo(24_000_000L);
        assertThat(after.spent() - before.spent()).isEqualTo(3_500_000L);

        // a fix made by hand in the database (not through the application) still keeps the sums right
        jdbc.sql("update budget_line set amount_vnd = amount_vnd + 1000 where budget_id = :b and stage = 'SPENDING'").param("b", b.id()).update();
        assertThat(summaries.compute(province, YEAR)).isEqualTo(summaries.computeFromLines(province, YEAR));
        assertThat(summaries.compute(province, YEAR).spent() - before.spent()).isEqualTo(3_501_000L);

        OrgUnit nation = units.require(jdbc.sql("select id from xhht_unit where level = 0").query(Long.class).single());
        assertThat(summaries.compute(nation, YEAR)).isEqualTo(summaries.computeFromLines(nation, YEAR));

        // each budget carries its own totals, read by the per-centre table
        var row = summaries.centres(director, b.communeId(), YEAR, 10).stream().filter(r -> r.centreId() == centre).findFirst().orElseThrow();
        Budget fresh = budgets.require(director, b.id());
        assertThat(row.estimatedRevenue()).isEqualTo(fresh.totals().estimatedRevenue());
        assertThat(row.estimatedSpending()).isEqualTo(fresh.totals().estimatedSpending());
        assertThat(row.allocated()).isEqualTo(fresh.totals().allocated());
        assertThat(row.spent()).isEqualTo(fresh.totals().spent());
    }
}
