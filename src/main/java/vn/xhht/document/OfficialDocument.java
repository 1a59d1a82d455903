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
    public sealed interface Block permits Heading, Paragraph, Table {
    }

    public record Heading(String number, String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    public record Table(List<String> headers, List<List<String>> rows) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** "TM. ỦY BAN NHÂN DÂN" / "KT. GIÁM ĐỐC" (optional), the position, and the signer's name. */
    public record Signature(String authorityLine, String position, String signerName) {
    }
}
