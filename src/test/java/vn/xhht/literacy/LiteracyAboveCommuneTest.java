package vn.xhht.literacy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a district's indicators are summed by the database from the same statement that gives each commune's
 * line and standards. On a hand-built district of two communes (before 1/7/2025, when district standards were in
 * force): the district's bands are exactly the sums of its communes' bands, every group included; each commune's line
 * has its own rates and XMC level; the district standard counts the communes meeting XMC level 1.
 */
@XhhtIntegrationTest
class LiteracyAboveCommuneTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LiteracyIndicators indicators;
    @Autowired
    OrgUnitDirectory units;

    int seq;

    long unit(String code, String name, int level, long parent, long province) {
        long id = jdbc.sql("""
                insert into org_unit (code, name, type, level, parent_id, province_id, valid_from, source)
                values (:c, :n, :t, :l, :p, :prov, '2020-01-01', 'TEST') returning id
                """).param("c", code).param("n", name).param("t", level == 2 ? "Huyện" : level == 3 ? "Xã" : "Thôn").param("l", level)
                .param("p", parent).param("prov", province).query(Long.class).single();
        jdbc.sql("update org_unit set path = (select path from org_unit where id = :p) || id || '/' where id = :id")
                .param("p", parent).param("id", id).update();
        return id;
    }

    void person(long commune, long hamlet, long province, int age, String sex, String ethnicity, int highestGrade, String status) {
        LocalDate birth = DAY.minusYears(age).minusDays(10);
        seq++;
        jdbc.sql("""
                insert into lit_person (commune_id, province_id, hamlet_id, household_code, code, full_name, sex, birth_date,
                    birth_year, birth_key, ethnicity, resident_status, highest_grade, primary_year, literacy_status)
                values (:c, :p, :h, :hh, :code, 'Người thử', :sex, :bd, :by, :bk, :eth, 'PRESENT', :hg, :py, :st)""")
                .param("c", commune).param("p", province).param("h", hamlet).param("hh", "HH" + seq).param("code", "D" + seq)
                .param("sex", sex).param("bd", birth).param("by", birth.getYear())
                .param("bk", birth.getYear() * 10000 + birth.getMonthValue() * 100 + birth.getDayOfMonth())
                .param("eth", ethnicity).param("hg", highestGrade).param("py", highestGrade >= 5 ? DAY.getYear() - 1 : null)
                .param("st", status).update();
    }

    /** Ten people aged 21–30 of whom {@code literate} completed primary; the others illiterate (one re-illiterate). */
    long commune(long district, long province, String name, int literate) {
        String code = "D" + UUID.randomUUID().toString().substring(0, 7);
        long c = unit(code, name, 3, district, province);
        long h = unit(code + ".001", "Thôn Một", 4, c, province);
        for (int i = 0; i < 10; i++) {
            boolean lit = i < literate;
            person(c, h, province, 21 + i, i % 2 == 0 ? "F" : "M", i % 3 == 0 ? "02" : "01", lit ? 5 : 1,
                    lit ? null : i == 9 ? "REILLITERATE" : "ILLITERATE");
        }
        person(c, h, province, 45, "F", "03", 3, "L1");
        person(c, h, province, 70, "M", "01", 0, "ILLITERATE"); // outside every band, in the population
        return c;
    }

    @Test
    void theDistrictIsTheSumOfItsCommunesAndEachCommuneHasItsOwnLineAndStandards() {
        long province = LiteracyFixture.province(jdbc);
        long district = unit("H" + UUID.randomUUID().toString().substring(0, 7), "Huyện Thử Tổng", 2, province, province);
        long meets = commune(district, province, "Xã Thử Đạt", 9);
        long fails = commune(district, province, "Xã Thử Chưa Đạt", 8);

        LiteracyIndicators.View view = indicators.withCommunes(LiteracyFixture.officer(district, false), district, DAY);
        LiteracyIndicators.Indicators d = view.indicators();
        LiteracyIndicators.Indicators a = indicators.compute(units.require(meets), DAY);
        LiteracyIndicators.Indicators b = indicators.compute(units.require(fails), DAY);
        assertThat(d.population()).isEqualTo(24).isEqualTo(a.population() + b.population());
        for (int i = 0; i < d.bands().size(); i++) {
            LiteracyIndicators.BandRow row = d.bands().get(i);
            for (int sex = 0; sex < 3; sex++) {
                assertThat(figures(row, sex)).as("band %d–%d sex %d", row.from(), row.to(), sex)
                        .isEqualTo(sum(figures(a.bands().get(i), sex), figures(b.bands().get(i), sex)));
            }
        }
        LiteracyIndicators.BandRow d1535 = LiteracyBandsAndStandardsTest.row(d.bands(), 15, 35);
        assertThat(d1535.all()).extracting(LiteracyIndicators.Band::population, LiteracyIndicators.Band::literateLevel1,
                LiteracyIndicators.Band::illiterate, LiteracyIndicators.Band::reilliterate).containsExactly(20L, 17L, 1L, 2L);
        assertThat(d1535.all().rateLevel1()).isEqualByComparingTo("85.00");
        // the groups: Mường (03) only has the two 45-year-old women; Tày (02) people are in both communes
        assertThat(d.bandsByEthnicity()).extracting(LiteracyIndicators.GroupBands::key).containsExactly("01", "02", "03");
        LiteracyIndicators.GroupBands muong = d.bandsByEthnicity().get(2);
        assertThat(LiteracyBandsAndStandardsTest.row(muong.bands(), 36, 60).women().literateLevel1()).isEqualTo(2);
        assertThat(LiteracyBandsAndStandardsTest.row(muong.bands(), 15, 35).all().population()).isZero();
        assertThat(d.byEthnicity()).extracting(LiteracyIndicators.Breakdown::key, LiteracyIndicators.Breakdown::population1560)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("01", 12L), org.assertj.core.groups.Tuple.tuple("02", 8L),
                        org.assertj.core.groups.Tuple.tuple("03", 2L));
        assertThat(d.bySex()).extracting(LiteracyIndicators.Breakdown::key).containsExactly("F", "M");

        // each commune's line: its own 15–35 level-1 rate and its XMC level; the district counts the communes meeting it
        assertThat(view.communes()).extracting(LiteracyIndicators.CommuneLine::name, LiteracyIndicators.CommuneLine::population1535,
                        l -> l.rate1535().toPlainString(), LiteracyIndicators.CommuneLine::xmcLevel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Xã Thử Chưa Đạt", 10L, "80.00", 0),
                        org.assertj.core.groups.Tuple.tuple("Xã Thử Đạt", 10L, "90.00", 1));
        LiteracyIndicators.StandardResult xmc1 = d.standards().stream().filter(s -> s.code().equals("XMC") && s.level() == 1)
                .findFirst().orElseThrow();
        assertThat(xmc1.conditions().get(0)).extracting(LiteracyIndicators.ConditionResult::numerator,
                LiteracyIndicators.ConditionResult::denominator).containsExactly(1L, 2L);
        assertThat(xmc1.met()).isFalse();
        assertThat(LiteracyBandsAndStandardsTest.standard(a, "XMC", 1).met()).isTrue();
        assertThat(LiteracyBandsAndStandardsTest.standard(b, "XMC", 1).met()).isFalse();
    }

    static List<Long> figures(LiteracyIndicators.BandRow row, int sex) {
        LiteracyIndicators.Band band = sex == 0 ? row.all() : sex == 1 ? row.women() : row.men();
        return List.of(band.population(), band.literateLevel1(), band.literateLevel2(), band.illiterate(), band.reilliterate());
    }

    static List<Long> sum(List<Long> x, List<Long> y) {
        return java.util.stream.IntStream.range(0, x.size()).mapToObj(i -> x.get(i) + y.get(i)).toList();
    }
}
