package vn.xhht.document;

import java.time.LocalDate;
import java.util.List;

/**
 * An administrative document in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I: issuing body and number
 * upper left, national title and motto upper right, place and date, type and abstract, body, "Nơi nhận" and the
 * signature block.
 *
 * @param parentAuthority  cơ quan chủ quản, e.g. "UBND TỈNH CAO BẰNG" (may be null)
 * @param issuingAuthority cơ quan ban hành, e.g. "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
 * @param numberSymbol     "Số: 125/SGDĐT-GDTX"
 * @param documentType     "KẾ HOẠCH", "QUYẾT ĐỊNH"…; null or blank for a công văn
 * @param abstractLine     trích yếu: under the number ("V/v …") for a công văn, under the type otherwise
 */
@org.springframework.modulith.NamedInterface("api")
public record OfficialDocument(String parentAuthority, String issuingAuthority, String numberSymbol, String place,
                               LocalDate date, String documentType, String abstractLine, List<Block> blocks,
                               List<String> recipients, Signature signature) {

    public OfficialDocument {
        blocks = List.copyOf(blocks);
        recipients = List.copyOf(recipients);
    }

    public boolean isLetter() {
        return documentType == null || documentType.isBlank();
    }

    /** The body: numbered headings, paragraphs and tables. */
    @org.springframework.modulith.NamedInterface("api")
    public sealed interface Block permits Heading, Paragraph, Table, BarChart {
    }

    @org.springframework.modulith.NamedInterface("api")
    public record Heading(String number, String text) implements Block {
    }

    @org.springframework.modulith.NamedInterface("api")
    public record Paragraph(String text) implements Block {
    }

    @org.springframework.modulith.NamedInterface("api")
    public record Table(List<String> headers, List<List<String>> rows) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A horizontal bar chart (one bar per label, values ≥ 0): drawn with bars in the .pdf, as a table with a text bar
     * in the .docx. Added for the reports' figures (issue 7).
     */
    @org.springframework.modulith.NamedInterface("api")
    public record BarChart(String title, List<String> labels, List<Double> values, String unit) implements Block {
        public BarChart {
            labels = List.copyOf(labels);
            values = List.copyOf(values);
            if (labels.size() != values.size()) {
                throw new IllegalArgumentException("labels and values differ in size");
            }
        }

        public double max() {
            return values.stream().mapToDouble(v -> v == null ? 0 : v).max().orElse(0);
        }

        /** The chart as a table: label, a bar of up to 30 '█', value (for formats without drawing). */
        public Table asTable() {
            double max = max();
            List<List<String>> rows = new java.util.ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                double v = values.get(i) == null ? 0 : values.get(i);
                int n = max <= 0 ? 0 : (int) Math.round(30 * v / max);
                rows.add(List.of(labels.get(i), "█".repeat(n), format(v)));
            }
            return new Table(List.of(title, "", unit == null ? "" : unit), rows);
        }

        public static String format(double v) {
            java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.#", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.forLanguageTag("vi-VN")));
            return f.format(v);
        }
    }

    /** "TM. ỦY BAN NHÂN DÂN" / "KT. GIÁM ĐỐC" (optional), the position, and the signer's name. */
    @org.springframework.modulith.NamedInterface("api")
    public record Signature(String authorityLine, String position, String signerName) {
    }
}
