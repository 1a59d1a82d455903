package vn.xhht.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.xhht.document.OfficialDocument;
import vn.xhht.document.OfficialDocument.Heading;
import vn.xhht.document.OfficialDocument.Paragraph;
import vn.xhht.document.OfficialDocument.Signature;
import vn.xhht.document.OfficialDocument.Table;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.orgunit.UnitSigners;
import vn.xhht.document.VietnameseNames;
import vn.xhht.shared.VietnamClock;

/**
 * The dossier's documents in the Nghị định 30/2020 layout, built as {@link OfficialDocument}s for the project's one
 * renderer: the request letter, the self-assessment report with its summary table, the check minutes and the
 * decision with its annexed list.
 */
@Component
public class EvaluationDocuments {

    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final OrgUnitDirectory units;
    private final UnitSigners signers;
    private final VietnamClock clock;

    EvaluationDocuments(OrgUnitDirectory units, UnitSigners signers, VietnamClock clock) {
        this.units = units;
        this.signers = signers;
        this.clock = clock;
    }

    /** A line of a decision's annex. */
    public record AnnexLine(String subject, String unitName, String level, LocalDate validUntil) {
    }

    public OfficialDocument requestLetter(EvaluationService.View v) {
        Evaluation e = v.evaluation();
        Framework f = v.framework();
        OrgUnit owner = units.require(e.ownerUnitId());
        Framework.Authority a = authority(f, e);
        String level = v.levelTitle(e.requestedLevel() != null && !e.requestedLevel().isEmpty() ? e.requestedLevel() : v.result().levelCode());
        String receiver = units.find(e.reviewerUnitId()).map(r -> receiverName(a, r)).orElse(e.reviewerName());
        String subject = VietnameseNames.inSentence(e.subjectName());
        String sender = VietnameseNames.peoplesCommittee(owner.name());
        List<OfficialDocument.Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("Kính gửi: " + receiver + "."));
        blocks.add(new Paragraph("Căn cứ " + legal(f) + ";"));
        blocks.add(new Paragraph("Căn cứ kết quả tự đánh giá năm " + e.year() + " của " + subject + ", " + sender
                + " đề nghị " + receiver + " đánh giá, công nhận " + (subject.equals(VietnameseNames.inSentence(owner.name())) ? "" : subject + " ")
                + "đạt " + (level == null ? "—" : level) + "."));
        blocks.add(new Paragraph("Hồ sơ gửi kèm gồm: " + (f.dossier().isEmpty() ? "báo cáo tự đánh giá và bản tổng hợp kết quả" : String.join("; ", f.dossier())) + "."));
        blocks.add(new Paragraph("Kính đề nghị " + receiver + " xem xét, đánh giá và công nhận."));
        return new OfficialDocument(null, issuer(owner), "Số:      /UBND-VX", place(owner), clock.today(), null,
                "V/v đề nghị đánh giá, công nhận " + shortTitle(f) + " năm " + e.year(), blocks,
                List.of("- Như trên;", "- Lưu: VT."), new Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", nz(signers.of(owner.id()).chairName())));
    }

    /**
     * The agency a dossier goes to, named as an agency of its unit ("Sở Giáo dục và Đào tạo tỉnh Cao Bằng"), from the
     * framework's receiver for the period ("Sở Giáo dục và Đào tạo", "Hội Khuyến học cấp xã"…).
     */
    static String receiverName(Framework.Authority a, OrgUnit reviewer) {
        String r = a == null || a.receiver() == null ? "" : a.receiver();
        if (r.contains("Giáo dục và Đào tạo") || r.isEmpty()) {
            return VietnameseNames.educationAgency(reviewer.level(), reviewer.name());
        }
        if (r.startsWith("Hội Khuyến học")) {
            return "Hội Khuyến học " + VietnameseNames.inSentence(reviewer.name());
        }
        if (r.startsWith("Ủy ban nhân dân")) {
            return VietnameseNames.peoplesCommittee(reviewer.name());
        }
        return r + " " + VietnameseNames.inSentence(reviewer.name());
    }

