package vn.xhht.orgunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

/**
 * Literacy rates and recognised evaluation results in the series of a ward formed on 1/7/2025: the register read on
 * 31/12 of each year from the commune's first survey, the status a person had that day, the predecessor that went
 * wholly into the ward and the hamlet of a split one assigned to it; the rest not allocated.
 */
@XhhtIntegrationTest
class SeriesLiteracyEvaluationTest {

    static final LocalDate OLD = LocalDate.of(2025, 6, 30);
    static final LocalDate NEW = LocalDate.of(2025, 7, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

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

    private long hamlet(long communeId, String name) {
        long id = jdbc.sql("""
                insert into org_unit (code, name, type, level, parent_id, province_id, valid_from, valid_to, source)
                select :code, :name, 'Thôn', 4, c.id, c.province_id, null, date '2025-06-30', 'TEST' from org_unit c where c.id = :c
                returning id""").param("code", "T" + UUID.randomUUID().toString().substring(0, 7))
                .param("name", name).param("c", communeId).query(Long.class).single();
        jdbc.sql("update org_unit set path = (select path from org_unit where id = :c) || id || '/' where id = :id")
                .param("c", communeId).param("id", id).update();
        return id;
    }

    /** A person of the register; born 1/1/birthYear; moved in on movedIn (null: always lived there). */
    private long person(long communeId, long hamletId, int birthYear, int highestGrade, String status, LocalDate movedIn) {
        String code = "S" + UUID.randomUUID().toString().substring(0, 10);
        return jdbc.sql("""
                insert into lit_person (commune_id, province_id, hamlet_id, household_code, code, full_name, sex, birth_year, birth_key,
                       ethnicity, resident_status, moved_in_date, highest_grade, literacy_status)
                select :c, u.province_id, :h, :code, :code, 'Người thử chuỗi', 'F', :y, :y * 10000 + 101, '01',
                       case when cast(:m as date) is null then 'PRESENT' else 'MOVED_IN' end, :m, :g, :s
                from org_unit u where u.id = :c returning id
                """).param("c", communeId).param("h", hamletId).param("code", code).param("y", birthYear).param("g", highestGrade)
                .param("s", status).param("m", movedIn).query(Long.class).single();
    }

    private void round(long communeId, LocalDate day) {
        jdbc.sql("insert into lit_survey_round (unit_id, survey_date, created_by) values (:u, :d, 'test')")
                .param("u", communeId).param("d", day).update();
    }

    private SeriesFigureSource.Point point(UnitSeries.Series s, String figure, int year) {
        return s.lines().stream().filter(l -> l.figure().equals(figure)).findFirst().orElseThrow()
                .points().get(s.years().indexOf(year));
    }

    private static long n(Long v) {
        return v == null ? 0 : v;
    }

    @Test
    void literacyRatesCountTheRegisterOfEachYearInTheStructureOfThatYear() {
        var admin = TestUsers.load(jdbc, "admin");
        long baDinh = directory.findByCode("00004", OrgUnit.COMMUNE, NEW).orElseThrow().id();
        long trucBach = directory.findByCode("00004", OrgUnit.COMMUNE, OLD).orElseThrow().id();   // FULL into Ba Đình
        long ngocHa = directory.findByCode("00016", OrgUnit.COMMUNE, OLD).orElseThrow().id();     // split
        long otherSuccessor = assignments.successorsToChoose(ngocHa).stream().map(s -> s.unit().id())
                .filter(id -> id != baDinh).findFirst().orElseThrow();
        long tb = hamlet(trucBach, "Tổ biết chữ A");
        long toBaDinh = hamlet(ngocHa, "Tổ biết chữ B");
        long toOther = hamlet(ngocHa, "Tổ biết chữ C");
        long unassigned = hamlet(ngocHa, "Tổ biết chữ D");
        round(trucBach, LocalDate.of(2021, 3, 1));
        round(ngocHa, LocalDate.of(2021, 3, 1));

        UnitSeries.Series before = series.of(admin, baDinh, 2019, 2026, TODAY);
        person(trucBach, tb, 1990, 9, null, null);               // level 2
        person(trucBach, tb, 1990, 3, null, null);               // level 1 only
        long later = person(trucBach, tb, 1990, 0, "L1", null);  // illiterate in 2021, level 1 from 2022
        jdbc.sql("""
                insert into lit_person_change (person_id, field, old_value, new_value, changed_by, changed_at)
                values (:p, 'literacyStatus', 'ILLITERATE', 'L1', 'test', :at)
                """).param("p", later).param("at", OffsetDateTime.parse("2022-05-01T10:00:00+07:00")).update();
        person(trucBach, tb, 1950, 9, null, null);               // 71 in 2021: outside 15–60
        person(trucBach, tb, 1990, 9, null, LocalDate.of(2022, 2, 1)); // not resident yet on 31/12/2021
        person(ngocHa, toBaDinh, 1995, 5, null, null);           // level 2, through the hamlet assigned to Ba Đình
        person(ngocHa, toOther, 1995, 5, null, null);            // another ward's
        person(ngocHa, unassigned, 1995, 0, null, null);         // not allocated
        assignments.assign(admin, ngocHa, List.of(new HamletAssignments.Choice(toBaDinh, baDinh, -1),
                new HamletAssignments.Choice(toOther, otherSuccessor, -1)), "1656/NQ-UBTVQH15");
        UnitSeries.Series after = series.of(admin, baDinh, 2019, 2026, TODAY);

        var l1Before = point(before, "series.literacy.level1", 2021);
        var l1 = point(after, "series.literacy.level1", 2021);
        var l2Before = point(before, "series.literacy.level2", 2021);
        var l2 = point(after, "series.literacy.level2", 2021);
        assertThat(n(l1.base()) - n(l1Before.base())).isEqualTo(4);
        assertThat(n(l1.value()) - n(l1Before.value())).isEqualTo(3);
        assertThat(n(l2.value()) - n(l2Before.value())).isEqualTo(2);
        assertThat(l1.fromPredecessors() - l1Before.fromPredecessors()).isEqualTo(4);
        assertThat(l1.notAllocated() - l1Before.notAllocated()).isEqualTo(1);
        assertThat(l1.percent()).isNotNull();

        // 2022: the person who learnt to read counts at level 1, and the one who moved in is resident
        var l1y22Before = point(before, "series.literacy.level1", 2022);
        var l1y22 = point(after, "series.literacy.level1", 2022);
        assertThat(n(l1y22.base()) - n(l1y22Before.base())).isEqualTo(5);
        assertThat(n(l1y22.value()) - n(l1y22Before.value())).isEqualTo(5);

        // before the first survey of these communes nothing is read backwards from the register
        var y2020Before = point(before, "series.literacy.level1", 2020);
        var y2020 = point(after, "series.literacy.level1", 2020);
        assertThat(n(y2020.base())).isEqualTo(n(y2020Before.base()));
        assertThat(after.lines().stream().filter(l -> l.figure().startsWith("series.literacy")).allMatch(UnitSeries.Line::rate)).isTrue();
    }

    private long evaluation(long frameworkVersionId, long subjectUnitId, int year, boolean recognised) {
        long subject = jdbc.sql("""
                insert into eval_subject (kind, name, unit_id, province_id)
                select 'FAMILY', 'Gia đình thử chuỗi', u.id, u.province_id from org_unit u where u.id = :u returning id
                """).param("u", subjectUnitId).query(Long.class).single();
        return jdbc.sql("""
                insert into evaluation (framework_version_id, subject_id, subject_name, owner_unit_id, reviewer_unit_id, province_id,
                       eval_year, stage, recognised)
                select :v, :s, 'Gia đình thử chuỗi', c.id, c.id, u.province_id, :y, 'DECIDED', :r
                from org_unit u join org_unit c on c.id = coalesce(case when u.level = 4 then u.parent_id end, u.id)
                where u.id = :u returning id
                """).param("v", frameworkVersionId).param("s", subject).param("u", subjectUnitId).param("y", year)
                .param("r", recognised).query(Long.class).single();
    }

    @Test
    void recognisedFamiliesFollowTheirHamletAcrossTheReform() {
        var admin = TestUsers.load(jdbc, "admin");
        long family = jdbc.sql("select id from eval_framework_version where subject_type = 'FAMILY' order by id limit 1")
                .query(Long.class).single();
        long baDinh = directory.findByCode("00004", OrgUnit.COMMUNE, NEW).orElseThrow().id();
        long trucBach = directory.findByCode("00004", OrgUnit.COMMUNE, OLD).orElseThrow().id();
        long ngocHa = directory.findByCode("00016", OrgUnit.COMMUNE, OLD).orElseThrow().id();
        long otherSuccessor = assignments.successorsToChoose(ngocHa).stream().map(s -> s.unit().id())
                .filter(id -> id != baDinh).findFirst().orElseThrow();
        long toBaDinh = hamlet(ngocHa, "Tổ gia đình học tập A");
        long toOther = hamlet(ngocHa, "Tổ gia đình học tập B");
        long unassigned = hamlet(ngocHa, "Tổ gia đình học tập C");

        UnitSeries.Series before = series.of(admin, baDinh, 2019, 2026, TODAY);
        evaluation(family, trucBach, 2023, true);
        evaluation(family, trucBach, 2023, false);
        evaluation(family, toBaDinh, 2023, true);
        evaluation(family, toOther, 2023, true);
        evaluation(family, unassigned, 2023, true);
        evaluation(family, baDinh, 2025, true);
        assignments.assign(admin, ngocHa, List.of(new HamletAssignments.Choice(toBaDinh, baDinh, -1),
                new HamletAssignments.Choice(toOther, otherSuccessor, -1)), "1656/NQ-UBTVQH15");
        UnitSeries.Series after = series.of(admin, baDinh, 2019, 2026, TODAY);

        var b = point(before, "series.evaluation.family", 2023);
        var a = point(after, "series.evaluation.family", 2023);
        assertThat(n(a.value()) - n(b.value())).isEqualTo(2);
        assertThat(a.fromPredecessors() - b.fromPredecessors()).isEqualTo(2);
        assertThat(a.notAllocated() - b.notAllocated()).isEqualTo(1);
        var own = point(after, "series.evaluation.family", 2025);
        assertThat(n(own.value()) - n(point(before, "series.evaluation.family", 2025).value())).isEqualTo(1);
        assertThat(own.fromPredecessors()).isEqualTo(point(before, "series.evaluation.family", 2025).fromPredecessors());
    }

    @Test
    void thePageTheWorkbookAndTheApiShowTheNewFigures() {
        long canYen = directory.findByCode("01366", OrgUnit.COMMUNE, NEW).orElseThrow().id();
        Http director = Http.basic(port, "xa.canyen", "xhht-demo");
        Http browser = Http.session(port, new java.net.CookieManager());
        browser.login("xa.canyen", "xhht-demo");
        HttpResponse<String> page = browser.get("/units/" + canYen + "/series");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Tỷ lệ biết chữ mức độ 1, độ tuổi 15–60", "Gia đình học tập được công nhận",
                "Lượt người tham gia");
        HttpResponse<byte[]> xlsx = browser.getBytes("/units/" + canYen + "/series.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        HttpResponse<String> api = director.get("/api/v1/org-units/" + canYen + "/series?fromYear=2024&toYear=2025");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"figure\":\"series.literacy.level2\"", "\"rate\":true", "\"base\":",
                "\"figure\":\"series.evaluation.clan\"", "\"rate\":false");
    }
}
