package vn.xhht.reporting;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.xhht.document.DocumentRenderer;
import vn.xhht.document.OfficialDocument;
import vn.xhht.document.XlsxExport;
import vn.xhht.document.XlsxExport.Column;
import vn.xhht.document.XlsxExport.ColumnType;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.orgunit.UnitSigners;
import vn.xhht.document.VietnameseNames;
import vn.xhht.shared.CentreDirectors;
import vn.xhht.shared.VietnamClock;
import vn.xhht.reporting.ReportTemplate.Field;
import vn.xhht.reporting.ReportTemplate.FieldType;
import vn.xhht.reporting.ReportTemplate.Section;
import vn.xhht.shared.VietnamClock;

/**
 * A report as .xlsx (one sheet per section, figures as numbers, an annex sheet per child for an aggregate) and as an
 * official document (.pdf/.docx, NĐ 30/2020 layout) through the one document component; an aggregate gets an annex
 * table with one row per unit below.
 */
@Component
class ReportDocuments {

    /** Figures of the annex table in the .pdf/.docx (the .xlsx annex has every figure). */
    static final int ANNEX_COLUMNS = 4;

    /** The annex table is cut into blocks of this many rows: the PDF layout of one huge table costs more than of several. */
    static final int ANNEX_CHUNK = 500;

    private final XlsxExport xlsx;
    private final DocumentRenderer renderer;
    private final OrgUnitDirectory units;
    private final ReportRollup rollup;
    private final UnitSigners signers;
    private final List<CentreDirectors> directors;
    private final VietnamClock clock;

    ReportDocuments(XlsxExport xlsx, DocumentRenderer renderer, OrgUnitDirectory units, ReportRollup rollup, UnitSigners signers,
                    List<CentreDirectors> directors, VietnamClock clock) {
        this.signers = signers;
        this.directors = directors;
        this.xlsx = xlsx;
        this.renderer = renderer;
        this.units = units;
        this.rollup = rollup;
        this.clock = clock;
    }

    void xlsx(Report r, OutputStream out) {
        Map<String, BigDecimal> last = rollup.lastYear(r);
        List<XlsxExport.Sheet> sheets = new ArrayList<>();
        String title = r.template().title() + " — " + r.period().label() + " — " + r.unitName();
        for (Section s : r.template().sections()) {
            boolean numbers = s.fields().stream().anyMatch(Field::numeric);
            List<Column> cols = numbers
                    ? List.of(new Column("TT", ColumnType.INTEGER, 5), new Column("Chỉ tiêu", ColumnType.TEXT, 50), new Column("Đơn vị tính", ColumnType.TEXT, 14),
                    new Column("Kỳ này", ColumnType.DECIMAL, 14), new Column("Cùng kỳ năm trước", ColumnType.DECIMAL, 16),
                    new Column("Sửa tay (lý do)", ColumnType.TEXT, 40), new Column("Nội dung", ColumnType.TEXT, 60))
                    : List.of(new Column("TT", ColumnType.INTEGER, 5), new Column("Mục", ColumnType.TEXT, 40), new Column("Nội dung", ColumnType.TEXT, 100));
            sheets.add(new XlsxExport.Sheet(sheetName(s), title, cols, sink -> {
                int n = 1; // the field codes are keys of the form, not words for readers: rows are numbered instead
                for (Field f : s.fields()) {
                    if (f.type() == FieldType.TABLE) {
                        continue;
                    }
                    Report.Value v = r.value(f.code());
                    if (numbers) {
                        sink.row(n++, f.label(), f.type() == FieldType.PERCENTAGE ? "%" : f.unit(), v == null ? null : v.num(),
                                last.get(f.code()), v != null && v.overridden() ? v.reason() : null, v == null ? null : v.text());
                    } else {
                        sink.row(n++, f.label(), v == null ? null : v.text());
                    }
                }
            }));
            for (Field f : s.fields()) {
                if (f.type() == FieldType.TABLE) {
                    List<Column> tc = new ArrayList<>();
                    tc.add(new Column("TT", ColumnType.INTEGER, 5));
                    f.columns().forEach(c -> tc.add(new Column(c, ColumnType.TEXT, 28)));
                    sheets.add(new XlsxExport.Sheet(f.label(), f.label(), tc, sink -> {
                        int i = 1;
                        for (List<String> row : r.tableRows(f.code())) {
                            Object[] vals = new Object[tc.size()];
                            vals[0] = i++;
                            for (int c = 0; c < row.size() && c + 1 < vals.length; c++) {
                                vals[c + 1] = row.get(c);
                            }
                            sink.row(vals);
                        }
                    }));
                }
            }
        }
        if (r.aggregate()) {
            List<Field> numeric = r.template().fields().stream().filter(Field::numeric).toList();
            List<Column> cols = new ArrayList<>();
            cols.add(new Column("Đơn vị", ColumnType.TEXT, 36));
            cols.add(new Column("Trạng thái", ColumnType.TEXT, 14));
            numeric.forEach(f -> cols.add(new Column(f.label(), f.type() == FieldType.PERCENTAGE ? ColumnType.DECIMAL : ColumnType.DECIMAL, 14)));
            List<ReportRollup.ChildReport> children = rollup.children(r.template(), r.period(), r.unitId());
            sheets.add(new XlsxExport.Sheet("Phụ lục theo đơn vị", "Phụ lục: số liệu từng đơn vị trực thuộc — " + title, cols, sink -> {
                for (ReportRollup.ChildReport c : children) {
                    Object[] vals = new Object[cols.size()];
                    vals[0] = c.unitName();
                    vals[1] = statusText(c);
                    for (int i = 0; i < numeric.size(); i++) {
                        vals[i + 2] = c.values().get(numeric.get(i).code());
                    }
                    sink.row(vals);
                }
            }));
        }
        xlsx.writeSheets(out, sheets);
    }

