package vn.xhht.centre;

import java.net.CookieManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The centre's own words for residents: opening hours and how to join each club, saved at once, guarded by version. */
@XhhtIntegrationTest
class CentrePublicInfoTest {

    @LocalServerPort
    int port;
    @Autowired
    CentrePublicInfo info;
    @Autowired
    CentreRecords records;
    @Autowired
    CentreRegistry centres;
    @Autowired
    JdbcClient jdbc;

    long canYen() {
        return centres.ofCommune(TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01")).orElseThrow().id();
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    static String version(String html) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void theCentreSavesHoursAndHowToJoinAtOnceAndResidentsReadThem() {
        var director = TestUsers.load(jdbc, "xa.canyen");
        long c = canYen();
        String t = tag();
        long club = records.addClub(director, c, "CLB Hát then " + t, "Văn nghệ", null);
        Http h = Http.session(port, new CookieManager());
        assertThat(h.login("xa.canyen", "xhht-demo")).doesNotContain("error");
        String page = h.get("/centres/" + c + "/public-info").body();
        assertThat(page).contains("CLB Hát then " + t).contains("id=\"join-" + club + "\"");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf(page));
        form.put("version", version(page));
        form.put("openingHours", "Thứ Hai – Thứ Sáu, 7 giờ 30 – 17 giờ " + t);
        form.put("join-" + club, "Đăng ký với chị Lục Thị Hoa tại nhà văn hoá xóm " + t);
        var saved = h.postForm("/centres/" + c + "/public-info", form);
        assertThat(saved.statusCode()).isEqualTo(302);

        String publicPage = Http.anonymous(port).get("/public/centres/" + c).body();
        assertThat(publicPage).contains("7 giờ 30 – 17 giờ " + t).contains("nhà văn hoá xóm " + t);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'Club' and entity_id = :id and action = 'UPDATE'")
                .param("id", String.valueOf(club)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTooLongTextIsRefusedNextToItsFieldAndWhatWasTypedStays() {
        var director = TestUsers.load(jdbc, "xa.canyen");
        long c = canYen();
        String t = tag();
        long club = records.addClub(director, c, "CLB Cờ tướng " + t, null, null);
        String before = jdbc.sql("select opening_hours from centre where id = :c").param("c", c).query(String.class).optional().orElse(null);
        Http h = Http.session(port, new CookieManager());
        h.login("xa.canyen", "xhht-demo");
        String page = h.get("/centres/" + c + "/public-info").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf(page));
        form.put("version", version(page));
        form.put("openingHours", "Sáng thứ Bảy " + t);
        form.put("join-" + club, "x".repeat(501));
        var r = h.postForm("/centres/" + c + "/public-info", form);
        assertThat(r.statusCode()).isEqualTo(200);
        String field = r.body().substring(r.body().indexOf("id=\"join-" + club + "\""));
        assertThat(field.substring(0, field.indexOf("</div>"))).contains("Tối đa 500 ký tự");
        assertThat(r.body()).contains("Sáng thứ Bảy " + t);
        assertThat(jdbc.sql("select opening_hours from centre where id = :c").param("c", c).query(String.class).optional().orElse(null))
                .isEqualTo(before);
    }

    @Test
    void aConcurrentSaveIsRefusedInVietnameseAndOverwritesNothing() {
        var director = TestUsers.load(jdbc, "xa.canyen");
        long c = canYen();
        String t = tag();
        Http h = Http.session(port, new CookieManager());
        h.login("xa.canyen", "xhht-demo");
        String page = h.get("/centres/" + c + "/public-info").body();
        String stale = version(page);
        // someone else saves first
        info.save(director, c, new CentrePublicInfo.Form("Buổi tối " + t, Map.of(), centres.find(c).orElseThrow().version()));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf(page));
        form.put("version", stale);
        form.put("openingHours", "Cả tuần " + t);
        var r = h.postForm("/centres/" + c + "/public-info", form);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Người khác vừa lưu thay đổi").contains("Cả tuần " + t);
        assertThat(jdbc.sql("select opening_hours from centre where id = :c").param("c", c).query(String.class).single()).isEqualTo("Buổi tối " + t);
    }

    @Test
    void aClubOfAnotherCentreAndAReaderWithoutRightsAreRefused() {
        var director = TestUsers.load(jdbc, "xa.canyen");
        var province = TestUsers.load(jdbc, "so.caobang");
        long c = canYen();
        long other = centres.ofCommune(TestUsers.unitId(jdbc, "01438", OrgUnit.COMMUNE, "2025-07-01")).orElseThrow().id();
        long foreignClub = records.addClub(province, other, "CLB Khác " + tag(), null, null);
        long version = centres.find(c).orElseThrow().version();
        assertThatThrownBy(() -> info.save(director, c, new CentrePublicInfo.Form(null, Map.of(foreignClub, "Ghi đè"), version)))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("clubs"));
        assertThat(jdbc.sql("select count(*) from club where id = :k and how_to_join is not null").param("k", foreignClub).query(Long.class).single())
                .isZero();
        // Cần Yên's director cannot write the other commune's centre
        assertThatThrownBy(() -> info.save(director, other, new CentrePublicInfo.Form("x", Map.of(), centres.find(other).orElseThrow().version())))
                .isInstanceOfAny(AccessDeniedProblem.class);
        assertThatThrownBy(() -> info.save(director, c, new CentrePublicInfo.Form("x", Map.of(), version - 1)))
                .isInstanceOf(ConcurrentEditProblem.class);
    }
}
