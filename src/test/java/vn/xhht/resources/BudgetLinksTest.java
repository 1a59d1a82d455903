package vn.xhht.resources;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A spending line names where the money went: an activity, a literacy class or an asset of the same centre or
 * commune, or a training the commune organised or the centre's people attended. Anything of another centre or
 * commune is refused on its field with nothing saved; the budget page and its .xlsx show what each line paid for.
 */
@XhhtIntegrationTest
class BudgetLinksTest {

    static final int YEAR = 2005;

    @Autowired
    BudgetService budgets;
    @Autowired
    Trainings trainings;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    static BudgetService.LineInput spending(Long activity, Long lesson, Long training, Long asset) {
        return new BudgetService.LineInput("SPENDING", null, "ACTIVITIES", 500_000L, YEAR + "-04-02", activity, "Chi có gắn việc",
                lesson, training, asset);
    }

    static String field(Throwable e) {
        var v = ((InvalidInputProblem) e).violations().get(0);
        return v.field() + ":" + v.messageKey();
    }

    long lines(long budgetId) {
        return jdbc.sql("select count(*) from budget_line where budget_id = :b").param("b", budgetId).query(Long.class).single();
    }

    long literacyClass(long communeId, String name) {
        return jdbc.sql("""
                insert into lit_class (commune_id, province_id, programme, name, start_date, end_date)
                select u.id, u.province_id, 'XMC_STAGE1', :n, :s, :e from org_unit u where u.id = :c returning id
                """).param("c", communeId).param("n", name).param("s", LocalDate.of(YEAR, 2, 1)).param("e", LocalDate.of(YEAR, 6, 30))
                .query(Long.class).single();
    }

    long asset(long centreId, String item) {
        return jdbc.sql("insert into asset (centre_id, kind, item, quantity) values (:c, 'EQUIPMENT', :i, 2) returning id")
                .param("c", centreId).param("i", item).query(Long.class).single();
    }