    void pdf(Report r, OutputStream out) {
        renderer.renderPdf(document(r), out);
    }

    void docx(Report r, OutputStream out) {
        renderer.renderDocx(document(r), out);
    }

    OfficialDocument document(Report r) {
        OrgUnit unit = units.require(r.unitId());
        List<OrgUnit> ancestors = units.ancestors(unit);
        OrgUnit parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
        boolean centre = unit.level() == OrgUnit.COMMUNE && r.template().code().startsWith("centre");
        // NĐ 30/2020: an education office issues under its People's Committee; a commune's committee issues alone
        String issuer = centre ? "TRUNG TÂM HỌC TẬP CỘNG ĐỒNG" : unit.level() == OrgUnit.PROVINCE ? "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
                : unit.level() == OrgUnit.DISTRICT ? "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" : "ỦY BAN NHÂN DÂN " + upper(unit.name());
        String parentAuthority = centre || unit.level() == OrgUnit.PROVINCE || unit.level() == OrgUnit.DISTRICT ? "UBND " + upper(unit.name()) : null;
        String reporter = centre ? "Trung tâm học tập cộng đồng " + VietnameseNames.inSentence(unit.name())
                : unit.level() == OrgUnit.PROVINCE || unit.level() == OrgUnit.DISTRICT ? VietnameseNames.educationAgency(unit.level(), unit.name())
                : VietnameseNames.peoplesCommittee(unit.name());
        String place = VietnameseNames.place(unit.name());
        Map<String, BigDecimal> last = rollup.lastYear(r);
        List<OfficialDocument.Block> blocks = new ArrayList<>();
        blocks.add(new OfficialDocument.Paragraph("Thực hiện chế độ báo cáo định kỳ, " + reporter + " báo cáo " + bodyPhrase(r.template(), r.period())
                + " như sau" + (r.aggregate() ? " (tổng hợp từ báo cáo đã được duyệt của các đơn vị trực thuộc, chi tiết tại Phụ lục):" : ":")));
        for (Section s : r.template().sections()) {
            int dot = s.title().indexOf(". ");
            blocks.add(dot > 0 && dot < 6 ? new OfficialDocument.Heading(s.title().substring(0, dot + 1), s.title().substring(dot + 2))
                    : new OfficialDocument.Heading("", s.title()));
            List<List<String>> rows = new ArrayList<>();
            int i = 1;
            for (Field f : s.fields()) {
                if (f.numeric()) {
                    Report.Value v = r.value(f.code());
                    rows.add(List.of(String.valueOf(i++), f.label() + (v != null && v.overridden() ? " (*)" : ""),
                            f.type() == FieldType.PERCENTAGE ? "%" : f.unit() == null ? "" : f.unit(), format(v == null ? null : v.num()),
                            format(last.get(f.code()))));
                }
            }
            if (!rows.isEmpty()) {
                blocks.add(new OfficialDocument.Table(List.of("TT", "Nội dung", "Đơn vị tính", "Kỳ này", "Cùng kỳ năm trước"), rows));
            }
            for (Field f : s.fields()) {
                if (f.type() == FieldType.TEXT) {
                    String text = r.text(f.code());
                    blocks.add(new OfficialDocument.Paragraph(f.label() + ": " + (text == null ? "(không có)" : text)));
                } else if (f.type() == FieldType.TABLE) {
                    List<String> headers = new ArrayList<>();
                    headers.add("TT");
                    headers.addAll(f.columns());
                    List<List<String>> trs = new ArrayList<>();
                    int n = 1;
                    for (List<String> row : r.tableRows(f.code())) {
                        List<String> tr = new ArrayList<>();
                        tr.add(String.valueOf(n++));
                        for (int c = 0; c < f.columns().size(); c++) {
                            tr.add(c < row.size() ? row.get(c) : "");
                        }
                        trs.add(tr);
                    }
                    blocks.add(new OfficialDocument.Paragraph(f.label() + (trs.isEmpty() ? ": (không có)" : ":")));
                    if (!trs.isEmpty()) {
                        blocks.add(new OfficialDocument.Table(headers, trs));
                    }
                }
            }
        }
        // chart: the key figures against the same period last year
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Field f : r.template().fields()) {
            if (f.key() && r.num(f.code()) != null) {
                labels.add(f.label() + " — " + r.period().label());
                values.add(r.num(f.code()).doubleValue());
                labels.add(f.label() + " — " + r.period().previousYear().label());
                values.add(last.get(f.code()) == null ? 0 : last.get(f.code()).doubleValue());
            }
        }
        if (!labels.isEmpty()) {
            blocks.add(new OfficialDocument.BarChart("Biểu đồ: so sánh với cùng kỳ năm trước", labels, values, null));
        }
        List<String> overridden = r.template().fields().stream().filter(f -> r.value(f.code()) != null && r.value(f.code()).overridden())
                .map(f -> f.label() + ": " + r.value(f.code()).reason()).toList();
        if (!overridden.isEmpty()) {
            blocks.add(new OfficialDocument.Paragraph("(*) Số liệu được điều chỉnh so với dữ liệu hệ thống — " + String.join("; ", overridden) + "."));
        }
        if (r.aggregate()) {
            List<Field> key = annexFields(r.template());
            List<String> headers = new ArrayList<>(List.of("TT", "Đơn vị", "Trạng thái"));
            key.forEach(f -> headers.add(f.label()));
            List<List<String>> rows = new ArrayList<>();
            int i = 1;
            List<ReportRollup.ChildReport> children = rollup.children(r.template(), r.period(), r.unitId());
            for (ReportRollup.ChildReport c : children) {
                List<String> row = new ArrayList<>(List.of(String.valueOf(i++), c.unitName(), statusText(c)));
                key.forEach(f -> row.add(format(c.values().get(f.code()))));
                rows.add(row);
            }
            if (!key.isEmpty()) {
                Field first = key.get(0);
                List<ReportRollup.ChildReport> top = children.stream().filter(c -> c.values().get(first.code()) != null)
                        .sorted((a, b) -> b.values().get(first.code()).compareTo(a.values().get(first.code()))).limit(15).toList();
                if (!top.isEmpty()) {
                    blocks.add(new OfficialDocument.BarChart("Biểu đồ: " + first.label() + " — " + Math.min(15, top.size()) + " đơn vị cao nhất",
                            top.stream().map(ReportRollup.ChildReport::unitName).toList(),
                            top.stream().map(c -> c.values().get(first.code()).doubleValue()).toList(), first.unit()));
                }
            }
            blocks.add(new OfficialDocument.Heading("", "PHỤ LỤC: SỐ LIỆU CỦA CÁC ĐƠN VỊ TRỰC THUỘC"));
            for (int from = 0; from < rows.size() || from == 0; from += ANNEX_CHUNK) {
                blocks.add(new OfficialDocument.Table(headers, rows.subList(from, Math.min(rows.size(), from + ANNEX_CHUNK))));
            }
        }
        blocks.add(new OfficialDocument.Paragraph("Đơn vị báo cáo chịu trách nhiệm về tính chính xác của số liệu báo cáo."));
        List<String> recipients = new ArrayList<>();
        units.find(r.review().reviewerUnitId()).filter(u -> u.id() != unit.id())
                .ifPresent(u -> recipients.add("- " + VietnameseNames.educationAgency(u.level(), u.name()) + " (để báo cáo);"));
        if (centre) {
            recipients.add("- " + VietnameseNames.peoplesCommittee(unit.name()) + " (để báo cáo);");
        }
        recipients.add("- Lưu: VT.");
        LocalDate today = clock.today();
        UnitSigners.Signers names = signers.of(unit.id());
        OfficialDocument.Signature signature = centre
                ? new OfficialDocument.Signature(null, "GIÁM ĐỐC", directors.stream().map(d -> d.directorOf(unit.id(), today))
                        .flatMap(java.util.Optional::stream).findFirst().orElse(""))
                : unit.level() == OrgUnit.PROVINCE ? new OfficialDocument.Signature(null, "GIÁM ĐỐC", nz(names.educationHeadName()))
                : unit.level() == OrgUnit.DISTRICT ? new OfficialDocument.Signature(null, "TRƯỞNG PHÒNG", nz(names.educationHeadName()))
                : new OfficialDocument.Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", nz(names.chairName()));
        return new OfficialDocument(parentAuthority, issuer, "Số:      /BC-" + (centre ? "TTHTCĐ" : unit.level() == OrgUnit.COMMUNE ? "UBND" : "GDĐT"),
                place, today, "BÁO CÁO", abstractLine(r.template(), r.period()), blocks, recipients, signature);
    }

    /**
     * The abstract under "BÁO CÁO": the form's title without "Báo cáo" (the type line says it) and with the period named
     * once: "Kết quả hoạt động của Trung tâm học tập cộng đồng quý IV/2026".
     */
    static String abstractLine(ReportTemplate t, ReportPeriod p) {
        String s = subject(t, p);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + " " + p.inSentence();
    }

    /** The same inside the body's first sentence, without the reporter's own name: "kết quả hoạt động quý IV/2026". */
    static String bodyPhrase(ReportTemplate t, ReportPeriod p) {
        String s = subject(t, p).replace(" của Trung tâm học tập cộng đồng", "");
        return Character.toLowerCase(s.charAt(0)) + s.substring(1) + " " + p.inSentence();
    }

    private static String subject(ReportTemplate t, ReportPeriod p) {
        String s = t.title().replaceFirst("^Báo cáo ", "");
        String word = p.kindWord();
        if (!word.isEmpty()) {
            s = s.replaceFirst(" " + java.util.regex.Pattern.quote(word) + " (?=(của|về) )", " ");
        }
        return s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The key figures (marked {@code key: true}) first, then the others, at most {@link #ANNEX_COLUMNS}. */
    static List<Field> annexFields(ReportTemplate t) {
        List<Field> out = new ArrayList<>(t.fields().stream().filter(f -> f.numeric() && f.key()).toList());
        t.fields().stream().filter(f -> f.numeric() && !f.key() && !f.computed()).forEach(out::add);
        return out.subList(0, Math.min(ANNEX_COLUMNS, out.size()));
    }

    static String statusText(ReportRollup.ChildReport c) {
        if (c.status() == null) {
            return "Chưa lập";
        }
        return switch (c.status()) {
            case DRAFT -> "Chưa nộp";
            case SUBMITTED -> "Đã nộp, chờ duyệt";
            case RETURNED -> "Bị trả lại";
            case APPROVED -> "Đã duyệt";
        };
    }

    static String format(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.##", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.forLanguageTag("vi-VN")));
        f.setRoundingMode(java.math.RoundingMode.DOWN);
        return f.format(v);
    }

    private static String sheetName(Section s) {
        return s.title();
    }

    private static String upper(String s) {
        return s.toUpperCase(java.util.Locale.forLanguageTag("vi"));
    }

    /**
     * "bao-cao-quy-IV-2026-xa-can-yen" for a centre's report; other forms add the first words of their subject so
     * that two forms of one period and unit get different names ("bao-cao-ket-qua-xoa-mu-chu-nam-2026-xa-can-yen").
     */
    static String fileName(Report r) {
        String subject = r.template().code().startsWith("centre") ? null
                : String.join(" ", java.util.Arrays.stream(r.template().title().replaceFirst("^Báo cáo ", "").split(" ")).limit(5).toList());
        return vn.xhht.document.VietnameseNames.fileName("Báo cáo", subject, r.period().inSentence(), r.unitName());
    }
}
