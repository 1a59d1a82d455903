package vn.xhht.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.UnitAttributeFilter;
import vn.xhht.shared.VietnamClock;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

/**
 * The national centre list is paged in the database: a page holds the same rows, with the same figures, as the same
 * stretch of the whole list, and the API pages the same order.
 */
@XhhtIntegrationTest
class CentreListPagingTest {

    @Autowired
    CentreRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    VietnamClock clock;
    @LocalServerPort
    int port;

    @Test
    void aPageIsTheSameStretchOfTheWholeList() {
        var admin = TestUsers.load(jdbc, "admin");
        LocalDate today = clock.today();
        LocalDate from = today.withDayOfYear(1);
        CentreRegistry.Page first = registry.page(admin, today, from, today, null, UnitAttributeFilter.NONE, 0, 50);
        CentreRegistry.Page second = registry.page(admin, today, from, today, null, UnitAttributeFilter.NONE, 50, 50);
        List<CentreRegistry.Row> whole = registry.list(admin, today, from, today, null, 100);
        assertThat(first.rows()).hasSize(50);
        assertThat(first.total()).isGreaterThan(100).isEqualTo(second.total());
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        assertThat(second.first()).isEqualTo(51);
        assertThat(first.rows()).isEqualTo(whole.subList(0, 50));
        assertThat(second.rows()).isEqualTo(whole.subList(50, 100));

        Http api = Http.basic(port, "admin", "xhht-demo");
        List<String> ids20 = ids(api.get("/api/v1/centres?limit=20").body());
        List<String> ids10 = ids(api.get("/api/v1/centres?limit=10&offset=10").body());
        assertThat(ids20).hasSize(20);
        assertThat(ids10).isEqualTo(ids20.subList(10, 20));
        assertThat(api.get("/api/v1/centres?limit=0").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/centres?offset=-1").body()).contains("offset");

        Http browser = Http.session(port, new java.net.CookieManager());
        browser.login("admin", "xhht-demo");
        String page2 = browser.get("/centres?offset=100").body();
        assertThat(page2).contains("Trung tâm 101–200 trong", "centre-prev", "centre-next");
    }

    private static List<String> ids(String json) {
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),").matcher(json);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
