package vn.xhht.browser;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import vn.xhht.support.XhhtIntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The director of Xã Cần Yên's centre fills the quarterly report on a phone (the literacy figures pre-filled from the
 * register, a wrong breakdown refused next to its field), submits it; the province officer finds it on the
 * completeness board, approves it and downloads the .xlsx and the .pdf.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingBrowserIT extends BrowserTest {

    @Test
    void fillSubmitApproveAndDownload() throws Exception {
        Page commune = signedIn("xa.canyen", 360);
        commune.locator("label.nav-burger").click();
        commune.locator("nav.mainnav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Báo cáo định kỳ")).click();
        commune.getByLabel("Mẫu báo cáo").selectOption("centre-quarterly");
        // periods are picked from Vietnamese labels of the chosen form, never typed as codes
        List<String> visible = commune.locator("#period option:not([disabled])").allTextContents();
        org.assertj.core.api.Assertions.assertThat(visible).contains("Quý II/2026", "Quý IV/2025").allMatch(o -> o.startsWith("Quý "));
        org.assertj.core.api.Assertions.assertThat(commune.locator("#period").innerText()).doesNotContain("2026Q");
        commune.getByLabel("Kỳ báo cáo").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Quý II/2026"));
        commune.locator("#create-report").click();
        assertThat(commune.locator("#report-title")).hasText("Báo cáo kết quả hoạt động quý của Trung tâm học tập cộng đồng");
        assertThat(commune.locator("#report-status")).hasText("Đang soạn");
        assertThat(commune.locator("#report-due")).containsText("30/06/2026");
        // literacy figures come from the literacy module's register
        assertThat(commune.locator("#nosource-literacy_classes")).hasCount(0);

        String participations = commune.locator("#v-participations").inputValue();
        String women = commune.locator("#v-women").inputValue();
        String learners = commune.locator("#v-literacy_learners").inputValue();
        commune.locator("#v-results").fill("Tổ chức 12 chuyên đề pháp luật, sức khỏe cho đồng bào dân tộc Tày, Nùng.");
        // more women than participations, and a changed figure without its reason: refused, entries kept
        commune.locator("#v-women").fill(String.valueOf(Long.parseLong(participations) + 5));
        commune.locator("#save-report").click();
        assertThat(commune.locator("#reason-error-women")).containsText("vui lòng ghi lý do");
        commune.locator("#reason-women").fill("Bổ sung theo sổ điểm danh");
        commune.locator("#save-report").click();
        assertThat(commune.locator("#error-women")).containsText("Số lượt nữ không được lớn hơn tổng số lượt người");
        assertThat(commune.locator("#v-literacy_learners")).hasValue(learners);
        commune.locator("#v-women").fill(women);
        commune.locator("#reason-women").fill("");
        commune.locator("#save-report").click();
        assertThat(commune.locator("#flash-ok")).hasText("Đã lưu báo cáo.");
        // a scanned attendance sheet as attachment (the evidence store checks its kind by content)
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(60, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path scan = Files.createDirectories(Path.of("target/import-files")).resolve("so-diem-danh-" + System.nanoTime() + ".png");
        javax.imageio.ImageIO.write(img, "png", scan.toFile());
        commune.locator("input[name=files]").setInputFiles(scan);
        commune.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đính kèm")).click();
        assertThat(commune.locator("#flash-ok")).hasText("Đã đính kèm 1 tệp.");
        assertThat(commune.locator("#attachments")).containsText(scan.getFileName().toString());
        // a required narrative is still empty
        commune.locator("#submit-report").click();
        assertThat(commune.locator("#error-difficulties")).containsText("bắt buộc");
        commune.locator("#v-difficulties").fill("Kinh phí hoạt động còn hạn hẹp.");
        commune.locator("#save-report").click();
        commune.locator("#submit-report").click();
        assertThat(commune.locator("#report-status")).hasText("Đã trình, chờ duyệt");
        assertThat(commune.locator("#approve-report")).hasCount(0);
        Object width = commune.evaluate("document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).isLessThanOrEqualTo(360);
        commune.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/report-360.png")).setFullPage(true));

        Page province = signedIn("so.caobang", 1100);
        province.navigate(url("/reports/board?templateCode=centre-quarterly&period=2026Q2"));
        assertThat(province.locator("#board-lines")).containsText("Xã Cần Yên");
        province.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/report-board.png")));
        province.locator("#board-lines").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Xã Cần Yên")).click();
        assertThat(province.locator("#report-status")).hasText("Đã trình, chờ duyệt");
        province.locator("#comment").fill("Báo cáo đầy đủ.");
        province.locator("#approve-report").click();
        assertThat(province.locator("#report-status")).hasText("Đã phê duyệt");
        assertThat(province.locator("#save-report")).hasCount(0);

        province.navigate(url("/reports/dashboard?period=2026Q2"));
        assertThat(province.locator("#indicators")).containsText("Số lượt người tham gia");
        assertThat(province.locator("#line-chart svg")).hasCount(1);
        assertThat(province.locator("#bar-chart svg")).hasCount(1);
        province.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/report-dashboard.png")).setFullPage(true));
        province.goBack();

        Download xlsx = province.waitForDownload(() -> province.locator("#export-xlsx").click());
        byte[] bytes = Files.readAllBytes(xlsx.path());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).contains("I. Kết quả tổ chức các hoạt độn", "III. Đánh giá chung"); // Excel caps sheet names at 31 characters
            Sheet first = wb.getSheetAt(0);
            Double total = null;
            for (Row row : first) {
                Cell label = row.getCell(1);
                if (label != null && label.getCellType() == CellType.STRING && "Tổng số lượt người tham gia".equals(label.getStringCellValue())) {
                    assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
                    total = row.getCell(3).getNumericCellValue();
                }
            }
            assertThat(total).isEqualTo(Double.valueOf(participations));
        }
        Download pdf = province.waitForDownload(() -> province.locator("#export-pdf").click());
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC).replaceAll("\\s+", " ");
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "Kết quả hoạt động của Trung tâm học tập cộng đồng quý II/2026", "xã Cần Yên",
                    "Số học viên các lớp xóa mù chữ", "Kinh phí hoạt động còn hạn hẹp.");
        }
    }
}
