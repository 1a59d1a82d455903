package vn.xhht.dashboard;

import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.evaluation.EvaluationService;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.plan.PlanService;
import vn.xhht.platform.HomeAlert;
import vn.xhht.platform.HomeAlertSource;
import vn.xhht.reporting.ReportDeadlines;
import vn.xhht.reporting.ReportEntry;
import vn.xhht.reporting.ReportService;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home of every demo role on real data: what waits for the user (plans, reports, dossiers; every kind of home
 * alert that a module's {@link HomeAlertSource} produces, rendered with all its arguments), the key figures, the
 * ended district's banner, and no link to a unit the user may not open.
 */
@XhhtIntegrationTest
class RoleHomesTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    /** What an unresolved or badly resolved message looks like on a page. */
    static final List<String> BROKEN = List.of("[Ljava", "{0", "{1", "{2", "??", "Đã có lỗi xảy ra");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportService reports;
    @Autowired
    ReportEntry reportEntry;
    @Autowired
    ReportDeadlines reportDeadlines;
    @Autowired
    PlanService plans;
    @Autowired
    EvaluationService evaluations;
    @Autowired
    List<HomeAlertSource> alertSources;
    @Autowired
    MessageSource messages;

    HomeFixture fixture;
    long canYen;
    long caoBang;

    @AfterEach
    void removeWhatThisTestMade() {
        if (fixture != null) {
            fixture.clean();
        }
    }

    void everyKindOfAlert() {
        fixture = new HomeFixture(jdbc, reports, reportEntry, reportDeadlines, plans, evaluations);
        fixture.create();
        canYen = fixture.canYen;
        caoBang = fixture.caoBang;
    }

    static Http signedIn(int port, String user) {
        Http http = Http.session(port, new CookieManager());
        http.login(user, "xhht-demo");
        return http;
    }

    static String page(Http http, String path) {
        HttpResponse<String> r = http.get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        for (String bad : BROKEN) {
            assertThat(r.body()).as(path + " shows " + bad).doesNotContain(bad);
        }
        return r.body();
    }

    static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replace("&ndash;", "–").replace("&#39;", "'").replaceAll("\\s+", " ");
    }

    @Test
    void everyKindOfHomeAlertRendersWithItsArgumentsOnTheHomeOfWhoOwesIt() {
        everyKindOfAlert();
        var xa = TestUsers.load(jdbc, "xa.canyen");
        var so = TestUsers.load(jdbc, "so.caobang");
        Set<String> kinds = new LinkedHashSet<>();
        List<HomeAlert> all = new ArrayList<>();
        for (var user : List.of(xa, so)) {
            for (HomeAlertSource s : alertSources) {
                all.addAll(s.alertsFor(user, TODAY));
            }
        }
        all.forEach(a -> kinds.add(a.messageKey()));
        // every kind of alert the modules produce is in the fixture
        assertThat(kinds).contains("report.alert.toReview", "report.alert.overdue", "report.alert.due", "report.alert.reminded",
                "evaluation.alert.overdue", "evaluation.alert.soon");
        for (HomeAlert a : all) {
            for (Locale l : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
                String t = messages.getMessage(a, l);
                assertThat(t).as(a.messageKey()).doesNotContain("[Ljava").doesNotContain("{");
            }
        }

        // the province officer: 200, the submitted report and the plan listed to review, the count of reports
        String soHome = text(page(signedIn(port, "so.caobang"), "/"));
        assertThat(soHome).contains("báo cáo đã nộp đang chờ đơn vị duyệt")
                .containsPattern("Duyệt báo cáo: [^–]+ – Quý [IV]+/\\d{4}, Xã Cần Yên")
                .contains("Duyệt kế hoạch: Xã Cần Yên " + (TODAY.getYear() + 1));
        // the commune: every alert with its arguments, deadlines in working days
        String xaHtml = page(signedIn(port, "xa.canyen"), "/");
        String xaHome = text(xaHtml);
        assertThat(xaHome).containsPattern("Quá hạn nộp [^\\[{]+ – Quý [IV]+/\\d{4} \\(hạn \\d{2}/\\d{2}/\\d{4}\\)")
                .containsPattern("Sắp đến hạn nộp [^\\[{]+ – Năm \\d{4}: hạn \\d{2}/\\d{2}/\\d{4}")
                .containsPattern("Cấp trên nhắc nộp [^\\[{]+ – Quý I/\\d{4}")
                .contains("Nộp hồ sơ: Xã Cần Yên " + (TODAY.getYear() - 1))
                .containsPattern("quá hạn \\d+ ngày làm việc \\(hạn 28/02/" + TODAY.getYear() + "\\)")
                .containsPattern("Nộp hồ sơ: Xã Cần Yên " + TODAY.getYear() + " (còn \\d ngày làm việc|hạn hôm nay)");
        // "Ghi nhận hoạt động" comes first, before the to-do list, and the module cards after it
        assertThat(xaHtml.indexOf("id=\"record-activity\"")).isPositive().isLessThan(xaHtml.indexOf("id=\"todo\""));
        assertThat(xaHtml.indexOf("id=\"todo\"")).isLessThan(xaHtml.indexOf("id=\"modules\""));
    }

    @Test
    void eachRoleHomeSaysWhatToDoAndShowsItsFigures() {
        canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        for (String user : List.of("admin", "so.caobang", "pgd.haquang", "xa.canyen", "hkh.caobang")) {
            String html = page(signedIn(port, user), "/");
            String t = text(html);
            assertThat(t).as(user).contains("Việc đang chờ bạn").contains("Lượt người tham gia").contains("Cùng kỳ năm trước")
                    .contains("Lượt người tham gia 6 tháng gần đây").contains("Các chức năng");
            assertThat(html).as(user).contains("id=\"home-chart\"").doesNotContain("<script>").doesNotContain(" style=\"");
            assertThat(Pattern.compile("class=\"hbar\"").matcher(html).results().count()).as(user).isEqualTo(6);
        }
        // each role's main work first among the module cards
        assertThat(firstTile(page(signedIn(port, "hkh.caobang"), "/"))).isEqualTo("/evaluations");
        assertThat(firstTile(page(signedIn(port, "so.caobang"), "/"))).isEqualTo("/plans/board");
        assertThat(firstTile(page(signedIn(port, "xa.canyen"), "/"))).isEqualTo("/centres/mine");
        assertThat(firstTile(page(signedIn(port, "admin"), "/"))).isEqualTo("/admin/users");
        String hkh = page(signedIn(port, "hkh.caobang"), "/");
        assertThat(hkh.indexOf("id=\"go-evaluate\"")).isPositive().isLessThan(hkh.indexOf("id=\"todo\""));
        assertThat(hkh).doesNotContain("id=\"record-activity\"");
    }

    static String firstTile(String html) {
        int at = html.indexOf("id=\"modules\"");
        Matcher m = Pattern.compile("<a class=\"card\" href=\"([^\"]+)\"").matcher(html.substring(at));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void theEndedDistrictSaysSoOnEveryPageAndShowsItsLastQuarter() {
        Http pgd = signedIn(port, "pgd.haquang");
        for (String path : List.of("/", "/centres", "/activities/summary", "/reports", "/plans/board")) {
            String t = text(page(pgd, path));
            assertThat(t).as(path).contains("Đơn vị đã kết thúc ngày 30/06/2025 — dữ liệu lịch sử, chỉ xem.").containsPattern("Đơn vị tiếp nhận: Xã ");
        }
        String centres = text(page(pgd, "/centres"));
        assertThat(centres).contains("quý cuối cùng của đơn vị").doesNotContain("Không tìm thấy đơn vị nào")
                .contains("Trung tâm học tập cộng đồng xã Cần Nông");
        // the summary opens on the district's last quarter, not on the zeros of today's quarter
        assertThat(page(pgd, "/activities/summary")).contains("name=\"from\" value=\"2025-04-01\"");
        // a unit still valid has no banner
        assertThat(page(signedIn(port, "xa.canyen"), "/")).doesNotContain("id=\"closed-unit\"");
    }

    @Test
    void breadcrumbsAndDrillUpsLinkOnlyToUnitsTheUserMayOpen() {
        canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        long haQuang = TestUsers.unitId(jdbc, "045", OrgUnit.DISTRICT, "2025-06-30");
        Map<String, List<String>> pages = Map.of(
                "xa.canyen", List.of("/units/" + canYen, "/literacy?unitId=" + canYen),
                "pgd.haquang", List.of("/units/" + haQuang, "/literacy?unitId=" + haQuang),
                "hkh.caobang", List.of("/units/" + caoBang, "/literacy?unitId=" + caoBang));
        int checked = 0;
        for (var e : pages.entrySet()) {
            Http http = signedIn(port, e.getKey());
            for (String path : e.getValue()) {
                String html = page(http, path);
                Matcher m = Pattern.compile("href=\"(/(?:units/\\d+|literacy\\?unitId=\\d+)[^\"]*)\"").matcher(html);
                Set<String> links = new LinkedHashSet<>();
                while (m.find()) {
                    links.add(m.group(1).replace("&amp;", "&"));
                }
                // breadcrumbs come first on the page: the first links are the ones that used to answer 403
                for (String link : links.stream().limit(6).toList()) {
                    assertThat(http.get(link).statusCode()).as(e.getKey() + ": " + path + " links to " + link).isEqualTo(200);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
        // the ancestors are still named, as text
        assertThat(text(page(signedIn(port, "xa.canyen"), "/units/" + canYen))).contains("Việt Nam").contains("Tỉnh Cao Bằng");
    }

    @Test
    void thePlanBoardOpensOnTheYearWhosePlansWait() {
        everyKindOfAlert();
        String board = page(signedIn(port, "so.caobang"), "/plans/board");
        assertThat(board).contains("id=\"year\" name=\"year\" value=\"" + (TODAY.getYear() + 1) + "\"");
        assertThat(text(board)).contains("Xã Cần Yên");
        String thisYear = page(signedIn(port, "so.caobang"), "/plans/board?year=" + TODAY.getYear());
        assertThat(text(thisYear)).contains("Có kế hoạch năm " + (TODAY.getYear() + 1) + " đang chờ duyệt.");
    }
}
