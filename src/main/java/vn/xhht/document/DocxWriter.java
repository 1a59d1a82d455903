package vn.xhht.document;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/** .docx with Apache POI: A4, margins of NĐ 30/2020 (20/20/30/15 mm), Times New Roman 13 pt. */
final class DocxWriter {

    static final String FONT = "Times New Roman";
    static final int SIZE = 13;

    void write(OfficialDocument d, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            page(doc);
            header(doc, d);
            if (!d.isLetter()) {
                XWPFParagraph type = centered(doc);
                type.setSpacingBefore(240);
                run(type, d.documentType(), true, false, 14);
                if (PdfWriter.notBlank(d.abstractLine())) {
                    run(centered(doc), d.abstractLine(), true, false, SIZE);
                }
            }
            for (OfficialDocument.Block b : d.blocks()) {
                if (b instanceof OfficialDocument.Heading h) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setSpacingBefore(120);
                    run(p, PdfWriter.join(h.number(), h.text()), true, false, SIZE);
                } else if (b instanceof OfficialDocument.Paragraph para) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setAlignment(ParagraphAlignment.BOTH);
                    p.setIndentationFirstLine(567);
                    p.setSpacingAfter(120);
                    run(p, para.text(), false, false, SIZE);
                } else if (b instanceof OfficialDocument.Table t) {
                    table(doc, t);
                } else if (b instanceof OfficialDocument.BarChart c) {
                    table(doc, c.asTable());
                }
            }
            footer(doc, d);
            doc.write(out);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(1134));
        mar.setBottom(BigInteger.valueOf(1134));
        mar.setLeft(BigInteger.valueOf(1701));
        mar.setRight(BigInteger.valueOf(850));
    }

    private static void header(XWPFDocument doc, OfficialDocument d) {
        XWPFTable t = borderless(doc, 2);
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        width(left, 3900);
        width(right, 5500);
        XWPFParagraph p = first(left);
        if (PdfWriter.notBlank(d.parentAuthority())) {
            run(p, d.parentAuthority().toUpperCase(), false, false, 12);
            p = next(left);
        }
        run(p, d.issuingAuthority().toUpperCase(), true, false, 12);
        run(next(left), "———", false, false, 10);
        run(next(left), d.numberSymbol(), false, false, SIZE);
        if (d.isLetter() && PdfWriter.notBlank(d.abstractLine())) {
            run(next(left), d.abstractLine(), false, false, 12);
        }
        run(first(right), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false, 12);
        run(next(right), "Độc lập - Tự do - Hạnh phúc", true, false, SIZE);
        run(next(right), "———————", false, false, 10);
        run(next(right), VietnameseDates.placeAndDate(d.place(), d.date()), false, true, SIZE);
    }

    private static void footer(XWPFDocument doc, OfficialDocument d) {
        XWPFTable t = borderless(doc, 2);
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        width(left, 4200);
        width(right, 5200);
        XWPFParagraph p = first(left);
        p.setAlignment(ParagraphAlignment.LEFT);
        run(p, "Nơi nhận:", true, true, 12);
        for (String r : d.recipients()) {
            XWPFParagraph rp = left.addParagraph();
            rp.setAlignment(ParagraphAlignment.LEFT);
            run(rp, r, false, false, 11);
        }
        OfficialDocument.Signature s = d.signature();
        if (s != null) {
            XWPFParagraph sp = first(right);
            if (PdfWriter.notBlank(s.authorityLine())) {
                run(sp, s.authorityLine().toUpperCase(), true, false, SIZE);
                sp = next(right);
            }
            run(sp, s.position().toUpperCase(), true, false, SIZE);
            for (int i = 0; i < 3; i++) {
                run(next(right), "", false, false, SIZE);
            }
            run(next(right), s.signerName(), true, false, SIZE);
        }
    }

    private static void table(XWPFDocument doc, OfficialDocument.Table t) {
        int cols = t.headers().size();
        XWPFTable table = doc.createTable(t.rows().size() + 1, cols);
        table.setWidth("100%");
        for (int c = 0; c < cols; c++) {
            XWPFParagraph p = first(table.getRow(0).getCell(c));
            run(p, t.headers().get(c), true, false, 12);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            for (int c = 0; c < cols; c++) {
                XWPFParagraph p = first(table.getRow(r + 1).getCell(c));
                p.setAlignment(ParagraphAlignment.LEFT);
                run(p, c < row.size() ? row.get(c) : "", false, false, 12);
            }
        }
        doc.createParagraph();
    }

    private static XWPFTable borderless(XWPFDocument doc, int cols) {
        XWPFTable t = doc.createTable(1, cols);
        t.setWidth("100%");
        t.setTopBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        t.setBottomBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        t.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        t.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        t.setInsideHBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        t.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        return t;
    }

    private static void width(XWPFTableCell cell, int twips) {
        cell.setWidth(String.valueOf(twips));
    }

    private static XWPFParagraph first(XWPFTableCell cell) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(0);
        return p;
    }

    private static XWPFParagraph next(XWPFTableCell cell) {
        XWPFParagraph p = cell.addParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(0);
        return p;
    }

    private static XWPFParagraph centered(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        return p;
    }

    private static void run(XWPFParagraph p, String text, boolean bold, boolean italic, int size) {
        XWPFRun r = p.createRun();
        r.setText(DocumentRenderer.nfc(text));
        r.setBold(bold);
        r.setItalic(italic);
        r.setFontFamily(FONT);
        r.setFontSize(size);
    }
}
