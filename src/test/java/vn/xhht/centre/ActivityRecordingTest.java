package vn.xhht.centre;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Centres and their activities on real PostgreSQL: registry, recording, rules, access and subtree summaries. */
@XhhtIntegrationTest
class ActivityRecordingTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The tests record activities in far future years so that sums over a day are exact; those activities count as
     * held only once their day has come, so "today" is moved past them here.
     */
    @org.junit.jupiter.api.BeforeEach
    void afterTheFarYears() {
        clock.pin(java.time.Instant.parse("2100-12-31T00:00:00Z"));
    }

    @org.junit.jupiter.api.AfterEach
    void backToToday() {
        clock.reset();
    }

    @Autowired
    vn.xhht.support.TestClock clock;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ActivityService activities;
    @Autowired
    CentreRegistry centres;

    long centreOf(String communeCode, String date) {
        long commune = TestUsers.unitId(jdbc, communeCode, OrgUnit.COMMUNE, date);
        return centres.ofCommune(commune).orElseThrow().id();
    }

    /** A day no other test uses, so sums over it are exact. */
    static LocalDate freshDay() {
        return LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 18000));
    }

    static String activityJson(String title, LocalDate day, int total, int women, int ethnic) {
        return """
                {"type": "THEMATIC_SESSION", "topic": "LIVESTOCK_CROPS", "title": "%s", "startDate": "%s", "endDate": "%s",
                 "leadUnit": "Trạm Khuyến nông", "participations": %d, "women": %d, "ethnicMinority": %d, "disadvantaged": 0}
                """.formatted(title, day, day, total, women, ethnic);
    }

    @Test
    void everyCommuneOfBothStructuresHasItsCentre() {
        long communes = jdbc.sql("select count(*) from org_unit where level = 3 and source in ('GSO-2025-03-01', 'GSO-2025-07-01')").query(Long.class).single();
        long withCentre = jdbc.sql("select count(*) from centre c join org_unit u on u.id = c.commune_id and u.level = 3 and u.source in ('GSO-2025-03-01', 'GSO-2025-07-01')").query(Long.class).single();
        assertThat(withCentre).isEqualTo(communes).isEqualTo(10047 + 3321);
        assertThat(centres.find(centreOf("01366", "2025-07-01")).orElseThrow().name()).isEqualTo("Trung tâm học tập cộng đồng xã Cần Yên");
        assertThat(centres.find(centreOf("00004", "2025-06-30")).orElseThrow().name()).isEqualTo("Trung tâm học tập cộng đồng phường Trúc Bạch");
    }

    @Test
    void theCommuneRecordsASessionAndTheProvinceSummaryCountsIt() {
        LocalDate day = freshDay();
        Http canYen = Http.basic(port, "xa.canyen", "xhht-demo");
        long centre = centreOf("01366", "2025-07-01");
        HttpResponse<String> r = canYen.postJson("/api/v1/centres/" + centre + "/activities",
                activityJson("Chuyên đề phòng chống dịch bệnh gia súc", day, 64, 31, 40));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode a = JSON.readTree(r.body());
        assertThat(a.get("participations").asInt()).isEqualTo(64);
        assertThat(a.get("women").asInt()).isEqualTo(31);
        assertThat(a.get("ethnicMinority").asInt()).isEqualTo(40);
        assertThat(a.get("type").asString()).isEqualTo("THEMATIC_SESSION");

        // a second commune of the same province on the same day
        long haQuangCentre = centreOf("01438", "2025-07-01");
        assertThat(Http.basic(port, "so.caobang", "xhht-demo").postJson("/api/v1/centres/" + haQuangCentre + "/activities",
                activityJson("Lớp tin học cơ bản", day, 20, 12, 5)).statusCode()).isEqualTo(201);

        long province = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        JsonNode s = JSON.readTree(Http.basic(port, "so.caobang", "xhht-demo")
                .get("/api/v1/activities/summary?unitId=" + province + "&from=" + day + "&to=" + day).body());
        assertThat(s.get("activities").asLong()).isEqualTo(2);
        assertThat(s.get("participations").asLong()).isEqualTo(84);
        assertThat(s.get("women").asLong()).isEqualTo(43);
        assertThat(s.get("ethnicMinority").asLong()).isEqualTo(45);
        assertThat(s.get("byType").get("THEMATIC_SESSION").asLong()).isEqualTo(2);

        // per unit below the province, in one pass
        var lines = summary.byChild(TestUsers.load(jdbc, "so.caobang"), province, day, day);
        assertThat(lines).filteredOn(l -> l.participations() > 0).extracting(l -> l.name() + "=" + l.participations())
                .containsExactlyInAnyOrder("Xã Cần Yên=64", "Xã Hà Quảng=20");
        assertThat(lines).hasSizeGreaterThan(50);

        long canYenUnit = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        JsonNode commune = JSON.readTree(canYen.get("/api/v1/activities/summary?unitId=" + canYenUnit + "&from=" + day + "&to=" + day).body());
        assertThat(commune.get("participations").asLong()).isEqualTo(64);
        // the commune may not ask for the province's figures
        assertThat(canYen.get("/api/v1/activities/summary?unitId=" + province + "&from=" + day + "&to=" + day).statusCode()).isEqualTo(403);
    }

    @Test
    void figuresOfOldCommunesCountForTheUnitsThatWhollySucceededThem() {
        var admin = TestUsers.load(jdbc, "admin");
        LocalDate day = LocalDate.of(2024, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 500));
        long oldCanYen = centreOf("01366", "2025-06-30");
        long oldLuongThong = centreOf("01372", "2025-06-30");
        activities.create(admin, oldCanYen, form("Chuyên đề pháp luật " + day, day, 30, 10, 30), List.of());
        activities.create(admin, oldLuongThong, form("Lớp xóa mù chữ " + day, day, 25, 15, 25), List.of());

        ActivitySummary s = summary;
        long newCanYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long newCaoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        long oldHaQuang = TestUsers.unitId(jdbc, "045", OrgUnit.DISTRICT, "2025-06-30");
        assertThat(s.summarize(admin, newCanYen, day, day).participations()).isEqualTo(55);
        assertThat(s.summarize(admin, newCaoBang, day, day).participations()).isEqualTo(55);
        assertThat(s.summarize(admin, oldHaQuang, day, day).activities()).isEqualTo(2);
    }

    @Autowired
    ActivitySummary summary;

    static ActivityService.Form form(String title, LocalDate day, int total, int women, int ethnic) {
        return new ActivityService.Form("THEMATIC_SESSION", "LAW", title, day, day, "Nhà văn hóa", null, "UBND xã", null, null,
                total, women, ethnic, 0, null, null, null, null);
    }

    @Test
    void badFiguresAreRefusedFieldByFieldAndNothingIsSaved() {
        var canYen = TestUsers.load(jdbc, "xa.canyen");
        long centre = centreOf("01366", "2025-07-01");
        long before = jdbc.sql("select count(*) from activity where centre_id = :c").param("c", centre).query(Long.class).single();
        LocalDate day = freshDay();

        assertThatThrownBy(() -> activities.create(canYen, centre, form("Chuyên đề", day, 64, 65, 70), List.of()))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputProblem.Violation::field).containsExactly("women", "ethnicMinority"));
        ActivityService.Form ages = new ActivityService.Form("THEMATIC_SESSION", "LAW", "Lớp học", day, day, null, null, null, null, null,
                10, 0, 0, 0, null, null, null, null, null, null, 12, 5, 5, 5, 0);
        assertThatThrownBy(() -> activities.create(canYen, centre, ages, List.of()))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("activity.ages.overTotal"));
        ActivityService.Form backwards = new ActivityService.Form("THEMATIC_SESSION", "LAW", "Lớp học", day, day.minusDays(1), null,
                null, null, null, null, 10, 0, 0, 0, null, null, null, null);
        assertThatThrownBy(() -> activities.create(canYen, centre, backwards, List.of()))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("endDate"));
        EvidenceStore.Upload fake = new EvidenceStore.Upload("anh.jpg", "MZ this is a program".getBytes());
        assertThatThrownBy(() -> activities.create(canYen, centre, form("Chuyên đề có ảnh", day, 10, 1, 1), List.of(fake)))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("photos");
                    assertThat(e.violations().get(0).messageKey()).isEqualTo("evidence.notImage");
                });
        assertThat(jdbc.sql("select count(*) from activity where centre_id = :c").param("c", centre).query(Long.class).single()).isEqualTo(before);

        HttpResponse<String> api = Http.basic(port, "xa.canyen", "xhht-demo").postJson("/api/v1/centres/" + centre + "/activities",
                activityJson("Chuyên đề", day, 10, 11, 0));
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(api.body()).get("field").asString()).isEqualTo("women");
        assertThat(JSON.readTree(api.body()).get("detail").asString()).isEqualTo("Số này (11) lớn hơn tổng số lượt người (10).");
    }

    @Test
    void twoPeopleEditingTheSameActivityCannotOverwriteEachOther() {
        var canYen = TestUsers.load(jdbc, "xa.canyen");
        long centre = centreOf("01366", "2025-07-01");
        LocalDate day = freshDay();
        Activity a = activities.create(canYen, centre, form("Chuyên đề an toàn giao thông", day, 40, 20, 30), List.of());
        ActivityService.Form first = new ActivityService.Form(a.type(), a.topic(), a.title(), day, day, null, null, null, null, null,
                45, 20, 30, 0, null, null, null, a.version());
        ActivityService.Form second = new ActivityService.Form(a.type(), a.topic(), a.title(), day, day, null, null, null, null, null,
                50, 20, 30, 0, null, null, null, a.version());
        activities.update(canYen, a.id(), first, List.of());
        assertThatThrownBy(() -> activities.update(canYen, a.id(), second, List.of())).isInstanceOf(ConcurrentEditProblem.class);
        assertThat(activities.find(a.id()).orElseThrow().participations()).isEqualTo(45);
    }

    @Test
    void aCommuneOfficerCannotSeeOrRecordAnotherCentresActivities() {
        var soCaoBang = TestUsers.load(jdbc, "so.caobang");
        long haQuangCentre = centreOf("01438", "2025-07-01");
        Activity other = activities.create(soCaoBang, haQuangCentre, form("Chuyên đề ở Hà Quảng", freshDay(), 12, 6, 6), List.of());

        Http canYen = Http.basic(port, "xa.canyen", "xhht-demo");
        assertThat(canYen.get("/api/v1/activities/" + other.id()).statusCode()).isEqualTo(403);
        assertThat(canYen.get("/api/v1/centres/" + haQuangCentre + "/activities").statusCode()).isEqualTo(403);
        assertThat(canYen.postJson("/api/v1/centres/" + haQuangCentre + "/activities", activityJson("X", freshDay(), 1, 0, 0)).statusCode())
                .isEqualTo(403);
        // the association evaluator reads the province's centres but records nothing
        Http hkh = Http.basic(port, "hkh.caobang", "xhht-demo");
        assertThat(hkh.get("/api/v1/activities/" + other.id()).statusCode()).isEqualTo(200);
        assertThat(hkh.postJson("/api/v1/centres/" + haQuangCentre + "/activities", activityJson("X", freshDay(), 1, 0, 0)).statusCode())
                .isEqualTo(403);
        assertThat(JSON.readTree(canYen.get("/api/v1/centres").body()).size()).isEqualTo(1);
        assertThat(JSON.readTree(Http.basic(port, "so.caobang", "xhht-demo").get("/api/v1/centres").body()).size())
                .isEqualTo(jdbc.sql("select count(*) from centre c join org_unit u on u.id = c.commune_id join org_unit p on p.id = u.province_id where p.code = '04' and u.level = 3 and u.valid_from = date '2025-07-01'")
                        .query(Long.class).single().intValue());
    }

    @Autowired
    Campaigns campaigns;

    @Test
    void activitiesOfACampaignAreSummedOverTheSubtree() {
        var admin = TestUsers.load(jdbc, "admin");
        var canYen = TestUsers.load(jdbc, "xa.canyen");
        LocalDate start = freshDay();
        long campaign = campaigns.create(admin, "LIFELONG_LEARNING_WEEK", start.getYear(), "Tuần lễ HTSĐ " + start, "Học tập suốt đời", start, start.plusDays(6));
        long centre = centreOf("01366", "2025-07-01");
        ActivityService.Form f = new ActivityService.Form("CONTEST_SEMINAR", "READING_CULTURE", "Hội thi đọc sách", start.plusDays(1),
                start.plusDays(1), null, null, null, null, null, 120, 70, 90, 0, null, null, null, null, null, campaign);
        activities.create(canYen, centre, f, List.of());
        var totals = campaigns.totals(canYen, campaign, TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01"));
        assertThat(totals.activities()).isEqualTo(1);
        assertThat(totals.participations()).isEqualTo(120);
        ActivityService.Form outside = new ActivityService.Form("CONTEST_SEMINAR", "READING_CULTURE", "Ngoài đợt", start.plusDays(200),
                start.plusDays(200), null, null, null, null, null, 10, 0, 0, 0, null, null, null, null, null, campaign);
        assertThatThrownBy(() -> activities.create(canYen, centre, outside, List.of()))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("campaignId"));
    }

    @Test
    void provincialSummariesCombineTheMonthlyRollUpWithTheEdgesOfThePeriod() {
        var canYen = TestUsers.load(jdbc, "xa.canyen");
        long centre = centreOf("01366", "2025-07-01");
        int year = 2091 + ThreadLocalRandom.current().nextInt(0, 8); // a year no other test writes to
        LocalDate[] days = {LocalDate.of(year, 1, 15), LocalDate.of(year, 2, 10), LocalDate.of(year, 3, 1), LocalDate.of(year, 3, 31),
                LocalDate.of(year, 4, 2)};
        Activity moved = null;
        for (LocalDate d : days) {
            Activity a = activities.create(canYen, centre, form("Hoạt động " + d, d, 10, 4, 3), List.of());
            if (d.getMonthValue() == 2) {
                moved = a;
            }
        }
        var admin = TestUsers.load(jdbc, "admin");
        long province = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        long nation = TestUsers.unitId(jdbc, "VN", OrgUnit.NATION, "2025-07-01");
        LocalDate from = LocalDate.of(year, 1, 20);
        LocalDate to = LocalDate.of(year, 4, 1);
        assertThat(summary.summarize(admin, province, from, to).activities()).isEqualTo(3);
        assertThat(summary.summarize(admin, nation, from, to).participations()).isEqualTo(30);
        assertThat(summary.summarize(admin, nation, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).women()).isEqualTo(20);

        // moving an activity moves it in the roll-up too (February → 1 April: still inside, now on an edge day)
        ActivityService.Form f = new ActivityService.Form(moved.type(), moved.topic(), moved.title(), to, to, null, null, null, null, null,
                10, 4, 3, 0, null, null, null, moved.version());
        activities.update(canYen, moved.id(), f, List.of());
        assertThat(summary.summarize(admin, province, from, to).activities()).isEqualTo(3);
        assertThat(summary.summarize(admin, province, LocalDate.of(year, 2, 1), LocalDate.of(year, 2, 28)).activities()).isZero();
        assertThat(summary.summarize(admin, province, from, to).byType()).containsEntry("THEMATIC_SESSION", 3L);
    }

    @Test
    void aSecondCentreForACommuneIsRefused() {
        Http province = Http.basic(port, "so.caobang", "xhht-demo");
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        HttpResponse<String> r = province.postJson("/api/v1/centres", "{\"communeId\": %d}".formatted(canYen));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("detail").asString()).isEqualTo("Xã này đã có trung tâm.");
        assertThat(Http.basic(port, "xa.canyen", "xhht-demo").postJson("/api/v1/centres", "{\"communeId\": %d}".formatted(canYen)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void referenceListsAreStableCodes() {
        Http admin = Http.basic(port, "admin", "xhht-demo");
        assertThat(admin.get("/api/v1/activity-types").body()).contains("\"code\":\"THEMATIC_SESSION\"", "Chuyên đề");
        assertThat(admin.get("/api/v1/topics").body()).contains("\"code\":\"LAW\"", "Pháp luật");
    }
}
