package vn.xhht.oversight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.reporting.Report;
import vn.xhht.reporting.ReportService;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The out-of-school report (R30) of a commune is pre-filled from the registry: a licensed language centre counts. */
@XhhtIntegrationTest
class OversightReportPrefillTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EstablishmentRegistry registry;
    @Autowired
    OversightReportFigures figures;
    @Autowired
    ReportService reports;

    @Test
    void theReportOfTheHalfYearCountsTheRegistry() {
        TestUsers.User admin = TestUsers.load(jdbc, "admin");
        // a Hà Nội commune no other test reports on (the report of a unit and period exists once)
        long commune = jdbc.sql("""
                select u.id from org_unit u join org_unit p on p.id = u.province_id
                where p.code = '01' and u.level = 3 and u.valid_to is null order by u.code desc offset 7 limit 1
                """).query(Long.class).single();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        LocalDate from = LocalDate.of(2026, 7, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        Map<String, BigDecimal> before = figures.values(commune, from, to);

        long id = registry.create(admin, new EstablishmentRegistry.Form(Establishment.Kind.FOREIGN_LANGUAGE_IT, "Trung tâm Ngoại ngữ Điền " + tag,
                "Số 4 phố Thử", commune, "Công ty Điền", Establishment.OwnerKind.ORGANISATION, null, null, null, null, null, null, null,
                List.of(), null));
        registry.addAct(admin, id, new EstablishmentRegistry.ActForm(Establishment.ActKind.OPERATION_PERMISSION, "DIEN-" + tag,
                LocalDate.of(2026, 7, 15), null, null));

        Report r = reports.create(admin, OversightReportDues.TEMPLATE, "2026S2", commune);
        assertThat(r.values().get("establishments").num()).isEqualByComparingTo(before.get("oversight.establishments.total").add(BigDecimal.ONE));
        assertThat(r.values().get("licensed").num()).isEqualByComparingTo(before.get("oversight.establishments.licensed").add(BigDecimal.ONE));
        assertThat(r.values().get("foreign_language_it").num())
                .isEqualByComparingTo(before.get("oversight.establishments.foreign_language_it").add(BigDecimal.ONE));
        assertThat(r.values().get("establishments").sourceValue()).isEqualByComparingTo(r.values().get("establishments").num());
        assertThat(r.values().get("establishments").overridden()).isFalse();
        assertThat(r.values().get("assessment").text()).as("a text nobody wrote stays blank").isNull();
    }
}
