package vn.xhht.orgunit;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The national data as loaded at first start, read through the module's API on real PostgreSQL. */
@XhhtIntegrationTest
class OrgUnitHierarchyTest {

    static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
    static final LocalDate AFTER = LocalDate.of(2025, 7, 1);

    @Autowired
    OrgUnitDirectory directory;
    @Autowired
    JdbcClient jdbc;

    TestUsers.User admin() {
        return TestUsers.load(jdbc, "admin");
    }

    @Test
    void bothStructuresAreLoadedWithTheOfficialCounts() {
        assertThat(official(BEFORE, OrgUnit.PROVINCE)).isEqualTo(63);
        assertThat(official(BEFORE, OrgUnit.DISTRICT)).isEqualTo(696);
        assertThat(official(BEFORE, OrgUnit.COMMUNE)).isEqualTo(10047);
        assertThat(official(AFTER, OrgUnit.PROVINCE)).isEqualTo(34);
        assertThat(official(AFTER, OrgUnit.DISTRICT)).isZero();
        assertThat(official(AFTER, OrgUnit.COMMUNE)).isEqualTo(3321);
    }

    /** Units of the official lists (other tests of the run add fixture units with source TEST). */
    private long official(LocalDate date, int level) {
        return directory.search(admin(), date, level, null, null, 20000).stream()
                .filter(u -> !"TEST".equals(u.source())).count();
    }

    @Test
    void aReusedCodeMeansDifferentUnitsOnEitherSideOfTheReform() {
        OrgUnit before = directory.findByCode("00004", OrgUnit.COMMUNE, BEFORE).orElseThrow();
        OrgUnit after = directory.findByCode("00004", OrgUnit.COMMUNE, AFTER).orElseThrow();
        assertThat(before.name()).isEqualTo("Phường Trúc Bạch");
        assertThat(before.parentName()).isEqualTo("Quận Ba Đình");
        assertThat(before.validTo()).isEqualTo(BEFORE);
        assertThat(after.name()).isEqualTo("Phường Ba Đình");
        assertThat(after.parentName()).isEqualTo("Thành phố Hà Nội");
        assertThat(after.validFrom()).isEqualTo(AFTER);
        assertThat(after.id()).isNotEqualTo(before.id());
    }

    @Test
    void successorLinksCarryTheirCoverage() {
        OrgUnit trucBach = directory.findByCode("00004", OrgUnit.COMMUNE, BEFORE).orElseThrow();
        List<Succession> next = directory.successors(trucBach.id());
        assertThat(next).singleElement().satisfies(s -> {
            assertThat(s.unit().name()).isEqualTo("Phường Ba Đình");
            assertThat(s.coverage()).isEqualTo(Succession.Coverage.FULL);
            assertThat(s.effectiveOn()).isEqualTo(AFTER);
        });
        OrgUnit ngocHa = directory.findByCode("00016", OrgUnit.COMMUNE, BEFORE).orElseThrow();
        assertThat(directory.successors(ngocHa.id())).extracting(s -> s.unit().name() + "/" + s.coverage())
                .contains("Phường Ba Đình/PARTIAL");

        OrgUnit canYen = directory.findByCode("01366", OrgUnit.COMMUNE, AFTER).orElseThrow();
        assertThat(directory.predecessors(canYen.id())).extracting(s -> s.unit().name())
                .containsExactlyInAnyOrder("Xã Cần Yên", "Xã Cần Nông", "Xã Lương Thông");
    }

    @Test
    void islandDistrictsWithoutCommunesBecameSpecialZones() {
        OrgUnit conDao = directory.findByCode("755", OrgUnit.DISTRICT, BEFORE).orElseThrow();
        assertThat(directory.successors(conDao.id())).singleElement()
                .satisfies(s -> assertThat(s.unit().type()).isEqualTo("Đặc khu"));
    }

    @Test
    void provincesHaveSuccessorsDerivedFromTheirCommunes() {
        OrgUnit oldCaoBang = directory.findByCode("04", OrgUnit.PROVINCE, BEFORE).orElseThrow();
        assertThat(directory.successors(oldCaoBang.id())).singleElement().satisfies(s -> {
            assertThat(s.unit().name()).isEqualTo("Tỉnh Cao Bằng");
            assertThat(s.coverage()).isEqualTo(Succession.Coverage.FULL);
        });
        OrgUnit haGiang = directory.findByCode("02", OrgUnit.PROVINCE, BEFORE).orElseThrow();
        assertThat(directory.successors(haGiang.id())).extracting(s -> s.unit().name()).contains("Tỉnh Tuyên Quang");
    }

    @Test
    void searchIgnoresDiacriticsAndCase() {
        for (String q : List.of("luong thong", "Lương Thông", "LUONG THONG", "lương thông")) {
            assertThat(directory.search(admin(), BEFORE, null, null, q, 50))
                    .as(q).extracting(OrgUnit::name).contains("Xã Lương Thông");
        }
        // đ is a letter of its own in Vietnamese; without diacritics it is typed d
        assertThat(directory.search(admin(), BEFORE, OrgUnit.COMMUNE, null, "da thong", 50))
                .extracting(OrgUnit::name).contains("Xã Đa Thông");
        // today the old commune no longer exists; it went into the new Xã Cần Yên
        assertThat(directory.search(admin(), AFTER, null, null, "luong thong", 50)).isEmpty();
    }

    @Test
    void everyUnitKnowsItsProvince() {
        long orphans = jdbc.sql("select count(*) from org_unit where level > 0 and province_id is null").query(Long.class).single();
        assertThat(orphans).isZero();
        long badPaths = jdbc.sql("""
                select count(*) from org_unit u join org_unit p on p.id = u.parent_id
                where u.path <> p.path || u.id || '/'
                """).query(Long.class).single();
        assertThat(badPaths).isZero();
    }
}
