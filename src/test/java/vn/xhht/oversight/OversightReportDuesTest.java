package vn.xhht.oversight;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.platform.HomeAlert;
import vn.xhht.platform.HomeTask;
import vn.xhht.reporting.Report;
import vn.xhht.reporting.ReportService;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.shared.Certainty;
import vn.xhht.shared.Role;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list report's due dates are dated rows per province and level: a Hà Nội commune owes 30/6 and 30/12 since the
 * reform (a district before it), the home shows the coming one and the missed one, and sending the R30 report settles it.
 */
@XhhtIntegrationTest
class OversightReportDuesTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OversightReportDues dues;
    @Autowired
    OversightHome home;
    @Autowired
    ReportService reports;
    @Autowired
    ReviewWorkflow reviews;

    private long haNoi(int level, String validOn) {
        // the last unit by code of that level in Hà Nội: far from the Cao Bằng units the other tests use
        return jdbc.sql("""
                select u.id from org_unit u join org_unit p on p.id = u.province_id
                where p.code = '01' and p.level = 1 and u.level = :l and (u.valid_from is null or u.valid_from <= cast(:d as date))
                  and (u.valid_to is null or u.valid_to >= cast(:d as date))
                order by u.code desc limit 1
                """).param("l", level).param("d", validOn).query(Long.class).single();
    }

    @Test
    void aHaNoiCommuneOwesTheTwoHalfYearsAndTheHomeShowsTheComingAndTheMissedOne() {
        long commune = haNoi(3, "2026-01-01");
        TestUsers.User officer = new TestUsers.User(0, "y15.hanoi", "Cán bộ xã Hà Nội", Role.COMMUNE_OFFICER, commune);

        List<OversightReportDues.Due> year = dues.dues(commune, 2026, LocalDate.of(2026, 7, 5));
        assertThat(year).extracting(OversightReportDues.Due::dueDate).containsExactly(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 12, 30));
        assertThat(year).allMatch(d -> d.certainty() == Certainty.UNCERTAIN && d.legalBasis().contains("16/HD-PGDĐT"));
        assertThat(year.get(0).late()).isTrue();
        assertThat(year.get(1).late()).isFalse();

        List<HomeAlert> alerts = home.alertsFor(officer, LocalDate.of(2026, 7, 5));
        // the missed one of this half-year, and last year's second half still not sent
        assertThat(alerts).filteredOn(a -> a.messageKey().equals("oversight.alert.listReportLate"))
                .extracting(a -> a.args().get(1)).containsExactly("30/12/2025", "30/06/2026");
        assertThat(home.tasksFor(officer, LocalDate.of(2026, 7, 5))).noneMatch(t -> t.messageKey().equals("oversight.task.listReport"));
        List<HomeTask> december = home.tasksFor(officer, LocalDate.of(2026, 12, 1));
        assertThat(december).filteredOn(t -> t.messageKey().equals("oversight.task.listReport"))
                .extracting(HomeTask::dueDate).containsExactly(LocalDate.of(2026, 12, 30));

        // the commune sends its R30 report of the second half: the task goes, and it was sent in time
        Report r = reports.create(officer, OversightReportDues.TEMPLATE, "2026S2", commune);
        reviews.submit(officer, ReportService.SUBJECT, r.id());
        OversightReportDues.Due s2 = dues.dues(commune, 2026, LocalDate.of(2026, 12, 31)).get(1);
        assertThat(s2.submitted()).isTrue();
        assertThat(s2.late()).isFalse();
        assertThat(home.tasksFor(officer, LocalDate.of(2026, 12, 1))).noneMatch(t -> t.messageKey().equals("oversight.task.listReport"));
        assertThat(home.alertsFor(officer, LocalDate.of(2027, 1, 5))).filteredOn(a -> a.messageKey().equals("oversight.alert.listReportLate"))
                .extracting(a -> a.args().get(1)).doesNotContain("30/12/2026");
    }

    @Test
    void beforeTheReformTheDistrictOwedItAndAProvinceWithoutRowsOwesNothing() {
        long district = haNoi(2, "2024-01-01");
        assertThat(dues.dues(district, 2024, LocalDate.of(2024, 3, 1))).extracting(OversightReportDues.Due::certainty)
                .containsExactly(Certainty.SECONDARY, Certainty.SECONDARY);
        long canYen = TestUsers.unitId(jdbc, "01366", vn.xhht.orgunit.OrgUnit.COMMUNE, "2025-07-01");
        assertThat(dues.dues(canYen, 2026, LocalDate.of(2026, 7, 5))).isEmpty();
        TestUsers.User xa = TestUsers.load(jdbc, "xa.canyen");
        assertThat(home.alertsFor(xa, LocalDate.of(2026, 7, 5))).noneMatch(a -> a.messageKey().equals("oversight.alert.listReportLate"));
    }
}
