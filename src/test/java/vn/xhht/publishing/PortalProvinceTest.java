package vn.xhht.publishing;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.oversight.PublicEstablishments;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The public home lists the establishments of the province the visitor chose, and remembers the choice without login. */
@XhhtIntegrationTest
class PortalProvinceTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PublicEstablishments establishments;

    long establishment(String name, long unit) {
        return jdbc.sql("insert into ovs_establishment (kind, name, address, unit_id, status) values ('EXTRA_TEACHING', :n, 'Tổ 1', :u, 'ACTIVE') returning id")
                .param("n", name).param("u", unit).query(Long.class).single();
    }

    static String cookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("xhht_tinh=")).findFirst().orElse("");
    }

    @Test
    void theHomeListsTheChosenProvincesEstablishmentsAndRemembersTheProvince() {
        String t = UUID.randomUUID().toString().substring(0, 6);
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        long haNoi = TestUsers.unitId(jdbc, "01", OrgUnit.PROVINCE, "2025-07-01");
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long baDinh = jdbc.sql("select id from org_unit where name = 'Phường Ba Đình' and level = 3 and valid_to is null order by id limit 1")
                .query(Long.class).single();
        String inCaoBang = "A0 Lớp năng khiếu Cần Yên " + t;
        String inHaNoi = "A0 Lớp năng khiếu Ba Đình " + t;
        establishment(inCaoBang, canYen);
        establishment(inHaNoi, baDinh);
        assertThat(establishments.inProvince(caoBang, 200)).extracting(PublicEstablishments.PublicEstablishment::name)
                .contains(inCaoBang).doesNotContain(inHaNoi);

        Http visitor = Http.anonymous(port);
        HttpResponse<String> chosen = visitor.get("/public?provinceId=" + caoBang);
        assertThat(chosen.body()).contains(inCaoBang).doesNotContain(inHaNoi);
        assertThat(cookie(chosen)).startsWith("xhht_tinh=" + caoBang + ";").contains("Max-Age=").contains("HttpOnly");

        // the next visit, to the bare address, opens on the remembered province
        HttpResponse<String> next = visitor.send(visitor.request("/").header("Cookie", "xhht_tinh=" + caoBang).GET().build());
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).contains(inCaoBang).doesNotContain(inHaNoi).contains("id=\"establishments-province\"");
        assertThat(cookie(next)).isEmpty();

        // another choice replaces it; a made-up cookie value is ignored, never an error
        HttpResponse<String> other = visitor.get("/public?provinceId=" + haNoi);
        assertThat(other.body()).contains(inHaNoi).doesNotContain(inCaoBang);
        assertThat(visitor.send(visitor.request("/public").header("Cookie", "xhht_tinh=abc").GET().build()).statusCode()).isEqualTo(200);

        // choosing "no province" forgets it
        assertThat(cookie(visitor.get("/public?provinceId="))).startsWith("xhht_tinh=;").contains("Max-Age=0");
    }
}
