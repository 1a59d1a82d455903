package vn.xhht.resources;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attendance form on a training's page: the organiser ticks the attendees from the centres' people records and
 * saves once; unticking removes; a person of another province refuses the whole form (ticks kept, nothing saved);
 * the centre's yearly count against the province's minimum follows, exactly at the minimum it complies.
 */
@XhhtIntegrationTest
class TrainingAttendanceTest {

    static final int YEAR = 2021;
    /** This test's events; a run on a kept database first takes back the attendance an earlier run recorded. */
    static final String MARK = " (kiểm thử điểm danh)";

    @Autowired
    Trainings trainings;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    long person(long centreId, long provinceId, String name) {
        long id = jdbc.sql("insert into person (province_id, full_name) values (:p, :n) returning id")
                .param("p", provinceId).param("n", name).query(Long.class).single();
        jdbc.sql("insert into centre_person (centre_id, person_id, role) values (:c, :p, 'INSTRUCTOR')").param("c", centreId).param("p", id).update();
        return id;
    }

    HttpResponse<String> save(Http page, long eventId, List<Long> people) {
        String token = page.csrfToken("/trainings/" + eventId);
        String body = people.stream().map(p -> "personIds=" + p).collect(Collectors.joining("&"));
        return page.send(page.request("/trainings/" + eventId + "/attendance").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body + (body.isEmpty() ? "" : "&") + "_csrf=" + token)).build());
    }

    Trainings.Compliance canYen(long centreId) {
        return trainings.complianceOf(List.of(centreId), YEAR).get(0);
    }

    long audits(long eventId) {
        return jdbc.sql("select count(*) from audit_event where entity_type = 'TrainingEvent' and entity_id = :id")
                .param("id", String.valueOf(eventId)).query(Long.class).single();
    }

    @Test
    void theOrganiserTicksAttendeesOnceAndComplianceFollowsToTheMinimum() {
        jdbc.sql("delete from training_attendance where event_id in (select id from training_event where title like :m)")
                .param("m", "%" + MARK).update();
        var province = TestUsers.load(jdbc, "so.caobang");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        long centre = BudgetFixture.canYenCentre(jdbc);
        long otherProvince = jdbc.sql("select id from org_unit where level = 1 and code <> '04' and valid_to is null order by id limit 1")
                .query(Long.class).single();
        long hoa = person(centre, caoBang, "Lường Thị Hoa " + YEAR);
        long binh = person(centre, caoBang, "Vi Văn Bình " + YEAR);
        long stranger = person(centre, otherProvince, "Người ghi nhầm tỉnh " + YEAR);
        var first = trainings.create(province, new Trainings.Form(caoBang, "Tập huấn hướng dẫn viên đợt 1 năm " + YEAR + MARK, null,
                LocalDate.of(YEAR, 4, 1), null, "PROVINCE", null, null, null));
        var second = trainings.create(province, new Trainings.Form(caoBang, "Tập huấn hướng dẫn viên đợt 2 năm " + YEAR + MARK, null,
                LocalDate.of(YEAR, 10, 1), null, "PROVINCE", null, null, null));
        assertThat(canYen(centre).events()).as("no other test uses " + YEAR).isZero();

        Http page = Http.session(port, new java.net.CookieManager());
        page.login("so.caobang", "xhht-demo");
        String form = page.get("/trainings/" + first.id()).body();
        // the province's people are offered; the person recorded under another province is not
        assertThat(form).contains("id=\"attendance-form\"").contains("value=\"" + hoa + "\"").contains("value=\"" + binh + "\"")
                .doesNotContain("value=\"" + stranger + "\"").contains("Trung tâm học tập cộng đồng xã Cần Yên");

        assertThat(save(page, first.id(), List.of(hoa, binh)).statusCode()).isEqualTo(302);
        assertThat(trainings.attendees(first.id())).containsExactlyInAnyOrder(hoa, binh);
        assertThat(canYen(centre).events()).isEqualTo(1);
        assertThat(page.get("/trainings/" + first.id()).body()).contains("Đã lưu điểm danh: 2 người dự.")
                .contains("id=\"person-" + hoa + "\" value=\"" + hoa + "\" checked=\"checked\"");

        // unticking Bình is one save too, audited with before and after
        long auditsBefore = audits(first.id());
        save(page, first.id(), List.of(hoa));
        assertThat(trainings.attendees(first.id())).containsExactly(hoa);
        assertThat(audits(first.id())).isEqualTo(auditsBefore + 1);
        assertThat(jdbc.sql("""
                select before_data::text || ' → ' || after_data::text from audit_event where entity_type = 'TrainingEvent' and entity_id = :id order by id desc limit 1
                """).param("id", String.valueOf(first.id())).query(String.class).single()).contains(String.valueOf(binh));

        // someone of another province among the ticks: refused, nothing saved, the ticks kept on the form
        save(page, second.id(), List.of(binh, stranger));
        assertThat(trainings.attendees(second.id())).isEmpty();
        String refused = page.get("/trainings/" + second.id()).body();
        assertThat(refused).contains("id=\"flash-error\"").contains("id=\"person-" + binh + "\" value=\"" + binh + "\" checked=\"checked\"");

        // the second event reaches exactly the minimum of 2 when it started from none
        save(page, second.id(), List.of(binh));
        Trainings.Compliance c = canYen(centre);
        assertThat(c.events()).isEqualTo(2);
        assertThat(c.required()).isEqualTo(2);
        assertThat(c.compliant()).as("exactly the minimum complies").isTrue();
        assertThat(page.get("/trainings/" + second.id()).body()).contains("Trung tâm học tập cộng đồng xã Cần Yên: 2/2 đợt tập huấn năm " + YEAR);
        save(page, second.id(), List.of());
        assertThat(canYen(centre).compliant()).as("one below the minimum").isFalse();

        // the commune officer cannot take the province's attendance
        Http commune = Http.session(port, new java.net.CookieManager());
        commune.login("xa.canyen", "xhht-demo");
        assertThat(commune.get("/trainings/" + first.id()).statusCode()).isEqualTo(403);
    }
}
