package vn.xhht.reporting;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.client.ApiClient;
import vn.xhht.client.api.XhhtApi;
import vn.xhht.client.model.Report;
import vn.xhht.client.model.ReportCreateRequest;
import vn.xhht.client.model.ReportFieldInput;
import vn.xhht.client.model.ReportValue;
import vn.xhht.client.model.ReportValuesRequest;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report filled through the generated Java client only (issue 19): field values are typed both ways (a number, a
 * text, or blank), and a report with blank fields can be read at all — before the value schema allowed null, the
 * generated client refused every report that had a blank field.
 */
@XhhtIntegrationTest
class GeneratedClientReportTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeFixtures() {
        ReportFixtures.cleanAll(jdbc);
    }

    XhhtApi admin() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:xhht-demo".getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(b -> b.header("Authorization", basic));
        // a "number or text" value is told apart by its JSON token only when the mapper does not turn numbers into text
        // (the /api guide says so); with Jackson's default coercion a number matches both and the client refuses it
        com.fasterxml.jackson.databind.ObjectMapper mapper = ApiClient.createDefaultObjectMapper();
        mapper.configure(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        client.setObjectMapper(mapper);
        return new XhhtApi(client);
    }

    static ReportValue field(Report r, String code) {
        return r.getValues().stream().filter(v -> code.equals(v.getField())).findFirst().orElseThrow();
    }

    @Test
    void aReportIsFilledWithTypedValuesAndBlankStaysBlank() throws Exception {
        ReportFixtures fx = new ReportFixtures(jdbc);
        long province = fx.unit("Tỉnh Khách Sinh Mã", OrgUnit.PROVINCE, null, LocalDate.of(2025, 7, 1), null);
        long commune = fx.unit("Xã Khách Sinh Mã", OrgUnit.COMMUNE, province, LocalDate.of(2025, 7, 1), null);
        XhhtApi api = admin();

        Report created = api.createReport(new ReportCreateRequest().templateCode("out-of-school").period("2026S2").unitId(commune));
        assertThat(field(created, "assessment").getValue()).as("a field nobody filled is blank, not zero").isNull();
        assertThat(field(created, "establishments").getValue().getBigDecimal()).as("pre-filled from the registry").isEqualByComparingTo("0");

        Report saved = api.saveReportValues(created.getId(), new ReportValuesRequest().version(created.getVersion())
                .values(Map.of("establishments", new ReportFieldInput(new BigDecimal("4")),
                        "licensed", new ReportFieldInput(new BigDecimal("3")),
                        "assessment", new ReportFieldInput("Các cơ sở hoạt động đúng giấy phép.")))
                // the figures come from the registry (0 for this new commune): typing others needs a reason
                .reasons(Map.of("establishments", "Rà soát thực tế, chưa nhập sổ", "licensed", "Rà soát thực tế, chưa nhập sổ")));
        assertThat(field(saved, "establishments").getValue().getBigDecimal()).isEqualByComparingTo("4");
        assertThat(field(saved, "licensed").getValue().getBigDecimal()).isEqualByComparingTo("3");
        assertThat(field(saved, "assessment").getValue().getString()).isEqualTo("Các cơ sở hoạt động đúng giấy phép.");
        assertThat(saved.getVersion()).isGreaterThan(created.getVersion());
    }
}
