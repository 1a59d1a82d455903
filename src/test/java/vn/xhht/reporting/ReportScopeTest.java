package vn.xhht.reporting;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.orgunit.UnitScope;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.Role;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The report list and the report page agree for an officer of a province formed on 1/7/2025: the reports of the
 * units its province succeeded (wholly or in part) are listed and open; another province's are neither. Also pins
 * the four named unit scopes of orgunit on the same tree.
 */
@XhhtIntegrationTest
class ReportScopeTest {

    @Autowired
    ReportService reports;

    @Autowired

    ReportListing listing;
    @Autowired
    OrgUnitDirectory units;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeFixtures() {
        ReportFixtures.cleanAll(jdbc);
    }

    @Test
    void aNewProvinceOfficerListsExactlyTheReportsItMayOpen() {
        ReportFixtures fx = new ReportFixtures(jdbc);
        LocalDate end = LocalDate.of(2025, 6, 30);
        LocalDate start = LocalDate.of(2025, 7, 1);
        long oldProvince = fx.unit("Tỉnh Cũ Phạm Vi", OrgUnit.PROVINCE, null, null, end);
        long district = fx.unit("Huyện Cũ Phạm Vi", OrgUnit.DISTRICT, oldProvince, null, end);
        long oldCommune = fx.unit("Xã Cũ Phạm Vi", OrgUnit.COMMUNE, district, null, end);
        long splitProvince = fx.unit("Tỉnh Chia Phạm Vi", OrgUnit.PROVINCE, null, null, end);
        long splitCommune = fx.unit("Xã Chia Phạm Vi", OrgUnit.COMMUNE, splitProvince, null, end);
        long otherProvince = fx.unit("Tỉnh Khác Phạm Vi", OrgUnit.PROVINCE, null, start, null);
        long otherCommune = fx.unit("Xã Khác Phạm Vi", OrgUnit.COMMUNE, otherProvince, start, null);
        long newProvince = fx.unit("Tỉnh Mới Phạm Vi", OrgUnit.PROVINCE, null, start, null);
        long newCommune = fx.unit("Xã Mới Phạm Vi", OrgUnit.COMMUNE, newProvince, start, null);
        fx.succession(oldProvince, newProvince);
        jdbc.sql("insert into org_unit_succession (predecessor_id, successor_id, coverage, effective_on) values (:p, :s, 'PARTIAL', '2025-07-01')")
                .param("p", splitProvince).param("s", newProvince).update();

        long oldReport = quarterly(fx, oldCommune, "2024Q3");
        long splitReport = quarterly(fx, splitCommune, "2024Q3");
        long otherReport = quarterly(fx, otherCommune, "2026Q3");
        long newReport = quarterly(fx, newCommune, "2026Q3");

        var officer = fx.user(Role.PROVINCE_OFFICER, newProvince);
        List<Long> listed = listing.list(officer, null, null, null, 1000).stream().map(ReportListing.Summary::id).toList();
        assertThat(listed).contains(oldReport, splitReport, newReport).doesNotContain(otherReport);
        for (long id : List.of(oldReport, splitReport, newReport)) {
            assertThat(reports.require(officer, id).id()).isEqualTo(id);
        }
        assertThatThrownBy(() -> reports.require(officer, otherReport)).isInstanceOf(AccessDeniedProblem.class);
        // the list of one predecessor unit, asked for by id, is that unit's reports
        assertThat(listing.list(officer, null, null, district, 1000)).extracting(ReportListing.Summary::id).containsExactly(oldReport);

        // the named scopes on the same tree
        assertThat(scope(UnitScope.READ, newProvince)).contains(newProvince, newCommune, oldProvince, district, oldCommune, splitProvince, splitCommune)
                .doesNotContain(otherProvince, otherCommune);
        assertThat(scope(UnitScope.ROLLUP, newProvince)).contains(newProvince, newCommune, oldProvince, district, oldCommune)
                .doesNotContain(splitProvince, splitCommune, otherCommune);
        assertThat(scope(UnitScope.SUBTREE, newProvince)).containsExactlyInAnyOrder(newProvince, newCommune);
        assertThat(scope(UnitScope.LINE, oldCommune)).containsExactly(fx.nation(), oldProvince, district, oldCommune);
        // the Java access check says the same as the read scope
        assertThat(units.canRead(officer, oldCommune)).isTrue();
        assertThat(units.canRead(officer, splitCommune)).isTrue();
        assertThat(units.canRead(officer, otherCommune)).isFalse();
        assertThat(units.canWrite(officer, oldCommune)).isFalse();
        assertThat(units.canWrite(officer, newCommune)).isTrue();
        assertThat(units.within(UnitScope.READ, newProvince, splitCommune)).isTrue();
        assertThat(units.within(UnitScope.ROLLUP, newProvince, splitCommune)).isFalse();
        assertThat(units.within(UnitScope.ROLLUP, newProvince, oldCommune)).isTrue();
    }

    private List<Long> scope(UnitScope scope, long unit) {
        return jdbc.sql(scope.ids(":u") + " order by 1").param("u", unit).query(Long.class).list();
    }

    private long quarterly(ReportFixtures fx, long commune, String period) {
        Report r = reports.create(fx.user(Role.COMMUNE_OFFICER, commune), "centre-quarterly", period, commune);
        return r.id();
    }

}
