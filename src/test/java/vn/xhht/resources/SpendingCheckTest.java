package vn.xhht.resources;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The office's spending check: over a category, over the allocation, and the cost per participation; blank stays blank. */
@XhhtIntegrationTest
class SpendingCheckTest {

    static final int YEAR = 2007;

    @Autowired
    BudgetService budgets;
    @Autowired
    SpendingCheck spendingCheck;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BudgetDocuments documents;
    @Autowired
    vn.xhht.document.DocumentRenderer renderer;

    @Test
    void spendingOverACategoryAndOverTheAllocationIsFlaggedAndCostPerParticipationIsComputed() {
        var director = TestUsers.load(jdbc, "xa.canyen");
        var chairman = BudgetFixture.chairman(jdbc);
        var province = TestUsers.load(jdbc, "so.caobang");
        long centre = BudgetFixture.canYenCentre(jdbc);
        Budget b = budgets.create(director, centre, YEAR);
        budgets.addLine(director, b.id(), BudgetWorkflowTest.line("ESTIMATE", "STATE_SUPPORT", null, 15_000_000L, "2006-11-20", null));
        budgets.addLine(director, b.id(), BudgetWorkflowTest.line("ESTIMATE", null, "MATERIALS", 10_000_000L, "2006-11-20", null));
        budgets.addLine(director, b.id(), BudgetWorkflowTest.line("ESTIMATE", null, "TRAINING", 5_000_000L, "2006-11-20", null));
        budgets.submit(director, b.id());
        budgets.approve(chairman, b.id(), null);

        SpendingCheck.Result empty = spendingCheck.check(province, b.id());
        assertThat(empty.allocated()).as("no allocation recorded is not an allocation of 0").isNull();
        assertThat(empty.perParticipationVnd()).as("no participation: no cost per participation").isNull();
        assertThat(empty.overEstimate()).isFalse();

        budgets.addLine(director, b.id(), BudgetWorkflowTest.line("ALLOCATION", "STATE_SUPPORT", null, 12_000_000L, "2006-12-20", null));
        budgets.addLine(director, b.id(), BudgetWorkflowTest.line("SPENDING", null, "MATERIALS", 11_000_000L, "2007-03-02", null));
        SpendingCheck.Result one = spendingCheck.check(province, b.id());
        assertThat(one.categories()).filteredOn(c -> c.category().equals("MATERIALS")).singleElement()
                .satisfies(c -> assertThat(c.over()).isTrue());
        assertThat(one.categories()).filteredOn(c -> c.category().equals("TRAINING")).singleElement()
                .satisfies(c -> assertThat(c.over()).isFalse());
        assertThat(one.overEstimate()).isFalse();
        assertThat(one.overAllocation()).isFalse();

        // exactly the allocation is not over it; one đồng more is
        budgets.addLine(director, b.id(), BudgetWorkflowTest.line("SPENDING", null, "TRAINING", 1_000_000L, "2007-04-02", null));
        assertThat(spendingCheck.check(province, b.id()).overAllocation()).isFalse();
        budgets.addLine(director, b.id(), BudgetWorkflowTest.line("SPENDING", null, "TRAINING", 1L, "2007-04-03", null));
        SpendingCheck.Result over = spendingCheck.check(province, b.id());
        assertThat(over.overAllocation()).isTrue();
        assertThat(over.allocated()).isEqualTo(12_000_000L);

        BudgetFixture.activity(jdbc, centre, "Chuyên đề năm 2007", LocalDate.of(YEAR, 5, 10));
        SpendingCheck.Result per = spendingCheck.check(province, b.id());
        assertThat(per.participations()).isEqualTo(30);
        assertThat(per.perParticipationVnd()).isEqualTo(400_000L);

        // the Decree-30 documents carry the figures; an unknown kind is not found
        var estimate = documents.document(province, b.id(), "estimate").document();
        assertThat(estimate.documentType()).isEqualTo("DỰ TOÁN");
        assertThat(estimate.blocks()).filteredOn(x -> x instanceof vn.xhht.document.OfficialDocument.Table)
                .map(x -> ((vn.xhht.document.OfficialDocument.Table) x).rows().toString())
                .anySatisfy(rows -> assertThat(rows).contains("10.000.000").contains("Tổng chi, 15.000.000"));
        var settlement = documents.document(province, b.id(), "settlement").document();
        assertThat(settlement.blocks()).filteredOn(x -> x instanceof vn.xhht.document.OfficialDocument.Paragraph)
                .map(x -> ((vn.xhht.document.OfficialDocument.Paragraph) x).text())
                .anySatisfy(t -> assertThat(t).contains("thực chi 12.000.001 đồng"));
        var out = new java.io.ByteArrayOutputStream();
        renderer.renderDocx(settlement, out);
        assertThat(out.toByteArray()).startsWith((byte) 'P', (byte) 'K');
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> documents.document(province, b.id(), "other"))
                .isInstanceOf(vn.xhht.shared.NotFoundProblem.class);
    }
}
