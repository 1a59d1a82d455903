package vn.xhht.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The Sở officer, on a 360-px phone, plans a loudspeaker item, cannot mark it done without evidence (told next to the
 * file field, the choice kept), marks it done with a photo; then sets a centre's flood scenario, activates it and sees
 * the centre's planned activity in the period marked postponed with the reason.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutreachBrowserIT extends BrowserTest {

    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Autowired
    JdbcClient jdbc;

    @Test
    void planMarkDoneWithEvidenceThenActivateAFloodScenario() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String topic = "Tuyên truyền Ngày Sách " + tag;

        Page page = signedIn("so.caobang", 360);
        page.navigate(url("/outreach/communication"));
        page.locator("#channelCode").selectOption("LOUDSPEAKER");
        page.locator("#topic").fill(topic);
        page.locator("#plannedOn").fill(today.toString());
        page.locator("#responsibleUnit").fill("Đài truyền thanh xã Cần Yên");
        page.locator("#comm-save").click();
        assertThat(page.locator("#comm-table")).containsText(topic);
        page.getByText(topic).click();

        page.locator("#done-true").check();
        page.locator("#mark-save").click();
        assertThat(page.locator("#files-error")).containsText("minh chứng");
        assertThat(page.locator("#done-true")).isChecked();
        page.locator("#files").setInputFiles(new FilePayload("loa-" + tag + ".png", "image/png", PNG));
        page.locator("#mark-save").click();
        assertThat(page.locator("#comm-status")).hasText("Đã thực hiện");
        assertThat(page.locator("#comm-files")).containsText("loa-" + tag + ".png");

        // a centre of Cao Bằng other tests do not use, with an activity planned in ten days
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        long centre = jdbc.sql("""
                select c.id from centre c join org_unit u on u.id = c.commune_id
                where u.parent_id = :p and u.level = 3 and u.valid_to is null and u.code <> '01366'
                  and not exists (select 1 from activity a where a.centre_id = c.id and a.start_date > current_date)
                order by random() limit 1
                """).param("p", caoBang).query(Long.class).single();
        String title = "Sinh hoạt chuyên đề trồng ngô " + tag;
        jdbc.sql("""
                insert into activity (centre_id, province_id, type_code, topic_code, title, start_date, end_date, venue, participations)
                values (:c, :p, (select code from activity_type order by code limit 1), (select code from topic order by code limit 1), :t, :d, :d,
                        'Nhà văn hóa thôn', 0)
                """).param("c", centre).param("p", caoBang).param("t", title).param("d", today.plusDays(10)).update();

        page.navigate(url("/outreach/contingency"));
        page.locator("#centreId").selectOption(String.valueOf(centre));
        page.locator("#hazard").selectOption("FLOOD");
        page.locator("#action").selectOption("POSTPONE");
        page.locator("#scenario-save").click();
        assertThat(page.locator("#decider + .field-error")).containsText("người quyết định");
        page.locator("#decider").fill("Giám đốc Trung tâm học tập cộng đồng");
        page.locator("#scenario-save").click();
        assertThat(page.locator("#scenario")).containsText("Hoãn");

        page.locator("#endsOn").fill(today.plusDays(20).toString());
        page.locator("#reason").fill("Lũ lớn " + tag);
        page.locator("#activate").click();
        assertThat(page.locator("#activations")).containsText("1 hoạt động được điều chỉnh");
        assertThat(page.locator("#affected-table")).containsText(title);
        assertThat(page.locator("#affected-table")).containsText("Hoãn");
        assertThat(page.locator("#affected-table")).containsText("Lũ lớn " + tag);
    }
}
