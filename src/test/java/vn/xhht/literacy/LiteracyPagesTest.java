package vn.xhht.literacy;

import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.support.Http;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.xhht.literacy.LiteracyFixture.*;

/** Every literacy page renders in Vietnamese for the province officer; forms answer with field errors. */
@XhhtIntegrationTest
class LiteracyPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegisterImport imports;
    @Autowired
    LiteracyClasses classes;

    static Map<String, String> form(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void thePagesRenderAndFormsShowFieldErrors() throws Exception {
        Commune c = commune(jdbc, false);
        User u = officer(c.id(), true);
        assertThat(importAndWait(imports, u, c.id(), csv(
                row(c, 0, "H1", "P1", "Đàm Thị Uyên", "Nữ", "1985", "TT", "", "2", "MC")), "p.csv").status()).isEqualTo("DONE");
        long person = jdbc.sql("select id from lit_person where commune_id = :c").param("c", c.id()).query(Long.class).single();
        long classId = classes.create(u, c.id(), "XMC_STAGE1", "Lớp thử", null, null, null, LocalDate.now(vn.xhht.shared.VietnamClock.ZONE), null, null);
        long province = province(jdbc);
        long rule = jdbc.sql("select min(id) from lit_standard").query(Long.class).single();

        Http http = Http.session(port, new CookieManager());
        http.login("so.caobang", "xhht-demo");
        for (String path : new String[]{"/literacy", "/literacy?unitId=" + province, "/literacy?unitId=" + c.id(),
                "/literacy?unitId=" + c.hamlets().get(0), "/literacy/import?unitId=" + c.id(), "/literacy/persons?unitId=" + c.id() + "&q=dam",
                "/literacy/persons/" + person, "/literacy/lists?unitId=" + c.hamlets().get(0) + "&kind=BELOW3",
                "/literacy/lists?unitId=" + c.hamlets().get(0) + "&kind=MOBILISE", "/literacy/rules", "/literacy/rules/" + rule,
                "/literacy/recognitions?unitId=" + c.id(), "/literacy/classes?unitId=" + c.id(), "/literacy/classes/" + classId,
                "/literacy/template.xlsx", "/literacy/template.csv", "/literacy/sample.csv?unitId=" + c.id(),
                "/literacy/export/register.xlsx?unitId=" + c.id(), "/literacy/export/pcgd.xlsx?unitId=" + c.id(),
                "/literacy/export/indicators.xlsx?unitId=" + c.id(), "/literacy/lists.xlsx?unitId=" + c.hamlets().get(0) + "&kind=BELOW3"}) {
            HttpResponse<byte[]> r = http.getBytes(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
        }
        String page = http.get("/literacy/persons?unitId=" + c.id() + "&q=dam").body();
        assertThat(page).contains("Đàm Thị Uyên");
        assertThat(http.get("/literacy?unitId=" + province).body()).contains("Xã Thử " + c.code());

        String token = http.csrfToken("/literacy/persons/" + person);
        HttpResponse<String> bad = http.postForm("/literacy/persons/" + person, Map.of("_csrf", token, "version", "0",
                "residentStatus", "MOVED_OUT", "residentDate", ""));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Cần ngày chuyển đến / chuyển đi / mất");
        HttpResponse<String> stale = http.postForm("/literacy/persons/" + person, Map.of("_csrf", token, "version", "7",
                "residentStatus", "PRESENT"));
        assertThat(stale.statusCode()).isEqualTo(409);
        HttpResponse<String> ok = http.postForm("/literacy/persons/" + person, Map.of("_csrf", token, "version", "0",
                "residentStatus", "PRESENT", "literacyStatus", "L1", "literacyBasis", "ASSESSMENT"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(http.get("/literacy/persons/" + person).body()).contains("literacyStatus: ILLITERATE → L1");

        // a person added on screen is checked like an import row: errors on the fields, then saved
        Http officer = Http.session(port, new CookieManager());
        officer.login("so.caobang", "xhht-demo");
        String t2 = officer.csrfToken("/literacy/persons?unitId=" + c.id());
        HttpResponse<String> invalid = officer.postForm("/literacy/persons", form("_csrf", t2, "unitId", String.valueOf(c.id()),
                "hamlet", "", "householdCode", "H9", "personCode", "P9", "fullName", "Hoàng Văn Phúc", "sex", "Nam",
                "birthDate", "01/01/" + (LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).getYear() + 1), "ethnicity", "Nùng", "residentStatus", "TT"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("Hộ chưa có thôn/tổ dân phố").contains("Ngày sinh ở tương lai");
        HttpResponse<String> added = officer.postForm("/literacy/persons", form("_csrf", t2, "unitId", String.valueOf(c.id()),
                "hamlet", c.hamletCodes().get(1), "householdCode", "H9", "personCode", "P9", "fullName", "Hoàng Văn Phúc", "sex", "Nam",
                "birthDate", "01/01/1990", "ethnicity", "Nùng", "residentStatus", "TT", "highestGrade", "5"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select lit_level from lit_person where commune_id = :c and code = 'P9'").param("c", c.id()).query(Integer.class).single())
                .isEqualTo(2);

        Http hkh = Http.session(port, new CookieManager());
        hkh.login("hkh.caobang", "xhht-demo");
        assertThat(hkh.get("/literacy?unitId=" + c.id()).statusCode()).isEqualTo(200);
        assertThat(hkh.get("/literacy?unitId=" + c.id()).body()).doesNotContain("lit-list-below3");
        assertThat(hkh.get("/literacy/persons?unitId=" + c.id()).statusCode()).isEqualTo(403);
        assertThat(hkh.getBytes("/literacy/export/register.xlsx?unitId=" + c.id()).statusCode()).isEqualTo(403);
    }
}
