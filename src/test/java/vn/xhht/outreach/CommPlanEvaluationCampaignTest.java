package vn.xhht.outreach;

import java.net.CookieManager;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.evaluation.CampaignService;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.VietnamClock;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A communication plan item can be about an evaluation campaign the office sees; another province's is refused. */
@XhhtIntegrationTest
class CommPlanEvaluationCampaignTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommunicationPlans plans;
    @Autowired
    CampaignService campaigns;
    @Autowired
    VietnamClock clock;

    @Test
    void anItemLinksAnEvaluationCampaignOfItsAreaAndNotAnotherProvincesOne() {
        var caoBang = TestUsers.load(jdbc, "so.caobang");
        long haNoiId = TestUsers.unitId(jdbc, "01", OrgUnit.PROVINCE, "2025-07-01");
        var haNoi = new TestUsers.User(-16, "so.hanoi.w16", "Chuyên viên Sở Hà Nội", Role.PROVINCE_OFFICER, haNoiId);
        int year = clock.year();
        String t = UUID.randomUUID().toString().substring(0, 6);
        long own = campaigns.open(caoBang, caoBang.unitId(), "tt25-2023-commune", year, "Đánh giá cộng đồng học tập cấp xã " + t,
                null, null, null, null).id();
        long foreign = campaigns.open(haNoi, haNoiId, "tt25-2023-commune", year, "Đánh giá của Hà Nội " + t, null, null, null, null).id();

        String topic = "Tuyên truyền đợt đánh giá trên loa xã " + t;
        assertThatThrownBy(() -> plans.create(caoBang, new CommunicationPlans.Form(caoBang.unitId(), year, "LOUDSPEAKER", topic,
                clock.today().withDayOfYear(1), "Phòng Văn hóa - Xã hội", null, foreign, null)))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations()).anyMatch(v -> v.field().equals("evalCampaignId")));
        assertThat(jdbc.sql("select count(*) from comm_plan_item where topic = :t").param("t", topic).query(Long.class).single()).isZero();

        long id = plans.create(caoBang, new CommunicationPlans.Form(caoBang.unitId(), year, "LOUDSPEAKER", topic,
                clock.today().withDayOfYear(1), "Phòng Văn hóa - Xã hội", null, own, null));
        CommunicationPlans.Item item = plans.get(caoBang, id);
        assertThat(item.evalCampaignId()).isEqualTo(own);
        assertThat(item.evalCampaignName()).isEqualTo("Đánh giá cộng đồng học tập cấp xã " + t);
        assertThatThrownBy(() -> plans.update(caoBang, id, new CommunicationPlans.Form(caoBang.unitId(), year, "LOUDSPEAKER", topic,
                clock.today().withDayOfYear(1), "Phòng Văn hóa - Xã hội", null, foreign, item.version())))
                .isInstanceOf(InvalidInputProblem.class);
        assertThat(plans.get(caoBang, id).evalCampaignId()).isEqualTo(own);

        Http h = Http.session(port, new CookieManager());
        assertThat(h.login("so.caobang", "xhht-demo")).doesNotContain("error");
        String page = h.get("/outreach/communication/" + id).body();
        assertThat(page).contains("id=\"eval-campaign\"").contains("Đánh giá cộng đồng học tập cấp xã " + t).doesNotContain("Đánh giá của Hà Nội " + t);
    }
}
