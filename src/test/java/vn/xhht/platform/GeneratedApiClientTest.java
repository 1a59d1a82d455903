package vn.xhht.platform;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xhht.client.ApiClient;
import vn.xhht.client.ApiException;
import vn.xhht.client.api.XhhtApi;
import vn.xhht.client.model.ActivityDto;
import vn.xhht.client.model.ActivityRequest;
import vn.xhht.client.model.ActivitySummary;
import vn.xhht.client.model.CentreDto;
import vn.xhht.client.model.CreateHamletRequest;
import vn.xhht.client.model.FieldError;
import vn.xhht.client.model.Problem;
import vn.xhht.client.model.RenameRequest;
import vn.xhht.client.model.UnitDto;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A client developer's view: only the Java client that the build generates from the committed OpenAPI document
 * (pom.xml, openapi-generator-maven-plugin) talks to the running application. If the document promises
 * something the server does not do, or the code changes without the document, this test or
 * OpenApiDocumentTest fails.
 */
@XhhtIntegrationTest
class GeneratedApiClientTest {

    @LocalServerPort
    int port;

    XhhtApi signedIn(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":xhht-demo").getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(b -> b.header("Authorization", basic));
        return new XhhtApi(client);
    }

    /** A day already passed since Cần Yên was formed (1/7/2025): only held activities count in a summary. */
    static LocalDate heldDay() {
        return LocalDate.of(2025, 7, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 500));
    }

    static Problem problem(XhhtApi api, ApiException e) throws Exception {
        return ApiClient.createDefaultObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }

    @Test
    void aCommuneRecordsAnActivityAndTheProvinceSeesItInItsSummary() throws Exception {
        XhhtApi canYen = signedIn("xa.canyen");
        List<CentreDto> centres = canYen.listCentres(null, null, null, null, null, null, null, null, null);
        assertThat(centres).hasSize(1);
        CentreDto centre = centres.get(0);
        assertThat(centre.getName()).isEqualTo("Trung tâm học tập cộng đồng xã Cần Yên");
        LocalDate day = heldDay();

        ActivityDto recorded = canYen.recordActivity(centre.getId(), new ActivityRequest()
                .type("THEMATIC_SESSION").topic("LIVESTOCK_CROPS").title("Chuyên đề chăm sóc đàn bò mùa rét")
                .startDate(day).endDate(day).leadUnit("Trạm Khuyến nông").participations(52).women(27).ethnicMinority(40).disadvantaged(3));
        assertThat(recorded.getId()).isPositive();
        assertThat(recorded.getParticipations()).isEqualTo(52);
        assertThat(canYen.getActivity(recorded.getId()).getTitle()).isEqualTo("Chuyên đề chăm sóc đàn bò mùa rét");

        XhhtApi province = signedIn("so.caobang");
        List<UnitDto> provinces = province.listOrgUnits(null, 1, null, null, null, null, null, null, null, null);
        assertThat(provinces).extracting(UnitDto::getName).containsExactly("Tỉnh Cao Bằng");
        ActivitySummary summary = province.summarizeActivities(provinces.get(0).getId(), day, day);
        assertThat(summary.getActivities()).isGreaterThanOrEqualTo(1L);
        assertThat(summary.getParticipations()).isGreaterThanOrEqualTo(52L);
        assertThat(summary.getWomen()).isGreaterThanOrEqualTo(27L);
    }

    @Test
    void badInputIsATyped400NamingTheField() throws Exception {
        XhhtApi canYen = signedIn("xa.canyen");
        long centre = canYen.listCentres(null, null, null, null, null, null, null, null, null).get(0).getId();
        LocalDate day = heldDay();
        ApiException e = catchThrowableOfType(ApiException.class, () -> canYen.recordActivity(centre, new ActivityRequest()
                .type("THEMATIC_SESSION").topic("LIVESTOCK_CROPS").title("Lớp học").startDate(day).endDate(day)
                .participations(10).women(11).ethnicMinority(0).disadvantaged(0)));
        assertThat(e.getCode()).isEqualTo(400);
        Problem p = problem(canYen, e);
        assertThat(p.getStatus()).isEqualTo(400);
        assertThat(p.getField()).isEqualTo("women");
        assertThat(p.getErrors()).extracting(FieldError::getField).contains("women");
        assertThat(p.getErrors().get(0).getMessage()).isNotBlank();
    }

    @Test
    void aStaleVersionIsA409() throws Exception {
        XhhtApi canYen = signedIn("xa.canyen");
        long commune = canYen.listCentres(null, null, null, null, null, null, null, null, null).get(0).getCommuneId();
        String name = "Xóm Khuổi Khon " + System.nanoTime();
        UnitDto hamlet = canYen.createHamlet(new CreateHamletRequest().parentId(commune).name(name).type("xom"));
        UnitDto renamed = canYen.renameHamlet(hamlet.getId(), new RenameRequest().name(name + " Mới").version(hamlet.getVersion()));
        assertThat(renamed.getVersion()).isGreaterThan(hamlet.getVersion());

        ApiException e = catchThrowableOfType(ApiException.class, () -> canYen.renameHamlet(hamlet.getId(),
                new RenameRequest().name(name + " Cũ").version(hamlet.getVersion())));
        assertThat(e.getCode()).isEqualTo(409);
        assertThat(problem(canYen, e).getStatus()).isEqualTo(409);
        assertThat(canYen.getOrgUnit(hamlet.getId()).getName()).isEqualTo(name + " Mới");
    }

    @Test
    void anonymousCallersGetA401() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        ApiException e = catchThrowableOfType(ApiException.class, () -> new XhhtApi(client).listCentres(null, null, null, null, null, null, null, null, null));
        assertThat(e.getCode()).isEqualTo(401);
    }
}
