package vn.xhht.browser;

import java.time.LocalDate;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.resources.BudgetFixture;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * On a phone: the director of Cần Yên's centre makes the 2024 estimate, the commune chairman approves it, the
 * director records a spending for an activity, and the province sees it in its summary.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEstimateIsApprovedThenASpendingForAnActivityReachesTheProvinceSummary() {
        long centre = BudgetFixture.canYenCentre(jdbc);
        BudgetFixture.chairman(jdbc);
        long activity = BudgetFixture.activity(jdbc, centre, "Chuyên đề trồng cây dược liệu", LocalDate.of(2024, 5, 10));

        Page director = signedIn("xa.canyen", 360);
        director.navigate(url("/budgets"));
        assertThat(director.locator("h1")).hasText("Ngân sách trung tâm");
        director.locator("#year").fill("2024");
        director.locator("#create-budget").click();
        assertThat(director.locator("#budget-status")).hasText("Đang soạn");

        director.locator("#source").selectOption("STATE_SUPPORT");
        director.locator("#amountVnd").fill("25.000.000");
        director.locator("#date").fill("2023-11-20");
        director.locator("#add-line").click();
        assertThat(director.locator("#total-estimated-revenue")).hasText("25.000.000 đ");

        // a spending estimate typed with a fraction is refused next to the field, with what was typed kept
        director.locator("#category").selectOption("ACTIVITIES");
        director.locator("#amountVnd").fill("5000000,5");
        director.locator("#date").fill("2023-11-20");
        director.locator("#add-line").click();
        assertThat(director.locator("#amountVnd-error")).containsText("số nguyên");
        assertThat(director.locator("#amountVnd")).hasValue("5000000,5");
        director.locator("#amountVnd").fill("5.000.000");
        director.locator("#add-line").click();
        assertThat(director.locator("#total-estimated-spending")).hasText("5.000.000 đ");
        director.locator("#submit-budget").click();
        assertThat(director.locator("#budget-status")).hasText("Đã trình, chờ duyệt");
        assertThat(director.locator("#approve-budget")).hasCount(0);
        String budgetUrl = director.url();

        Page chairman = signedIn(BudgetFixture.CHAIRMAN, 360);
        chairman.navigate(budgetUrl);
        chairman.locator("#comment").fill("Đồng ý dự toán");
        chairman.locator("#approve-budget").click();
        assertThat(chairman.locator("#budget-status")).hasText("Đã phê duyệt");

        director.navigate(budgetUrl);
        director.locator("#stage").selectOption("SPENDING");
        director.locator("#category").selectOption("ACTIVITIES");
        director.locator("#amountVnd").fill("1.500.000");
        director.locator("#date").fill("2024-05-10");
        director.locator("#link").selectOption("ACTIVITY:" + activity);
        director.locator("#add-line").click();
        assertThat(director.locator("#flash-ok")).isVisible();
        assertThat(director.locator("#total-spent")).hasText("1.500.000 đ");
        assertThat(director.locator("#budget-lines")).containsText("Chuyên đề trồng cây dược liệu");

        long province = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        Page office = signedIn("so.caobang", 360);
        office.navigate(url("/budgets/summary?unitId=" + province + "&year=2024"));
        assertThat(office.locator("#sum-spent")).hasText("1.500.000 đ");
        assertThat(office.locator("#sum-approved")).hasText("1");
        assertThat(office.locator("#summary-centres")).containsText("Cần Yên");
    }
}
