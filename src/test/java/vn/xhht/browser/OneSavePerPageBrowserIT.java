package vn.xhht.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.evaluation.EvaluationService;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.reporting.ReportService;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 360-px phone, each page with several inputs is filled completely, saved with its primary action, reloaded,
 * and everything typed is still there; a photo chosen before a validation error is kept; leaving a page with
 * unsaved changes asks first.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneSavePerPageBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportService reports;
    @Autowired
    EvaluationService evaluations;

    long canYen() {
        return TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
    }

    static Path png(String name) throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path p = Files.createDirectories(Path.of("target/import-files")).resolve(name);
        javax.imageio.ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void thePlanKeepsTextsAndEveryTargetAndWarnsBeforeLeaving() {
        vn.xhht.support.SharedPeriods.freePlan(jdbc, canYen(), 2025);
        Page page = signedIn("xa.canyen", 360);
        page.navigate(url("/plans"));
        page.getByLabel("Năm kế hoạch").fill("2025"); // other tests plan 2026–2028
        page.locator("#create-plan").click();
        assertThat(page.locator("#plan-title")).containsText("2025");
        page.locator("#direction").fill("Phương hướng: học tập suốt đời");
        page.locator("#tasks").fill("Nhiệm vụ: 12 chuyên đề");
        page.locator("#solutions").fill("Giải pháp: phối hợp Hội Khuyến học");
        var targets = page.locator("#targets input");
        String[] typed = {"86", "13.760", "98,35", "4"};
        for (int i = 0; i < typed.length; i++) {
            targets.nth(i).fill(typed[i]);
        }
        page.locator("#row-activity").fill("Tuần lễ hưởng ứng học tập suốt đời");

        // leaving with unsaved changes asks first; staying keeps everything typed
        List<String> dialogs = new ArrayList<>();
        page.onDialog(d -> {
            dialogs.add(d.type());
            d.dismiss();
        });
        page.locator(".crumbs a").click();
        page.waitForTimeout(500);
        assertThat(dialogs).contains("beforeunload");
        assertThat(page.locator("#direction")).hasValue("Phương hướng: học tập suốt đời");

        // the last target's value is wrong: nothing saved, everything shown again, the field focused
        targets.nth(3).fill("bốn");
        page.locator("#submit-plan").click();
        assertThat(page.locator("#flash-error")).isVisible();
        assertThat(page.locator("#direction")).hasValue("Phương hướng: học tập suốt đời");
        assertThat(page.locator("#targets input").nth(1)).hasValue("13.760");
        assertThat(page.locator("#targets input").nth(3)).isFocused();
        page.locator("#targets input").nth(3).fill("4");
        page.locator("#submit-plan").click();
        assertThat(page.locator("#plan-status")).hasText("Đã trình, chờ duyệt");
        page.reload();
        assertThat(page.locator("#direction")).hasValue("Phương hướng: học tập suốt đời");
        assertThat(page.locator("#tasks")).hasValue("Nhiệm vụ: 12 chuyên đề");
        assertThat(page.locator("#solutions")).hasValue("Giải pháp: phối hợp Hội Khuyến học");
        assertThat(page.locator("#targets input").nth(0)).hasValue("86");
        assertThat(page.locator("#targets input").nth(1)).hasValue("13.760");
        assertThat(page.locator("#targets input").nth(2)).hasValue("98,35");
        assertThat(page.locator("#targets input").nth(3)).hasValue("4");
        assertThat(page.locator("#plan-rows")).containsText("Tuần lễ hưởng ứng học tập suốt đời");
        assertThat(dialogs).containsOnly("beforeunload");
        Object width = page.evaluate("document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).isLessThanOrEqualTo(360);
    }

    @Test
    void theReportsNopSavesTheNarrativeAndSitsAtTheBottom() {
        var director = TestUsers.load(jdbc, "xa.canyen");
        vn.xhht.support.SharedPeriods.freeReport(jdbc, "centre-quarterly", "2026Q1", canYen());
        long id = reports.create(director, "centre-quarterly", "2026Q1", canYen()).id();
        Page page = signedIn("xa.canyen", 360);
        page.navigate(url("/reports/" + id));
        page.locator("#v-results").fill("Kết quả nổi bật: 12 chuyên đề");
        page.locator("#v-proposals").fill("Đề xuất: thêm kinh phí");
        // Nộp after the fields, kept in view on a phone
        double submitY = page.locator("#submit-report").boundingBox().y;
        assertThat(page.locator("#submit-report")).isInViewport();
        assertThat(submitY).isGreaterThan(0);
        page.locator("#submit-report").click();
        assertThat(page.locator("#error-difficulties")).isVisible();
        assertThat(page.locator("#v-difficulties")).isFocused();
        assertThat(page.locator("#v-results")).hasValue("Kết quả nổi bật: 12 chuyên đề");
        page.locator("#v-difficulties").fill("Khó khăn: đường xa");
        page.locator("#submit-report").click();
        assertThat(page.locator("#report-status")).hasText("Đã trình, chờ duyệt");
        page.reload();
        assertThat(page.locator("#v-results")).hasValue("Kết quả nổi bật: 12 chuyên đề");
        assertThat(page.locator("#v-difficulties")).hasValue("Khó khăn: đường xa");
        assertThat(page.locator("#v-proposals")).hasValue("Đề xuất: thêm kinh phí");
    }

    @Test
    void uploadingEvidenceOnTheSelfAssessmentKeepsTheMarks() throws Exception {
        var director = TestUsers.load(jdbc, "xa.canyen");
        long id = evaluations.create(director, "tt25-2023-commune", canYen(), null, 2027, null).id();
        Page page = signedIn("xa.canyen", 360);
        page.navigate(url("/evaluations/" + id));
        var marks = page.locator("#scores-form select");
        var comments = page.locator("#scores-form input[name$=_comment]");
        int n = Math.min(3, marks.count());
        for (int i = 0; i < n; i++) {
            marks.nth(i).selectOption("true");
            comments.nth(i).fill("Nhận xét " + i);
        }
        page.locator("#scores-form input[type=file]").first().setInputFiles(png("minh-chung-" + System.nanoTime() + ".png"));
        page.locator("#scores-form button[id^=upload-]").first().click();
        assertThat(page.locator("#flash-ok")).isVisible();
        page.reload();
        for (int i = 0; i < n; i++) {
            assertThat(page.locator("#scores-form select").nth(i)).hasValue("true");
            assertThat(page.locator("#scores-form input[name$=_comment]").nth(i)).hasValue("Nhận xét " + i);
        }
        assertThat(page.locator(".evidence-link").first()).containsText("minh-chung-");
    }

    @Test
    void theActivityFormKeepsAChosenPhotoAfterAValidationError() throws Exception {
        long centre = jdbc.sql("select id from centre where commune_id = :c").param("c", canYen()).query(Long.class).single();
        Page page = signedIn("xa.canyen", 360);
        page.navigate(url("/centres/" + centre + "/activities/new"));
        String title = "Chuyên đề trồng chè " + System.nanoTime();
        page.locator("#topic").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.locator("#title").fill(title);
        page.locator("#venue").fill("Nhà văn hoá thôn");
        page.locator("#leadUnit").fill("Trạm Khuyến nông");
        page.locator("#speakers").fill("Kỹ sư Nông Văn A");
        page.locator("#cost").fill("1.500.000");
        page.locator("#note").fill("Ghi chú buổi học");
        Path photo = png("buoi-hoc-" + System.nanoTime() + ".png");
        page.locator("#photos").setInputFiles(photo);
        // participations left empty: refused, the photo is kept and shown
        page.locator("#activity-save").click();
        assertThat(page.locator("#form-errors")).isVisible();
        assertThat(page.locator("#participations")).isFocused();
        assertThat(page.locator("#kept-photos")).containsText(photo.getFileName().toString());
        assertThat(page.locator("#title")).hasValue(title);
        assertThat(page.locator("#cost")).hasValue("1.500.000");
        page.locator("#participations").fill("45");
        page.locator("#women").fill("25");
        page.locator("#activity-save").click();
        page.waitForURL(u -> u.contains("/centres/" + centre));
        long activity = jdbc.sql("select id from activity where title = :t").param("t", title).query(Long.class).single();
        page.navigate(url("/activities/" + activity));
        assertThat(page.locator("#title")).hasValue(title);
        assertThat(page.locator("#venue")).hasValue("Nhà văn hoá thôn");
        assertThat(page.locator("#leadUnit")).hasValue("Trạm Khuyến nông");
        assertThat(page.locator("#speakers")).hasValue("Kỹ sư Nông Văn A");
        assertThat(page.locator("#participations")).hasValue("45");
        assertThat(page.locator("#women")).hasValue("25");
        assertThat(page.locator("#cost")).hasValue("1.500.000");
        assertThat(page.locator("#note")).hasValue("Ghi chú buổi học");
        assertThat(page.locator("#disadvantaged")).hasValue("");
        assertThat(page.locator("#ageUnder15")).hasValue("");
        assertThat(page.locator("#photo-list")).containsText(photo.getFileName().toString());
    }
}
