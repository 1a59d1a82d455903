package vn.xhht.browser;

import java.nio.file.Files;
import java.text.Normalizer;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import vn.xhht.support.XhhtIntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 360-px phone: the commune of Cần Yên self-assesses against TT 25/2023 (met / not met, evidence per
 * indicator, live level), submits; the province accepts, checks and issues the decision, whose PDF carries the
 * Vietnamese text of the decision and its annexed list.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationBrowserIT extends BrowserTest {

    static final List<String> ITEMS = List.of("TC1-CT1", "TC1-CT2", "TC1-CT3", "TC2-CT1", "TC2-CT2", "TC2-CT3");

    Page signIn(String user) {
        return signedIn(user, 360);
    }

    @Test
    void selfAssessmentSubmitCheckAndDecisionWithItsPdf() throws Exception {
        Page commune = signIn("xa.canyen");
        commune.navigate(url("/evaluations"));
        commune.locator("#frameworkCode").selectOption("tt25-2023-commune");
        commune.locator("#subjectUnitId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Xã Cần Yên"));
        commune.locator("#year").fill("2025");
        commune.locator("#create-evaluation").click();
        commune.waitForURL(u -> u.matches(".*/evaluations/\\d+$"));
        String evaluationUrl = commune.url();
        assertThat(commune.locator("#framework-incomplete")).containsText("Chưa đầy đủ — cần đối chiếu văn bản gốc");
        assertThat(commune.locator("#legal-basis")).containsText("25/2023/TT-BGDĐT");

        // marking every indicator met without evidence: the live result says nothing counts yet
        for (String k : ITEMS) {
            commune.locator("#m-" + k).selectOption("true");
        }
        assertThat(commune.locator("#result")).containsText("chưa có minh chứng nên không được tính");
        assertThat(commune.locator("#level")).hasText("Chưa đạt");
        commune.locator("#save-scores").click();
        assertThat(commune.locator("#flash-ok")).hasText("Đã lưu.");
        assertThat(commune.locator("#item-TC1-CT1")).hasClass(java.util.regex.Pattern.compile("missing-evidence"));

        byte[] pdf = "%PDF-1.4\n% Kế hoạch xây dựng xã hội học tập\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String k : ITEMS) {
            commune.locator("#file-" + k).setInputFiles(new FilePayload("minh-chung-" + k + ".pdf", "application/pdf", pdf));
            commune.locator("#upload-" + k).click();
            assertThat(commune.locator("#flash-ok")).hasText("Đã lưu kết quả tự đánh giá và tải lên minh chứng.");
        }
        assertThat(commune.locator("#level")).hasText("Mức độ 1 (Khá)");
        assertThat(commune.locator("#gaps")).containsText("chưa rõ trong văn bản");
        // submitting asks for confirmation, naming the result the letter will request
        String[] asked = new String[1];
        commune.onceDialog(d -> {
            asked[0] = d.message();
            d.accept();
        });
        commune.locator("#submit-dossier").click();
        assertThat(commune.locator("#stage")).hasText("Đã nộp");
        org.assertj.core.api.Assertions.assertThat(asked[0]).contains("Mức độ 1 (Khá)");
        assertThat(commune.locator("#check-form")).hasCount(0);

        Page province = signIn("so.caobang");
        province.navigate(evaluationUrl);
        province.locator("#accept-comment").fill("Hồ sơ đầy đủ, hợp lệ");
        province.locator("#accept-dossier").click();
        assertThat(province.locator("#stage")).hasText("Đã tiếp nhận");
        // no decision before the check: the form is not offered yet
        assertThat(province.locator("#decide-form")).hasCount(0);
        province.locator("#team").fill("Bà Lê Thị Hoa (Hội Khuyến học tỉnh); ông Nông Văn Bình (Sở GD&ĐT)");
        province.locator("#record-check").click();
        assertThat(province.locator("#stage")).hasText("Đã kiểm tra");
        assertThat(province.locator("#checked-result")).containsText("Mức độ 1");

        province.locator("#decisionNumber").fill("45/QĐ-SGDĐT");
        province.locator("#decisionSigner").fill("Nguyễn Thị Lan");
        province.locator("#issue-decision").click();
        assertThat(province.locator("#stage")).hasText("Đã có quyết định");
        assertThat(province.locator("#decision-info")).containsText("45/QĐ-SGDĐT");

        Download download = province.waitForDownload(() -> province.locator("#decision-pdf").click());
        byte[] bytes = Files.readAllBytes(download.path());
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC).replaceAll("\\s+", " ");
            assertThat(text).contains("QUYẾT ĐỊNH", "Cộng đồng học tập", "Xã Cần Yên", "Mức độ 1 (Khá)", "45/QĐ-SGDĐT", "Nguyễn Thị Lan",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        }
        province.locator("#publish").click();
        assertThat(province.locator("#stage")).hasText("Đã công bố");

        Page anonymous = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)).newPage();
        anonymous.navigate(url("/public/evaluations?year=2025"));
        assertThat(anonymous.locator("#public-list")).containsText("Xã Cần Yên");
        assertThat(anonymous.locator("#public-list")).containsText("45/QĐ-SGDĐT");
    }
}
