package vn.xhht.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.review.Review;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Role;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reports on real PostgreSQL: pre-fill from the data, overrides, validation, review and lock, roll-up, board, access. */
@XhhtIntegrationTest
class ReportWorkflowTest {

    @Autowired
    ReportService reports;

    @Autowired

    ReportDeadlines deadlines;

    @Autowired

    ReportEntry entry;

    @Autowired

    ReportListing listing;

    @Autowired

    ReportRollup rollup;
    @Autowired
    CompletenessBoard board;
    @Autowired
    JdbcClient jdbc;

    @org.junit.jupiter.api.AfterEach
    void removeFixtures() {
        ReportFixtures.cleanAll(jdbc);
    }
    @Autowired
    ReportAlerts alerts;

    static String key(Throwable e) {
        return ((InvalidInputProblem) e).violations().get(0).messageKey();
    }

    static String field(Throwable e) {
        return ((InvalidInputProblem) e).violations().get(0).field();
    }

    static BigDecimal n(long v) {
        return BigDecimal.valueOf(v);
    }

    @Test
    void centreQuarterlyIsPrefilledFromTheDataCorrectedWithReasonsSubmittedApprovedAndReopened() {
        ReportFixtures fx = new ReportFixtures(jdbc);
        long province = fx.unit("Tỉnh Thử", OrgUnit.PROVINCE, null, LocalDate.of(2025, 7, 1), null);
        long commune = fx.unit("Xã Thử", OrgUnit.COMMUNE, province, LocalDate.of(2025, 7, 1), null);
        long campaign = jdbc.sql("select id from campaign where kind = 'LIFELONG_LEARNING_WEEK' and year = 2026").query(Long.class).single();
        fx.activity(commune, "THEMATIC_SESSION", LocalDate.of(2026, 7, 3), 40, 25, null);
        fx.activity(commune, "THEMATIC_SESSION", LocalDate.of(2026, 9, 30), 60, 30, null);
        fx.activity(commune, "SHORT_VOCATIONAL", LocalDate.of(2026, 8, 15), 20, 5, null);
        fx.activity(commune, "THEMATIC_SESSION", LocalDate.of(2026, 10, 1), 99, 9, campaign); // next quarter
        fx.activity(commune, "THEMATIC_SESSION", LocalDate.of(2025, 8, 1), 10, 4, null); // same quarter last year
        // an approved plan with a yearly participation target of 400
        long plan = jdbc.sql("""
                insert into plan (owner_unit_id, centre_id, province_id, plan_year, year_kind, title)
                values (:c, :centre, :p, 2026, 'CALENDAR', 'Kế hoạch thử') returning id
                """).param("c", commune).param("centre", fx.centre(commune)).param("p", province).query(Long.class).single();
        jdbc.sql("insert into plan_target (plan_id, code, label, target) values (:p, 'PARTICIPATIONS', 'Lượt người', 400), (:p, 'THEMATIC_CLASSES', 'Lớp', 8)")
                .param("p", plan).update();
        jdbc.sql("insert into review_state (subject_type, subject_id, owner_unit_id, reviewer_unit_id, province_id, status) values ('Plan', :p, :c, :pr, :pr, 'APPROVED')")
                .param("p", plan).param("c", commune).param("pr", province).update();

        var director = fx.user(Role.COMMUNE_OFFICER, commune);
        var officer = fx.user(Role.PROVINCE_OFFICER, province);
        Report r = reports.create(director, "centre-quarterly", "2026Q3", commune);
        // pre-fill equals the underlying data
        assertThat(r.num("activities")).isEqualByComparingTo("3");
        assertThat(r.num("participations")).isEqualByComparingTo("120");
        assertThat(r.num("women")).isEqualByComparingTo("60");
        assertThat(r.num("ethnic_minority")).isEqualByComparingTo("3");
        assertThat(r.num("age_15_35")).isEqualByComparingTo("60");
        assertThat(r.num("thematic_sessions")).isEqualByComparingTo("2");
        assertThat(r.num("vocational_classes")).isEqualByComparingTo("1");
        assertThat(r.num("target_participations")).isEqualByComparingTo("400");
        assertThat(r.num("achieved_participations")).isEqualByComparingTo("30");
        assertThat(r.num("achieved_thematic")).isEqualByComparingTo("25");
        assertThat(r.review().reviewerUnitId()).isEqualTo(province);
        assertThat(r.dueDate()).isEqualTo("2026-09-30");
        assertThat(rollup.lastYear(r).get("participations")).isEqualByComparingTo("10");
        // the literacy module provides its figures (no class in this commune: no data, not zero); a source no module
        // provides is typed by hand
        assertThat(rollup.unsourced(r.template())).isEmpty();
        assertThat(r.num("literacy_classes")).isNull();
        ReportTemplate manual = TemplateLoader.load("manual-test.yml", new java.io.StringReader("""
                code: manual-test
                title: Thử nguồn chưa có
                periodicity: QUARTERLY
                submittingLevel: COMMUNE
                receiver: PARENT
                due: {rule: END_OF_PERIOD, text: Cuối kỳ}
                basis: thử
                sections:
                  - code: s
                    title: I
                    fields:
                      - {code: known, label: "Có nguồn", type: NUMBER, source: activities.count}
                      - {code: future, label: "Chưa có nguồn", type: NUMBER, source: module.not.installed}
                """));
        assertThat(rollup.unsourced(manual)).containsExactly("future");

        // a report of that period exists already; a period that does not exist
        assertThatThrownBy(() -> reports.create(director, "centre-quarterly", "2026Q3", commune)).satisfies(e -> assertThat(key(e)).isEqualTo("report.exists"));
        assertThatThrownBy(() -> reports.create(director, "centre-quarterly", "2026Q5", commune)).satisfies(e -> assertThat(key(e)).isEqualTo("report.period.invalid"));
        assertThatThrownBy(() -> reports.create(director, "centre-quarterly", "2026S1", commune)).satisfies(e -> assertThat(field(e)).isEqualTo("period"));

        // bad input: women above total, a sourced figure changed without reason, a non-number; nothing is saved
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("women", "130");
        bad.put("literacy_classes", "2");
        assertThatThrownBy(() -> entry.saveValues(director, r.id(), r.version(), bad, Map.of()))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations()).extracting(InvalidInputProblem.Violation::field)
                        .contains("reason.women", "women"));
        assertThatThrownBy(() -> entry.saveValues(director, r.id(), r.version(), Map.of("participations", "mười"), Map.of()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("report.value.number"));
        assertThat(reports.require(director, r.id()).num("literacy_classes")).isNull();

        // an override with a reason is kept and marked
        Map<String, String> ok = new LinkedHashMap<>();
        ok.put("participations", "125");
        ok.put("results", "Tổ chức tốt các chuyên đề pháp luật.");
        Report saved = entry.saveValues(director, r.id(), r.version(), ok, Map.of("participations", "Bổ sung 5 lượt người ghi sổ tay chưa nhập"));
        assertThat(saved.value("participations").overridden()).isTrue();
        assertThat(saved.value("participations").sourceValue()).isEqualByComparingTo("120");
        assertThat(saved.num("achieved_participations")).isEqualByComparingTo("31.25"); // 125 / 400: two decimals, cut not rounded (issue 11)
        assertThat(saved.value("literacy_classes").overridden()).isFalse();
        // a concurrent edit with the old version
        assertThatThrownBy(() -> entry.saveValues(director, r.id(), r.version(), Map.of("proposals", "x"), Map.of()))
                .isInstanceOf(ConcurrentEditProblem.class);

        // refresh: new data changes the sourced figures, the manual one is kept
        fx.activity(commune, "CLUB_SESSION", LocalDate.of(2026, 9, 1), 10, 10, null);
        var changes = reports.refresh(director, r.id());
        assertThat(changes).extracting(ReportRollup.Change::fieldCode).contains("activities", "women", "participations");
        assertThat(changes).filteredOn(c -> c.fieldCode().equals("participations")).singleElement()
                .satisfies(c -> assertThat(c.keptOverride()).isTrue());
        Report refreshed = reports.require(director, r.id());
        assertThat(refreshed.num("participations")).isEqualByComparingTo("125");
        assertThat(refreshed.value("participations").sourceValue()).isEqualByComparingTo("130");
        assertThat(refreshed.num("activities")).isEqualByComparingTo("4");

        // a required narrative is empty: not submitted
        assertThatThrownBy(() -> reports.submit(director, r.id())).satisfies(e -> assertThat(field(e)).isEqualTo("difficulties"));
        entry.saveValues(director, r.id(), refreshed.version(), Map.of("difficulties", "Kinh phí hạn hẹp."), Map.of());
        assertThat(reports.submit(director, r.id()).review().status()).isEqualTo(Review.Status.SUBMITTED);
        assertThatThrownBy(() -> entry.saveValues(director, r.id(), reports.require(director, r.id()).version(), Map.of("proposals", "x"), Map.of()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("report.locked.submitted"));
        // a centre cannot approve; another province cannot even read
        assertThatThrownBy(() -> reports.approve(director, r.id(), null)).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> reports.require(TestUsers.load(jdbc, "so.caobang"), r.id())).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> reports.approve(TestUsers.load(jdbc, "so.caobang"), r.id(), null)).isInstanceOf(AccessDeniedProblem.class);

        assertThat(alerts.alertsFor(officer, LocalDate.of(2026, 10, 1))).extracting(vn.xhht.platform.HomeAlert::messageKey).contains("report.alert.toReview");
        assertThat(reports.approve(officer, r.id(), "Đạt").review().status()).isEqualTo(Review.Status.APPROVED);
        assertThatThrownBy(() -> entry.saveValues(director, r.id(), reports.require(director, r.id()).version(), Map.of("proposals", "x"), Map.of()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("report.locked.approved"));
        assertThatThrownBy(() -> reports.reopen(officer, r.id(), " ")).satisfies(e -> assertThat(key(e)).isEqualTo("review.reason.required"));
        assertThatThrownBy(() -> reports.reopen(director, r.id(), "tự mở")).isInstanceOf(AccessDeniedProblem.class);
        assertThat(reports.reopen(officer, r.id(), "Sai số lượt nữ").review().status()).isEqualTo(Review.Status.RETURNED);
        assertThat(jdbc.sql("select string_agg(action, ',' order by id) from review_event where subject_type = 'Report' and subject_id = :id")
                .param("id", r.id()).query(String.class).single()).isEqualTo("CREATE,SUBMIT,APPROVE,REOPEN");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'Report' and entity_id = :id").param("id", String.valueOf(r.id()))
                .query(Long.class).single()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aggregatesFollowTheStructureOfThePeriodAcrossThreeLevelsAndTheRules() {
        ReportFixtures fx = new ReportFixtures(jdbc);
        LocalDate end = LocalDate.of(2025, 6, 30);
        long oldProvince = fx.unit("Tỉnh Cũ", OrgUnit.PROVINCE, null, null, end);
        long district = fx.unit("Huyện Cũ", OrgUnit.DISTRICT, oldProvince, null, end);
        long c1 = fx.unit("Xã Một", OrgUnit.COMMUNE, district, null, end);
        long c2 = fx.unit("Xã Hai", OrgUnit.COMMUNE, district, null, end);
        long c3 = fx.unit("Xã Ba", OrgUnit.COMMUNE, district, null, end);
        long newProvince = fx.unit("Tỉnh Mới", OrgUnit.PROVINCE, null, LocalDate.of(2025, 7, 1), null);
        long n1 = fx.unit("Xã Mới Một", OrgUnit.COMMUNE, newProvince, LocalDate.of(2025, 7, 1), null);
        long n2 = fx.unit("Xã Mới Hai", OrgUnit.COMMUNE, newProvince, LocalDate.of(2025, 7, 1), null);
        fx.succession(oldProvince, newProvince);
        var districtOfficer = fx.user(Role.DISTRICT_OFFICER, district);
        var oldProvinceOfficer = fx.user(Role.PROVINCE_OFFICER, oldProvince);

        // 2024: communes → district (approved by the district) → old province
        long[] participations = {100, 250, 999};
        long[] communes = {c1, c2, c3};
        for (int i = 0; i < 3; i++) {
            var d = fx.user(Role.COMMUNE_OFFICER, communes[i]);
            Report r = reports.create(d, "centre-quarterly", "2024Q3", communes[i]);
            assertThat(r.review().reviewerUnitId()).isEqualTo(district);
            r = entry.saveValues(d, r.id(), r.version(), Map.of("participations", String.valueOf(participations[i]), "women", "10",
                    "results", "Tốt", "difficulties", "Không"),
                    Map.of("participations", "Số liệu sổ theo dõi năm 2024", "women", "Số liệu sổ theo dõi năm 2024"));
            reports.submit(d, r.id());
            if (i < 2) { // the third stays submitted, not approved: not counted
                reports.approve(districtOfficer, r.id(), null);
            }
        }
        Report districtReport = reports.create(districtOfficer, "centre-quarterly", "2024Q3", district);
        assertThat(districtReport.aggregate()).isTrue();
        assertThat(districtReport.num("participations")).isEqualByComparingTo("350");
        assertThat(districtReport.num("women")).isEqualByComparingTo("20");
        assertThat(districtReport.review().reviewerUnitId()).isEqualTo(oldProvince);
        assertThat(rollup.children(districtReport.template(), districtReport.period(), district))
                .extracting(ReportRollup.ChildReport::unitId, c -> c.values().get("participations"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(c1, n(100)), org.assertj.core.groups.Tuple.tuple(c2, n(250)),
                        org.assertj.core.groups.Tuple.tuple(c3, null));
        districtReport = entry.saveValues(districtOfficer, districtReport.id(), districtReport.version(),
                Map.of("results", "Tổng hợp", "difficulties", "Không"), Map.of());
        reports.submit(districtOfficer, districtReport.id());
        reports.approve(oldProvinceOfficer, districtReport.id(), null);
        Report provinceReport = reports.create(oldProvinceOfficer, "centre-quarterly", "2024Q3", oldProvince);
        assertThat(provinceReport.num("participations")).isEqualByComparingTo("350");
        // the new province asking for 2024 reports as its predecessor, which it succeeded wholly
        assertThat(deadlines.unitForPeriod(jdbcUnit(newProvince), ReportPeriods.parse("2024Q3")).id()).isEqualTo(oldProvince);

        // 2026: the new province rolls up its communes directly; weighted average, count of yes, minimum
        var newOfficer = fx.user(Role.PROVINCE_OFFICER, newProvince);
        String[][] lit = {{"100", "90", "1", "80"}, {"300", "60", "0", "70"}};
        long[] news = {n1, n2};
        for (int i = 0; i < 2; i++) {
            var d = fx.user(Role.COMMUNE_OFFICER, news[i]);
            Report r = reports.create(d, "literacy-universal", "2026", news[i]);
            assertThat(r.review().reviewerUnitId()).isEqualTo(newProvince);
            Map<String, String> v = new LinkedHashMap<>();
            v.put("pop_15_60", lit[i][0]);
            v.put("lit1_15_60", lit[i][0]);
            v.put("primary_rate", lit[i][1]);
            v.put("lit_standard_2", lit[i][2]);
            v.put("lowest_rate", lit[i][3]);
            v.put("results", "Đạt");
            r = entry.saveValues(d, r.id(), r.version(), v, Map.of());
            assertThat(r.num("rate1_15_60")).isEqualByComparingTo("100");
            reports.submit(d, r.id());
            reports.approve(newOfficer, r.id(), null);
        }
        // a percentage above 100 is refused
        Report again = reports.require(newOfficer, listing.find("literacy-universal", "2026", n1).orElseThrow());
        assertThat(again.review().status()).isEqualTo(Review.Status.APPROVED);
        Report agg = reports.create(newOfficer, "literacy-universal", "2026", newProvince);
        assertThat(agg.num("pop_15_60")).isEqualByComparingTo("400");
        assertThat(agg.num("primary_rate")).isEqualByComparingTo("67.5");
        assertThat(agg.num("lit_standard_2")).isEqualByComparingTo("1");
        assertThat(agg.num("lowest_rate")).isEqualByComparingTo("70");
        assertThatThrownBy(() -> entry.saveValues(newOfficer, agg.id(), agg.version(), Map.of("primary_rate", "120"), Map.of()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("report.value.percentage"));

        // the completeness board of the old province in 2024 lists its communes; of the new one in 2026 its communes
        CompletenessBoard.Board b = board.board(oldProvinceOfficer, "centre-quarterly", "2024Q3", oldProvince, LocalDate.of(2026, 11, 1));
        assertThat(b.counts().expected()).isEqualTo(3);
        assertThat(b.counts().approved()).isEqualTo(2);
        assertThat(b.counts().late()).isEqualTo(3); // submitted in 2026 for a 2024 quarter
        CompletenessBoard.Board nb = board.board(newOfficer, "centre-quarterly", "2026Q3", newProvince, LocalDate.of(2026, 11, 1));
        assertThat(nb.counts().expected()).isEqualTo(2);
        assertThat(nb.counts().missing()).isEqualTo(2);
        assertThat(board.remind(newOfficer, "centre-quarterly", "2026Q3", newProvince, LocalDate.of(2026, 11, 1))).isEqualTo(2);
        // the reminded commune sees it on its home page
        assertThat(alerts.alertsFor(fx.user(Role.COMMUNE_OFFICER, n1), LocalDate.of(2026, 11, 1)))
                .anySatisfy(a -> {
                    assertThat(a.messageKey()).isEqualTo("report.alert.reminded");
                    assertThat(a.href()).isEqualTo("/reports?templateCode=centre-quarterly&period=2026Q3");
                });
        assertThatThrownBy(() -> board.remind(fx.user(Role.COMMUNE_OFFICER, n1), "centre-quarterly", "2026Q3", newProvince, LocalDate.now(vn.xhht.shared.VietnamClock.ZONE)))
                .isInstanceOf(AccessDeniedProblem.class);
        // the province moves the due date for its units
        deadlines.overrideDueDate(newOfficer, "centre-quarterly", "2026Q3", newProvince, LocalDate.of(2026, 10, 5));
        assertThat(board.board(newOfficer, "centre-quarterly", "2026Q3", newProvince, LocalDate.of(2026, 10, 3)).counts().notDue()).isEqualTo(2);
    }

    @Autowired
    BriefingMeetings meetings;

    @Test
    void quarterlyBriefingMinutesAreRecordedByTheOfficeAndReadBelow() {
        ReportFixtures fx = new ReportFixtures(jdbc);
        long province = fx.unit("Tỉnh Giao Ban", OrgUnit.PROVINCE, null, LocalDate.of(2025, 7, 1), null);
        long commune = fx.unit("Xã Giao Ban", OrgUnit.COMMUNE, province, LocalDate.of(2025, 7, 1), null);
        var officer = fx.user(Role.PROVINCE_OFFICER, province);
        assertThatThrownBy(() -> meetings.record(officer, province, new BriefingMeetings.Form("2026Q7", LocalDate.of(2026, 10, 5), null, null, null, " ")))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations()).extracting(InvalidInputProblem.Violation::field)
                        .containsExactly("periodCode", "minutes"));
        assertThatThrownBy(() -> meetings.record(officer, province, new BriefingMeetings.Form("2026Q1", LocalDate.of(2026, 10, 5), null, null, null, "x")))
                .satisfies(e -> assertThat(key(e)).isEqualTo("meeting.heldOn.range"));
        assertThatThrownBy(() -> meetings.record(fx.user(Role.COMMUNE_OFFICER, commune), commune,
                new BriefingMeetings.Form("2026Q3", LocalDate.of(2026, 10, 5), null, null, null, "x"))).isInstanceOf(AccessDeniedProblem.class);
        meetings.record(officer, province, new BriefingMeetings.Form("2026Q3", LocalDate.of(2026, 10, 5), "Hội trường Sở", "Phó Giám đốc Sở",
                "Giám đốc các TTHTCĐ", "Đánh giá hoạt động quý III; triển khai Tuần lễ học tập suốt đời."));
        assertThat(meetings.list(fx.user(Role.COMMUNE_OFFICER, commune), commune)).singleElement()
                .satisfies(m -> assertThat(m.periodLabel()).isEqualTo("Quý III/2026"));
    }

    private OrgUnit jdbcUnit(long id) {
        return jdbc.sql("select id from org_unit where id = :id").param("id", id).query(Long.class).optional()
                .map(x -> unitDirectory.require(x)).orElseThrow();
    }

    @Autowired
    vn.xhht.orgunit.OrgUnitDirectory unitDirectory;
}
