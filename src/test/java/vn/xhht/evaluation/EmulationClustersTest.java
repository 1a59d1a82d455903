package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seed 004's emulation as data: a plan of 5 contents and 10 criteria, clusters, quarterly briefings, ranked results. */
@XhhtIntegrationTest
class EmulationClustersTest {

    @Autowired
    EmulationClusters emulation;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    static List<String> fields(Throwable e) {
        return ((InvalidInputProblem) e).violations().stream().map(InvalidInputProblem.Violation::field).toList();
    }

    @Test
    void planClustersBriefingsAndResults() {
        var province = TestUsers.load(jdbc, "so.caobang");
        var commune = TestUsers.load(jdbc, "xa.canyen");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        List<Long> wards = jdbc.sql("select id from org_unit where parent_id = :p and valid_to is null and id <> :c order by id limit 5")
                .param("p", caoBang).param("c", canYen).query(Long.class).list();
        int year = LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).getYear() - 1;
        StringBuilder lines = new StringBuilder();
        for (int c = 1; c <= 5; c++) {
            lines.append("Nội dung ").append(c).append("; Tiêu chí ").append(c).append(".1; 10\n");
            lines.append("Nội dung ").append(c).append("; Tiêu chí ").append(c).append(".2; 10\n");
        }
        // a bad line is named and nothing is saved
        assertThatThrownBy(() -> emulation.createPlan(province, caoBang, year, "Kế hoạch thi đua " + year, "Hội Khuyến học tỉnh",
                lines + "Nội dung 6; Tiêu chí 6.1\n"))
                .satisfies(x -> assertThat(((InvalidInputProblem) x).violations().get(0).args()).containsExactly(11));
        assertThatThrownBy(() -> emulation.createPlan(commune, caoBang, year, "X", "Y", lines.toString())).isInstanceOf(AccessDeniedProblem.class);
        EmulationClusters.Plan plan = emulation.createPlan(province, caoBang, year, "Kế hoạch thi đua khuyến học " + year + " " + System.nanoTime(),
                "Hội Khuyến học tỉnh Cao Bằng", lines.toString());
        assertThat(plan.contentCount()).isEqualTo(5);
        assertThat(plan.items()).hasSize(10);
        assertThat(plan.maxTotal()).isEqualByComparingTo("100");

        // three clusters of the province's communes; a unit outside the area is refused
        EmulationClusters.Cluster c1 = emulation.createCluster(province, plan.id(), "Cụm 1", List.of(canYen, wards.get(0)));
        emulation.createCluster(province, plan.id(), "Cụm 2", List.of(wards.get(1), wards.get(2)));
        emulation.createCluster(province, plan.id(), "Cụm 3", List.of(wards.get(3), wards.get(4)));
        long hanoi = TestUsers.unitId(jdbc, "01", OrgUnit.PROVINCE, "2025-07-01");
        assertThatThrownBy(() -> emulation.createCluster(province, plan.id(), "Cụm 4", List.of(hanoi))).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> emulation.createCluster(province, plan.id(), "Cụm 1", List.of(canYen)))
                .satisfies(x -> assertThat(fields(x)).containsExactly("name"));
        assertThat(emulation.clusters(plan.id())).extracting(EmulationClusters.ClusterLine::name).containsExactly("Cụm 1", "Cụm 2", "Cụm 3");

        // briefings in quarters I–III: a date outside the quarter is refused; quarter IV is reported missing
        assertThatThrownBy(() -> emulation.addBriefing(province, c1.id(), 2, LocalDate.of(year, 7, 1), null))
                .satisfies(x -> assertThat(fields(x)).containsExactly("heldOn"));
        emulation.addBriefing(province, c1.id(), 1, LocalDate.of(year, 3, 20), "Giao ban quý I");
        emulation.addBriefing(province, c1.id(), 2, LocalDate.of(year, 6, 18), null);
        emulation.addBriefing(province, c1.id(), 3, LocalDate.of(year, 9, 25), null);
        assertThat(emulation.cluster(province, c1.id()).quartersWithoutBriefing(LocalDate.of(year + 1, 1, 5))).containsExactly(4);

        // points above a criterion's maximum refused with the field named; results ranked, ties share a rank
        long first = plan.items().get(0).id();
        long second = plan.items().get(1).id();
        assertThatThrownBy(() -> emulation.saveScores(province, c1.id(), canYen, Map.of(first, new BigDecimal("1000"))))
                .satisfies(x -> assertThat(fields(x)).containsExactly("score_" + first));
        assertThatThrownBy(() -> emulation.saveScores(province, c1.id(), wards.get(1), Map.of(first, BigDecimal.ONE)))
                .satisfies(x -> assertThat(fields(x)).containsExactly("unitId"));
        Map<Long, BigDecimal> canYenPoints = new LinkedHashMap<>();
        plan.items().forEach(i -> canYenPoints.put(i.id(), new BigDecimal("9")));
        emulation.saveScores(province, c1.id(), canYen, canYenPoints);
        emulation.saveScores(province, c1.id(), wards.get(0), Map.of(first, new BigDecimal("10"), second, new BigDecimal("8.5")));
        assertThatThrownBy(() -> emulation.saveScores(commune, c1.id(), canYen, Map.of(first, BigDecimal.TEN))).isInstanceOf(AccessDeniedProblem.class);
        List<EmulationClusters.Result> results = emulation.results(commune, c1.id());
        assertThat(results).extracting(EmulationClusters.Result::unitId).containsExactly(canYen, wards.get(0));
        assertThat(results.get(0).total()).isEqualByComparingTo("90");
        assertThat(results.get(0).complete()).isTrue();
        assertThat(results.get(1).total()).isEqualByComparingTo("18.5");
        assertThat(results.get(1).rank()).isEqualTo(2);
        assertThat(results.get(1).complete()).isFalse();

        // the pages: the commune reads its cluster's results, the province manages; bad input comes back with a message
        Http communePage = Http.session(port, new java.net.CookieManager());
        communePage.login("xa.canyen", "xhht-demo");
        String page = communePage.get("/evaluations/emulation/clusters/" + c1.id()).body();
        assertThat(page).contains("Kết quả thi đua của cụm", "Chưa có giao ban quý: 4.").doesNotContain("id=\"scoring\"");
        Http office = Http.session(port, new java.net.CookieManager());
        office.login("so.caobang", "xhht-demo");
        assertThat(office.get("/evaluations/emulation?unitId=" + caoBang).body()).contains(plan.title(), "5 nội dung, 10 tiêu chí, tổng 100 điểm", "Cụm 3");
        String csrf = office.csrfToken("/evaluations/emulation/clusters/" + c1.id());
        var bad = office.postForm("/evaluations/emulation/clusters/" + c1.id() + "/scores",
                Map.of("unitId", String.valueOf(canYen), "score_" + first, "abc", "_csrf", csrf));
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(office.get("/evaluations/emulation/clusters/" + c1.id()).body()).contains("„abc“ không phải là số.", "value=\"abc\"");
        assertThat(emulation.results(province, c1.id()).get(0).points().get(first)).isEqualByComparingTo("9");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'EmulationScore' and entity_id = :id")
                .param("id", c1.id() + "/" + canYen).query(Integer.class).single()).as("one row per save, none for the refused one").isEqualTo(1);
    }
}
