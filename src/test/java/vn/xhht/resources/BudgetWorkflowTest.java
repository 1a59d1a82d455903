package vn.xhht.resources;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.review.Review;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A centre's budget through estimate, approval by the commune chairman, spending and the settlement lock. */
@XhhtIntegrationTest
class BudgetWorkflowTest {

    @Autowired
    BudgetService budgets;
    @Autowired
    BudgetSummaries summaries;
    @Autowired
    JdbcClient jdbc;

    static BudgetService.LineInput line(String stage, String source, String category, Object amount, String date, Long activity) {
        return new BudgetService.LineInput(stage, source, category, amount, date, activity, null);
    }

    static String field(Throwable e) {
        return ((InvalidInputProblem) e).violations().get(0).field() + ":" + ((InvalidInputProblem) e).violations().get(0).messageKey();
    }

    long lines(long budgetId) {
        return jdbc.sql("select count(*) from budget_line where budget_id = :b").param("b", budgetId).query(Long.class).single();
    }

    @Test
    void theEstimateIsApprovedByAnotherCommuneOfficerThenSpendingIsRecordedUntilTheSettlementLock() {
        var director = TestUsers.load(jdbc, "xa.canyen");
        var chairman = BudgetFixture.chairman(jdbc);
        var province = TestUsers.load(jdbc, "so.caobang");
        var association = TestUsers.load(jdbc, "hkh.caobang");
        long centre = BudgetFixture.canYenCentre(jdbc);
        long activity = BudgetFixture.activity(jdbc, centre, "Chuyên đề pháp luật về đất đai", LocalDate.of(2020, 5, 10));
        long foreign = BudgetFixture.activity(jdbc, BudgetFixture.otherCentre(jdbc), "Hoạt động của xã khác", LocalDate.of(2020, 5, 10));

        Budget b = budgets.create(director, centre, 2020);
        assertThat(b.status()).isEqualTo(Review.Status.DRAFT);
        assertThatThrownBy(() -> budgets.create(director, centre, 2020)).satisfies(e -> assertThat(field(e)).isEqualTo("year:budget.year.exists"));
        assertThatThrownBy(() -> budgets.create(province, centre, 2019)).isInstanceOf(AccessDeniedProblem.class);
        assertThat(budgets.review(b.id()).dueDate()).isEqualTo(LocalDate.of(2019, 11, 30));

        assertThatThrownBy(() -> budgets.submit(director, b.id())).satisfies(e -> assertThat(field(e)).isEqualTo("lines:budget.estimate.empty"));
        budgets.addLine(director, b.id(), line("ESTIMATE", "STATE_SUPPORT", null, new BigDecimal("25000000"), "2019-11-20", null));
        budgets.addLine(director, b.id(), line("ESTIMATE", "COMMUNE_BUDGET", null, "5.000.000", "2019-11-20", null));
        budgets.addLine(director, b.id(), line("ESTIMATE", null, "MATERIALS", 20_000_000L, "2019-11-20", null));
        budgets.addLine(director, b.id(), line("ESTIMATE", null, "TRAINING", 10_000_000L, "2019-11-20", null));
        // spending before the estimate is approved
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), line("SPENDING", null, "MATERIALS", 1_000L, "2020-02-01", null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("stage:budget.notApproved"));

