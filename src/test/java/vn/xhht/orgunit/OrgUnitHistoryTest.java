package vn.xhht.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

/** The structure of dates between 2019 and the list of March 2025, as the statistics office recorded it. */
@XhhtIntegrationTest
class OrgUnitHistoryTest {

    @Autowired
    OrgUnitDirectory directory;
    @Autowired
    StructureDates structureDates;
    @Autowired
    JdbcClient jdbc;

    private List<OrgUnit> communesOf(String districtCode, LocalDate date) {
        OrgUnit district = directory.findByCode(districtCode, OrgUnit.DISTRICT, date).orElseThrow();
        return directory.search(TestUsers.load(jdbc, "admin"), date, OrgUnit.COMMUNE, district.id(), null, 1000).stream()
                .filter(u -> !"TEST".equals(u.source())).toList();
    }

    @Test
    void goVapHadSixteenWardsIn2021AndTwelveIn2025() {
        assertThat(communesOf("764", LocalDate.of(2021, 6, 1))).hasSize(16);
        assertThat(communesOf("764", LocalDate.of(2025, 3, 1))).hasSize(12);
    }

    @Test
    void baDinhHadFourteenWardsIn2020() {
        assertThat(communesOf("001", LocalDate.of(2020, 6, 1))).hasSize(14)
                .extracting(OrgUnit::name).contains("Phường Nguyễn Trung Trực");
        assertThat(communesOf("001", LocalDate.of(2025, 3, 1))).hasSize(13)
                .extracting(OrgUnit::name).doesNotContain("Phường Nguyễn Trung Trực");
    }

    @Test
    void ducXuongExistedIn2019AndBecameQuangDucOnTheDateOfItsResolution() {
        OrgUnit in2019 = directory.findByCode("11071", OrgUnit.COMMUNE, LocalDate.of(2019, 6, 1)).orElseThrow();
        assertThat(in2019.name()).isEqualTo("Xã Đức Xương");
        assertThat(in2019.parentName()).isEqualTo("Huyện Gia Lộc");
        assertThat(in2019.validTo()).isEqualTo(LocalDate.of(2024, 11, 30));
        OrgUnit after = directory.findByCode("11071", OrgUnit.COMMUNE, LocalDate.of(2024, 12, 1)).orElseThrow();
        assertThat(after.name()).isEqualTo("Xã Quang Đức");
        assertThat(after.validFrom()).isEqualTo(LocalDate.of(2024, 12, 1));
        assertThat(after.id()).isNotEqualTo(in2019.id());
        assertThat(directory.predecessors(after.id())).extracting(s -> s.unit().name())
                .contains("Xã Đức Xương", "Xã Quang Minh");
    }

    @Test
    void aReusedCodeIsResolvedByDate() {
        assertThat(directory.findByCode("26872", OrgUnit.COMMUNE, LocalDate.of(2021, 6, 1)).orElseThrow().name())
                .isEqualTo("Phường 13");
        assertThat(directory.findByCode("26872", OrgUnit.COMMUNE, LocalDate.of(2025, 3, 1)).orElseThrow().name())
                .isEqualTo("Phường 15");
    }

    @Test
    void aCommuneRenamedTwiceHasThreeVersionsLinkedByItsCode() {
        OrgUnit first = directory.findByCode("07681", OrgUnit.COMMUNE, LocalDate.of(2019, 6, 1)).orElseThrow();
        OrgUnit second = directory.findByCode("07681", OrgUnit.COMMUNE, LocalDate.of(2022, 6, 1)).orElseThrow();
        OrgUnit third = directory.findByCode("07681", OrgUnit.COMMUNE, LocalDate.of(2025, 3, 1)).orElseThrow();
        assertThat(List.of(first.name(), second.name(), third.name()))
                .containsExactly("Thị trấn Neo", "Thị trấn Nham Biền", "Phường Nham Biền");
        assertThat(directory.successors(first.id())).singleElement()
                .satisfies(s -> assertThat(s.unit().id()).isEqualTo(second.id()));
        assertThat(directory.successors(second.id())).singleElement()
                .satisfies(s -> assertThat(s.unit().id()).isEqualTo(third.id()));
    }

    @Test
    void theOfficialCountsOfEachDateHold() {
        long march2025 = jdbc.sql("""
                select count(*) from org_unit where level = 3 and source in ('GSO-2025-03-01', 'GSO-2019-2025')
                   and (valid_from is null or valid_from <= date '2025-03-01') and valid_to >= date '2025-03-01'""")
                .query(Long.class).single();
        long start2019 = jdbc.sql("""
                select count(*) from org_unit where level = 3 and source in ('GSO-2025-03-01', 'GSO-2019-2025')
                   and valid_from is null and valid_to >= date '2019-01-01'""").query(Long.class).single();
        assertThat(march2025).isEqualTo(10047);
        assertThat(start2019).isEqualTo(11162);
    }

    @Test
    void datesBeforeTheEarliestStructureAreRefused() {
        assertThat(structureDates.earliest()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThatThrownBy(() -> structureDates.check("date", LocalDate.of(2018, 12, 31)))
                .isInstanceOf(InvalidInputProblem.class);
    }
}
