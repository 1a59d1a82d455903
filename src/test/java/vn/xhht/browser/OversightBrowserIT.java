package vn.xhht.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The Sở officer, on a phone, registers a foreign-language centre, records its permission, inspects it, records a
 * violation (a fine outside the range is refused next to the field, what was typed kept) and the sanction decision;
 * a resident then finds the centre, typed without diacritics, in the public list and sees the sanction.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversightBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void registerLicenseInspectSanctionAndFindInThePublicList() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String name = "Trung tâm Ngoại ngữ Phượng Hoàng " + tag;
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

        Page page = signedIn("so.caobang", 360);
        page.navigate(url("/oversight/establishments"));
        page.locator("#new-establishment").click();
        page.locator("#kind-select").selectOption("FOREIGN_LANGUAGE_IT");
        page.getByLabel("Tên cơ sở").fill(name);
        page.getByLabel("Địa chỉ").fill("Số 7 phố Hoàng Như");
        page.locator("#unitId").selectOption(String.valueOf(canYen));
        page.getByLabel("Tổ chức, cá nhân chủ sở hữu").fill("Công ty TNHH Phượng Hoàng");
        page.getByLabel("Giám đốc, người đứng đầu").fill("Nông Thị Hoa");
        page.locator("#teacherName0").fill("Peter Jones");
        page.locator("#teacherForeign0").check();
        page.locator("#teacherNationality0").fill("Anh");
        // a director without a term is refused next to the field, nothing typed is lost
        page.locator("#save-establishment").click();
        assertThat(page.locator("#directorTermFrom + .field-error")).containsText("nhiệm kỳ");
        assertThat(page.getByLabel("Tên cơ sở")).hasValue(name);
        assertThat(page.locator("#teacherNationality0")).hasValue("Anh");
        page.locator("#directorTermFrom").fill("2025-09-01");
        page.locator("#save-establishment").click();
        assertThat(page.locator("#establishment-name")).hasText(name);
        assertThat(page.locator("#establishment-status")).hasText("Chưa có quyết định, giấy phép");

        page.locator("#actKind").selectOption("OPERATION_PERMISSION");
        page.locator("#actNumber").fill(tag + "/QĐ-SGDĐT");
        page.locator("#actIssuedOn").fill(today);
        page.locator("#save-act").click();
        assertThat(page.locator("#establishment-status")).hasText("Đã được cấp phép, đăng ký");
        assertThat(page.locator("#act-table")).containsText("Nghị định 125/2024/NĐ-CP");

        page.locator("#new-inspection").click();
        page.locator("#memberName0").fill("Lê Văn Cường");
        page.locator("#memberAgency0").fill("Sở Giáo dục và Đào tạo");
        page.locator("#memberName1").fill("Hoàng Thị Mai");
        page.locator("#memberAgency1").fill("Công an tỉnh");
        page.locator("#save-inspection").click();
        assertThat(page.locator("#team-list")).containsText("Công an tỉnh");

        page.locator("#item").selectOption("6");
        page.locator("#violationCode").selectOption("S-06");
        page.locator("#note").fill("Mở lớp tại địa điểm chưa được cho phép");
        page.locator("#remedy").fill("Đưa học viên về địa điểm được cho phép");
        page.locator("#remedyWorkingDays").fill("10");
        page.locator("#save-finding").click();
        assertThat(page.locator("#finding-table")).containsText("Mở lớp tại địa điểm chưa được cho phép");
        assertThat(page.locator("#finding-table")).containsText("Trong 10 ngày làm việc");
        assertThat(page.locator("#fine-range")).containsText("10.000.000");

        page.locator("#decisionNumber").fill(tag + "/QĐ-XPHC");
        page.locator("#decisionAuthority").fill("Chánh Thanh tra Sở Giáo dục và Đào tạo");
        page.locator("#fineVnd").fill("25.000.000");
        page.locator("#save-decision").click();
        assertThat(page.locator("#fineVnd + .field-error")).containsText("trong khung");
        assertThat(page.locator("#decisionNumber")).hasValue(tag + "/QĐ-XPHC");
        page.locator("#fineVnd").fill("15.000.000");
        page.locator("#save-decision").click();
        assertThat(page.locator("#decision-facts")).containsText("15.000.000 đồng");

        Page resident = phone();
        resident.navigate(url("/public/establishments"));
        resident.locator("#q").fill("phuong hoang " + tag);
        resident.locator("#q").press("Enter");
        assertThat(resident.locator("#public-establishments")).containsText(name);
        assertThat(resident.locator("#public-establishments")).containsText("đã bị xử phạt");
        resident.getByText(name).click();
        assertThat(resident.locator("#public-establishment-name")).hasText(name);
        assertThat(resident.locator("#public-sanctions")).containsText(tag + "/QĐ-XPHC");
        assertThat(resident.locator("#public-sanctions")).containsText("Tổ chức giảng dạy tại địa điểm chưa được cho phép");
    }
}
