package vn.xhht.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

/**
 * One attribute filter (orgunit.UnitAttributeFilter over xhht_unit_attributes_match) serves the unit API, the unit tree,
 * the centre list and its API, and the literacy commune list: two communes of one province, both border communes since
 * 1/7/2025, one highland and one lowland; asking for "border and highland" finds the first only, everywhere.
 */
@XhhtIntegrationTest
class UnitAttributeFilterTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    UnitAttributes attributes;
    @LocalServerPort
    int port;

    private record Commune(long id, String code, String name, long provinceId, String centre) {
    }

    /** Two communes of today's structure, of one province where no commune has an attribute yet (the database is shared). */
    private List<Commune> freshPair() {
        return jdbc.sql("""
                with p as (
                    select pr.id from org_unit pr
                    where pr.level = 1 and pr.valid_to is null
                      and not exists (select 1 from unit_attribute a join org_unit s on s.id = a.unit_id where s.parent_id = pr.id)
                      and (select count(*) from org_unit c join centre ce on ce.commune_id = c.id
                           where c.parent_id = pr.id and c.level = 3 and c.valid_to is null) >= 2
                    order by random() limit 1
                )
                select c.id, c.code, c.name, c.parent_id, ce.name as centre from org_unit c join p on c.parent_id = p.id
                join centre ce on ce.commune_id = c.id
                where c.level = 3 and c.valid_to is null order by c.code limit 2
                """).query((rs, n) -> new Commune(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
                .list();
    }

    private void set(Commune c, String attribute, String value) {
        attributes.add(TestUsers.load(jdbc, "admin"), new UnitAttributes.Input(c.code(), attribute, value,
                LocalDate.of(2025, 7, 1), null, "Quyết định thử 7/QĐ-UBND", "UNCERTAIN", null));
    }

    @Test
    void oneFilterKeepsTheSameCommunesInEveryList() {
        List<Commune> pair = freshPair();
        Commune highland = pair.get(0);
        Commune lowland = pair.get(1);
        set(highland, "BORDER", "true");
        set(highland, "ZONE", "HIGHLAND");
        set(lowland, "BORDER", "true");
        set(lowland, "ZONE", "LOWLAND");
        String both = "border=true&zone=HIGHLAND";

        Http api = Http.basic(port, "admin", "xhht-demo");
        String units = api.get("/api/v1/org-units?level=3&parentId=" + highland.provinceId() + "&" + both).body();
        assertThat(units).contains("\"id\":" + highland.id() + ",", "\"attribute\":\"ZONE\"").doesNotContain("\"id\":" + lowland.id() + ",");
        assertThat(api.get("/api/v1/org-units?level=3&parentId=" + highland.provinceId() + "&border=true").body())
                .contains("\"id\":" + highland.id() + ",", "\"id\":" + lowland.id() + ",");
        // not known is not "no": neither commune has a recorded "especially difficult" value
        assertThat(api.get("/api/v1/org-units?level=3&parentId=" + highland.provinceId() + "&especiallyDifficult=false").body())
                .doesNotContain("\"id\":" + highland.id() + ",", "\"id\":" + lowland.id() + ",");

        String centres = api.get("/api/v1/centres?q=" + enc(highland.name()) + "&" + both).body();
        assertThat(centres).contains(highland.centre());
        assertThat(api.get("/api/v1/centres?q=" + enc(lowland.name()) + "&" + both).body()).doesNotContain(lowland.centre());
        assertThat(api.get("/api/v1/centres?q=" + enc(lowland.name()) + "&border=true&zone=LOWLAND").body()).contains(lowland.centre());
        HttpResponse<String> bad = api.get("/api/v1/centres?zone=NUI");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("zone");

        String lit = api.get("/api/v1/literacy/indicators/communes?unitId=" + highland.provinceId() + "&" + both).body();
        assertThat(lit).contains("\"unitId\":" + highland.id() + ",").doesNotContain("\"unitId\":" + lowland.id() + ",");

        Http browser = Http.session(port, new java.net.CookieManager());
        browser.login("admin", "xhht-demo");
        String tree = browser.get("/units?" + both).body();
        assertThat(tree).contains("/units/" + highland.id() + "?", "Vùng: miền núi, vùng cao", "filtered-count")
                .doesNotContain("/units/" + lowland.id() + "?");
        String page = browser.get("/centres?" + both).body();
        assertThat(page).contains(highland.centre()).doesNotContain(lowland.centre());
        String literacy = browser.get("/literacy?unitId=" + highland.provinceId() + "&" + both).body();
        assertThat(literacy).contains("unitId=" + highland.id() + "&").doesNotContain("unitId=" + lowland.id() + "&");
        // a bad value in a page is shown next to its field, and the list is not filtered by it
        HttpResponse<String> refused = browser.get("/centres?zone=NUI&q=" + enc(lowland.name()));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Vùng phải là", lowland.centre());
    }

    @Test
    void theUnitPageShowsEveryDatedValueWithItsBasisAndCertainty() {
        long commune = jdbc.sql("""
                select u.id from org_unit u
                where u.level = 3 and u.valid_to = date '2025-06-30' and (u.valid_from is null or u.valid_from <= date '2019-01-01')
                  and not exists (select 1 from unit_attribute a where a.unit_id = u.id)
                order by random() limit 1
                """).query(Long.class).single();
        String code = jdbc.sql("select code from org_unit where id = :u").param("u", commune).query(String.class).single();
        var admin = TestUsers.load(jdbc, "admin");
        attributes.add(admin, new UnitAttributes.Input(code, "EM_REGION", "II", LocalDate.of(2019, 1, 1), LocalDate.of(2021, 6, 3),
                "Quyết định thử 103/QĐ-TTg", "SECONDARY", "trang văn bản pháp luật"));
        attributes.add(admin, new UnitAttributes.Input(code, "EM_REGION", "III", LocalDate.of(2021, 6, 4), LocalDate.of(2025, 6, 30),
                "Quyết định thử 861/QĐ-TTg", "VERIFIED", null));

        Http browser = Http.session(port, new java.net.CookieManager());
        browser.login("admin", "xhht-demo");
        String page = browser.get("/units/" + commune + "?date=2020-05-01").body();
        assertThat(page).contains("Thuộc tính của xã qua các thời kỳ", "Quyết định thử 103/QĐ-TTg", "Quyết định thử 861/QĐ-TTg",
                "01/01/2019 – 03/06/2021", "04/06/2021 – 30/06/2025", "khu vực III",
                "chưa chắc chắn — theo nguồn thứ cấp", "(trang văn bản pháp luật)", "đã kiểm chứng theo văn bản gốc",
                "có hiệu lực ngày 01/05/2020").doesNotContain("SECONDARY", "EM_REGION");
        // the value in force is marked on the row of its period only
        String table = page.substring(page.indexOf("attribute-history-table"), page.indexOf("</table>", page.indexOf("attribute-history-table")));
        assertThat(table.indexOf("có hiệu lực ngày")).isGreaterThan(table.indexOf("Quyết định thử 861/QĐ-TTg"));
        // a commune with nothing recorded says "not known", never "no"
        long bare = jdbc.sql("""
                select u.id from org_unit u where u.level = 3 and u.valid_to is null
                  and not exists (select 1 from unit_attribute a where a.unit_id = u.id) order by random() limit 1
                """).query(Long.class).single();
        assertThat(browser.get("/units/" + bare).body()).contains("attribute-history-none", "đều là chưa biết");
    }

    @Test
    void aFilterIsParsedOnceWithItsFieldNamed() {
        UnitAttributeFilter f = UnitAttributeFilter.of("true", "", null, "highland", "iii");
        assertThat(f.wanted()).containsEntry(UnitAttributes.Attribute.BORDER, "true").containsEntry(UnitAttributes.Attribute.ZONE, "HIGHLAND")
                .containsEntry(UnitAttributes.Attribute.EM_REGION, "III").hasSize(3);
        assertThat(f.query()).containsKeys("border", "zone", "emRegion");
        assertThat(UnitAttributeFilter.NONE.sql("u.id", ":d")).isEqualTo("true");
        assertThatThrownBy(() -> UnitAttributeFilter.of("co", null, null, null, "IV"))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputProblem.Violation::field).containsExactly("border", "emRegion"));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
