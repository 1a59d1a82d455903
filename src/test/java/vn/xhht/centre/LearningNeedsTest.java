package vn.xhht.centre;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.TooManyRequestsProblem;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@XhhtIntegrationTest
class LearningNeedsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LearningNeeds needs;
    @Autowired
    CentreRegistry centres;

    long canYenCentre() {
        return centres.ofCommune(TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01")).orElseThrow().id();
    }

    @Test
    void aResidentRegistersANeedWithoutLoginAndTheCentreSeesItSummarised() {
        long centre = canYenCentre();
        HttpResponse<String> r = Http.anonymous(port).postJson("/api/v1/public/learning-needs",
                "{\"centreId\": %d, \"topic\": \"IT\", \"detail\": \"Học dùng điện thoại thông minh để bán hàng\", \"ageGroup\": \"AGE_36_60\", \"sex\": \"FEMALE\"}".formatted(centre));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(JSON.readTree(r.body()).get("message").asString()).startsWith("Cảm ơn bạn!");
        assertThat(jdbc.sql("select source from learning_need where id = :id").param("id", JSON.readTree(r.body()).get("id").asLong())
                .query(String.class).single()).isEqualTo("PUBLIC");

        var summary = needs.summary(TestUsers.load(jdbc, "xa.canyen"), centre);
        assertThat(summary).anySatisfy(c -> {
            assertThat(c.topic()).isEqualTo("Tin học"); // the topic's name, never its code
            assertThat(c.needs()).isPositive();
        });

        HttpResponse<String> bad = Http.anonymous(port).postJson("/api/v1/public/learning-needs",
                "{\"centreId\": %d, \"topic\": \"NO_SUCH\", \"phone\": \"abc\"}".formatted(centre));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("errors").toString()).contains("\"field\":\"topic\"", "\"field\":\"phone\"");
        // the public API does not open the rest of the API
        assertThat(Http.anonymous(port).get("/api/v1/centres/" + centre).statusCode()).isEqualTo(401);
    }

    @Test
    void publicSubmissionsAreLimitedPerAddress() {
        String key = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        LearningNeeds.Need need = new LearningNeeds.Need(canYenCentre(), "LAW", null, null, null, null, null, null);
        int accepted = 0;
        try {
            for (int i = 0; i < 100; i++) {
                needs.submitPublic(key, need);
                accepted++;
            }
        } catch (TooManyRequestsProblem e) {
            // expected once the window is full
        }
        assertThat(accepted).isEqualTo(20);
        assertThatThrownBy(() -> needs.submitPublic(key, need)).isInstanceOf(TooManyRequestsProblem.class);
    }

    @Test
    void staffOpenASurveyRoundAndRecordNeedsOfTheirCentreOnly() {
        var canYen = TestUsers.load(jdbc, "xa.canyen");
        long round = needs.openRound(canYen, canYenCentre(), java.time.LocalDate.now(vn.xhht.shared.VietnamClock.ZONE), "MEETING", "Họp dân thôn");
        needs.record(canYen, canYenCentre(), new LearningNeeds.Need(null, "LIVESTOCK_CROPS", "Nuôi gà thả vườn", "AGE_36_60", "MALE", null, null, round));
        assertThat(needs.rounds(canYen, canYenCentre())).anySatisfy(r -> assertThat(r.needs()).isEqualTo(1));
        long other = centres.ofCommune(TestUsers.unitId(jdbc, "01438", OrgUnit.COMMUNE, "2025-07-01")).orElseThrow().id();
        assertThatThrownBy(() -> needs.openRound(canYen, other, java.time.LocalDate.now(vn.xhht.shared.VietnamClock.ZONE), "MEETING", null))
                .isInstanceOf(vn.xhht.shared.AccessDeniedProblem.class);
        assertThatThrownBy(() -> needs.openRound(canYen, canYenCentre(), null, "CARRIER_PIGEON", null))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations()).hasSize(2));
    }
}
