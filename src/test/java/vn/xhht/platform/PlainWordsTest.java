package vn.xhht.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.evaluation.Evaluation;
import vn.xhht.evaluation.EvaluationService;
import vn.xhht.evaluation.SelfAssessment;
import vn.xhht.evaluation.EvaluationSteps;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.UnitSigners;
import vn.xhht.reporting.ReportService;
import vn.xhht.reporting.ReportListing;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11 item 5 and 7: what users read — pages, the report's .xlsx/.docx/.pdf and the recognition request letter —
 * carries no research shorthand ("seed", English certainty words), no codes (field keys, condition codes, period
 * codes, framework codes), Vietnamese period labels, proper agencies and a signer's name under the position.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlainWordsTest {

    /** Words and codes that must never reach a user (case-insensitive, whole words). */
    static final List<Pattern> DENYLIST = List.of(
            word("seed"), word("secondary"), word("unknown"), word("verified"), word("uncertain"), word("not read"),
            word("third-party"), word("implementation"), word("especially difficult"), word("wording"),
            Pattern.compile("\\b(XMC|TH|THCS|MN|MN35)\\d_[A-Z0-9_]+\\b"), Pattern.compile("PCGDMN3_5|PCGDTHCS|PCGDTH\\b"),
            Pattern.compile("\\b20\\d\\dQ[1-4]\\b"), Pattern.compile("tt\\d\\d-20\\d\\d-"), Pattern.compile("\\(v\\d+\\)|, v\\d+\\)"),
            Pattern.compile("\\?\\?[a-z.]+\\?\\?|\\[Ljava"), Pattern.compile("„"));

    /** The field keys of the quarterly centre report: never a word in an export. */
    static final List<String> FIELD_KEYS = List.of("activities", "thematic_sessions", "vocational_classes", "participations", "women",
            "ethnic_minority", "disadvantaged", "age_under_15", "age_15_35", "age_36_60", "age_over_60", "clubs", "club_members",
            "literacy_classes", "literacy_learners", "target_participations", "achieved_participations", "target_thematic",
            "achieved_thematic", "results", "difficulties", "proposals");

    static final String DIRECTOR = "Nông Thị Hoa";
    static final String CHAIR = "Hoàng Văn Đức";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportService reports;
    @Autowired
    ReportListing listing;
    @Autowired
    UnitSigners signers;
    @Autowired
    EvaluationService evaluations;
    @Autowired
    EvaluationSteps steps;
    @Autowired
    SelfAssessment assessment;
    @Autowired
    vn.xhht.evaluation.FrameworkCatalog catalog;

    long canYen;
    long reportId;

    static Pattern word(String w) {
        return Pattern.compile("(?i)(?<![\\p{L}\\d])" + Pattern.quote(w) + "(?![\\p{L}\\d])");
    }

    @BeforeAll
    void fixture() {
        canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).toString());
        var commune = TestUsers.load(jdbc, "xa.canyen");
        reportId = listing.find("centre-quarterly", "2026Q4", canYen).orElseGet(() -> reports.create(commune, "centre-quarterly", "2026Q4", canYen).id());
        // the centre's director (its board) signs the centre's report; the chairman signs the commune's letters
        jdbc.sql("""
                insert into board_member (centre_id, full_name, position, term_start)
                select id, :n, 'DIRECTOR', current_date from centre where commune_id = :u
                  and not exists (select 1 from board_member b where b.centre_id = centre.id and b.full_name = :n)
                """).param("n", DIRECTOR).param("u", canYen).update();
        signers.save(commune, canYen, CHAIR, null);
    }

    Http signedIn(String user) {
        Http h = Http.session(port, new CookieManager());
        h.login(user, "xhht-demo");
        return h;
    }

    /** The text a person sees: no scripts, styles, tags or attribute values. */
    static String visible(String html) {
        String s = html.replaceAll("(?is)<script.*?</script>|<style.*?</style>", " ").replaceAll("(?s)<[^>]*>", " ");
        s = s.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
        return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ");
    }

    static void assertPlain(String where, String text) {
        for (Pattern p : DENYLIST) {
            var m = p.matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 60), to = Math.min(text.length(), m.end() + 60);
                throw new AssertionError(where + " shows \"" + m.group() + "\": …" + text.substring(from, to) + "…");
            }
        }
    }

    @Test
    void pagesOfEveryRoleSpeakPlainVietnameseWithTitlesEndingInXhht() {
        long rule = jdbc.sql("select min(id) from lit_standard where code = 'PCGDMN3_5'").query(Long.class).single();
        long legal = jdbc.sql("select id from legal_document where number_symbol = '22/2020/TT-BGDĐT'").query(Long.class).single();
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("xa.canyen", List.of("/reports", "/reports/" + reportId, "/literacy?unitId=" + canYen, "/literacy/rules", "/literacy/rules/" + rule,
                "/literacy/import?unitId=" + canYen, "/evaluations", "/evaluations/frameworks", "/evaluations/frameworks/tt25-2023-commune",
                "/evaluations/frameworks/centre-rating", "/legal-documents", "/legal-documents/" + legal));
        pages.put("so.caobang", List.of("/reports", "/reports/board?templateCode=centre-quarterly&period=2026Q4", "/reports/dashboard",
                "/reports/meetings", "/evaluations/frameworks/tt44-2014-commune"));
        pages.put("admin", List.of("/admin/audit", "/literacy/rules"));
        List<String> checked = new ArrayList<>();
        pages.forEach((user, paths) -> {
            Http h = signedIn(user);
            for (String path : paths) {
                HttpResponse<String> r = h.get(path);
                assertThat(r.statusCode()).as(user + " " + path).isEqualTo(200);
                // the audit log keeps each change's raw record behind "Chi tiết" for administrators; the rows themselves are checked
                String body = path.startsWith("/admin/audit") ? r.body().replaceAll("(?s)<details.*?</details>", " ") : r.body();
                assertPlain(user + " " + path, visible(body));
                var title = Pattern.compile("(?s)<title>(.*?)</title>").matcher(r.body());
                assertThat(title.find()).as(path).isTrue();
                assertThat(title.group(1).strip()).as("title of " + path).endsWith("· XHHT");
                checked.add(path);
            }
        });
        assertThat(checked).hasSize(19);
    }

    @Test
    void periodsAreVietnamesePickedFromALabelListAndCertaintyIsANoteNotABadge() {
        Http commune = signedIn("xa.canyen");
        String list = commune.get("/reports").body();
        assertThat(list).contains("<select id=\"period\" name=\"period\"").doesNotContain("placeholder=\"2026Q");
        assertThat(visible(list)).contains("Quý IV/2026", "Quý I/2025").doesNotContain("2026Q4");
        assertThat(visible(list)).as("each period of a form once").containsOnlyOnce("Quý IV/2026 Quý III/2026");
        String frameworks = visible(commune.get("/evaluations").body());
        assertThat(frameworks).contains("(Thông tư 25/2023, phiên bản 2)");
        String framework = visible(commune.get("/evaluations/frameworks/tt25-2023-commune").body());
        assertThat(framework).contains("chưa chắc chắn — theo nguồn thứ cấp");
        String literacy = visible(commune.get("/literacy?unitId=" + canYen).body());
        assertThat(literacy).contains("Tỉ lệ người 15–25 tuổi đạt chuẩn biết chữ mức độ 1", "Xóa mù chữ mức độ 1",
                "Xã có điều kiện kinh tế - xã hội đặc biệt khó khăn xét độ tuổi 15–25 thay cho 15–35.");
        // a read-only legal document is text, not a greyed form; its note is plain Vietnamese
        long legal = jdbc.sql("select id from legal_document where number_symbol = '22/2020/TT-BGDĐT'").query(Long.class).single();
        String doc = commune.get("/legal-documents/" + legal).body();
        assertThat(doc).contains("id=\"legal-doc\"").doesNotContain("<fieldset").doesNotContain("disabled");
        assertThat(visible(doc)).contains("Một số văn bản địa phương ghi nhầm ngày ban hành là 06/8/2022.");
        String audit = visible(signedIn("admin").get("/admin/audit").body());
        assertThat(audit).contains("Sửa").doesNotContain(" UPDATE ").doesNotContain(" CREATE ");
    }

    @Test
    void theReportExportsNameTheirPeriodAgencyAndSignerInVietnameseWithoutFieldKeys() throws IOException {
        Http commune = signedIn("xa.canyen");
        HttpResponse<byte[]> pdf = commune.getBytes("/reports/" + reportId + "/export.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("filename=\"bao-cao-quy-IV-2026-xa-can-yen.pdf\"");
        String pdfText;
        try (PDDocument d = Loader.loadPDF(pdf.body())) {
            pdfText = Normalizer.normalize(new PDFTextStripper().getText(d), Normalizer.Form.NFC).replaceAll("\\s+", " ");
        }
        HttpResponse<byte[]> docx = commune.getBytes("/reports/" + reportId + "/export.docx");
        assertThat(docx.headers().firstValue("Content-Disposition").orElse("")).contains("filename=\"bao-cao-quy-IV-2026-xa-can-yen.docx\"");
        String docxText;
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx.body())); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            docxText = Normalizer.normalize(x.getText(), Normalizer.Form.NFC).replaceAll("\\s+", " ");
        }
        for (String text : List.of(pdfText, docxText)) {
            assertThat(text).contains("BÁO CÁO", "Kết quả hoạt động của Trung tâm học tập cộng đồng quý IV/2026",
                    "Trung tâm học tập cộng đồng xã Cần Yên báo cáo kết quả hoạt động quý IV/2026 như sau",
                    "Sở Giáo dục và Đào tạo tỉnh Cao Bằng (để báo cáo)", "Ủy ban nhân dân xã Cần Yên (để báo cáo)", "GIÁM ĐỐC", DIRECTOR,
                    "Cùng kỳ năm trước");
            assertThat(text).doesNotContain("quý iv", "Báo cáo kết quả hoạt động quý", "Tỉnh Cao Bằng (để báo cáo)", "Xã Cần Yên báo cáo");
            assertPlain("report export", text);
            for (String key : FIELD_KEYS) {
                assertThat(word(key).matcher(text).find()).as("field key " + key + " in the document").isFalse();
            }
        }
        HttpResponse<byte[]> xlsx = commune.getBytes("/reports/" + reportId + "/export.xlsx");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("filename=\"bao-cao-quy-IV-2026-xa-can-yen.xlsx\"");
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        if (c.getCellType() == CellType.STRING) {
                            cells.add(c.getStringCellValue());
                        }
                    }
                }
            }
        }
        assertThat(cells).contains("TT", "Chỉ tiêu", "Tổng số lượt người tham gia").doesNotContain("Mã").doesNotContainAnyElementsOf(FIELD_KEYS);
        assertThat(cells).anyMatch(c -> c.contains("Quý IV/2026"));
        cells.forEach(c -> assertPlain("report .xlsx", c));
    }

    @Test
    void noRecognitionRequestIsSentForAResultBelowTheLowestLevelAndTheLetterIsAddressedToTheAgency() throws IOException {
        var commune = TestUsers.load(jdbc, "xa.canyen");
        Long existing = jdbc.sql("select e.id from evaluation e join eval_framework_version v on v.id = e.framework_version_id"
                        + " where v.code = 'tt25-2023-commune' and e.subject_unit_id = :u and e.eval_year = 2025")
                .param("u", canYen).query(Long.class).optional().orElse(null);
        long id = existing != null ? existing : evaluations.create(commune, "tt25-2023-commune", canYen, null, 2025, null).id();
        EvaluationService.View v = evaluations.view(commune, id);
        Map<String, EvaluationService.ScoreInput> notMet = new LinkedHashMap<>();
        v.framework().items().forEach(i -> notMet.put(i.code(), new EvaluationService.ScoreInput(null, false, null, "Chưa thực hiện")));
        v = assessment.saveScores(commune, id, notMet, v.evaluation().version());
        assertThat(v.result().levelCode()).isEqualTo("CHUA_DAT");
        assertThatThrownBy(() -> steps.submit(commune, id)).isInstanceOfSatisfying(InvalidInputProblem.class,
                e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("evaluation.submit.notRecognised"));
        assertThat(evaluations.view(commune, id).evaluation().stage()).isEqualTo(Evaluation.Stage.DRAFT);

        Http h = signedIn("xa.canyen");
        String page = h.get("/evaluations/" + id).body();
        assertThat(page).contains("id=\"submit-blocked\"").doesNotContain("data-confirm");
        assertThat(visible(page)).contains("Chưa nộp được hồ sơ đề nghị công nhận: kết quả tự đánh giá hiện là “Chưa đạt”");

        HttpResponse<byte[]> letter = h.getBytes("/evaluations/" + id + "/documents/request.pdf");
        assertThat(letter.statusCode()).isEqualTo(200);
        assertThat(letter.headers().firstValue("Content-Disposition").orElse("")).contains("filename=\"cong-van-de-nghi-cong-nhan-xa-can-yen-2025.pdf\"");
        try (PDDocument d = Loader.loadPDF(letter.body())) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(d), Normalizer.Form.NFC).replaceAll("\\s+", " ");
            assertThat(text).contains("ỦY BAN NHÂN DÂN XÃ CẦN YÊN", "Kính gửi: Sở Giáo dục và Đào tạo tỉnh Cao Bằng.",
                    "Ủy ban nhân dân xã Cần Yên đề nghị Sở Giáo dục và Đào tạo tỉnh Cao Bằng", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", CHAIR);
            assertThat(text).doesNotContain("(Tỉnh Cao Bằng)", "Xã Cần Yên, Xã Cần Yên", "UBND XÃ CẦN YÊN");
            assertPlain("request letter", text);
        }
        assertThat(signedIn("xa.canyen").get("/units/" + canYen).body()).contains("id=\"chairName\"").contains(CHAIR);
    }
}
