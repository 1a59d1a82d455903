package vn.xhht.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import vn.xhht.support.XhhtIntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The director of Xã Cần Yên's centre records yesterday's session with a photo on a 360-px phone. */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CentreBrowserIT extends BrowserTest {

    static Path photo() throws IOException {
        BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(30, 120, 60));
        g.fillRect(0, 0, 320, 200);
        g.dispose();
        Path file = Files.createDirectories(Path.of("target/import-files")).resolve("chuyen-de-" + UUID.randomUUID() + ".png");
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @Test
    void theDirectorRecordsYesterdaysSessionWithAPhoto() throws IOException {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)).newPage();
        page.navigate(url("/login"));
        page.getByLabel("Tên đăng nhập").fill("xa.canyen");
        page.getByLabel("Mật khẩu").fill("xhht-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        page.waitForURL(u -> !u.contains("/login"));

        page.locator("label.nav-burger").click();
        page.locator("nav.mainnav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Trung tâm HTCĐ của xã")).click();
        assertThat(page.locator("#centre-name")).hasText("Trung tâm học tập cộng đồng xã Cần Yên");
        page.locator("#new-activity").click();

        String title = "Chuyên đề phòng chống dịch bệnh cho gia súc " + UUID.randomUUID().toString().substring(0, 4);
        page.getByLabel("Chủ đề").selectOption("LIVESTOCK_CROPS");
        page.getByLabel("Tên hoạt động").fill(title);
        page.getByLabel("Đơn vị chủ trì").fill("Trạm Khuyến nông");
        page.locator("#participations").fill("64");
        page.getByLabel("Trong đó: nữ").fill("65");
        page.getByLabel("Trong đó: người dân tộc thiểu số").fill("40");
        page.locator("#photos").setInputFiles(photo());
        page.locator("#activity-save").click();
        // more women than participations: refused next to the field, nothing saved, entries kept
        assertThat(page.locator("#women-error")).hasText("Số này (65) lớn hơn tổng số lượt người (64).");
        assertThat(page.getByLabel("Tên hoạt động")).hasValue(title);
        // the chosen photo is kept (not chosen again) and the field in error has the focus
        assertThat(page.locator("#kept-photos img")).hasCount(1);
        assertThat(page.getByLabel("Trong đó: nữ")).isFocused();

        page.getByLabel("Trong đó: nữ").fill("31");
        page.locator("#activity-save").click();
        assertThat(page.locator("#flash-ok")).containsText("Đã lưu hoạt động");
        assertThat(page.locator("#activity-table")).containsText(title);
        assertThat(page.locator("#activity-table")).containsText("31 / 40");
        LocalDate yesterday = LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).minusDays(1);
        // years are written without a thousands separator ("11/2026", not "11/2.026")
        assertThat(page.locator("#month-title")).hasText("Lịch hoạt động tháng " + yesterday.getMonthValue() + "/" + yesterday.getYear());

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        assertThat(page.locator("#photo-list img")).hasCount(1);
        String src = page.locator("#photo-list img").getAttribute("src");
        assertThat(page.request().get(url(src)).headers().get("content-type")).isEqualTo("image/png");
        Object width = page.evaluate("document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).isLessThanOrEqualTo(360);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/activity-360.png")).setFullPage(true));
    }

    Page signedIn(String user) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)).newPage();
        page.navigate(url("/login"));
        page.getByLabel("Tên đăng nhập").fill(user);
        page.getByLabel("Mật khẩu").fill("xhht-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        page.waitForURL(u -> !u.contains("/login"));
        return page;
    }

    @Test
    void theCommuneSubmitsNextYearsPlanAndTheProvinceApprovesIt() {
        Page commune = signedIn("xa.canyen");
        commune.locator("label.nav-burger").click();
        commune.locator("nav.mainnav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Kế hoạch").setExact(true)).click();
        int year = LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).getYear() + 1;
        commune.getByLabel("Năm kế hoạch").fill(String.valueOf(year));
        commune.locator("#create-plan").click();
        assertThat(commune.locator("#plan-title")).containsText("năm học " + year + " - " + (year + 1));
        assertThat(commune.locator("#plan-status")).hasText("Đang soạn");
        commune.getByLabel("Nội dung công việc").fill("Tổ chức Tuần lễ hưởng ứng học tập suốt đời");
        commune.locator("#row-lead").fill("TTHTCĐ");
        commune.locator("#add-row").click();
        assertThat(commune.locator("#plan-rows")).containsText("Tuần lễ hưởng ứng học tập suốt đời");
        commune.locator("#submit-plan").click();
        assertThat(commune.locator("#plan-status")).hasText("Đã trình, chờ duyệt");
        assertThat(commune.locator("#approve-plan")).hasCount(0);
        String planUrl = commune.url();

        Page province = signedIn("so.caobang");
        province.navigate(url("/plans/board?year=" + year));
        assertThat(province.locator("#board")).containsText("Xã Cần Yên");
        province.navigate(planUrl);
        province.locator("#comment").fill("Đồng ý, triển khai đúng tiến độ.");
        province.locator("#approve-plan").click();
        assertThat(province.locator("#plan-status")).hasText("Đã phê duyệt");
        assertThat(province.locator("#history")).containsText("Đồng ý, triển khai đúng tiến độ.");

        commune.reload();
        assertThat(commune.locator("#plan-status")).hasText("Đã phê duyệt");
        assertThat(commune.locator("#add-row")).hasCount(0);
    }

    @Test
    void aResidentFindsTheCentreAndRegistersANeedWithoutAnAccount() {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)).newPage();
        page.navigate(url("/public/centres?q=can+yen"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Trung tâm học tập cộng đồng xã Cần Yên")).click();
        page.locator("#register-need").click();
        page.locator("#need-submit").click();
        assertThat(page.locator("#topic-error")).hasText("Vui lòng chọn chủ đề.");
        page.getByLabel("Chủ đề").selectOption("IT");
        page.getByLabel("Cụ thể bạn muốn học gì").fill("Dùng điện thoại để học trực tuyến");
        page.getByLabel("Độ tuổi").selectOption("AGE_15_35");
        page.locator("#need-submit").click();
        assertThat(page.locator("#need-thanks")).containsText("Cảm ơn bạn!");
        assertThat(page.locator("#me-name")).hasCount(0);
    }

    @Test
    void theDirectorIsRemindedToSurveyNeedsEachQuarter() {
        Page page = signedIn("xa.canyen");
        page.navigate(url("/centres/mine"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nhu cầu học tập").setExact(true)).click();
        // no browser test surveys before this one: the reminder shows, and goes once a round is recorded
        assertThat(page.locator("#no-round")).containsText("Quý này trung tâm chưa có đợt khảo sát");
        page.locator("#channel").selectOption("MEETING");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thêm")).first().click();
        assertThat(page.locator("#no-round")).hasCount(0);
        assertThat(page.locator("h1")).hasText("Nhu cầu học tập");
    }

    @Test
    void theDirectorKeepsTheCentresRecord() {
        Page page = signedIn("xa.canyen");
        page.navigate(url("/centres/mine"));
        page.locator("#centre-record").click();
        String name = "Hoàng Thị Lan " + UUID.randomUUID().toString().substring(0, 4);
        page.locator("#b-name").fill(name);
        page.locator("#b-pos").selectOption("DEPUTY");
        page.locator("#b-main").fill("Công chức Văn hóa - Xã hội");
        page.locator("#board-add").click();
        assertThat(page.locator("#flash-ok")).hasText("Đã lưu.");
        assertThat(page.locator("#board-table")).containsText(name);
        assertThat(page.locator("#board-table")).containsText("Phó giám đốc");
        Object width = page.evaluate("document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).isLessThanOrEqualTo(360);
    }

    @Test
    void theProvinceOfficerReadsTheQuartersSummaryByCommune() {
        Page page = signedIn("so.caobang");
        page.locator("label.nav-burger").click();
        page.locator("nav.mainnav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Tổng hợp hoạt động")).click();
        assertThat(page.locator("#summary-unit")).hasText("Tỉnh Cao Bằng");
        assertThat(page.locator("#child-table")).containsText("Xã Cần Yên");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Xã Cần Yên").setExact(true)).click();
        assertThat(page.locator("#summary-unit")).hasText("Xã Cần Yên");
        Object width = page.evaluate("document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).isLessThanOrEqualTo(360);
    }
}
