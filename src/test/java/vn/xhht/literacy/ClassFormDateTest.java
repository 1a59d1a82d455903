package vn.xhht.literacy;

import java.net.CookieManager;
import java.net.http.HttpResponse;
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

/** endDate=2026-02-30 on the class form is a message next to the field; no class is created without it. */
@XhhtIntegrationTest
class ClassFormDateTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anImpossibleEndDateIsAFieldErrorAndCreatesNothing() {
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        String name = "Lớp ngày sai " + System.nanoTime();
        Http browser = Http.session(port, new CookieManager());
        browser.login("xa.canyen", "xhht-demo");
        String token = browser.csrfToken("/literacy/classes?unitId=" + canYen);
        HttpResponse<String> r = browser.postForm("/literacy/classes", Map.of("_csrf", token, "unitId", String.valueOf(canYen),
                "programme", "XMC_STAGE1", "name", name, "startDate", "2026-01-05", "endDate", "2026-02-30"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Ngày không hợp lệ");
        assertThat(jdbc.sql("select count(*) from lit_class where name = :n").param("n", name).query(Long.class).single()).isZero();
    }
}
