package vn.xhht.reporting;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.xhht.document.DocumentRenderer;
import vn.xhht.document.OfficialDocument;
import vn.xhht.document.XlsxExport;
import vn.xhht.shared.VietnamClock;

/**
 * Renders a throw-away report with a few hundred annex rows as .pdf, .docx and .xlsx once after start, on a
 * low-priority background thread: the first real export otherwise pays the loading of the fonts and the PDF, Word and
 * Excel libraries and the compilation of their layout code (several seconds on two cores). Off with
 * {@code xhht.reporting.warm-up=false}.
 */
@Component
class DocumentWarmUp {

    private static final Logger log = LoggerFactory.getLogger(DocumentWarmUp.class);

    private final DocumentRenderer renderer;
    private final XlsxExport xlsx;
    private final boolean enabled;
    private final VietnamClock clock;

    DocumentWarmUp(DocumentRenderer renderer, XlsxExport xlsx, @Value("${xhht.reporting.warm-up:true}") boolean enabled, VietnamClock clock) {
        this.renderer = renderer;
        this.xlsx = xlsx;
        this.enabled = enabled;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!enabled) {
            return;
        }
        Thread t = new Thread(this::run, "document-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    void run() {
        long t0 = System.nanoTime();
        try {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 1; i <= 300; i++) {
                rows.add(List.of(String.valueOf(i), "Xã Thử Nghiệm " + i, "Đã duyệt", "1.234", "567", "89", "12"));
            }
            OfficialDocument doc = new OfficialDocument("UBND TỈNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: /BC-GDTX", "Hà Nội", clock.today(), "BÁO CÁO",
                    "Khởi động", List.of(new OfficialDocument.Paragraph("Khởi động bộ tạo văn bản."),
                    new OfficialDocument.BarChart("Biểu đồ", List.of("A", "B"), List.of(1.0, 2.0), null),
                    new OfficialDocument.Table(List.of("TT", "Đơn vị", "Trạng thái", "A", "B", "C", "D"), rows)),
                    List.of("- Lưu: VT."), new OfficialDocument.Signature(null, "GIÁM ĐỐC", ""));
            for (int round = 0; round < 2; round++) {
                renderer.renderPdf(doc, OutputStream.nullOutputStream());
                renderer.renderDocx(doc, OutputStream.nullOutputStream());
            }
            xlsx.write(OutputStream.nullOutputStream(), "Khởi động", null, List.of(new XlsxExport.Column("A", XlsxExport.ColumnType.TEXT, 10),
                    new XlsxExport.Column("B", XlsxExport.ColumnType.DECIMAL, 10)), sink -> {
                for (int i = 0; i < 300; i++) {
                    sink.row("x" + i, java.math.BigDecimal.valueOf(i));
                }
            });
            log.info("Document renderers warmed up in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Document warm-up failed: {}", e.toString());
        }
    }
}
