package vn.xhht.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import vn.xhht.support.XhhtIntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client developer reads the API guide on a phone, signed in or not, and follows its link to the full reference;
 * the reference links back to the guide.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiGuideBrowserIT extends BrowserTest {

    @Test
    void theGuideReadsOnAPhoneForAnonymousAndSignedInUsers() {
        for (Page page : new Page[] {phone(), signedIn("xa.canyen", 360)}) {
            page.navigate(url("/api"));
            assertThat(page.locator("h1")).hasText("Hướng dẫn sử dụng API");
            assertThat(page.locator("#auth")).containsText("HTTP Basic");
            assertThat(page.locator("#paging")).containsText("page");
            assertThat(page.locator("#errors")).containsText("problem+json");
            assertThat(page.locator("#versions")).containsText("12 tháng");
            Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1");
            assertThat(overflow).as("no sideways scrolling at 360 px").isEqualTo(false);
            assertThat(page.locator("#swagger-link")).hasAttribute("href", "/swagger-ui.html");
        }
    }
}