        assertThat(budgets.submit(director, b.id()).status()).isEqualTo(Review.Status.SUBMITTED);
        // the person who submitted does not approve; the province does not approve for the commune chairman
        assertThatThrownBy(() -> budgets.approve(director, b.id(), null)).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> budgets.approve(province, b.id(), null)).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> budgets.approve(association, b.id(), null)).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), line("ESTIMATE", null, "OTHER", 1L, "2019-11-20", null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("stage:budget.estimate.locked"));

        assertThatThrownBy(() -> budgets.returnWithComment(chairman, b.id(), " ")).satisfies(e -> assertThat(field(e)).isEqualTo("comment:review.comment.required"));
        assertThat(budgets.returnWithComment(chairman, b.id(), "Bổ sung dự toán chi hoạt động").status()).isEqualTo(Review.Status.RETURNED);
        budgets.addLine(director, b.id(), line("ESTIMATE", null, "ACTIVITIES", 2_500_000L, "2019-11-25", null));
        budgets.submit(director, b.id());
        assertThat(budgets.approve(chairman, b.id(), "Đồng ý").status()).isEqualTo(Review.Status.APPROVED);

        budgets.addLine(director, b.id(), line("ALLOCATION", "STATE_SUPPORT", null, 25_000_000L, "2019-12-20", null));
        budgets.addLine(director, b.id(), line("RECEIPT", "STATE_SUPPORT", null, 25_000_000L, "2020-01-15", null));
        Budget.Line spending = budgets.addLine(director, b.id(), line("SPENDING", null, "ACTIVITIES", 1_500_000L, "2020-05-10", activity));
        assertThat(spending.activityId()).isEqualTo(activity);

        long before = lines(b.id());
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), line("SPENDING", null, "ACTIVITIES", 100L, "2020-05-10", foreign)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("activityId:budget.activity.otherCentre"));
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), line("SPENDING", "DONORS", null, 100L, "2020-05-10", null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("category:budget.category.requiredForSpending"));
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), line("SPENDING", null, "MATERIALS", -5L, "2020-05-10", null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("amountVnd:budget.amount.negative"));
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), line("SPENDING", null, "MATERIALS", new BigDecimal("1500.5"), "2020-05-10", null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("amountVnd:budget.amount.notWhole"));
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), line("SPENDING", null, "MATERIALS", "một triệu", "2020-05-10", null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("amountVnd:budget.amount.notWhole"));
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), line("SPENDING", null, "NO_SUCH", 100L, "2020-05-10", null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("category:budget.category.unknown"));
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), line("SPENDING", null, "MATERIALS", 100L, "2021-01-02", null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("date:budget.date.inYear"));
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), line("RECEIPT", null, null, 100L, "2020-01-02", null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("source:budget.source.required"));
        assertThat(lines(b.id())).as("nothing saved by a refused line").isEqualTo(before);

        budgets.addLine(director, b.id(), line("SETTLEMENT", null, "ACTIVITIES", 1_500_000L, "2021-01-20", null));
        Budget locked = budgets.lockSettlement(director, b.id());
        assertThat(locked.settlementLocked()).isTrue();
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), line("SPENDING", null, "MATERIALS", 100L, "2020-12-30", null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("stage:budget.locked.settled"));
        assertThat(lines(b.id())).isEqualTo(before + 1);

        Budget.Totals t = locked.totals();
        assertThat(t.estimatedRevenue()).isEqualTo(30_000_000L);
        assertThat(t.estimatedSpending()).isEqualTo(32_500_000L);
        assertThat(t.allocated()).isEqualTo(25_000_000L);
        assertThat(t.received()).isEqualTo(25_000_000L);
        assertThat(t.spent()).isEqualTo(1_500_000L);
        assertThat(t.settled()).isEqualTo(1_500_000L);
        assertThat(t.byCategory()).filteredOn(c -> c.category().equals("ACTIVITIES")).singleElement()
                .satisfies(c -> {
                    assertThat(c.estimated()).isEqualTo(2_500_000L);
                    assertThat(c.spent()).isEqualTo(1_500_000L);
                });

        // the province reads everything, the association the totals only
        assertThat(budgets.require(province, b.id()).lines()).hasSize((int) (before + 1));
        Budget seenByAssociation = budgets.require(association, b.id());
        assertThat(seenByAssociation.lines()).isNull();
        assertThat(seenByAssociation.totals().spent()).isEqualTo(1_500_000L);

        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'BudgetLine' and unit_id = :u")
                .param("u", BudgetFixture.canYenCommune(jdbc)).query(Long.class).single()).isGreaterThanOrEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'Budget' and entity_id = :id")
                .param("id", String.valueOf(b.id())).query(Long.class).single()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aCommuneOfAnotherProvinceCannotReadTheBudget() {
        var director = TestUsers.load(jdbc, "xa.canyen");
        long centre = BudgetFixture.canYenCentre(jdbc);
        Budget b = budgets.ofCentreYear(director, centre, 2018).orElseGet(() -> budgets.create(director, centre, 2018));
        long otherProvince = jdbc.sql("""
                select id from org_unit where level = 1 and code <> '04' and valid_to is null order by id limit 1
                """).query(Long.class).single();
        var stranger = new TestUsers.User(-1, "nguoi.tinh.khac", "Người tỉnh khác", vn.xhht.shared.Role.PROVINCE_OFFICER, otherProvince);
        assertThatThrownBy(() -> budgets.require(stranger, b.id())).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> budgets.addLine(stranger, b.id(), line("ESTIMATE", "DONORS", null, 1L, "2018-01-01", null)))
                .isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> summaries.summary(stranger, BudgetFixture.canYenCommune(jdbc), 2018)).isInstanceOf(AccessDeniedProblem.class);
    }

    @Test
    void summariesAddUpTheCommuneAndTheProvinceBySourceAndCategory() {
        var director = TestUsers.load(jdbc, "xa.canyen");
        var chairman = BudgetFixture.chairman(jdbc);
        var province = TestUsers.load(jdbc, "so.caobang");
        long centre = BudgetFixture.canYenCentre(jdbc);
        long provinceId = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        BudgetSummaries.Summary provinceBefore = summaries.summary(province, provinceId, 2021);

        Budget b = budgets.create(director, centre, 2021);
        budgets.addLine(director, b.id(), line("ESTIMATE", "STATE_SUPPORT", null, 20_000_000L, "2020-11-10", null));
        budgets.addLine(director, b.id(), line("ESTIMATE", "DONORS", null, 3_000_000L, "2020-11-10", null));
        budgets.addLine(director, b.id(), line("ESTIMATE", null, "EQUIPMENT", 23_000_000L, "2020-11-10", null));
        budgets.submit(director, b.id());
        budgets.approve(chairman, b.id(), null);
        budgets.addLine(director, b.id(), line("ALLOCATION", "STATE_SUPPORT", null, 18_000_000L, "2020-12-15", null));
        budgets.addLine(director, b.id(), line("SPENDING", "STATE_SUPPORT", "EQUIPMENT", 7_000_000L, "2021-03-01", null));
        budgets.addLine(director, b.id(), line("SPENDING", null, "EQUIPMENT", 4_000_000L, "2021-04-01", null));

        BudgetSummaries.Summary commune = summaries.summary(province, BudgetFixture.canYenCommune(jdbc), 2021);
        assertThat(commune.centres()).isEqualTo(1);
        assertThat(commune.budgets()).isEqualTo(1);
        assertThat(commune.approved()).isEqualTo(1);
        assertThat(commune.estimatedRevenue()).isEqualTo(23_000_000L);
        assertThat(commune.estimatedSpending()).isEqualTo(23_000_000L);
        assertThat(commune.allocated()).isEqualTo(18_000_000L);
        assertThat(commune.spent()).isEqualTo(11_000_000L);
        assertThat(commune.bySource()).filteredOn(s -> s.source() == Budget.Source.DONORS).singleElement()
                .satisfies(s -> assertThat(s.estimated()).isEqualTo(3_000_000L));
        assertThat(commune.byCategory()).filteredOn(c -> c.category().equals("EQUIPMENT")).singleElement()
                .satisfies(c -> assertThat(c.spent()).isEqualTo(11_000_000L));
        assertThat(commune.byCategory()).filteredOn(c -> c.category().equals("MATERIALS")).singleElement()
                .satisfies(c -> assertThat(c.spent()).isZero());

        BudgetSummaries.Summary provinceAfter = summaries.summary(province, provinceId, 2021);
        assertThat(provinceAfter.spent() - provinceBefore.spent()).isEqualTo(11_000_000L);
        assertThat(provinceAfter.allocated() - provinceBefore.allocated()).isEqualTo(18_000_000L);
        assertThat(provinceAfter.budgets() - provinceBefore.budgets()).isEqualTo(1);
        assertThat(summaries.centres(province, provinceId, 2021, 10)).anySatisfy(r -> {
            assertThat(r.budgetId()).isEqualTo(b.id());
            assertThat(r.spent()).isEqualTo(11_000_000L);
        });
    }
}
