package vn.xhht.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * PDF through XHTML + openhtmltopdf. The font is Liberation Serif (metric-compatible with Times New Roman, which
 * NĐ 30/2020 prescribes) loaded from the classpath: no system font, nothing downloaded.
 */
final class PdfWriter {

    static final String FONT = "Liberation Serif";

    void write(OfficialDocument doc, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        font(builder, "LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL);
        font(builder, "LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL);
        font(builder, "LiberationSerif-Italic.ttf", 400, FontStyle.ITALIC);
        font(builder, "LiberationSerif-BoldItalic.ttf", 700, FontStyle.ITALIC);
        builder.withHtmlContent(html(doc), null);
        builder.toStream(out);
        builder.run();
    }

    private static void font(PdfRendererBuilder b, String file, int weight, FontStyle style) {
        b.useFont(() -> {
            InputStream in = PdfWriter.class.getResourceAsStream("/liberation/" + file);
            if (in == null) {
                throw new IllegalStateException("Font /liberation/" + file + " missing from the classpath");
            }
            return in;
        }, FONT, weight, style, true);
    }

    static String html(OfficialDocument d) {
        StringBuilder h = new StringBuilder(8192);
        h.append("""
                <!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"/><style>
                @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
                body { font-family: 'Liberation Serif'; font-size: 13pt; line-height: 1.3; }
                table.head, table.foot { width: 100%; border-collapse: collapse; }
                table.head td, table.foot td { vertical-align: top; text-align: center; padding: 0; }
                .upper { text-transform: uppercase; }
                .b { font-weight: bold; } .i { font-style: italic; }
                .rule { margin: 1pt auto 4pt auto; border-top: 0.6pt solid black; }
                .type { text-align: center; font-weight: bold; font-size: 14pt; margin-top: 14pt; }
                .abstract { text-align: center; font-weight: bold; margin-bottom: 10pt; }
                .vv { font-size: 12pt; }
                p.body { text-align: justify; text-indent: 1cm; margin: 0 0 6pt 0; }
                h2 { font-size: 13pt; font-weight: bold; margin: 8pt 0 4pt 0; }
                table.data { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt 0; font-size: 12pt; }
                table.data th, table.data td { border: 0.6pt solid black; padding: 2pt 4pt; }
                table.data th { font-weight: bold; text-align: center; }
                table.foot td.recipients { text-align: left; font-size: 11pt; }
                .national { font-size: 12pt; font-weight: bold; white-space: nowrap; }
                .recipients .title { font-size: 12pt; font-weight: bold; font-style: italic; }
                .sign-space { height: 60pt; }
                table.chart { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt 0; font-size: 11pt; }
                table.chart th { text-align: left; font-weight: bold; padding-bottom: 3pt; }
                table.chart td.lbl { width: 35%; padding: 1pt 4pt 1pt 0; }
                table.chart td.barcell { width: 50%; }
                table.chart div.bar { height: 9pt; background-color: #1f4e79; }
                table.chart td.val { width: 15%; text-align: right; padding-left: 4pt; }
                </style></head><body>
                """);
        h.append("<table class=\"head\"><tr><td style=\"width:40%\">");
        if (notBlank(d.parentAuthority())) {
            h.append("<div class=\"upper\">").append(esc(d.parentAuthority())).append("</div>");
        }
        h.append("<div class=\"upper b\">").append(esc(d.issuingAuthority())).append("</div>");
        h.append("<div class=\"rule\" style=\"width:35%\"></div>");
        h.append("<div>").append(esc(d.numberSymbol())).append("</div>");
        if (d.isLetter() && notBlank(d.abstractLine())) {
            h.append("<div class=\"vv\">").append(esc(d.abstractLine())).append("</div>");
        }
        h.append("</td><td style=\"width:60%\">");
        h.append("<div class=\"national\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>");
        h.append("<div class=\"b\">Độc lập - Tự do - Hạnh phúc</div>");
        h.append("<div class=\"rule\" style=\"width:60%\"></div>");
        h.append("<div class=\"i\">").append(esc(VietnameseDates.placeAndDate(d.place(), d.date()))).append("</div>");
        h.append("</td></tr></table>");
        if (!d.isLetter()) {
            h.append("<div class=\"type\">").append(esc(d.documentType())).append("</div>");
            if (notBlank(d.abstractLine())) {
                h.append("<div class=\"abstract\">").append(esc(d.abstractLine())).append("</div>");
            }
        } else {
            h.append("<div style=\"height:10pt\"></div>");
        }
        for (OfficialDocument.Block b : d.blocks()) {
            if (b instanceof OfficialDocument.Heading hd) {
                h.append("<h2>").append(esc(join(hd.number(), hd.text()))).append("</h2>");
            } else if (b instanceof OfficialDocument.Paragraph p) {
                h.append("<p class=\"body\">").append(esc(p.text())).append("</p>");
            } else if (b instanceof OfficialDocument.Table t) {
                h.append("<table class=\"data\"><thead><tr>");
                t.headers().forEach(x -> h.append("<th>").append(esc(x)).append("</th>"));
                h.append("</tr></thead><tbody>");
                for (List<String> row : t.rows()) {
                    h.append("<tr>");
                    row.forEach(x -> h.append("<td>").append(esc(x)).append("</td>"));
                    h.append("</tr>");
                }
                h.append("</tbody></table>");
            } else if (b instanceof OfficialDocument.BarChart c) {
                double max = c.max();
                h.append("<table class=\"chart\"><thead><tr><th colspan=\"3\">").append(esc(c.title()))
                        .append(c.unit() == null ? "" : " (" + esc(c.unit()) + ")").append("</th></tr></thead><tbody>");
                for (int i = 0; i < c.labels().size(); i++) {
                    double v = c.values().get(i) == null ? 0 : c.values().get(i);
                    double w = max <= 0 ? 0 : 100 * v / max;
                    h.append("<tr><td class=\"lbl\">").append(esc(c.labels().get(i))).append("</td><td class=\"barcell\"><div class=\"bar\" style=\"width:")
                            .append(String.format(java.util.Locale.ROOT, "%.1f", Math.max(w, 0.5))).append("%\"></div></td><td class=\"val\">")
                            .append(esc(OfficialDocument.BarChart.format(v))).append("</td></tr>");
                }
                h.append("</tbody></table>");
            }
        }
        h.append("<table class=\"foot\" style=\"margin-top:12pt\"><tr><td class=\"recipients\" style=\"width:45%\">");
        h.append("<div class=\"title\">Nơi nhận:</div>");
        for (String r : d.recipients()) {
            h.append("<div>").append(esc(r)).append("</div>");
        }
        h.append("</td><td style=\"width:55%\">");
        OfficialDocument.Signature s = d.signature();
        if (s != null) {
            if (notBlank(s.authorityLine())) {
                h.append("<div class=\"b upper\">").append(esc(s.authorityLine())).append("</div>");
            }
            h.append("<div class=\"b upper\">").append(esc(s.position())).append("</div>");
            h.append("<div class=\"sign-space\"></div>");
            h.append("<div class=\"b\">").append(esc(s.signerName())).append("</div>");
        }
        h.append("</td></tr></table></body></html>");
        return h.toString();
    }

    static String join(String number, String text) {
        return notBlank(number) ? number + " " + text : text;
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** XML escaping; control characters other than tab/newline are dropped (they are not legal XML). */
    static String esc(String raw) {
        String s = DocumentRenderer.nfc(raw);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
