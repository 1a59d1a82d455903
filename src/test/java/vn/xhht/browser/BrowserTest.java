package vn.xhht.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test needs: one Chromium for the class (subclasses are {@code @XhhtIntegrationTest} with
 * {@code @TestInstance(PER_CLASS)}), the app's address, a Vietnamese phone-sized page and the sign-in form.
 */
abstract class BrowserTest {
    @LocalServerPort
    int port;
    Playwright playwright;
    Browser browser;

    @BeforeAll
    void startBrowser() {
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.launch(playwright);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
        playwright.close();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A new session in a 360 × 740 Vietnamese page that accepts downloads. */
    Page phone() {
        return page(360);
    }

    Page page(int width) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 740).setLocale("vi-VN")
                .setAcceptDownloads(true)).newPage();
    }

    void signIn(Page page, String user) {
        page.navigate(url("/login"));
        page.getByLabel("Tên đăng nhập").fill(user);
        page.getByLabel("Mật khẩu").fill("xhht-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    /** A new session of {@code user} (demo password) in a page {@code width} pixels wide. */
    Page signedIn(String user, int width) {
        Page page = page(width);
        signIn(page, user);
        return page;
    }
}