    @Test
    void spendingIsLinkedOnlyToWhatBelongsToTheCentreAndShowsOnThePageAndInTheXlsx() throws Exception {
        var director = TestUsers.load(jdbc, "xa.canyen");
        var chairman = BudgetFixture.chairman(jdbc);
        var province = TestUsers.load(jdbc, "so.caobang");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        long centre = BudgetFixture.canYenCentre(jdbc);
        long commune = BudgetFixture.canYenCommune(jdbc);
        long other = BudgetFixture.otherCentre(jdbc);
        long otherCommune = jdbc.sql("select commune_id from centre where id = :c").param("c", other).query(Long.class).single();

        long myClass = literacyClass(commune, "Lớp xóa mù chữ thôn Nà Mạ " + YEAR);
        long theirClass = literacyClass(otherCommune, "Lớp của xã khác " + YEAR);
        long myAsset = asset(centre, "Loa kéo di động");
        long theirAsset = asset(other, "Máy chiếu của xã khác");
        long reporter = jdbc.sql("insert into person (province_id, full_name) values (:p, 'Hoàng Văn Lâm') returning id")
                .param("p", caoBang).query(Long.class).single();
        jdbc.sql("insert into centre_person (centre_id, person_id, role) values (:c, :p, 'REPORTER')").param("c", centre).param("p", reporter).update();
        var communeTraining = trainings.create(director, new Trainings.Form(commune, "Tập huấn hướng dẫn viên của xã", null,
                LocalDate.of(YEAR, 3, 5), null, "COMMUNE", null, null, null));
        var attended = trainings.create(province, new Trainings.Form(caoBang, "Tập huấn báo cáo viên của tỉnh", null,
                LocalDate.of(YEAR, 3, 20), null, "PROVINCE", null, null, null));
        trainings.attend(province, attended.id(), List.of(reporter));
        var notAttended = trainings.create(province, new Trainings.Form(caoBang, "Tập huấn không ai của xã dự", null,
                LocalDate.of(YEAR, 3, 25), null, "PROVINCE", null, null, null));

        Budget b = budgets.ofCentreYear(director, centre, YEAR).orElseGet(() -> budgets.create(director, centre, YEAR));
        budgets.addLine(director, b.id(), new BudgetService.LineInput("ESTIMATE", null, "ACTIVITIES", 5_000_000L, (YEAR - 1) + "-11-20", null, null));
        budgets.submit(director, b.id());
        budgets.approve(chairman, b.id(), "Đồng ý");
        long before = lines(b.id());

        // what belongs elsewhere, or two links at once, or a link on revenue: refused on the field, nothing saved
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), spending(null, theirClass, null, null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("classId:budget.class.otherCommune"));
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), spending(null, null, null, theirAsset)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("assetId:budget.asset.otherCentre"));
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), spending(null, null, notAttended.id(), null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("trainingId:budget.training.otherCentre"));
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), spending(null, myClass, null, myAsset)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("assetId:budget.link.onlyOne"));
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), new BudgetService.LineInput("RECEIPT", "COMMUNE_BUDGET", null, 1_000L,
                YEAR + "-04-02", null, null, myClass, null, null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("classId:budget.activity.spendingOnly"));
        assertThatThrownBy(() -> budgets.addLine(director, b.id(), spending(null, Long.MAX_VALUE, null, null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("classId:budget.class.otherCommune"));
        assertThat(lines(b.id())).isEqualTo(before);

        // its own class and asset, the commune's training and the province's training its reporter attended
        assertThat(budgets.addLine(director, b.id(), spending(null, myClass, null, null)).classId()).isEqualTo(myClass);
        assertThat(budgets.addLine(director, b.id(), spending(null, null, null, myAsset)).assetId()).isEqualTo(myAsset);
        assertThat(budgets.addLine(director, b.id(), spending(null, null, communeTraining.id(), null)).trainingId()).isEqualTo(communeTraining.id());
        Budget.Line viaAttendance = budgets.addLine(director, b.id(), spending(null, null, attended.id(), null));
        assertThat(viaAttendance.link()).isEqualTo(new Budget.Link(Budget.LinkKind.TRAINING, attended.id()));
        assertThat(lines(b.id())).isEqualTo(before + 4);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'BudgetLine' and entity_id = :id")
                .param("id", String.valueOf(viaAttendance.id())).query(Long.class).single()).isEqualTo(1);

        // the page: the choices offer the commune's class and not the other commune's; each line names what it paid for
        Http page = Http.session(port, new java.net.CookieManager());
        page.login("xa.canyen", "xhht-demo");
        String html = page.get("/budgets/" + b.id()).body();
        assertThat(html).contains("value=\"CLASS:" + myClass + "\"").doesNotContain("CLASS:" + theirClass)
                .contains("value=\"ASSET:" + myAsset + "\"").doesNotContain("ASSET:" + theirAsset)
                .contains("value=\"TRAINING:" + attended.id() + "\"").doesNotContain("TRAINING:" + notAttended.id())
                .contains("data-link=\"CLASS:" + myClass + "\"").contains("Lớp xóa mù chữ thôn Nà Mạ " + YEAR)
                .contains("href=\"/trainings/" + communeTraining.id() + "\"")
                // the province's training is named, not linked: the commune cannot open the province's page
                .contains("Tập huấn báo cáo viên của tỉnh").doesNotContain("href=\"/trainings/" + attended.id() + "\"");
        // a link of another commune through the page's list: the message is next to the list, nothing saved
        var refused = page.postForm("/budgets/" + b.id() + "/lines", java.util.Map.of("stage", "SPENDING", "category", "ACTIVITIES",
                "amountVnd", "200.000", "date", YEAR + "-05-01", "link", "CLASS:" + theirClass,
                "_csrf", page.csrfToken("/budgets/" + b.id())));
        assertThat(refused.body()).contains("id=\"link-error\"").contains("Lớp này không thuộc xã của ngân sách.").contains("200.000");
        assertThat(lines(b.id())).isEqualTo(before + 4);

        // the .xlsx: one row per line with the kind and the name of what it paid for
        HttpResponse<byte[]> xlsx = page.getBytes("/budgets/" + b.id() + "/lines.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet s = wb.getSheet("Các khoản");
            StringBuilder all = new StringBuilder();
            for (Row r : s) {
                r.forEach(c -> all.append(c.toString()).append('|'));
                all.append('\n');
            }
            assertThat(all).contains("Lớp xóa mù chữ|Lớp xóa mù chữ thôn Nà Mạ " + YEAR)
                    .contains("Tài sản|Loa kéo di động (2)")
                    .contains("Đợt tập huấn|Tập huấn báo cáo viên của tỉnh");
        }
    }
}
