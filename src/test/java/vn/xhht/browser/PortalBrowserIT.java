package vn.xhht.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.support.StateFixture;
import vn.xhht.support.XhhtIntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public portal on a 360-px phone (issue 16): a resident without an account finds Xã Cần Yên from "/" typing
 * "can yen", sees its schedule and a recent activity with its photo, registers a learning need; an office's story
 * is public only between its approval by the head and its withdrawal; the home's weight on a first and a repeat
 * visit, counted by Chromium.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserIT extends BrowserTest {

    static final String HEAD = "so.caobang.truongphong";

    @Autowired
    ApplicationContext ctx;
    @Autowired
    JdbcClient jdbc;

    StateFixture.State state;

    @BeforeAll
    void data() {
        // a past activity of Cần Yên with a photo and a coming one (the shared fixture), and the office's head
        state = StateFixture.ensure(ctx);
        jdbc.sql("""
                insert into app_user (username, full_name, password_hash, role, unit_id)
                select :u, 'Trưởng phòng Giáo dục thường xuyên, Sở GD&ĐT Cao Bằng', password_hash, role, unit_id from app_user
                 where username = 'so.caobang' on conflict (username) do nothing
                """).param("u", HEAD).update();
    }

    @Test
    void aResidentFindsCanYenWithoutDiacriticsSeesItsActivitiesAndRegistersANeed() {
        Page page = phone();
        page.navigate(url("/"));
        assertThat(page.locator("#login-button")).isVisible();
        assertThat(page.locator("h2").first()).hasText("Tìm trung tâm học tập gần bạn");
        // the other way: province, then commune
        page.locator("#provinceId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Tỉnh Cao Bằng"));
        page.locator("#province-form button").click();
        page.locator("#communes summary").click();
        assertThat(page.locator("#communes")).containsText("Xã Cần Yên");
        assertThat(page.locator("#week h2")).containsText("Tỉnh Cao Bằng");
        page.navigate(url("/"));
        page.getByLabel("Tên xã, phường").fill("can yen");
        page.locator("#find-centre button[type=submit]").first().click();
        page.locator("#public-centres a", new Page.LocatorOptions().setHasText("Cần Yên")).first().click();

        assertThat(page.locator("h1")).containsText("Cần Yên");
        assertThat(page.locator("#upcoming")).containsText("Chuyên đề chăm sóc cây chè");
        Locator recent = page.locator("#recent .recent-activity", new Page.LocatorOptions().setHasText("Chuyên đề phòng chống ma túy"));
        assertThat(recent).isVisible();
        Locator thumb = recent.locator("img.thumb").first();
        assertThat(thumb).isVisible();
        // the thumbnail really loaded, and is smaller than the full photo
        int natural = ((Number) thumb.evaluate("img => img.complete ? img.naturalWidth : 0")).intValue();
        assertThat(natural).isBetween(1, 320);
        String full = thumb.locator("xpath=..").getAttribute("href");
        assertThat(page.request().get(url(full)).body().length).isGreaterThan(0);
        // no resident's personal data: no borrower, no club member, no learning-need phone
        assertThat(page.locator("main")).not().containsText("0912");
        // the page fits a 360-px phone
        assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(360);

        page.locator("#register-need").click();
        page.getByLabel("Chủ đề").selectOption("LIVESTOCK_CROPS");
        page.locator("#detail").fill("Học cách ủ phân vi sinh cho ruộng chè");
        page.locator("#need-submit").click();
        assertThat(page.locator("#need-thanks")).isVisible();
        page.context().close();
    }

    @Test
    void anOfficesStoryIsPublicFromItsApprovalUntilItIsWithdrawn() throws IOException {
        String title = "Gương hiếu học bản Nà Mần " + UUID.randomUUID().toString().substring(0, 6);
        Page office = signedIn("so.caobang", 360);
        office.navigate(url("/news"));
        // a file that is not an image is refused, and what was typed stays
        Path notImage = Files.createDirectories(Path.of("target/import-files")).resolve("anh-gia-" + UUID.randomUUID() + ".jpg");
        Files.writeString(notImage, "day khong phai anh");
        office.locator("#kind").selectOption("STORY");
        office.locator("#title").fill(title);
        office.locator("#subjectUnit").fill("Xã Cần Yên");
        office.locator("#subjectYear").fill("2026");
        office.locator("#photos").setInputFiles(notImage);
        office.locator("#news-form button[type=submit]").click();
        assertThat(office.locator("#photos-error")).containsText("không phải");
        assertThat(office.locator("#title")).hasValue(title);
        // without a title: refused next to the field
        office.locator("#title").fill("");
        office.locator("#photos").setInputFiles(CentreBrowserIT.photo());
        office.locator("#news-form button[type=submit]").click();
        assertThat(office.locator("#title-error")).hasText("Vui lòng nhập tiêu đề.");
        // the photo chosen with the refused form is kept: the office does not choose it again
        assertThat(office.locator("#kept-photos input[name=keptPhoto]")).hasCount(1);
        assertThat(office.locator("#kept-photos input[name=keptPhoto]")).isChecked();
        office.locator("#title").fill(title);
        office.locator("#news-form button[type=submit]").click();
        assertThat(office.locator("#news-status")).containsText("Bản nháp");
        String itemUrl = office.url();
        long id = Long.parseLong(itemUrl.replaceAll(".*/news/(\\d+).*", "$1"));
        office.locator("#submit-news").click();
        assertThat(office.locator("#news-status")).containsText("Chờ trưởng đơn vị duyệt");
        // the writer cannot approve what they submitted
        assertThat(office.locator("#approve-news")).hasCount(0);

        Page visitor = phone();
        visitor.navigate(url("/"));
        assertThat(visitor.locator("#stories")).not().containsText(title);

        Page head = signedIn(HEAD, 360);
        head.navigate(itemUrl);
        head.locator("#approve-news").click();
        assertThat(head.locator("#news-status")).containsText("Đang đăng công khai");

        visitor.navigate(url("/"));
        assertThat(visitor.locator("#stories")).containsText(title);
        visitor.locator("#stories a", new Page.LocatorOptions().setHasText(title)).click();
        assertThat(visitor.locator("h1")).hasText(title);
        assertThat(visitor.locator("meta[property='og:title']")).hasAttribute("content", title);
        assertThat(visitor.locator("#news-item img.thumb")).isVisible();
        assertThat(visitor.request().get(url("/sitemap.xml")).text()).contains("/public/news/" + id + "<");

        office.navigate(itemUrl);
        office.locator("#withdraw-news").click();
        assertThat(office.locator("#withdraw-form .error")).hasText("Vui lòng ghi lý do gỡ.");
        office.locator("#reason").fill("Sai tên đơn vị của gương điển hình");
        office.locator("#withdraw-news").click();
        assertThat(office.locator("#news-status")).containsText("Đã gỡ");
        assertThat(office.locator("#versions tbody tr")).hasCount(3);

        visitor.navigate(url("/"));
        assertThat(visitor.locator("#stories")).not().containsText(title);
        assertThat(visitor.request().get(url("/public/news/" + id)).status()).isEqualTo(404);
        assertThat(visitor.request().get(url("/sitemap.xml")).text()).doesNotContain("/public/news/" + id + "<");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'PublishedItem' and entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(3L);
        office.context().close();
        head.context().close();
        visitor.context().close();
    }

    record Visit(long bytes, int requests) {
    }

    @Test
    void thePublicHomeIsLightOnAPhone() {
        BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setLocale("vi-VN"));
        Page page = ctx.newPage();
        Visit first = visit(page, "/");
        Visit repeat = visit(page, "/");
        System.out.printf("page-weight: public home (/), anonymous, Chromium 360 × 740: first visit %.1f KB (%d requests), repeat visit %.1f KB (%d requests)%n",
                first.bytes() / 1024.0, first.requests(), repeat.bytes() / 1024.0, repeat.requests());
        assertThat(first.bytes()).as("first visit bytes").isGreaterThan(1000).isLessThan(150 * 1024);
        assertThat(repeat.bytes()).as("repeat visit bytes").isGreaterThan(0).isLessThan(30 * 1024);
        ctx.close();
    }

    /** Bytes Chromium received (headers and compressed bodies; 0 for a file from the cache) until the page settled. */
    Visit visit(Page page, String path) {
        CDPSession cdp = page.context().newCDPSession(page);
        AtomicLong bytes = new AtomicLong();
        AtomicInteger requests = new AtomicInteger();
        cdp.on("Network.loadingFinished", e -> {
            bytes.addAndGet((long) e.get("encodedDataLength").getAsDouble());
            requests.incrementAndGet();
        });
        cdp.send("Network.enable", new JsonObject());
        page.navigate(url(path));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        cdp.detach();
        return new Visit(bytes.get(), requests.get());
    }
}
