package vn.xhht.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

/**
 * The series of a new ward before the 2025 reform: a predecessor that went wholly into it counts whole, one split
 * across several wards counts through the hamlets assigned to it, and the rest is reported as not allocated.
 */
@XhhtIntegrationTest
class UnitSeriesTest {

    static final LocalDate OLD = LocalDate.of(2025, 6, 30);
    static final LocalDate NEW = LocalDate.of(2025, 7, 1);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    UnitSeries series;
    @Autowired
    HamletAssignments assignments;
    @Autowired
    OrgUnitDirectory directory;
    @LocalServerPort
    int port;

    private long centreOf(long communeId) {
        return jdbc.sql("select id from centre where commune_id = :c").param("c", communeId).query(Long.class).single();
    }

    private void activity(long communeId, Long hamletId, LocalDate day, int participations) {
        jdbc.sql("""
                insert into activity (centre_id, province_id, type_code, topic_code, title, start_date, end_date, hamlet_id, participations)
                select :c, u.province_id, 'THEMATIC_SESSION', 'OTHER', 'Chuỗi số liệu', :d, :d, :h, :p from org_unit u where u.id = :u
                """).param("c", centreOf(communeId)).param("d", day).param("h", hamletId).param("p", participations)
                .param("u", communeId).update();
    }

    private long hamlet(long communeId, String name) {
        long id = jdbc.sql("""
                insert into org_unit (code, name, type, level, parent_id, province_id, valid_from, valid_to, source)
                select :code, :name, 'Thôn', 4, c.id, c.province_id, null, date '2025-06-30', 'TEST' from org_unit c where c.id = :c
                returning id""").param("code", "T" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999))
                .param("name", name).param("c", communeId).query(Long.class).single();
        jdbc.sql("update org_unit set path = (select path from org_unit where id = :c) || id || '/' where id = :id")
                .param("c", communeId).param("id", id).update();
        return id;
    }

    private SeriesFigureSource.Point participations(UnitSeries.Series s, int year) {
        return s.lines().stream().filter(l -> l.figure().equals("series.participations")).findFirst().orElseThrow()
                .points().get(s.years().indexOf(year));
    }

    @Test
    void aNewWardCountsItsWholePredecessorsAndTheHamletsAssignedToIt() {
        var admin = TestUsers.load(jdbc, "admin");
        LocalDate today = LocalDate.of(2026, 12, 3);
        int year = 2019 + ThreadLocalRandom.current().nextInt(0, 6);
        LocalDate day = LocalDate.of(year, 5, 1 + ThreadLocalRandom.current().nextInt(0, 28));
        long baDinh = directory.findByCode("00004", OrgUnit.COMMUNE, NEW).orElseThrow().id();
        long trucBach = directory.findByCode("00004", OrgUnit.COMMUNE, OLD).orElseThrow().id();   // FULL into Ba Đình
        long ngocHa = directory.findByCode("00016", OrgUnit.COMMUNE, OLD).orElseThrow().id();     // split
        assertThat(assignments.successorsToChoose(ngocHa)).extracting(s -> s.unit().id()).contains(baDinh);
        long otherSuccessor = assignments.successorsToChoose(ngocHa).stream().map(s -> s.unit().id())
                .filter(id -> id != baDinh).findFirst().orElseThrow();
        long toBaDinh = hamlet(ngocHa, "Tổ chuỗi A " + day);
        long toOther = hamlet(ngocHa, "Tổ chuỗi B " + day);

        UnitSeries.Series before = series.of(admin, baDinh, 2019, 2026, today);
        activity(trucBach, null, day, 40);
        activity(ngocHa, toBaDinh, day, 7);
        activity(ngocHa, toOther, day, 100);
        activity(ngocHa, null, day, 5);
        assignments.assign(admin, ngocHa, List.of(new HamletAssignments.Choice(toBaDinh, baDinh, -1),
                new HamletAssignments.Choice(toOther, otherSuccessor, -1)), "1656/NQ-UBTVQH15");
        UnitSeries.Series after = series.of(admin, baDinh, 2019, 2026, today);

        var b = participations(before, year);
        var a = participations(after, year);
        long base = b.value() == null ? 0 : b.value();
        assertThat(a.value()).isEqualTo(base + 40 + 7);
        assertThat(a.fromPredecessors() - b.fromPredecessors()).isEqualTo(47);
        // the ward's own hamlet-less row of the split predecessor, and nothing of the other successor's hamlet
        assertThat(a.notAllocated() - b.notAllocated()).isEqualTo(5);

        var other = participations(series.of(admin, otherSuccessor, year, year, today), year);
        assertThat(other.value()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void blankYearsStayBlankAndYearsOutsideTheHistoryAreRefused() {
        var admin = TestUsers.load(jdbc, "admin");
        LocalDate today = LocalDate.of(2026, 12, 3);
        long hoangSa = directory.findByCode("498", OrgUnit.DISTRICT, OLD).orElseThrow().id();
        UnitSeries.Series s = series.of(admin, hoangSa, 2019, 2020, today);
        assertThat(s.lines()).allSatisfy(l -> assertThat(l.points()).allSatisfy(p -> assertThat(p.value()).isNull()));
        assertThatThrownBy(() -> series.of(admin, hoangSa, 2018, 2020, today)).isInstanceOf(InvalidInputProblem.class);
        assertThatThrownBy(() -> series.of(admin, hoangSa, 2021, 2020, today)).isInstanceOf(InvalidInputProblem.class);
    }

    @Test
    void thePageTheWorkbookAndTheApiAnswerInVietnamese() {
        long canYen = directory.findByCode("01366", OrgUnit.COMMUNE, NEW).orElseThrow().id();
        Http director = Http.basic(port, "xa.canyen", "xhht-demo");
        Http browser = Http.session(port, new java.net.CookieManager());
        browser.login("xa.canyen", "xhht-demo");
        HttpResponse<String> page = browser.get("/units/" + canYen + "/series");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Số liệu qua các năm", "Lượt người tham gia", "series-chart");
        HttpResponse<byte[]> xlsx = browser.getBytes("/units/" + canYen + "/series.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("chuoi-so-lieu-Xa-Can-Yen");
        HttpResponse<String> api = director.get("/api/v1/org-units/" + canYen + "/series?fromYear=2024&toYear=2025");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"years\":[2024,2025]", "Lượt người tham gia");
        HttpResponse<String> bad = director.get("/api/v1/org-units/" + canYen + "/series?fromYear=2010");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("fromYear");
        assertThat(browser.get("/units/" + canYen + "/series?fromYear=2010").body()).contains("Năm phải từ 2019");
    }
}
