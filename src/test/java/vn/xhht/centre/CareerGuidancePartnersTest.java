package vn.xhht.centre;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.resources.BudgetFixture;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Career guidance and streaming (R42): a centre records the lower-secondary schools it works with as partners of
 * their own kind, and the report figures count them with the career-guidance activities and their participations.
 */
@XhhtIntegrationTest
class CareerGuidancePartnersTest {

    static final int YEAR = 2002;

    @Autowired
    CentreRecords records;
    @Autowired
    CentreReportFigures figures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void partnerSchoolsAndCareerGuidanceActivitiesAreCounted() {
        var director = TestUsers.load(jdbc, "xa.canyen");
        long centre = BudgetFixture.canYenCentre(jdbc);
        long commune = BudgetFixture.canYenCommune(jdbc);
        LocalDate from = LocalDate.of(YEAR, 1, 1);
        LocalDate to = LocalDate.of(YEAR, 12, 31);
        Map<String, BigDecimal> before = figures.values(commune, from, to);

        assertThatThrownBy(() -> records.addPartner(director, centre, "Trường THCS", "JUNIOR_SCHOOL"))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("kind"));
        long school = records.addPartner(director, centre, "Trường THCS Cần Yên", "LOWER_SECONDARY");
        assertThat(records.partners(director, centre)).anySatisfy(p -> {
            assertThat(p.id()).isEqualTo(school);
            assertThat(p.kind()).isEqualTo("LOWER_SECONDARY");
        });
        jdbc.sql("""
                insert into activity (centre_id, province_id, type_code, topic_code, title, start_date, end_date, participations)
                select c.id, c.province_id, 'CAREER_GUIDANCE', 'CAREER_GUIDANCE', 'Tư vấn chọn nghề cho học sinh lớp 9', :d, :d, 45
                  from centre c where c.id = :c
                """).param("c", centre).param("d", LocalDate.of(YEAR, 4, 15)).update();

        Map<String, BigDecimal> after = figures.values(commune, from, to);
        assertThat(after.get("career.partner_schools")).isEqualByComparingTo(before.get("career.partner_schools").add(BigDecimal.ONE));
        assertThat(after.get("career.activities")).isEqualByComparingTo(before.get("career.activities").add(BigDecimal.ONE));
        assertThat(after.get("career.participations")).isEqualByComparingTo(before.get("career.participations").add(BigDecimal.valueOf(45)));
        assertThat(figures.figures()).extracting(vn.xhht.shared.ReportFigureSource.Figure::code)
                .contains("career.activities", "career.participations", "career.partner_schools");
    }
}
