package vn.xhht.browser;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.literacy.SampleRegister;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commune officer of Xã Cần Yên on a phone: imports the household survey (progress shown while it runs), sees
 * the commune's literacy indicators and standards, and opens the list of people below grade 3 of a hamlet.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiteracyBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCommuneOfficerImportsTheSurveySeesIndicatorsAndOpensTheBelowGrade3List() throws Exception {
        long commune = TestUsers.unitId(jdbc, "01366", 3, LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).toString());
        long province = jdbc.sql("select province_id from org_unit where id = :c").param("c", commune).query(Long.class).single();
        String tag = UUID.randomUUID().toString().substring(0, 5);
        List<String[]> hamlets = new java.util.ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String code = "01366.L" + tag + i;
            long h = jdbc.sql("""
                    insert into org_unit (code, name, type, level, parent_id, province_id, valid_from, source)
                    values (:c, :n, 'Thôn', 4, :p, :prov, '2025-07-01', 'TEST') returning id
                    """).param("c", code).param("n", "Thôn Lũng " + tag + " " + i).param("p", commune).param("prov", province)
                    .query(Long.class).single();
            jdbc.sql("update org_unit set path = (select path from org_unit where id = :p) || id || '/' where id = :id")
                    .param("p", commune).param("id", h).update();
            hamlets.add(new String[]{"01366", code});
        }
        Path file = Files.createTempFile("so-xmc-", ".csv");
        long persons;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            persons = SampleRegister.write(w, hamlets, 1000, 7, LocalDate.now(vn.xhht.shared.VietnamClock.ZONE));
        }

        BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setLocale("vi-VN"));
        Page page = ctx.newPage();
        page.navigate(url("/login"));
        page.getByLabel("Tên đăng nhập").fill("xa.canyen");
        page.getByLabel("Mật khẩu").fill("xhht-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        page.waitForURL(u -> !u.contains("/login"));

        page.navigate(url("/literacy"));
        assertThat(page.locator("h1")).hasText("Xóa mù chữ và phổ cập giáo dục");
        page.locator("#lit-import-link").click();
        assertThat(page.locator("h1")).hasText("Nhập sổ từ tệp");
        page.locator("#lit-file").setInputFiles(file);
        page.locator("#lit-team").fill("Tổ điều tra thôn Lũng");
        page.locator("#lit-import-submit").click();
        page.waitForURL(u -> u.contains("/literacy/imports/"));
        // progress is shown while the rows are read, then the result (the block polls the server every second)
        Locator progress = page.locator("#lit-progress");
        assertThat(progress).isVisible();
        assertThat(progress).containsText("Đã", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(5000));
        assertThat(page.locator("#lit-import-done")).containsText("Đã nhập " + java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("vi-VN")).format(persons) + " dòng",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60000));

        page.locator("#lit-back").click();
        assertThat(page.locator("#lit-population")).not().hasText("0");
        Locator band = page.locator("#lit-bands tr[data-band='15-35'][data-sex='all']");
        assertThat(band).containsText("%");
        assertThat(page.locator("#lit-standards")).containsText("Xóa mù chữ mức độ 1");
        assertThat(page.locator("#lit-standards")).containsText("NĐ 20/2014");

        Locator hamletRow = page.locator("#lit-hamlets tr", new Page.LocatorOptions().setHasText("Thôn Lũng " + tag + " 1"));
        hamletRow.locator("a.lit-list-below3").click();
        assertThat(page.locator("h1")).hasText("Người từ 15 tuổi trở lên chưa đạt lớp 3 (chưa biết chữ mức 1)");
        long expected = jdbc.sql("""
                select count(*) from lit_person p join org_unit h on h.id = p.hamlet_id
                where h.code = :h and p.lit_level = 0 and p.left_date is null
                  and extract(year from age(current_date, coalesce(p.birth_date, make_date(p.birth_year, 1, 1)))) >= 15
                """).param("h", hamlets.get(0)[1]).query(Long.class).single();
        assertThat(expected).isPositive();
        assertThat(page.locator("#lit-list-count")).hasText("Có " + expected + " người");
        assertThat(page.locator(".lit-watermark")).containsText("xa.canyen");
        ctx.close();
    }
}
