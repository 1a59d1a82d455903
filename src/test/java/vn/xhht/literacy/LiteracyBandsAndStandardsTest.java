package vn.xhht.literacy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 (R19): every band × sex × ethnicity / priority group, the upper-secondary band and the standards in
 * dependency order, on hand-built registers written straight into the register table on real PostgreSQL.
 */
@XhhtIntegrationTest
class LiteracyBandsAndStandardsTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LiteracyIndicators indicators;
    @Autowired
    OrgUnitDirectory units;

    int seq;

    /** One resident aged {@code age} on {@link #DAY}; status null = derived from the grades. */
    void person(LiteracyFixture.Commune c, int age, String sex, String ethnicity, String priority, int highestGrade,
                String status, Integer currentGrade, boolean primary, boolean lsec) {
        LocalDate birth = DAY.minusYears(age).minusDays(10);
        int key = birth.getYear() * 10000 + birth.getMonthValue() * 100 + birth.getDayOfMonth();
        seq++;
        jdbc.sql("""
                insert into lit_person (commune_id, province_id, hamlet_id, household_code, code, full_name, sex, birth_date,
                    birth_year, birth_key, ethnicity, priority_group, resident_status, in_school, current_grade, highest_grade,
                    primary_year, lsec_year, literacy_status)
                values (:c, :p, :h, :hh, :code, 'Người thử', :sex, :bd, :by, :bk, :eth, :prio, 'PRESENT', :school, :cg, :hg,
                    :py, :ly, :st)""")
                .param("c", c.id()).param("p", c.provinceId()).param("h", c.hamlets().get(0)).param("hh", "HH" + seq)
                .param("code", "P" + seq).param("sex", sex).param("bd", birth).param("by", birth.getYear()).param("bk", key)
                .param("eth", ethnicity).param("prio", priority).param("school", currentGrade != null).param("cg", currentGrade)
                .param("hg", highestGrade).param("py", primary ? DAY.getYear() - 1 : null).param("ly", lsec ? DAY.getYear() - 1 : null)
                .param("st", status).update();
    }

    LiteracyIndicators.Indicators compute(LiteracyFixture.Commune c) {
        return indicators.compute(units.require(c.id()), DAY);
    }

    static LiteracyIndicators.BandRow row(List<LiteracyIndicators.BandRow> rows, int from, int to) {
        return rows.stream().filter(r -> r.from() == from && r.to() == to).findFirst().orElseThrow();
    }

    @Test
    void everyBandHasItsSevenFiguresForAllWomenAndMenAndPerEthnicityAndPriorityGroup() {
        LiteracyFixture.Commune c = LiteracyFixture.commune(jdbc, false);
        person(c, 40, "F", "01", null, 9, "L2", null, true, true);
        person(c, 45, "F", "02", "HN", 2, "ILLITERATE", null, false, false);
        person(c, 50, "F", "02", "HN", 4, "REILLITERATE", null, false, false);
        person(c, 60, "M", "02", null, 3, null, null, false, false);     // level 1 from grade 3, last year of 36–60
        person(c, 61, "M", "01", null, 0, "ILLITERATE", null, false, false); // outside every band but counted in population
        person(c, 19, "M", "01", null, 12, null, null, true, true);     // completed grade 12: upper secondary
        person(c, 21, "F", "02", null, 11, null, 12, true, true);       // still at school: not completed
        person(c, 18, "F", "01", null, 9, null, 10, true, true);

        LiteracyIndicators.Indicators ind = compute(c);
        assertThat(ind.bands()).extracting(r -> r.from() + "-" + r.to())
                .containsExactly("6-6", "11-11", "11-14", "15-18", "18-21", "15-25", "15-35", "36-60", "15-60");
        LiteracyIndicators.BandRow b3660 = row(ind.bands(), 36, 60);
        assertThat(b3660.all()).extracting(LiteracyIndicators.Band::population, LiteracyIndicators.Band::literateLevel1,
                        LiteracyIndicators.Band::literateLevel2, LiteracyIndicators.Band::illiterate, LiteracyIndicators.Band::reilliterate)
                .containsExactly(4L, 2L, 1L, 1L, 1L);
        assertThat(b3660.all().rateLevel1()).isEqualByComparingTo("50.00");
        assertThat(b3660.all().rateLevel2()).isEqualByComparingTo("25.00");
        assertThat(b3660.women()).extracting(LiteracyIndicators.Band::population, LiteracyIndicators.Band::literateLevel1,
                        LiteracyIndicators.Band::illiterate, LiteracyIndicators.Band::reilliterate)
                .containsExactly(3L, 1L, 1L, 1L);
        assertThat(b3660.women().rateLevel1()).isEqualByComparingTo("33.33"); // 33.333… cut, not rounded
        assertThat(b3660.men()).extracting(LiteracyIndicators.Band::population, LiteracyIndicators.Band::literateLevel1,
                LiteracyIndicators.Band::literateLevel2).containsExactly(1L, 1L, 0L);
        assertThat(b3660.legalBasis()).isNotBlank();
        LiteracyIndicators.BandRow b1560 = row(ind.bands(), 15, 60);
        assertThat(b1560.all().population()).isEqualTo(7);
        assertThat(b1560.women().population() + b1560.men().population()).isEqualTo(7);

        // by ethnicity: Tày (02) has the illiterate and re-illiterate women of 36–60 and the man of 60
        LiteracyIndicators.GroupBands tay = ind.bandsByEthnicity().stream().filter(g -> g.key().equals("02")).findFirst().orElseThrow();
        LiteracyIndicators.BandRow tay3660 = row(tay.bands(), 36, 60);
        assertThat(tay3660.all()).extracting(LiteracyIndicators.Band::population, LiteracyIndicators.Band::illiterate,
                LiteracyIndicators.Band::reilliterate, LiteracyIndicators.Band::literateLevel1).containsExactly(3L, 1L, 1L, 1L);
        assertThat(tay3660.women().population()).isEqualTo(2);
        assertThat(row(tay.bands(), 18, 21).all().population()).isEqualTo(1);
        // by priority group: the poor-household group (HN) in 36–60
        LiteracyIndicators.GroupBands poor = ind.bandsByPriority().stream().filter(g -> g.key().equals("HN")).findFirst().orElseThrow();
        assertThat(row(poor.bands(), 36, 60).women()).extracting(LiteracyIndicators.Band::population, LiteracyIndicators.Band::literateLevel1)
                .containsExactly(2L, 0L);
        assertThat(row(poor.bands(), 15, 35).all().population()).isZero();

        // upper secondary 18–21: 3 people, one completed grade 12 (a man)
        LiteracyIndicators.UpperSecondary all = ind.upperSecondary().stream().filter(u -> u.sex().isEmpty()).findFirst().orElseThrow();
        assertThat(all.population()).isEqualTo(3);
        assertThat(all.completed()).isEqualTo(1);
        assertThat(all.rate()).isEqualByComparingTo("33.33");
        LiteracyIndicators.UpperSecondary men = ind.upperSecondary().stream().filter(u -> u.sex().equals("M")).findFirst().orElseThrow();
        assertThat(men.rate()).isEqualByComparingTo("100");
        assertThat(all.certainty()).isEqualTo("uncertain");
    }

    /**
     * A commune meeting primary level 1 and the lower-secondary condition; 15–35 has 10 people of whom {@code literate}
     * are literate. PCGDTHCS level 1 requires XMC level 1 (same level): it is met only when XMC level 1 is.
     */
    LiteracyFixture.Commune communeWith(int literate) {
        LiteracyFixture.Commune c = LiteracyFixture.commune(jdbc, false);
        person(c, 6, "F", "01", null, 0, null, 1, false, false);        // 6-year-old in grade 1
        person(c, 14, "M", "01", null, 8, null, 9, true, false);        // 14-year-old having completed primary
        person(c, 16, "F", "01", null, 9, null, 10, true, true);        // 15–18 with the lower-secondary diploma; literate
        for (int i = 1; i < 10; i++) {
            boolean lit = i < literate;
            person(c, 20 + i, i % 2 == 0 ? "F" : "M", "02", null, lit ? 5 : 1, lit ? null : "ILLITERATE", null, lit, false);
        }
        return c;
    }

    static LiteracyIndicators.StandardResult standard(LiteracyIndicators.Indicators ind, String code, int level) {
        return ind.standards().stream().filter(s -> s.code().equals(code) && s.level() == level).findFirst().orElseThrow();
    }

    @Test
    void exactlyAtNinetyPercentXmcLevel1AndTheLowerSecondaryStandardThatRequiresItAreMet() {
        LiteracyIndicators.Indicators ind = compute(communeWith(9));
        LiteracyIndicators.StandardResult xmc1 = standard(ind, "XMC", 1);
        assertThat(xmc1.conditions().get(0).numerator()).isEqualTo(9);
        assertThat(xmc1.conditions().get(0).denominator()).isEqualTo(10);
        assertThat(xmc1.met()).isTrue();
        assertThat(standard(ind, "PCGDTH", 1).met()).isTrue();
        LiteracyIndicators.StandardResult thcs1 = standard(ind, "PCGDTHCS", 1);
        assertThat(thcs1.conditions()).filteredOn(r -> r.measure().equals("requires")).extracting(LiteracyIndicators.ConditionResult::met)
                .containsOnly(true);
        assertThat(thcs1.met()).isTrue();
        // each standard comes after the ones it requires
        List<String> order = ind.standards().stream().map(s -> s.code() + "/" + s.level()).toList();
        assertThat(order.indexOf("PCGDTHCS/1")).isGreaterThan(order.indexOf("XMC/1")).isGreaterThan(order.indexOf("PCGDTH/1"));
    }

    @Test
    void onePersonBelowTheThresholdXmcLevel1AndTheStandardThatRequiresItAreNotMet() {
        LiteracyIndicators.Indicators ind = compute(communeWith(8));
        LiteracyIndicators.StandardResult xmc1 = standard(ind, "XMC", 1);
        assertThat(xmc1.conditions().get(0).value()).isEqualByComparingTo(new BigDecimal("80.00"));
        assertThat(xmc1.met()).isFalse();
        assertThat(xmc1.conditions().get(0).missing()).isEqualTo(1);
        LiteracyIndicators.StandardResult thcs1 = standard(ind, "PCGDTHCS", 1);
        // the requirement is known to be unmet (evaluated after XMC level 1), not unknown
        assertThat(thcs1.conditions()).filteredOn(r -> r.code().equals("THCS1_REQ_XMC"))
                .extracting(LiteracyIndicators.ConditionResult::met).containsExactly(false);
        assertThat(thcs1.met()).isFalse();
    }
}
