package vn.xhht.resources;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The office's spending check summed per commune (under a province) and per province (under the nation): the
 * amounts checked and the findings of each budget's check — over the estimate, over the allocation, categories over
 * their estimate — and the spending that names nothing it paid for. Page and .xlsx give the same figures.
 */
@XhhtIntegrationTest
class SpendingCheckSummaryTest {

    static final int YEAR = 2003;

    @Autowired
    BudgetService budgets;
    @Autowired
    SpendingCheckSummary summaries;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    static BudgetService.LineInput line(String stage, String source, String category, long amount, String date, Long activity) {
        return new BudgetService.LineInput(stage, source, category, amount, date, activity, null);
    }

    @Test
    void findingsAndAmountsCheckedPerCommuneAndPerProvince() throws Exception {
        var director = TestUsers.load(jdbc, "xa.canyen");
        var chairman = BudgetFixture.chairman(jdbc);
        var province = TestUsers.load(jdbc, "so.caobang");
        var nation = TestUsers.load(jdbc, "admin");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        long centre = BudgetFixture.canYenCentre(jdbc);
        long commune = BudgetFixture.canYenCommune(jdbc);
        long activity = BudgetFixture.activity(jdbc, centre, "Chuyên đề phòng chống cháy rừng " + YEAR, LocalDate.of(YEAR, 5, 2));

        Budget b = budgets.ofCentreYear(director, centre, YEAR).orElseGet(() -> budgets.create(director, centre, YEAR));
        budgets.addLine(director, b.id(), line("ESTIMATE", null, "MATERIALS", 1_000_000L, (YEAR - 1) + "-11-20", null));
        budgets.addLine(director, b.id(), line("ESTIMATE", null, "ACTIVITIES", 500_000L, (YEAR - 1) + "-11-20", null));
        budgets.submit(director, b.id());
        budgets.approve(chairman, b.id(), "Đồng ý");
        budgets.addLine(director, b.id(), line("ALLOCATION", "STATE_SUPPORT", null, 1_000_000L, (YEAR - 1) + "-12-20", null));
        // materials over their estimate by 200.000 đ and linked to nothing; activities within, linked to the activity
        budgets.addLine(director, b.id(), line("SPENDING", null, "MATERIALS", 1_200_000L, YEAR + "-03-01", null));
        budgets.addLine(director, b.id(), line("SPENDING", null, "ACTIVITIES", 500_000L, YEAR + "-05-02", activity));

        SpendingCheckSummary.Summary byCommune = summaries.summary(province, caoBang, YEAR);
        assertThat(byCommune.byProvince()).isFalse();
        SpendingCheckSummary.Row row = byCommune.rows().stream().filter(r -> r.unitId() == commune).findFirst().orElseThrow();
        assertThat(row.budgets()).isEqualTo(1);
        assertThat(row.spent()).isEqualTo(1_700_000L);
        assertThat(row.estimatedSpending()).isEqualTo(1_500_000L);
        assertThat(row.overEstimate()).isEqualTo(1);
        assertThat(row.overEstimateVnd()).isEqualTo(200_000L);
        assertThat(row.overAllocation()).isEqualTo(1);
        assertThat(row.categoriesOver()).isEqualTo(1);
        assertThat(row.findings()).isEqualTo(3);
        assertThat(row.unlinkedVnd()).isEqualTo(1_200_000L);

        // the nation sees one row per province, which holds the commune's figures (no other test uses this year)
        SpendingCheckSummary.Summary byProvince = summaries.summary(nation, TestUsers.unitId(jdbc, "VN", OrgUnit.NATION, "2025-07-01"), YEAR);
        assertThat(byProvince.byProvince()).isTrue();
        SpendingCheckSummary.Row cb = byProvince.rows().stream().filter(r -> r.unitId() == caoBang).findFirst().orElseThrow();
        assertThat(cb.spent()).isEqualTo(byCommune.total().spent());
        assertThat(cb.findings()).isEqualTo(byCommune.total().findings());
        assertThat(byProvince.total().spent()).isGreaterThanOrEqualTo(1_700_000L);

        // a commune cannot read the province's check
        assertThatThrownBy(() -> summaries.summary(director, caoBang, YEAR)).isInstanceOf(AccessDeniedProblem.class);

        Http page = Http.session(port, new java.net.CookieManager());
        page.login("so.caobang", "xhht-demo");
        String html = page.get("/budgets/check?unitId=" + caoBang + "&year=" + YEAR).body();
        assertThat(html).contains("id=\"check-rows\"").contains("1.700.000 đ").contains("1 (200.000 đ)");
        HttpResponse<byte[]> xlsx = page.getBytes("/budgets/check.xlsx?unitId=" + caoBang + "&year=" + YEAR);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            String communeName = jdbc.sql("select name from org_unit where id = :id").param("id", commune).query(String.class).single();
            Row found = null;
            for (Row r : wb.getSheetAt(0)) {
                if (r.getCell(0) != null && communeName.equals(r.getCell(0).toString())) {
                    found = r;
                }
            }
            assertThat(found).as("a row for " + communeName).isNotNull();
            assertThat(found.getCell(4).getNumericCellValue()).isEqualTo(1_700_000d);
            assertThat(found.getCell(6).getNumericCellValue()).isEqualTo(200_000d);
            assertThat(found.getCell(9).getNumericCellValue()).isEqualTo(3d);
            assertThat(found.getCell(10).getNumericCellValue()).isEqualTo(1_200_000d);
        }
    }
}
