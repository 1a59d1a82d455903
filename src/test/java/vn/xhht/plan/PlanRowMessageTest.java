package vn.xhht.plan;

import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Deleting a plan row says what happened: a row of another plan is not "saved". */
@XhhtIntegrationTest
class PlanRowMessageTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanService plans;

    @Test
    void deletingARowOfAnotherPlanSaysNothingWasDeleted() {
        var canYen = TestUsers.load(jdbc, "xa.canyen");
        var province = TestUsers.load(jdbc, "so.caobang");
        long commune = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        int year = 2027;
        Plan own = plans.ofOwner(canYen, commune).stream().filter(x -> x.planYear() == year).findFirst()
                .orElseGet(() -> plans.create(canYen, commune, year, false));
        Plan other = plans.ofOwner(province, caoBang).stream().filter(x -> x.planYear() == year).findFirst()
                .orElseGet(() -> plans.create(province, caoBang, year, false));
        plans.addRow(canYen, own.id(), LocalDate.of(year, 10, 1), "Dòng của xã", null, null, null);
        plans.addRow(province, other.id(), LocalDate.of(year, 10, 1), "Dòng của tỉnh", null, null, null);
        long ownRow = jdbc.sql("select max(id) from plan_row where plan_id = :p").param("p", own.id()).query(Long.class).single();
        long otherRow = jdbc.sql("select max(id) from plan_row where plan_id = :p").param("p", other.id()).query(Long.class).single();

        Http browser = Http.session(port, new CookieManager());
        browser.login("xa.canyen", "xhht-demo");
        String token = browser.csrfToken("/plans/" + own.id());
        HttpResponse<String> foreign = browser.postForm("/plans/" + own.id() + "/rows/" + otherRow + "/delete", Map.of("_csrf", token));
        assertThat(foreign.statusCode()).isEqualTo(302);
        String page = browser.get("/plans/" + own.id()).body();
        assertThat(page).contains("không có gì bị xoá").doesNotContain("Đã lưu kế hoạch.");
        assertThat(jdbc.sql("select count(*) from plan_row where id = :r").param("r", otherRow).query(Long.class).single()).isEqualTo(1L);

        browser.postForm("/plans/" + own.id() + "/rows/" + ownRow + "/delete", Map.of("_csrf", token));
        assertThat(browser.get("/plans/" + own.id()).body()).contains("Đã xoá dòng khỏi lịch công tác.");
        assertThat(jdbc.sql("select count(*) from plan_row where id = :r").param("r", ownRow).query(Long.class).single()).isZero();
    }
}
