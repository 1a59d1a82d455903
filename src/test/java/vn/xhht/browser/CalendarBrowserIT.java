package vn.xhht.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import vn.xhht.support.XhhtIntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator on a phone computes a deadline across Tết and sees why each day was skipped, then corrects a
 * provisional year: a worked day on a weekday is refused next to the field; a swapped day off is saved.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarBrowserIT extends BrowserTest {

    @Test
    void deadlineAcrossTetAndAnAdministratorsCorrection() {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setLocale("vi-VN")).newPage();
        page.navigate(url("/login"));
        page.getByLabel("Tên đăng nhập").fill("admin");
        page.getByLabel("Mật khẩu").fill("xhht-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        page.waitForURL(u -> !u.contains("/login"));

        page.navigate(url("/calendar?year=2026"));
        assertThat(page.locator("h1")).hasText("Lịch ngày làm việc năm 2026");
        assertThat(page.locator("#calendar-days")).containsText("Tết Nguyên đán Bính Ngọ (mùng 1)");
        page.getByLabel("Từ ngày (sự kiện)").fill("2026-02-13");
        page.getByLabel("Số ngày làm việc").fill("1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tính hạn")).click();
        assertThat(page.locator("#calc-result")).containsText("Ngày làm việc thứ 1 sau ngày 13/02/2026 là ngày 23/02/2026.");
        assertThat(page.locator("#calc-result")).containsText("Tết Nguyên đán Bính Ngọ (mùng 1)");
        Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(overflow).isEqualTo(false);

        // a year not yet announced is generated from the law, provisional
        page.navigate(url("/calendar?year=2035"));
        assertThat(page.locator(".alert.warn")).containsText("dự kiến");
        page.locator("#new-date").fill("2035-03-07"); // a Wednesday
        page.locator("#new-kind").selectOption("SWAP_WORK");
        page.locator("#new-name").fill("Làm bù thử");
        page.locator("#calendar-add button[type=submit]").click();
        assertThat(page.locator("#calendar-add")).containsText("Ngày làm bù chỉ có thể là thứ Bảy hoặc Chủ nhật.");
        page.locator("#new-kind").selectOption("SWAP_OFF");
        page.locator("#new-basis").fill("Thông báo thử/TB-BNV");
        page.locator("#calendar-add button[type=submit]").click();
        assertThat(page.locator("#flash-ok")).containsText("Đã lưu ngày 2035-03-07");
        assertThat(page.locator("#calendar-days")).containsText("Làm bù thử");
    }
}
