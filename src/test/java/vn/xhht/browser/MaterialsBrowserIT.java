package vn.xhht.browser;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import vn.xhht.support.XhhtIntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 360-px phone, the commune adds a learning material: without a title it is refused next to the field with
 * what was typed and the chosen file kept; with the title it is saved with its file, and a search typed without
 * diacritics finds it. The page never scrolls sideways.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterialsBrowserIT extends BrowserTest {

    @Test
    void aMaterialRefusedWithoutTitleKeepsItsFileThenIsSavedAndFoundWithoutDiacritics() {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        Page page = signedIn("xa.canyen", 360);
        page.navigate(url("/materials"));
        assertThat(page.locator("h1")).hasText("Thư viện học liệu");
        assertThat(page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")).as("no sideways scrolling").isEqualTo(false);

        page.locator("#m-kind").selectOption("BOOKLET");
        page.locator("#m-topic").fill("Phòng chống đuối nước " + mark);
        page.locator("#m-files").setInputFiles(new FilePayload("so-tay-" + mark + ".pdf", "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8)));
        page.locator("#save-material").click();
        assertThat(page.locator("#title-error")).hasText("Cần nhập tên học liệu.");
        assertThat(page.locator("#m-topic")).hasValue("Phòng chống đuối nước " + mark);
        assertThat(page.locator("#kept-files")).containsText("so-tay-" + mark + ".pdf");
        assertThat(page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")).as("no sideways scrolling").isEqualTo(false);

        page.locator("#m-title").fill("Sổ tay kỹ năng an toàn cho trẻ " + mark);
        page.locator("#save-material").click();
        assertThat(page.locator("#flash-ok")).containsText("Sổ tay kỹ năng an toàn cho trẻ " + mark);
        assertThat(page.locator("#material-files")).containsText("so-tay-" + mark + ".pdf");

        page.navigate(url("/materials"));
        page.locator("#q").fill("ky nang an toan cho tre " + mark);
        page.locator("#q").press("Enter");
        assertThat(page.locator("#materials")).containsText("Sổ tay kỹ năng an toàn cho trẻ " + mark);
        assertThat(page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")).as("no sideways scrolling").isEqualTo(false);
    }
}