    public OfficialDocument selfAssessmentReport(EvaluationService.View v) {
        Evaluation e = v.evaluation();
        Framework f = v.framework();
        OrgUnit owner = units.require(e.ownerUnitId());
        List<OfficialDocument.Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("Căn cứ " + legal(f) + ";"));
        blocks.add(new Paragraph(e.subjectName() + " tự đánh giá năm " + e.year() + " theo bộ tiêu chí “" + f.title() + "” (phiên bản "
                + f.version() + "), số liệu từ ngày 01/01 đến ngày 31/12/" + e.year() + ", như sau:"));
        blocks.add(new Heading("I.", "BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHÍ, CHỈ TIÊU"));
        blocks.add(summaryTable(v, false));
        blocks.add(new Heading("II.", "KẾT QUẢ TỰ ĐÁNH GIÁ"));
        blocks.add(new Paragraph(resultLine(f, v.result())));
        if (!f.complete()) {
            blocks.add(new Paragraph("Ghi chú: bộ tiêu chí chưa đầy đủ — cần đối chiếu văn bản gốc. " + nz(f.incompleteNote())));
        }
        String receiver = units.find(e.reviewerUnitId()).map(r -> receiverName(authority(f, e), r)).orElse(e.reviewerName());
        return new OfficialDocument(null, issuer(owner), "Số:      /BC-UBND", place(owner), clock.today(), "BÁO CÁO",
                "Tự đánh giá " + shortTitle(f) + " năm " + e.year(), blocks, List.of("- " + receiver + ";", "- Lưu: VT."),
                new Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", nz(signers.of(owner.id()).chairName())));
    }

