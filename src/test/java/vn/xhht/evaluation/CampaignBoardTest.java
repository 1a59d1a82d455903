package vn.xhht.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.review.SubmissionBoard.Standing;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.VietnamClock;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The campaign board of evaluation dossiers stands on review's one board: a dossier submitted before the campaign's
 * deadline is on time, after it late; one not submitted is not due, then missing; a returned one is returned. Moving
 * the campaign's deadline moves every standing. On a province of its own, so no other test's dossiers join it.
 */
@XhhtIntegrationTest
class CampaignBoardTest {

    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignBoard board;
    @Autowired
    EvaluationSteps steps;
    @Autowired
    ReviewWorkflow reviews;
    @Autowired
    VietnamClock clock;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private final List<Long> created = new java.util.ArrayList<>();
    private final String tag = "B" + (System.nanoTime() % 1000000);

    @AfterEach
    void removeFixtures() {
        if (created.isEmpty()) {
            return;
        }
        String in = created.stream().map(String::valueOf).collect(Collectors.joining(","));
        for (String sql : new String[]{
                "delete from evaluation_score where evaluation_id in (select id from evaluation where owner_unit_id in (%s))",
                "delete from evaluation_event where evaluation_id in (select id from evaluation where owner_unit_id in (%s))",
                "delete from review_event e using review_state s where e.subject_type = s.subject_type and e.subject_id = s.subject_id and s.owner_unit_id in (%s)",
                "delete from review_state where owner_unit_id in (%s)",
                "delete from evaluation where owner_unit_id in (%s)",
                "delete from eval_campaign_unit where campaign_id in (select id from eval_campaign where owner_unit_id in (%s))",
                "delete from eval_campaign where owner_unit_id in (%s)",
                "delete from org_unit where id in (%s) and level = 3",
                "delete from org_unit where id in (%s)"}) {
            jdbc.sql(sql.formatted(in)).update();
        }
    }

    private long unit(String name, int level, Long parent) {
        long p = parent != null ? parent : jdbc.sql("select id from org_unit where level = 0").query(Long.class).single();
        long id = jdbc.sql("""
                insert into org_unit (code, name, type, level, parent_id, valid_from, source)
                values (:code, :name, 'Thử', :level, :parent, '2025-07-01', 'TEST') returning id
                """).param("code", tag + "-" + name.hashCode()).param("name", name + " " + tag).param("level", level).param("parent", p)
                .query(Long.class).single();
        jdbc.sql("""
                update org_unit u set path = pu.path || u.id || '/', province_id = case when u.level = 1 then u.id else pu.province_id end
                from org_unit pu where pu.id = u.parent_id and u.id = :id
                """).param("id", id).update();
        created.add(id);
        return id;
    }

    @Test
    void theCampaignBoardTellsWhoHasSubmittedAndWhoIsLateByReviewsRule() {
        LocalDate today = clock.today();
        long province = unit("Tỉnh Bảng Hồ Sơ", OrgUnit.PROVINCE, null);
        long an = unit("Xã An Bảng", OrgUnit.COMMUNE, province);
        long binh = unit("Xã Bình Bảng", OrgUnit.COMMUNE, province);
        long chau = unit("Xã Châu Bảng", OrgUnit.COMMUNE, province);
        var officer = new TestUsers.User(-1, tag.toLowerCase() + ".so", "Cán bộ sở thử", Role.PROVINCE_OFFICER, province);
        CampaignService.Campaign c = campaigns.open(officer, province, "tt25-2023-commune", 2025, null, null, null, today.plusDays(10),
                today.plusDays(40));
        Map<Long, Long> dossierOf = jdbc.sql("select owner_unit_id, id from evaluation where campaign_id = :c").param("c", c.id())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(dossierOf).containsOnlyKeys(an, binh, chau);

        // the submission itself is review's (the dossier's own checks are EvaluationWorkflowTest's)
        reviews.submit(new TestUsers.User(-1, tag.toLowerCase() + ".an", "Xã An", Role.COMMUNE_OFFICER, an), EvaluationService.SUBJECT, dossierOf.get(an));
        reviews.submit(new TestUsers.User(-1, tag.toLowerCase() + ".binh", "Xã Bình", Role.COMMUNE_OFFICER, binh), EvaluationService.SUBJECT, dossierOf.get(binh));
        steps.returnWithReasons(officer, dossierOf.get(binh), "Thiếu biên bản tự đánh giá.");

        CampaignBoard.Board b = board.board(officer, c.id(), today);
        assertThat(standings(b)).containsExactly(Map.entry(an, Standing.ON_TIME), Map.entry(binh, Standing.RETURNED), Map.entry(chau, Standing.NOT_DUE));
        assertThat(b.counts().expected()).isEqualTo(3);
        assertThat(b.counts().onTime()).isEqualTo(1);
        assertThat(b.counts().late()).isZero();
        assertThat(b.counts().returned()).isEqualTo(1);
        assertThat(b.lines()).allSatisfy(l -> assertThat(l.dueDate()).isEqualTo(today.plusDays(10)));

        // the deadline moved to yesterday: today's submission is late, the dossier never sent is missing
        campaigns.updateTimetable(officer, c.id(), c.selfFrom(), c.selfTo(), today.minusDays(1), c.decisionDue(), c.version());
        b = board.board(officer, c.id(), today);
        assertThat(standings(b)).containsExactly(Map.entry(an, Standing.LATE), Map.entry(binh, Standing.RETURNED), Map.entry(chau, Standing.MISSING));
        assertThat(b.counts().late()).isEqualTo(1);
        assertThat(b.counts().missing()).isEqualTo(1);

        var stranger = new TestUsers.User(-1, tag.toLowerCase() + ".x", "Xã khác", Role.COMMUNE_OFFICER,
                TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01"));
        assertThatThrownBy(() -> board.board(stranger, c.id(), today)).isInstanceOf(AccessDeniedProblem.class);

        Http admin = Http.session(port, new java.net.CookieManager());
        admin.login("admin", "xhht-demo");
        var page = admin.get("/evaluations/campaigns/" + c.id() + "/board");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Theo dõi nộp hồ sơ đánh giá", "Xã An Bảng " + tag, "Nộp trễ hạn", "Quá hạn, chưa nộp", "Bị trả lại",
                "data-standing=\"LATE\"");
        assertThat(admin.get("/evaluations/campaigns/" + c.id()).body()).contains("/evaluations/campaigns/" + c.id() + "/board");
    }

    private static List<Map.Entry<Long, Standing>> standings(CampaignBoard.Board b) {
        return b.lines().stream().map(l -> Map.entry(l.unitId(), l.standing())).toList();
    }
}
