package vn.xhht.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The official-letter layout rendered to PDF and DOCX, read back: every Vietnamese diacritic intact. */
class DocumentRendererTest {

    static final String DIACRITICS = "Trung tâm học tập cộng đồng xã Cần Yên tổ chức chuyên đề phòng, chống dịch bệnh cho gia súc; ấ ầ ẩ ẫ ậ ự ỹ Đ đ";

    static OfficialDocument letter() {
        return new OfficialDocument("UBND HUYỆN HÀ QUẢNG", "UBND XÃ CẦN YÊN", "Số: 12/UBND-VX", "Cần Yên",
                LocalDate.of(2026, 1, 5), null, "V/v báo cáo hoạt động của Trung tâm học tập cộng đồng quý IV/2025",
                List.of(new OfficialDocument.Heading("I.", "KẾT QUẢ THỰC HIỆN"),
                        new OfficialDocument.Paragraph(DIACRITICS),
                        new OfficialDocument.Table(List.of("TT", "Nội dung", "Số lượt người"),
                                List.of(List.of("1", "Chuyên đề phòng bệnh gia súc", "64"),
                                        List.of("2", "Lớp xóa mù chữ giai đoạn 2", "27"))),
                        new OfficialDocument.Heading("II.", "ĐỀ XUẤT, KIẾN NGHỊ"),
                        new OfficialDocument.Paragraph("Đề nghị Sở Giáo dục và Đào tạo hỗ trợ tài liệu <bản đồ> & sách.")),
                List.of("- Như trên;", "- Sở GD&ĐT tỉnh Cao Bằng;", "- Lưu: VT, VX."),
                new OfficialDocument.Signature("TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Nông Văn Thành"));
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    @Test
    void pdfKeepsTheAdministrativeLayoutAndEveryDiacritic() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DocumentRenderer().renderPdf(letter(), out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            String text = nfc(new PDFTextStripper().getText(pdf)).replaceAll("\\s+", " ");
            assertThat(text).contains(DIACRITICS, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "Cần Yên, ngày 05 tháng 01 năm 2026", "Nơi nhận:", "Số: 12/UBND-VX", "UBND XÃ CẦN YÊN",
                    "Chuyên đề phòng bệnh gia súc", "Nông Văn Thành", "tài liệu <bản đồ> & sách");
            PDPage page = pdf.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
            Set<String> fonts = new HashSet<>();
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name).getName());
            }
            assertThat(fonts).anySatisfy(f -> assertThat(f).contains("LiberationSerif"));
        }
    }

    @Test
    void docxCarriesTheSameTexts() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DocumentRenderer().renderDocx(letter(), out);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = nfc(extractor.getText());
            assertThat(text).contains(DIACRITICS, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "Cần Yên, ngày 05 tháng 01 năm 2026", "Nơi nhận:", "Chuyên đề phòng bệnh gia súc", "Nông Văn Thành");
            assertThat(doc.getTables()).hasSize(3);
            assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getW()).isEqualTo(java.math.BigInteger.valueOf(11906));
        }
    }

    @Test
    void datesFollowDecree30() {
        assertThat(VietnameseDates.placeAndDate("Hà Nội", LocalDate.of(2026, 2, 9))).isEqualTo("Hà Nội, ngày 09 tháng 02 năm 2026");
        assertThat(VietnameseDates.placeAndDate("Hà Nội", LocalDate.of(2026, 11, 23))).isEqualTo("Hà Nội, ngày 23 tháng 11 năm 2026");
        assertThat(VietnameseDates.placeAndDate("Hà Nội", LocalDate.of(2026, 3, 10))).isEqualTo("Hà Nội, ngày 10 tháng 3 năm 2026");
    }
}