    public OfficialDocument checkMinutes(EvaluationService.View v) {
        Evaluation e = v.evaluation();
        Framework f = v.framework();
        OrgUnit reviewer = units.require(e.reviewerUnitId());
        List<OfficialDocument.Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("Hôm nay, ngày " + (e.checkDate() == null ? "…" : e.checkDate().format(DMY)) + ", đoàn kiểm tra gồm: "
                + nz(e.checkTeam()) + " tiến hành kiểm tra, đánh giá " + e.subjectName() + " năm " + e.year() + " theo " + legal(f) + "."));
        blocks.add(new Heading("I.", "KẾT QUẢ KIỂM TRA TỪNG TIÊU CHÍ, CHỈ TIÊU"));
        blocks.add(summaryTable(v, true));
        blocks.add(new Heading("II.", "KẾT LUẬN"));
        blocks.add(new Paragraph("Tự đánh giá: " + resultLine(f, v.result())));
        if (v.checkedResult() != null) {
            blocks.add(new Paragraph("Đoàn kiểm tra: " + resultLine(f, v.checkedResult())));
        }
        if (e.checkNote() != null) {
            blocks.add(new Paragraph(e.checkNote()));
        }
        return new OfficialDocument(parentOf(reviewer), issuer(reviewer), "", place(reviewer), e.checkDate() == null ? clock.today() : e.checkDate(),
                "BIÊN BẢN", "Kiểm tra, đánh giá " + shortTitle(f) + " năm " + e.year() + " — " + e.subjectName(), blocks,
                List.of("- " + e.ownerName() + ";", "- Lưu: hồ sơ đánh giá."), new Signature(null, "TRƯỞNG ĐOÀN KIỂM TRA", ""));
    }

    /** The decision with its annexed list (one line per subject recognised by it). */
    public OfficialDocument decision(Framework f, OrgUnit reviewer, int year, String number, LocalDate date, String signer,
                                     List<AnnexLine> lines) {
        Framework.Authority a = f.authorityOn(date == null ? clock.today() : date).orElse(null);
        String decider = a == null ? "Thủ trưởng cơ quan" : a.decider();
        List<OfficialDocument.Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(decider.toUpperCase()));
        blocks.add(new Paragraph("Căn cứ " + legal(f) + ";"));
        blocks.add(new Paragraph("Căn cứ kết quả kiểm tra, đánh giá năm " + year + ";"));
        blocks.add(new Paragraph("QUYẾT ĐỊNH:"));
        blocks.add(new Paragraph("Điều 1. Công nhận " + lines.size() + " đơn vị đạt " + shortTitle(f) + " năm " + year
                + " (có danh sách kèm theo)."));
        blocks.add(new Paragraph("Điều 2. " + validityText(f)));
        blocks.add(new Paragraph("Điều 3. Quyết định có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."));
        blocks.add(new Heading("", "DANH SÁCH KÈM THEO QUYẾT ĐỊNH SỐ " + nz(number).toUpperCase() + (date == null ? "" : " NGÀY " + date.format(DMY))));
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (AnnexLine l : lines) {
            rows.add(List.of(String.valueOf(i++), l.subject(), nz(l.unitName()), nz(l.level()) + (f.complete() ? "" : " (tạm thời)"),
                    l.validUntil() == null ? "—" : l.validUntil().format(DMY)));
        }
        blocks.add(new Table(List.of("TT", "Tên đơn vị", "Trực thuộc", "Kết quả công nhận", "Giá trị đến"), rows));
        if (!f.complete()) {
            blocks.add(new Paragraph(PROVISIONAL + " " + nz(f.incompleteNote())));
        }
        String issuer = issuer(reviewer);
        String parent = parentOf(reviewer);
        if (a != null && a.decider() != null && a.decider().contains("Giáo dục và Đào tạo")) {
            // the education office (Sở / Phòng) decides: it issues under its People's Committee
            issuer = a.decider().startsWith("Giám đốc") ? "SỞ GIÁO DỤC VÀ ĐÀO TẠO" : "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO";
            parent = "UBND " + reviewer.name().toUpperCase();
        }
        return new OfficialDocument(parent, issuer, "Số: " + nz(number), place(reviewer),
                date == null ? clock.today() : date, "QUYẾT ĐỊNH", "Về việc công nhận " + shortTitle(f) + " năm " + year, blocks,
                List.of("- Như Điều 3;", "- Lưu: VT."), new Signature(null, a == null ? "THỦ TRƯỞNG" : positionOf(a.decider()), nz(signer)));
    }

    static final String PROVISIONAL = "Ghi chú: kết quả tạm thời — xếp theo bộ tiêu chí chưa đầy đủ, cần đối chiếu văn bản gốc.";

    /** Article 2 of a decision: how long the recognition lasts, by the framework's reading and its certainty. */
    static String validityText(Framework f) {
        Framework.ValidityRule r = f.validityRule();
        if (r == null) {
            return f.validityMonths() == null ? "Thời hạn giữ kết quả: theo quy định."
                    : "Kết quả công nhận có giá trị " + f.validityMonths() + " tháng kể từ ngày ký.";
        }
        String text = r.reading() == Framework.ValidityReading.MONTHS_FROM_DECISION
                ? "Kết quả công nhận có giá trị " + r.months() + " tháng kể từ ngày ký"
                : "Kết quả công nhận có giá trị trong " + r.years() + " năm dương lịch sau năm công nhận";
        return text + (r.certainty() == null ? "." : " (" + r.certainty() + (r.source() == null ? "" : "; nguồn: " + r.source()) + ").");
    }

    static Table summaryTable(EvaluationService.View v, boolean withCheck) {
        Framework f = v.framework();
        List<List<String>> rows = new ArrayList<>();
        for (Framework.Criterion c : f.criteria()) {
            rows.add(List.of(c.code(), c.title(), "", "", withCheck ? "" : ""));
            for (Framework.Item i : c.items()) {
                Evaluation.Score s = v.score(i.code());
                String self = entry(i, s == null ? null : s.points(), s == null ? null : s.met(), s == null ? null : s.value());
                String evidence = v.files(i.code()).isEmpty() ? (i.evidenceRequired() ? "chưa có" : "—") : v.files(i.code()).size() + " tệp";
                String check = entry(i, s == null ? null : s.checkPoints(), s == null ? null : s.checkMet(), s == null ? null : s.checkValue());
                rows.add(List.of(i.code(), i.title(), self, withCheck ? check : evidence, nz(s == null ? null : withCheck ? s.checkComment() : s.comment())));
            }
        }
        return new Table(List.of("Mã", "Tiêu chí, chỉ tiêu", "Tự đánh giá", withCheck ? "Đoàn kiểm tra" : "Minh chứng", "Ghi chú"), rows);
    }

    static String entry(Framework.Item i, java.math.BigDecimal points, Boolean met, java.math.BigDecimal value) {
        return switch (i.type()) {
            case POINTS -> points == null ? "" : RuleEngine.plain(points) + (i.maxPoints() == null ? "" : "/" + RuleEngine.plain(i.maxPoints()));
            case PASSFAIL -> met == null ? "" : met ? "Đạt" : "Không đạt";
            case MEASURE -> value == null ? "" : RuleEngine.plain(value) + nz(i.unit());
        };
    }

    static String resultLine(Framework f, RuleEngine.Result r) {
        String total = f.isPoints() ? "tổng điểm " + RuleEngine.plain(r.total()) + "/" + RuleEngine.plain(r.maxTotal())
                : r.itemsMet() + "/" + RuleEngine.plain(r.maxTotal()) + " chỉ tiêu đạt";
        return total + "; kết quả: " + (r.level() == null ? "chưa xác định" : r.level().title() + (f.complete() ? "" : " (tạm thời)")) + ".";
    }

    private Framework.Authority authority(Framework f, Evaluation e) {
        return f.authorityOn(clock.today()).orElse(null);
    }

    static String legal(Framework f) {
        return (f.legalBasis().number().contains("TT-") ? "Thông tư số " : "Quyết định số ") + f.legalBasis().number()
                + (f.legalBasis().date() == null ? "" : " ngày " + f.legalBasis().date().format(DMY))
                + (f.legalBasis().issuer() == null ? "" : " của " + f.legalBasis().issuer());
    }

    static String shortTitle(Framework f) {
        return f.title().replaceFirst("^(Đánh giá, công nhận|Đánh giá, xếp loại|Tiêu chí đánh giá, xếp loại) ", "");
    }

    private String parentOf(OrgUnit unit) {
        List<OrgUnit> chain = units.ancestors(unit);
        OrgUnit parent = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        return parent == null || parent.level() == OrgUnit.NATION ? null : "UBND " + parent.name().toUpperCase();
    }

    /** NĐ 30/2020: the issuing body's own name is written in full ("ỦY BAN NHÂN DÂN XÃ CẦN YÊN"); only a parent body may be abbreviated. */
    private static String issuer(OrgUnit unit) {
        return unit.level() == OrgUnit.NATION ? "BỘ GIÁO DỤC VÀ ĐÀO TẠO" : "ỦY BAN NHÂN DÂN " + unit.name().toUpperCase(java.util.Locale.forLanguageTag("vi"));
    }

    private static String place(OrgUnit unit) {
        return unit.name().replaceFirst("^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu|Thôn|Tổ dân phố|Bản|Xóm|Ấp) ", "");
    }

    private static String positionOf(String decider) {
        String d = decider == null ? "" : decider;
        if (d.startsWith("Chủ tịch")) {
            return "CHỦ TỊCH";
        }
        if (d.startsWith("Giám đốc")) {
            return "GIÁM ĐỐC";
        }
        if (d.startsWith("Trưởng phòng")) {
            return "TRƯỞNG PHÒNG";
        }
        return d.toUpperCase();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
