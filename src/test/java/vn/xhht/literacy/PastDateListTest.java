package vn.xhht.literacy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.VietnamClock;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.xhht.literacy.LiteracyFixture.*;

/**
 * Issue 14 (R21): a list per residential group asked for a past date shows each person with the status they had on
 * that date (the register keeps only today's status; the change log gives the earlier one), and counts everyone from
 * 15, not only up to 60 (seed 003 §4).
 */
@XhhtIntegrationTest
class PastDateListTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegisterImport imports;
    @Autowired
    Register register;
    @Autowired
    VietnamClock clock;

    @Test
    void aPastDateListUsesTheStatusOnThatDateNotTodays() throws Exception {
        LocalDate today = clock.today();
        Commune c = commune(jdbc, false);
        User u = officer(c.id(), true);
        assertThat(importAndWait(imports, u, c.id(), csv(
                row(c, 0, "H1", "P1", "Hoàng Thị Lan", "Nữ", birthForAge(40, today), "TT", "", "2", "MC"),
                row(c, 0, "H2", "P2", "Hoàng Văn Pao", "Nam", birthForAge(70, today), "TT", "", "0", "MC"),
                row(c, 0, "H3", "P3", "Triệu Văn Sình", "Nam", birthForAge(30, today), "TT", "", "9", "MĐ2")), "past.csv").status())
                .isEqualTo("DONE");
        long p1 = id(c, "P1"), p3 = id(c, "P3");
        // P1 learnt to read and write (level 2), P3 fell back into illiteracy; both changes happened 30 days ago
        register.updateStatus(u, p1, version(p1), "L2", "ASSESSMENT", "PRESENT", null, null);
        register.updateStatus(u, p3, version(p3), "REILLITERATE", "ASSESSMENT", "PRESENT", null, null);
        LocalDate changedOn = today.minusDays(30);
        jdbc.sql("update lit_person_change set changed_at = :at where person_id in (:p) and field = 'literacyStatus'")
                .param("at", changedOn.atTime(10, 0).atZone(VietnamClock.ZONE).toOffsetDateTime()).param("p", List.of(p1, p3)).update();

        // a basis that is not one of the codes is refused on its field, not a database error
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> register.updateStatus(u, p1, version(p1), "L2", "Kiểm tra cuối khóa",
                "PRESENT", null, null)).isInstanceOfSatisfying(vn.xhht.shared.InvalidInputProblem.class,
                e -> assertThat(e.violations().get(0).field()).isEqualTo("literacyBasis"));

        long hamlet = c.hamlets().get(0);
        // ten days before the changes: P1 was still illiterate and P3 literate at level 2
        List<Register.Person> before = register.list(u, hamlet, "BELOW3", changedOn.minusDays(10));
        assertThat(before).extracting(Register.Person::code).containsExactlyInAnyOrder("P1", "P2");
        assertThat(before).filteredOn(p -> p.code().equals("P1")).extracting(Register.Person::literacyStatus).containsExactly("ILLITERATE");
        // the 70-year-old is listed: the list counts everyone from 15
        assertThat(before).extracting(Register.Person::code).contains("P2");
        // the day of the change and today: the new statuses
        assertThat(register.list(u, hamlet, "BELOW3", changedOn)).extracting(Register.Person::code).containsExactlyInAnyOrder("P2", "P3");
        assertThat(register.list(u, hamlet, "BELOW3", today)).extracting(Register.Person::code).containsExactlyInAnyOrder("P2", "P3");
        // the day before the change P3 is nowhere below level 2 and P1 is below level 1
        assertThat(register.list(u, hamlet, "BELOW5", changedOn.minusDays(1))).isEmpty();
        assertThat(register.list(u, hamlet, "MOBILISE", changedOn.minusDays(1))).extracting(Register.Person::code)
                .containsExactlyInAnyOrder("P1", "P2");
    }

    private long id(Commune c, String code) {
        return jdbc.sql("select id from lit_person where commune_id = :c and code = :code").param("c", c.id()).param("code", code)
                .query(Long.class).single();
    }

    private long version(long id) {
        return jdbc.sql("select version from lit_person where id = :id").param("id", id).query(Long.class).single();
    }
}
