package vn.xhht.resources;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A centre complies when its people attended exactly the province's minimum of training events in the year. */
@XhhtIntegrationTest
class TrainingComplianceTest {

    @Autowired
    Trainings trainings;
    @Autowired
    JdbcClient jdbc;

    long person(long centreId, long provinceId, String name) {
        long id = jdbc.sql("insert into person (province_id, full_name) values (:p, :n) returning id")
                .param("p", provinceId).param("n", name).query(Long.class).single();
        jdbc.sql("insert into centre_person (centre_id, person_id, role) values (:c, :p, 'REPORTER')").param("c", centreId).param("p", id).update();
        return id;
    }

    static String field(Throwable e) {
        var v = ((InvalidInputProblem) e).violations().get(0);
        return v.field() + ":" + v.messageKey();
    }

    @Test
    void exactlyTheMinimumComplies() {
        var province = TestUsers.load(jdbc, "so.caobang");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        long centre = BudgetFixture.canYenCentre(jdbc);
        long commune = BudgetFixture.canYenCommune(jdbc);
        long reporter = person(centre, caoBang, "Nông Thị Hoa");
        long otherProvince = jdbc.sql("select id from org_unit where level = 1 and code <> '04' and valid_to is null order by id limit 1")
                .query(Long.class).single();
        // a person recorded under another province (moved, or typed into the wrong centre) never counts here
        long stranger = person(centre, otherProvince, "Người của tỉnh khác");
        int year = 2022;

        assertThat(trainings.rule(caoBang, year).minPerYear()).isEqualTo(2);
        assertThatThrownBy(() -> trainings.create(province, new Trainings.Form(caoBang, " ", null, LocalDate.of(year, 3, 2), null, null, null, null, null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("title:training.title.required"));
        assertThatThrownBy(() -> trainings.create(province, new Trainings.Form(caoBang, "Tập huấn", null, LocalDate.of(year, 3, 2),
                LocalDate.of(year, 3, 1), null, null, null, null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("endDate:training.endDate.beforeStart"));

        var first = trainings.create(province, new Trainings.Form(caoBang, "Tập huấn báo cáo viên đợt 1", "Kỹ năng truyền thông",
                LocalDate.of(year, 3, 2), LocalDate.of(year, 3, 3), "PROVINCE", "Sở GD&ĐT", "Chuyên viên Sở", "Báo cáo viên"));
        trainings.attend(province, first.id(), List.of(reporter));
        assertThat(compliance(province, commune, year)).satisfies(c -> {
            assertThat(c.events()).isEqualTo(1);
            assertThat(c.required()).isEqualTo(2);
            assertThat(c.compliant()).isFalse();
        });

        var second = trainings.create(province, new Trainings.Form(caoBang, "Tập huấn báo cáo viên đợt 2", null,
                LocalDate.of(year, 12, 31), null, "PROVINCE", null, null, null));
        assertThatThrownBy(() -> trainings.attend(province, second.id(), List.of(reporter, stranger)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("personIds:training.person.otherProvince"));
        assertThat(trainings.require(province, second.id()).attendees()).as("nothing saved").isZero();
        trainings.attend(province, second.id(), List.of(reporter));
        // attending the same event twice counts once
        trainings.attend(province, second.id(), List.of(reporter));
        assertThat(compliance(province, commune, year)).satisfies(c -> {
            assertThat(c.events()).isEqualTo(2);
            assertThat(c.compliant()).isTrue();
        });
        // an event of the next year does not count for this one
        var next = trainings.create(province, new Trainings.Form(caoBang, "Tập huấn đầu năm sau", null, LocalDate.of(year + 1, 1, 1),
                null, null, null, null, null));
        trainings.attend(province, next.id(), List.of(reporter));
        assertThat(compliance(province, commune, year).events()).isEqualTo(2);
        assertThat(compliance(province, commune, year + 1).compliant()).isFalse();
        assertThat(trainings.list(TestUsers.load(jdbc, "xa.canyen"), commune, year)).extracting(Trainings.Training::id)
                .contains(first.id(), second.id());
    }

    Trainings.Compliance compliance(vn.xhht.shared.CurrentUser user, long commune, int year) {
        return trainings.compliance(user, commune, year).stream().filter(c -> c.centreName().contains("Cần Yên")).findFirst().orElseThrow();
    }
}
