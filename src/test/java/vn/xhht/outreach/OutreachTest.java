package vn.xhht.outreach;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.xhht.centre.ActivityDisruptions;
import vn.xhht.centre.CentreRegistry;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Role;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Communication plans, border cooperation, contingency and reading culture on real PostgreSQL (issue 16). */
@XhhtIntegrationTest
class OutreachTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The smallest PNG: what a photo of evidence looks like to the type check. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommunicationPlans plans;
    @Autowired
    BorderCooperation coop;
    @Autowired
    Contingency contingency;
    @Autowired
    ReadingCulture reading;
    @Autowired
    CentreRegistry centres;
    @Autowired
    OutreachReportFigures figures;

    /** A year of the far future no other test plans in, so counts over it are exact. */
    @Autowired
    vn.xhht.support.TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void backToToday() {
        clock.reset();
    }

    static int freshYear() {
        return 2050 + ThreadLocalRandom.current().nextInt(0, 50);
    }

    TestUsers.User so() {
        return TestUsers.load(jdbc, "so.caobang");
    }

    TestUsers.User xa() {
        return TestUsers.load(jdbc, "xa.canyen");
    }

    /** An officer of Hà Nội: another province. */
    TestUsers.User haNoi() {
        return new TestUsers.User(-7, "so.hanoi.test", "Sở Hà Nội", Role.PROVINCE_OFFICER, TestUsers.unitId(jdbc, "01", OrgUnit.PROVINCE, "2025-07-01"));
    }

    @Test
    void aCommunicationItemIsPlannedMarkedDoneOnlyWithEvidenceAndCounted() {
        var so = so();
        int year = 2026;
        long unit = so.unitId();
        String topic = "Tuyên truyền Tuần lễ học tập suốt đời " + UUID.randomUUID();
        assertThatThrownBy(() -> plans.create(so, new CommunicationPlans.Form(unit, year, "PIGEON", " ", LocalDate.of(2027, 1, 1), "", null, null)))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations()).extracting(InvalidInputProblem.Violation::field)
                        .contains("channelCode", "topic", "plannedOn", "responsibleUnit"));
        long id = plans.create(so, new CommunicationPlans.Form(unit, year, "LOUDSPEAKER", topic, LocalDate.of(year, 10, 1), "Đài truyền thanh xã", null, null));
        assertThat(plans.list(so, unit, year)).extracting(CommunicationPlans.Item::topic).contains(topic);
        assertThatThrownBy(() -> plans.get(haNoi(), id)).isInstanceOf(AccessDeniedProblem.class);

        CommunicationPlans.Item item = plans.get(so, id);
        assertThatThrownBy(() -> plans.mark(so, id, new CommunicationPlans.Mark(true, LocalDate.of(year, 10, 2), null, item.version()), List.of()))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations()).extracting(InvalidInputProblem.Violation::field)
                        .containsExactly("files"));
        assertThatThrownBy(() -> plans.mark(so, id, new CommunicationPlans.Mark(false, LocalDate.of(year, 10, 2), " ", item.version()), List.of()))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations()).extracting(InvalidInputProblem.Violation::field)
                        .containsExactly("note"));
        assertThatThrownBy(() -> plans.mark(so, id, new CommunicationPlans.Mark(true, LocalDate.of(year, 10, 2), null, item.version()),
                List.of(new EvidenceStore.Upload("bai.txt", "not an image".getBytes()))))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("files"));
        assertThat(plans.get(so, id).done()).isNull();

        // the photo chosen on a refused form is kept (the text file is not) and attached by the next save without choosing it again
        List<vn.xhht.evidence.EvidenceFile> kept = plans.keepFiles(so, unit,
                List.of(new EvidenceStore.Upload("loa.png", PNG), new EvidenceStore.Upload("bai.txt", "not an image".getBytes())));
        assertThat(kept).extracting(vn.xhht.evidence.EvidenceFile::fileName).containsExactly("loa.png");
        plans.mark(so, id, new CommunicationPlans.Mark(true, LocalDate.of(year, 10, 2), "Phát 3 buổi", item.version()),
                List.of(), kept.stream().map(vn.xhht.evidence.EvidenceFile::id).toList());
        CommunicationPlans.Item done = plans.get(so, id);
        assertThat(done.done()).isTrue();
        assertThat(plans.evidence(id)).hasSize(1);
        // the version the user opened is stale now
        assertThatThrownBy(() -> plans.update(so, id, new CommunicationPlans.Form(unit, year, "RADIO", topic, LocalDate.of(year, 10, 1), "Đài",
                null, item.version()))).isInstanceOf(ConcurrentEditProblem.class);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'CommPlanItem' and entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(2);

        // figures over a far-future year are this test's alone
        int far = freshYear();
        clock.pin(LocalDate.of(far, 1, 1)); // far years are past the input horizon of the real today
        long a = plans.create(so, new CommunicationPlans.Form(unit, far, "WEBSITE", "Bài viết " + far, LocalDate.of(far, 3, 1), "Phòng", null, null));
        plans.create(so, new CommunicationPlans.Form(unit, far, "SOCIAL", "Bài đăng " + far, LocalDate.of(far, 4, 1), "Phòng", null, null));
        plans.mark(so, a, new CommunicationPlans.Mark(false, LocalDate.of(far, 3, 2), "Mất điện", null), List.of());
        Map<String, BigDecimal> v = figures.values(unit, LocalDate.of(far, 1, 1), LocalDate.of(far, 12, 31));
        assertThat(v.get("outreach.comm.planned")).isEqualByComparingTo("2");
        assertThat(v.get("outreach.comm.done")).isEqualByComparingTo("0");
        assertThat(v.get("outreach.comm.notDone")).isEqualByComparingTo("1");
    }

    @Test
    void theApiNamesTheFieldAndRefusesAnotherProvincesUnit() {
        Http api = Http.basic(port, "so.caobang", "xhht-demo");
        HttpResponse<String> bad = api.postJson("/api/v1/communication-plans", "{\"year\": 2026, \"channelCode\": \"LOUDSPEAKER\", \"topic\": \"x\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("content-type").orElse("")).contains("problem+json");
        assertThat(bad.body()).contains("plannedOn").contains("responsibleUnit");
        long haNoi = haNoi().unitId();
        HttpResponse<String> foreign = api.postJson("/api/v1/communication-plans", """
                {"unitId": %d, "year": 2026, "channelCode": "RADIO", "topic": "Bài %s", "plannedOn": "2026-05-01", "responsibleUnit": "Đài"}
                """.formatted(haNoi, UUID.randomUUID()));
        assertThat(foreign.statusCode()).isIn(400, 403);
        HttpResponse<String> ok = api.postJson("/api/v1/communication-plans", """
                {"year": 2026, "channelCode": "RADIO", "topic": "Bài %s", "plannedOn": "2026-05-01", "responsibleUnit": "Đài"}
                """.formatted(UUID.randomUUID()));
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(ok.body()).path("done").isNull()).isTrue();
        Http browser = Http.session(port, new java.net.CookieManager());
        browser.login("so.caobang", "xhht-demo");
        HttpResponse<byte[]> xlsx = browser.getBytes("/outreach/communication.xlsx?year=2026");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");
    }

    @Test
    void aRefusedProgrammeKeepsWhatWasTypedAndNamesTheFieldOnThePage() {
        Http browser = Http.session(port, new java.net.CookieManager());
        browser.login("so.caobang", "xhht-demo");
        String title = "Chương trình giữ chữ " + UUID.randomUUID();
        HttpResponse<String> refused = browser.postForm("/outreach/cooperation/programmes", Map.of(
                "_csrf", browser.csrfToken("/outreach/cooperation"), "number", "12/CT", "title", title,
                "parties", "Đồn Biên phòng", "startsOn", "2026-02-30", "endsOn", ""));
        assertThat(refused.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(refused.body());
        // the typed title is on the form again, and the bad date has its message next to it
        assertThat(page.select("#pr-title").attr("value")).isEqualTo(title);
        assertThat(page.select("#pr-number").attr("value")).isEqualTo("12/CT");
        assertThat(page.select("#pr-startsOn").hasClass("invalid")).isTrue();
        assertThat(page.select("#pr-startsOn + .field-error").text()).isNotBlank();
    }

    @Test
    void aBorderPostCoversBorderCommunesAndModelsKeepBlankApartFromZero() {
        var so = so();
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        boolean border = jdbc.sql("select border_commune from org_unit where id = :id").param("id", canYen).query(Boolean.class).single();
        assertThat(border).as("the demo marks Xã Cần Yên a border commune").isTrue();
        long post = coop.createPost(so, so.unitId(), "Đồn Biên phòng Cần Yên " + UUID.randomUUID(), null);
        coop.cover(so, post, canYen, LocalDate.of(2025, 7, 1), null);
        long inland = jdbc.sql("select id from org_unit where level = 3 and not border_commune and valid_to is null and parent_id = :p limit 1")
                .param("p", so.unitId()).query(Long.class).single();
        assertThatThrownBy(() -> coop.cover(so, post, inland, LocalDate.of(2025, 7, 1), null))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("communeId"));
        assertThat(coop.post(so, post).communes()).extracting(BorderCooperation.Coverage::communeId).containsExactly(canYen);

        long pr = coop.createProgramme(so, new BorderCooperation.ProgrammeForm(so.unitId(), "05/CTPH-" + UUID.randomUUID().toString().substring(0, 6),
                "Phối hợp tuyên truyền, xóa mù chữ vùng biên giới", "Sở GD&ĐT; Bộ Chỉ huy BĐBP tỉnh", LocalDate.of(2018, 1, 1), LocalDate.of(2025, 12, 31), null));
        int far = freshYear();
        clock.pin(LocalDate.of(far, 1, 1)); // far years are past the input horizon of the real today
        coop.addModel(so, pr, new BorderCooperation.ModelForm(BorderCooperation.ModelKind.ADOPT_CHILD, "Con nuôi đồn Biên phòng", post, canYen, far, null, null));
        Map<String, BigDecimal> v = figures.values(so.unitId(), LocalDate.of(far, 1, 1), LocalDate.of(far, 12, 31));
        assertThat(v).as("blank counts are not reported, not 0").doesNotContainKeys("outreach.coop.children", "outreach.coop.households");
        coop.addModel(so, pr, new BorderCooperation.ModelForm(BorderCooperation.ModelKind.SCHOOL_SUPPORT, "Nâng bước em đến trường", post, canYen, far, 12, null));
        v = figures.values(so.unitId(), LocalDate.of(far, 1, 1), LocalDate.of(far, 12, 31));
        assertThat(v.get("outreach.coop.children")).isEqualByComparingTo("12");
        assertThat(v).doesNotContainKey("outreach.coop.households");

        coop.addScheduleItem(so, pr, new BorderCooperation.ScheduleForm(post, LocalDate.of(2025, 9, 5), "Trao học bổng", canYen));
        long foreignPost = coop.createPost(haNoi(), haNoi().unitId(), "Đồn khác " + UUID.randomUUID(), null);
        assertThatThrownBy(() -> coop.addScheduleItem(so, pr, new BorderCooperation.ScheduleForm(foreignPost, LocalDate.of(2025, 9, 6), "Lịch", null)))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("postId"));
        assertThat(coop.programme(so, pr).schedule()).extracting(BorderCooperation.ScheduleItem::postId).containsExactly(post);
    }

    @Test
    void activatingAFloodScenarioMovesThePlannedActivitiesOnlyAndReportsCountThemApart() {
        var xa = xa();
        long centre = centres.ofCommune(xa.unitId()).orElseThrow().id();
        // the scenario form's drop-down offers the commune's own centre, with its commune
        assertThat(centres.choices(xa, LocalDate.of(2026, 1, 1), 2000)).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo(centre);
            assertThat(c.communeName()).isNotBlank();
        });
        int far = freshYear();
        clock.pin(LocalDate.of(far, 1, 1)); // far years are past the input horizon of the real today
        LocalDate day = LocalDate.of(far, 8, 10);
        long planned = activity(centre, day, "Sinh hoạt chuyên đề " + far);
        long other = activity(centre, day.plusDays(40), "Ngoài thời gian " + far);
        long id = contingency.save(xa, new Contingency.Form(null, centre, Contingency.Hazard.FLOOD, ActivityDisruptions.Action.ONLINE, null,
                "Giám đốc TTHTCĐ", null, null));
        assertThatThrownBy(() -> contingency.save(xa, new Contingency.Form(null, centre, Contingency.Hazard.FLOOD, ActivityDisruptions.Action.MOVE_VENUE,
                " ", "Giám đốc", null, null))).isInstanceOfSatisfying(InvalidInputProblem.class,
                e -> assertThat(e.violations()).extracting(InvalidInputProblem.Violation::field).containsExactly("altVenue"));
        assertThatThrownBy(() -> contingency.activate(xa, id, new Contingency.ActivationForm(day, day.minusDays(1), "")))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations()).extracting(InvalidInputProblem.Violation::field)
                        .contains("endsOn", "reason"));
        long act = contingency.activate(xa, id, new Contingency.ActivationForm(day.minusDays(2), day.plusDays(2), "Lũ quét tại xã"));
        List<ActivityDisruptions.Affected> affected = contingency.affected(xa, id, act);
        assertThat(affected).extracting(ActivityDisruptions.Affected::activityId).containsExactly(planned);
        assertThat(affected.get(0).venue()).isEqualTo(ActivityDisruptions.ONLINE_VENUE);
        assertThat(affected.get(0).originalVenue()).isEqualTo("Nhà văn hóa thôn");
        assertThat(affected.get(0).reason()).isEqualTo("Lũ quét tại xã");
        assertThat(jdbc.sql("select venue from activity where id = :id").param("id", other).query(String.class).single()).isEqualTo("Nhà văn hóa thôn");
        // activating again over the same days moves nothing twice
        long again = contingency.activate(xa, id, new Contingency.ActivationForm(day.minusDays(2), day.plusDays(2), "Lũ kéo dài"));
        assertThat(contingency.get(xa, id).activations()).extracting(Contingency.Activation::affected).contains(1);
        assertThat(again).isNotEqualTo(act);
        Map<String, BigDecimal> v = figures.values(xa.unitId(), LocalDate.of(far, 1, 1), LocalDate.of(far, 12, 31));
        assertThat(v.get("outreach.contingency.online")).isEqualByComparingTo("1");
        assertThat(v.get("outreach.contingency.postponed")).isEqualByComparingTo("0");
        assertThatThrownBy(() -> contingency.get(haNoi(), id)).isInstanceOf(AccessDeniedProblem.class);
    }

    @Test
    void theReadingViewCountsEveryCentresBookcaseAndTheOfficePlanKeepsItsVersion() {
        var xa = xa();
        long centre = centres.ofCommune(xa.unitId()).orElseThrow().id();
        int far = freshYear();
        clock.pin(LocalDate.of(far, 1, 1)); // far years are past the input horizon of the real today
        long book = jdbc.sql("insert into book (centre_id, title, copies) values (:c, :t, 3) returning id").param("c", centre)
                .param("t", "Sách kỹ thuật chăn nuôi " + far).query(Long.class).single();
        jdbc.sql("insert into book_loan (book_id, borrower, out_on) values (:b, 'Nguyễn Văn A', :d)").param("b", book).param("d", LocalDate.of(far, 4, 21)).update();
        jdbc.sql("insert into book_loan (book_id, borrower, out_on, back_on) values (:b, 'Lò Thị B', :d, :d)").param("b", book).param("d", LocalDate.of(far, 4, 22)).update();
        ReadingCulture.Overview o = reading.overview(xa, xa.unitId(), far);
        var shelf = o.shelves().stream().filter(s -> s.centreId() == centre).findFirst().orElseThrow();
        assertThat(shelf.loansInYear()).isEqualTo(2);
        assertThat(shelf.loansByMonth().get(java.time.YearMonth.of(far, 4))).isEqualTo(2);
        assertThat(shelf.copies()).isGreaterThanOrEqualTo(3);

        reading.savePlan(xa, xa.unitId(), far, "Xây dựng tủ sách ở 100% thôn", null);
        ReadingCulture.Plan p = reading.overview(xa, xa.unitId(), far).plan();
        assertThat(p.content()).isEqualTo("Xây dựng tủ sách ở 100% thôn");
        reading.savePlan(xa, xa.unitId(), far, "Phát triển văn hóa đọc", p.version());
        assertThatThrownBy(() -> reading.savePlan(xa, xa.unitId(), far, "Bản cũ", p.version())).isInstanceOf(ConcurrentEditProblem.class);
        assertThatThrownBy(() -> reading.savePlan(xa, xa.unitId(), far, "  ", p.version() + 1))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("content"));
    }

    long activity(long centre, LocalDate day, String title) {
        long province = jdbc.sql("select province_id from centre where id = :c").param("c", centre).query(Long.class).single();
        return jdbc.sql("""
                insert into activity (centre_id, province_id, type_code, topic_code, title, start_date, end_date, venue, participations)
                values (:c, :p, (select code from activity_type order by code limit 1), (select code from topic order by code limit 1), :t, :d, :d,
                        'Nhà văn hóa thôn', 0) returning id
                """).param("c", centre).param("p", province).param("t", title).param("d", day).query(Long.class).single();
    }
}
