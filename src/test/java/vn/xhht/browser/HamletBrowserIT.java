package vn.xhht.browser;

import java.nio.file.Path;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commune officer of Xã Cần Yên, on a 360-px phone screen: signs in, adds a hamlet, finds it in the unit
 * tree, and is refused the neighbouring commune.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HamletBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCommuneOfficerAddsAHamletSeesItInTheTreeAndIsRefusedAnotherCommune() {
        Page page = phone();
        // "/" is the public home for a visitor; the login button leads to the sign-in page
        page.navigate(url("/"));
        page.locator("#login-button").click();
        assertThat(page).hasURL(url("/login"));
        signIn(page, "xa.canyen");
        assertThat(page.locator("h1")).containsText("Xin chào, Giám đốc TTHTCĐ xã Cần Yên");

        // the phone menu opens behind the burger
        page.locator("label.nav-burger").click();
        page.locator("nav.mainnav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Thôn, tổ dân phố của xã")).click();
        assertThat(page.locator("#unit-name")).hasText("Xã Cần Yên");

        // a wrong entry first: the message stands next to the field and nothing is saved
        page.getByLabel("Tên", new Page.GetByLabelOptions().setExact(true)).fill("   ");
        page.locator("#hamlet-submit").click();
        assertThat(page.locator("#name-error")).hasText("Vui lòng nhập tên thôn / tổ dân phố.");

        String name = "Xóm Nà Giàng " + UUID.randomUUID().toString().substring(0, 4);
        page.getByLabel("Tên", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Loại").selectOption("Xóm");
        page.locator("#hamlet-submit").click();
        assertThat(page.locator("#flash-ok")).containsText("Đã thêm Xóm " + name);
        assertThat(page.locator("#hamlets")).containsText(name);

        // the same name again is refused with a Vietnamese message
        page.getByLabel("Tên", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.locator("#hamlet-submit").click();
        assertThat(page.locator("#name-error")).containsText("đã có trong Xã Cần Yên");

        // import from Excel: a file with a bad row is rejected whole, with the line and the reason
        String tag = UUID.randomUUID().toString().substring(0, 4);
        Path bad = ImportFiles.hamlets("bad-" + tag, new String[]{"Bản Nà Lũng " + tag, "Bản"}, new String[]{"Xóm Sai " + tag, "Làng xã"});
        page.locator("#import-file").setInputFiles(bad);
        page.locator("#import-submit").click();
        assertThat(page.locator("#import-result")).containsText("Tệp bị từ chối, không có gì được lưu. 1 dòng có lỗi:");
        assertThat(page.locator("#import-result")).containsText("Dòng 3: Loại không hợp lệ");
        assertThat(page.locator("#hamlets")).not().containsText("Bản Nà Lũng " + tag);
        Path good = ImportFiles.hamlets("good-" + tag, new String[]{"Bản Nà Lũng " + tag, "Bản"}, new String[]{"Tổ dân phố Cốc Lót " + tag, "to dan pho"});
        page.locator("#import-file").setInputFiles(good);
        page.locator("#import-submit").click();
        assertThat(page.locator("#import-result")).containsText("Đã nhập: thêm mới 2, đã có sẵn (bỏ qua) 0.");
        assertThat(page.locator("#hamlets")).containsText("Tổ dân phố Cốc Lót " + tag);

        // the unit tree: the commune is the root; expanding it loads its hamlets
        page.navigate(url("/units"));
        page.locator("#unit-tree summary").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Xã Cần Yên")).click();
        assertThat(page.locator("#unit-tree")).containsText(name);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/tree-360.png")).setFullPage(true));

        // another commune of Cao Bằng: refused with a friendly page and none of its data
        long haQuang = TestUsers.unitId(jdbc, "01438", OrgUnit.COMMUNE, "2025-07-01");
        Response refused = page.navigate(url("/units/" + haQuang));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("Không có quyền truy cập");
        assertThat(page.locator("#error-message")).hasText("Đơn vị này nằm ngoài phạm vi quản lý của bạn.");
        assertThat(page.content()).doesNotContain("Xã Hà Quảng");

        // a search for it finds nothing in this user's area
        page.navigate(url("/units?q=ha+quang"));
        assertThat(page.locator("#search-results")).containsText("Không tìm thấy đơn vị nào.");

        // the page fits the phone: nothing wider than the 360-px viewport
        page.navigate(url("/units/" + TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01")));
        Object width = page.evaluate("document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).isLessThanOrEqualTo(360);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/commune-360.png")).setFullPage(true));
    }

    @Test
    void theAdministratorCreatesAnAccountChoosingTheUnitByNameWithoutDiacritics() {
        Page page = phone();
        signIn(page, "admin");
        page.navigate(url("/admin/users/new"));
        String username = "cb" + UUID.randomUUID().toString().substring(0, 6);
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Họ và tên").fill("Lục Thị Mai");
        page.getByLabel("Vai trò").selectOption("COMMUNE_OFFICER");
        page.locator("#unit-q").pressSequentially("can yen", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(page.locator("#unitId option").first()).containsText("Xã Cần Yên");
        page.locator("#unitId").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(0));
        page.locator("#password").fill("Mai-Can-Yen-2026");
        page.locator("#user-save").click();
        assertThat(page.locator("#flash-ok")).hasText("Đã tạo tài khoản " + username + ".");
        page.navigate(url("/admin/users?q=" + username));
        assertThat(page.locator("#user-table")).containsText("Lục Thị Mai");
        page.navigate(url("/admin/audit?entity=AppUser&action=CREATE"));
        assertThat(page.locator("#audit-table")).containsText("Tạo tài khoản " + username);
    }

    @Test
    void theProvinceOfficerSwitchesTheStructureDateAndTheLanguage() {
        Page page = phone();
        signIn(page, "so.caobang");
        page.navigate(url("/units?date=2025-06-30"));
        // before the reform Cao Bằng had districts; Huyện Hà Quảng is one of them
        page.locator("#unit-tree summary").first().click();
        assertThat(page.locator("#unit-tree")).containsText("Huyện Hà Quảng");
        page.navigate(url("/units"));
        page.locator("#unit-tree summary").first().click();
        assertThat(page.locator("#unit-tree")).containsText("Xã Cần Yên");
        assertThat(page.locator("#unit-tree")).not().containsText("Huyện Hà Quảng");

        page.navigate(url("/units?lang=en"));
        assertThat(page.locator("h1")).hasText("Administrative units");
        page.navigate(url("/units?lang=vi"));
        assertThat(page.locator("h1")).hasText("Đơn vị hành chính");
    }
}
