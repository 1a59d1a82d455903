package vn.xhht.oversight;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.oversight.Establishment.ActKind;
import vn.xhht.oversight.Establishment.Kind;
import vn.xhht.oversight.Establishment.OwnerKind;
import vn.xhht.oversight.Inspection.Member;
import vn.xhht.oversight.Inspection.SubjectType;
import vn.xhht.platform.HomeAlert;
import vn.xhht.shared.VietnamClock;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Decree-30 documents of an inspection (plan, minutes, conclusion, sanction decision) carry the recorded data;
 * the home counts suspensions due and overdue remedies in SQL with the same rule as the registry, and lists only a few.
 */
@XhhtIntegrationTest
class OversightDocumentsAndHomeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EstablishmentRegistry registry;
    @Autowired
    Inspections inspections;
    @Autowired
    OversightHome home;
    @Autowired
    VietnamClock clock;

    TestUsers.User province;
    long canYen;
    String tag;

    @BeforeEach
    void setUp() {
        province = TestUsers.load(jdbc, "so.caobang");
        canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    long centre(String name) {
        return registry.create(province, new EstablishmentRegistry.Form(Kind.FOREIGN_LANGUAGE_IT, name, "Số 9 phố Vườn Cam", canYen,
                "Công ty TNHH Sao Mai " + tag, OwnerKind.ORGANISATION, "Nguyễn Thị Lan", LocalDate.of(2025, 1, 1), null, null, null, null,
                null, List.of(), null));
    }

    static String docxText(byte[] data) throws Exception {
        try (var doc = new XWPFDocument(new ByteArrayInputStream(data)); var x = new XWPFWordExtractor(doc)) {
            return x.getText();
        }
    }

    @Test
    void theInspectionDocumentsCarryTheRecordedTeamFindingsAndDecision() throws Exception {
        String name = "Trung tâm Ngoại ngữ Văn Bản " + tag;
        long id = centre(name);
        LocalDate date = clock.today().minusDays(2);
        long insp = inspections.create(province, new Inspections.Form(SubjectType.ESTABLISHMENT, id, date, date.getYear(),
                List.of(new Member("Hoàng Văn Kiên " + tag, "Sở GD&ĐT", "Trưởng đoàn")), "Cơ sở cơ bản chấp hành quy định " + tag));
        inspections.addFinding(province, insp, new Inspections.FindingForm(6, "S-06", "Dạy tại địa điểm chưa đăng ký " + tag,
                "Đưa học viên về địa điểm được phép", 10));
        Http so = Http.session(port, new CookieManager());
        so.login("so.caobang", "xhht-demo");

        // no decision yet: the decision is not offered, the others are
        assertThat(so.getBytes("/oversight/inspections/" + insp + "/documents/decision.docx").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> minutes = so.getBytes("/oversight/inspections/" + insp + "/documents/minutes.docx");
        assertThat(minutes.statusCode()).isEqualTo(200);
        assertThat(minutes.headers().firstValue("Content-Disposition").orElse("")).contains("bien-ban-kiem-tra");
        String m = docxText(minutes.body());
        assertThat(m).contains("BIÊN BẢN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hoàng Văn Kiên " + tag, "Dạy tại địa điểm chưa đăng ký " + tag,
                "Đưa học viên về địa điểm được phép", "SỞ GIÁO DỤC VÀ ĐÀO TẠO");

        String c = docxText(so.getBytes("/oversight/inspections/" + insp + "/documents/conclusion.docx").body());
        assertThat(c).contains("KẾT LUẬN", "Cơ sở cơ bản chấp hành quy định " + tag, "1 hành vi vi phạm");

        String number = tag + "/QĐ-XPHC";
        inspections.decide(province, insp, new Inspections.DecisionForm(number, clock.today(), "Chánh Thanh tra Sở", 12_000_000L));
        String d = docxText(so.getBytes("/oversight/inspections/" + insp + "/documents/decision.docx").body());
        assertThat(d).contains("QUYẾT ĐỊNH", number, "12.000.000 đồng", "Nghị định 04/2021/NĐ-CP", "Công ty TNHH Sao Mai " + tag,
                "Buộc đưa người học về địa điểm được cho phép", "CHÁNH THANH TRA SỞ");
        HttpResponse<byte[]> pdf = so.getBytes("/oversight/inspections/" + insp + "/documents/decision.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        String plan = docxText(so.getBytes("/oversight/inspection-plans/" + date.getYear() + ".docx").body());
        assertThat(plan).contains("KẾ HOẠCH", name, "Hoàng Văn Kiên " + tag);
        assertThat(so.getBytes("/oversight/inspections/" + insp + "/documents/other.docx").statusCode()).isEqualTo(404);
    }

    @Test
    void theHomeCountsSuspensionsDueInSqlWithTheRegistryRule() {
        long id = centre("Trung tâm Ngoại ngữ Chưa Hoạt Động " + tag);
        registry.addAct(province, id, new EstablishmentRegistry.ActForm(ActKind.ESTABLISHMENT_DECISION, tag + "/QĐ-HOME",
                clock.today().minusMonths(13), null, null));
        long byRule = registry.list(province, new EstablishmentRegistry.Filter(null, null, null), 5000).stream()
                .filter(Establishment::suspensionDue).count();
        assertThat(registry.get(province, id).suspensionDue()).isTrue();
        assertThat(registry.countSuspensionDue(province)).isEqualTo(byRule).isPositive();
        assertThat(home.alertsFor(province, clock.today())).anyMatch(a -> a.messageKey().equals("oversight.alert.suspensionDue")
                && a.args().equals(List.of(byRule)));
    }

    @Test
    void manyOverdueRemediesAreOneCountedAlertNotALongList() {
        long id = centre("Trung tâm Ngoại ngữ Quá Hạn " + tag);
        LocalDate date = clock.today().minusDays(40);
        for (int n = 0; n < OversightHome.HOME_ITEMS + 1; n++) {
            long insp = inspections.create(province, new Inspections.Form(SubjectType.ESTABLISHMENT, id, date, date.getYear(),
                    List.of(new Member("Lê Văn Cường", "Sở GD&ĐT", null)), null));
            inspections.addFinding(province, insp, new Inspections.FindingForm(6, "S-06", "Dạy sai địa điểm " + n, "Chuyển lớp " + tag, 2));
        }
        long overdue = inspections.countOverdueRemedies(province, clock.today());
        assertThat(overdue).isGreaterThan(OversightHome.HOME_ITEMS);
        List<HomeAlert> alerts = home.alertsFor(province, clock.today());
        assertThat(alerts).filteredOn(a -> a.messageKey().equals("oversight.alert.remediesOverdue"))
                .singleElement().satisfies(a -> assertThat(a.args()).containsExactly(overdue));
        assertThat(alerts).noneMatch(a -> a.messageKey().equals("oversight.alert.remedyOverdue"));
        assertThat(inspections.openRemedies(province, true, clock.today(), 3)).hasSize(3)
                .allMatch(r -> r.due().isBefore(clock.today()));
    }
}
