package vn.xhht.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

/**
 * Commune attributes as dated data: a value holds for its period, filters read the value in force on the date asked,
 * overlapping periods and periods beyond the commune's life are refused, a .csv file is saved whole or not at all.
 */
@XhhtIntegrationTest
class UnitAttributesTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    UnitAttributes attributes;
    @LocalServerPort
    int port;

    /** A commune of 2019–2025 no other test gave attributes to (the database is shared), with its district. */
    private record Commune(long id, String code, long districtId) {
    }

    private Commune freshCommune() {
        return jdbc.sql("""
                select u.id, u.code, u.parent_id from org_unit u
                where u.level = 3 and u.valid_to = date '2025-06-30' and (u.valid_from is null or u.valid_from <= date '2019-01-01')
                  and not exists (select 1 from unit_attribute a join org_unit s on s.id = a.unit_id where s.parent_id = u.parent_id)
                order by random() limit 1
                """).query((rs, n) -> new Commune(rs.getLong(1), rs.getString(2), rs.getLong(3))).single();
    }

    private static UnitAttributes.Input input(String code, String attribute, String value, LocalDate from, LocalDate to) {
        return new UnitAttributes.Input(code, attribute, value, from, to, "861/QĐ-TTg ngày 04/6/2021", "SECONDARY", "bản sao trên mạng");
    }

    @Test
    void filtersReadTheValueInForceOnTheDateAsked() {
        var admin = TestUsers.load(jdbc, "admin");
        Commune c = freshCommune();
        attributes.add(admin, input(c.code(), "BORDER", "true", LocalDate.of(2021, 6, 4), LocalDate.of(2025, 6, 30)));
        attributes.add(admin, input(c.code(), "EM_REGION", "III", LocalDate.of(2021, 6, 4), LocalDate.of(2025, 6, 30)));
        attributes.add(admin, input(c.code(), "EM_REGION", "II", LocalDate.of(2019, 1, 1), LocalDate.of(2021, 6, 3)));

        assertThatThrownBy(() -> attributes.add(admin, input(c.code(), "BORDER", "false", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))))
                .isInstanceOfSatisfying(InvalidInputProblem.class,
                        e -> assertThat(e.violations()).extracting(InvalidInputProblem.Violation::messageKey).containsExactly("unitAttr.overlap"));
        // the commune ended on 30/06/2025: a value cannot run on without an end
        assertThatThrownBy(() -> attributes.add(admin, input(c.code(), "ISLAND", "false", LocalDate.of(2022, 1, 1), null)))
                .isInstanceOfSatisfying(InvalidInputProblem.class,
                        e -> assertThat(e.violations()).extracting(InvalidInputProblem.Violation::field).containsExactly("validTo"));
        assertThatThrownBy(() -> attributes.add(admin, input(c.code(), "ZONE", "MOUNTAIN", LocalDate.of(2022, 1, 1), LocalDate.of(2022, 2, 1))))
                .isInstanceOfSatisfying(InvalidInputProblem.class,
                        e -> assertThat(e.violations()).extracting(InvalidInputProblem.Violation::field).containsExactly("value"));
        var officer = TestUsers.load(jdbc, "xa.canyen");
        assertThatThrownBy(() -> attributes.add(officer, input(c.code(), "ZONE", "HIGHLAND", LocalDate.of(2022, 1, 1), LocalDate.of(2022, 2, 1))))
                .isInstanceOf(AccessDeniedProblem.class);

        Http api = Http.basic(port, "admin", "xhht-demo");
        String base = "/api/v1/org-units?level=3&parentId=" + c.districtId();
        String in2022 = api.get(base + "&date=2022-01-01&border=true&emRegion=III").body();
        assertThat(in2022).contains("\"id\":" + c.id() + ",", "\"attribute\":\"BORDER\"", "Xã biên giới: có", "861/QĐ-TTg ngày 04/6/2021");
        assertThat(api.get(base + "&date=2020-06-01&border=true").body()).doesNotContain("\"id\":" + c.id() + ",");
        assertThat(api.get(base + "&date=2020-06-01&emRegion=II").body()).contains("\"id\":" + c.id() + ",");
        assertThat(api.get(base + "&date=2022-01-01&emRegion=II").body()).doesNotContain("\"id\":" + c.id() + ",");
        // not known is not "no"
        assertThat(api.get(base + "&date=2022-01-01&especiallyDifficult=false").body()).doesNotContain("\"id\":" + c.id() + ",");
        HttpResponse<String> bad = api.get(base + "&date=2022-01-01&zone=MOUNTAIN");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("zone");

        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'UnitAttribute' and unit_id = :u")
                .param("u", c.id()).query(Long.class).single()).isEqualTo(3);
        // the trail is read by people: the attribute in words, never its code
        assertThat(jdbc.sql("select summary from audit_event where entity_type = 'UnitAttribute' and unit_id = :u order by id limit 1")
                .param("u", c.id()).query(String.class).single()).contains("xã biên giới: có từ 04/06/2021").doesNotContain("BORDER", "true");
    }

    @Test
    void aFileIsSavedWholeOrNotAtAll() {
        var admin = TestUsers.load(jdbc, "admin");
        Commune c = freshCommune();
        String header = "ma_xa,thuoc_tinh,gia_tri,tu_ngay,den_ngay,can_cu,muc_do_chac_chan,nguon\n";
        String good = c.code() + ",bien_gioi,co,04/06/2021,30/06/2025,\"861/QĐ-TTg, phụ lục\",nguon_thu_cap,\n";
        String overlapping = c.code() + ",bien_gioi,khong,01/01/2024,31/12/2024,861/QĐ-TTg,nguon_thu_cap,\n";
        String badValue = c.code() + ",vung,cao_nguyen,01/01/2022,31/12/2022,861/QĐ-TTg,nguon_thu_cap,\n";
        var refused = attributes.importCsv(admin, stream(header + good + overlapping + badValue));
        assertThat(refused.saved()).isZero();
        assertThat(refused.errors()).extracting(UnitAttributes.LineError::line).containsExactly(3, 4);
        assertThat(rows(c.id())).isZero();

        String zone = c.code() + ",vung,mien_nui,01/01/2019,30/06/2025,QĐ 33/2020/QĐ-TTg,chua_chac_chan,\n";
        var saved = attributes.importCsv(admin, stream(header + good + zone));
        assertThat(saved.errors()).isEmpty();
        assertThat(saved.saved()).isEqualTo(2);
        assertThat(rows(c.id())).isEqualTo(2);
        assertThat(jdbc.sql("select legal_basis from unit_attribute where unit_id = :u and attribute = 'BORDER'").param("u", c.id())
                .query(String.class).single()).isEqualTo("861/QĐ-TTg, phụ lục");
    }

    @Test
    void theAdministratorsScreenKeepsWhatWasTyped() {
        Http browser = Http.session(port, new java.net.CookieManager());
        browser.login("admin", "xhht-demo");
        HttpResponse<String> page = browser.get("/admin/unit-attributes?date=2022-01-01&attribute=BORDER");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Thuộc tính của xã theo thời gian", "unit-attribute-form", "ma_xa,thuoc_tinh");
        String token = browser.csrfToken("/admin/unit-attributes");
        HttpResponse<String> refused = browser.postForm("/admin/unit-attributes", Map.of("_csrf", token, "unitCode", "99999x",
                "attribute", "BORDER", "value", "true", "validFrom", "2022-01-01", "legalBasis", "Quyết định thử 12/QĐ", "certainty", "VERIFIED"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Không có xã mã 99999x vào ngày 01/01/2022", "Quyết định thử 12/QĐ");

        Http officer = Http.session(port, new java.net.CookieManager());
        officer.login("xa.canyen", "xhht-demo");
        assertThat(officer.get("/admin/unit-attributes").statusCode()).isEqualTo(403);
    }

    private long rows(long unitId) {
        return jdbc.sql("select count(*) from unit_attribute where unit_id = :u").param("u", unitId).query(Long.class).single();
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
