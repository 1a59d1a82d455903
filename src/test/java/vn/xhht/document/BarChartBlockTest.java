package vn.xhht.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bar-chart block: drawn in the .pdf, a table with text bars in the .docx. */
class BarChartBlockTest {

    static OfficialDocument doc() {
        return new OfficialDocument(null, "UBND XÃ CẦN YÊN", "Số: 1/BC-UBND", "Cần Yên", LocalDate.of(2026, 10, 5), "BÁO CÁO", "Kết quả quý III/2026",
                List.of(new OfficialDocument.BarChart("Lượt người tham gia", List.of("Quý III/2026", "Quý III/2025"), List.of(1250.0, 980.0), "lượt người")),
                List.of("- Lưu: VT."), new OfficialDocument.Signature(null, "GIÁM ĐỐC", "Nông Văn Tày"));
    }

    @Test
    void pdfAndDocxCarryTheChart() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        new DocumentRenderer().renderPdf(doc(), pdf);
        Files.createDirectories(Path.of("target/documents"));
        Files.write(Path.of("target/documents/bar-chart.pdf"), pdf.toByteArray());
        try (PDDocument d = Loader.loadPDF(pdf.toByteArray())) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(d), Normalizer.Form.NFC);
            assertThat(text).contains("Lượt người tham gia (lượt người)", "Quý III/2026", "1.250", "980");
        }
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        new DocumentRenderer().renderDocx(doc(), docx);
        try (XWPFWordExtractor x = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx.toByteArray())))) {
            assertThat(x.getText()).contains("Quý III/2025", "█".repeat(30), "1.250");
        }
    }
}
