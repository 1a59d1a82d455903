package vn.xhht.centre;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.ReportFigureSource;
import vn.xhht.support.TestClock;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blank is not zero: age bands and "disadvantaged" left empty are stored as NULL, summed only over the activities
 * that entered them, with their count; an activity dated after today is planned, not counted as held.
 */
@XhhtIntegrationTest
class BlankIsNotZeroTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ActivityService activities;
    @Autowired
    ActivitySummary summary;
    @Autowired
    CentreRegistry centres;
    @Autowired
    CentreReportFigures figures;
    @Autowired
    TestClock clock;

    /** "Today" for these tests: 30 June 2100 (dates end with 2100); days after it are planned. */
    static final LocalDate TODAY = LocalDate.of(2100, 6, 30);

    @BeforeEach
    void fixToday() {
        clock.pin(Instant.parse("2100-06-30T05:00:00Z"));
    }

    @AfterEach
    void realToday() {
        clock.reset();
    }

    /** A day of the first half of 2100, which no other test writes to (other tests use 2040–2099). */
    static LocalDate pastDay() {
        return LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 170));
    }

    static ActivityService.Form form(String title, LocalDate day, int total, Integer disadvantaged, Integer a1, Integer a2, Integer a3, Integer a4) {
        return new ActivityService.Form("THEMATIC_SESSION", "LAW", title, day, day, null, null, null, null, null, total, 0, 0,
                disadvantaged, null, null, null, null, null, null, null, a1, a2, a3, a4);
    }

    @Test
    void blankAgeBandsAndDisadvantagedAreNullAndSumOnlyWhatWasEntered() {
        var canYen = TestUsers.load(jdbc, "xa.canyen");
        var admin = TestUsers.load(jdbc, "admin");
        long commune = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long centre = centres.ofCommune(commune).orElseThrow().id();
        LocalDate day = pastDay();
        jdbc.sql("delete from activity where centre_id = :c and start_date = :d").param("c", centre).param("d", day).update();

        Activity blank = activities.create(canYen, centre, form("Chuyên đề không ghi độ tuổi", day, 45, null, null, null, null, null), List.of());
        assertThat(jdbc.sql("select count(*) from activity where id = :id and disadvantaged is null and age_under_15 is null"
                + " and age_15_35 is null and age_36_60 is null and age_over_60 is null").param("id", blank.id()).query(Long.class).single())
                .as("blank breakdown stored as NULL, not 0").isEqualTo(1);
        assertThat(blank.disadvantaged()).isNull();
        assertThat(blank.ageUnder15()).isNull();

        // with only blanks, the figures are absent ("chưa nhập"), never 0
        var only = figures.values(commune, day, day);
        assertThat(only).containsEntry("activities.count", BigDecimal.ONE).containsEntry("activities.participations", BigDecimal.valueOf(45));
        assertThat(only).doesNotContainKeys("activities.disadvantaged", "activities.age_under_15", "activities.age_15_35",
                "activities.age_36_60", "activities.age_over_60");
        assertThat(summary.summarize(admin, commune, day, day).disadvantaged()).isNull();

        // a second activity enters its figures (0 under 15 typed on purpose is a real 0)
        activities.create(canYen, centre, form("Chuyên đề có độ tuổi", day, 20, 3, 0, 12, 6, 2), List.of());
        var both = figures.values(commune, day, day);
        assertThat(both.get("activities.count")).isEqualByComparingTo("2");
        assertThat(both.get("activities.participations")).isEqualByComparingTo("65");
        assertThat(both.get("activities.disadvantaged")).isEqualByComparingTo("3");
        assertThat(both.get("activities.age_under_15")).isEqualByComparingTo("0");
        assertThat(both.get("activities.age_15_35")).isEqualByComparingTo("12");
        var coverage = figures.coverage(commune, day, day);
        assertThat(coverage.get("activities.age_15_35")).isEqualTo(new ReportFigureSource.Coverage(1, 2, "figure.coverage.activities"));
        assertThat(coverage.get("activities.disadvantaged").entered()).isEqualTo(1);

        ActivitySummary.Summary s = summary.summarize(admin, commune, day, day);
        assertThat(s.activities()).isEqualTo(2);
        assertThat(s.disadvantaged()).isEqualTo(3L);
        assertThat(s.disadvantagedEntered()).isEqualTo(1);

        // the provincial summary (monthly roll-up for whole months) counts the entries too
        long province = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        ActivitySummary.Summary month = summary.summarize(admin, province, day.withDayOfMonth(1), day.withDayOfMonth(day.lengthOfMonth()));
        assertThat(month.disadvantagedEntered()).isGreaterThanOrEqualTo(1).isLessThan(month.activities());
        assertThat(month.disadvantaged()).isGreaterThanOrEqualTo(3L);

        // a blank kept blank on edit; a typed figure cleared becomes blank again
        Activity edited = activities.update(canYen, blank.id(), new ActivityService.Form(blank.type(), blank.topic(), blank.title(), day, day,
                null, null, null, null, null, 45, 0, 0, null, null, null, null, blank.version(), null, null, null, null, 30, null, null), List.of());
        assertThat(edited.age15to35()).isEqualTo(30);
        assertThat(edited.ageUnder15()).isNull();
        assertThat(edited.disadvantaged()).isNull();
        assertThat(figures.coverage(commune, day, day).get("activities.age_15_35").entered()).isEqualTo(2);
    }

    @Test
    void blankWomenAndEthnicMinorityStayBlankInTheActivityTheSummariesAndTheReportFigures() {
        var canYen = TestUsers.load(jdbc, "xa.canyen");
        var admin = TestUsers.load(jdbc, "admin");
        long commune = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long centre = centres.ofCommune(commune).orElseThrow().id();
        LocalDate day = pastDay();
        jdbc.sql("delete from activity where centre_id = :c and start_date = :d").param("c", centre).param("d", day).update();

        Activity blank = activities.create(canYen, centre, new ActivityService.Form("THEMATIC_SESSION", "LAW", "Chuyên đề không ghi nữ, DTTS",
                day, day, null, null, null, null, null, 40, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                List.of());
        assertThat(blank.women()).isNull();
        assertThat(blank.ethnicMinority()).isNull();
        assertThat(jdbc.sql("select count(*) from activity where id = :id and women is null and ethnic_minority is null")
                .param("id", blank.id()).query(Long.class).single()).as("stored as NULL, not 0").isEqualTo(1);

        // only blanks: absent from the report figures ("chưa nhập"), null in the summaries
        var only = figures.values(commune, day, day);
        assertThat(only).containsEntry("activities.participations", BigDecimal.valueOf(40))
                .doesNotContainKeys("activities.women", "activities.ethnic_minority");
        ActivitySummary.Summary s = summary.summarize(admin, commune, day, day);
        assertThat(s.women()).isNull();
        assertThat(s.ethnicMinority()).isNull();
        long district = jdbc.sql("select parent_id from org_unit where id = :c").param("c", commune).query(Long.class).single();
        assertThat(summary.byChild(admin, district, day, day)).filteredOn(l -> Long.valueOf(commune).equals(l.unitId()))
                .singleElement().satisfies(l -> {
                    assertThat(l.participations()).isEqualTo(40);
                    assertThat(l.women()).isNull();
                    assertThat(l.ethnicMinority()).isNull();
                });

        // a second activity enters them (0 ethnic minority typed is a real 0): sums over the one that entered, with the count
        activities.create(canYen, centre, new ActivityService.Form("THEMATIC_SESSION", "LAW", "Chuyên đề có ghi nữ", day, day, null, null,
                null, null, null, 25, 11, 0, null, null, null, null, null, null, null, null, null, null, null, null), List.of());
        var both = figures.values(commune, day, day);
        assertThat(both.get("activities.women")).isEqualByComparingTo("11");
        assertThat(both.get("activities.ethnic_minority")).isEqualByComparingTo("0");
        assertThat(figures.coverage(commune, day, day).get("activities.women")).isEqualTo(new ReportFigureSource.Coverage(1, 2, "figure.coverage.activities"));
        s = summary.summarize(admin, commune, day, day);
        assertThat(s.women()).isEqualTo(11L);
        assertThat(s.womenEntered()).isEqualTo(1);
        assertThat(s.ethnicMinority()).isEqualTo(0L);
        assertThat(s.ethnicMinorityEntered()).isEqualTo(1);

        // the provincial summary of the whole month (monthly roll-up) counts the entries too
        long province = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        ActivitySummary.Summary month = summary.summarize(admin, province, day.withDayOfMonth(1), day.withDayOfMonth(day.lengthOfMonth()));
        assertThat(month.womenEntered()).isGreaterThanOrEqualTo(1).isLessThan(month.activities());
        assertThat(month.women()).isGreaterThanOrEqualTo(11L);
    }

    @Test
    void aPlannedActivityIsNotCountedAsHeld() {
        var canYen = TestUsers.load(jdbc, "xa.canyen");
        var admin = TestUsers.load(jdbc, "admin");
        long commune = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long province = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        long centre = centres.ofCommune(commune).orElseThrow().id();
        // June 2100 (held up to the 30th, "today") and July 2100 (planned)
        LocalDate held = LocalDate.of(2100, 6, 29);
        LocalDate planned = LocalDate.of(2100, 7, 5);
        jdbc.sql("delete from activity where centre_id = :c and start_date in (:a, :b)").param("c", centre).param("a", held).param("b", planned).update();
        activities.create(canYen, centre, form("Đã tổ chức", held, 30, null, null, null, null, null), List.of());
        activities.create(canYen, centre, form("Dự kiến tuần sau", planned, 0, null, null, null, null, null), List.of());

        LocalDate from = LocalDate.of(2100, 6, 1);
        LocalDate to = LocalDate.of(2100, 7, 31);
        ActivitySummary.Summary s = summary.summarize(admin, commune, from, to);
        assertThat(s.activities()).as("held").isEqualTo(1);
        assertThat(s.planned()).as("planned").isEqualTo(1);
        assertThat(s.participations()).isEqualTo(30);
        ActivitySummary.Summary p = summary.summarize(admin, province, from, to);
        assertThat(p.planned()).isGreaterThanOrEqualTo(1);
        assertThat(figures.values(commune, from, to).get("activities.count")).as("Số hoạt động đã tổ chức").isEqualByComparingTo("1");
        assertThat(figures.values(commune, planned, planned).get("activities.count")).isEqualByComparingTo("0");
        assertThat(summary.byChild(admin, province, from, to)).filteredOn(l -> l.name() != null && l.name().equals("Xã Cần Yên"))
                .singleElement().satisfies(l -> assertThat(l.activities()).isEqualTo(1));
    }
}
