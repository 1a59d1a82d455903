package vn.xhht.browser;

import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.dashboard.HomeFixture;
import vn.xhht.evaluation.EvaluationService;
import vn.xhht.plan.PlanService;
import vn.xhht.reporting.ReportDeadlines;
import vn.xhht.reporting.ReportEntry;
import vn.xhht.reporting.ReportService;
import vn.xhht.support.XhhtIntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's home on a 360-px phone, with work waiting in the demo province: nothing wider than the screen, the
 * to-do list (and the first thing to do) on view, the commune's "Ghi nhận hoạt động" and the ended district's banner.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomeBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportService reports;
    @Autowired
    ReportEntry reportEntry;
    @Autowired
    ReportDeadlines reportDeadlines;
    @Autowired
    PlanService plans;
    @Autowired
    EvaluationService evaluations;
    HomeFixture fixture;

    @BeforeAll
    void work() {
        fixture = new HomeFixture(jdbc, reports, reportEntry, reportDeadlines, plans, evaluations);
        fixture.create();
    }

    @AfterAll
    void clean() {
        fixture.clean();
    }

    @Test
    void everyRoleHomeFitsAPhoneAndShowsWhatToDo() {
        for (String user : List.of("admin", "so.caobang", "pgd.haquang", "xa.canyen", "hkh.caobang")) {
            Page page = signedIn(user, 360);
            page.navigate(url("/"));
            assertThat(page.locator("#todo")).isVisible();
            assertThat(page.locator("#home-chart")).isVisible();
            Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).as(user + ": page wider than 360 px").isEqualTo(false);
            switch (user) {
                case "xa.canyen" -> {
                    assertThat(page.locator("#record-activity")).isVisible();
                    assertThat(page.locator("#record-activity")).isInViewport();
                    assertThat(page.locator(".todo-item").first()).isVisible();
                    assertThat(page.locator("#todo")).containsText("Quá hạn nộp");
                }
                case "so.caobang" -> {
                    assertThat(page.locator(".todo-item").first()).isVisible();
                    assertThat(page.locator("#todo")).containsText("Duyệt báo cáo");
                    assertThat(page.locator("#todo")).containsText("Duyệt kế hoạch");
                }
                case "pgd.haquang" -> assertThat(page.locator("#closed-unit")).containsText("Đơn vị đã kết thúc ngày 30/06/2025");
                case "hkh.caobang" -> assertThat(page.locator("#go-evaluate")).isInViewport();
                default -> {
                }
            }
            // the chart's bars are readable: each month label is at least 10 px high
            Object labelHeight = page.evaluate("Math.min(...[...document.querySelectorAll('#home-chart .hbar-label')].map(e => e.getBoundingClientRect().height))");
            assertThat(((Number) labelHeight).doubleValue()).as(user).isGreaterThanOrEqualTo(10);
            page.context().close();
        }
    }
}
