package vn.xhht.literacy;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.xhht.document.Downloads;
import vn.xhht.document.XlsxExport;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.UnitAttributeFilter;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/** The literacy pages: indicators with drill-down, import with progress, persons, lists, exports, rules. */
@Controller
class LiteracyPageController {

    private final LiteracyIndicators indicators;
    private final RegisterImport imports;
    private final Register register;
    private final Standards standards;
    private final LiteracyAccess access;
    private final Recognitions recognitions;
    private final XlsxExport xlsx;
    private final LiteracyLookups lookups;
    private final MessageSource messages;
    private final VietnamClock clock;

    LiteracyPageController(LiteracyIndicators indicators, RegisterImport imports, Register register, Standards standards,
                           LiteracyAccess access, Recognitions recognitions, XlsxExport xlsx, LiteracyLookups lookups, MessageSource messages, VietnamClock clock) {
        this.indicators = indicators;
        this.imports = imports;
        this.register = register;
        this.standards = standards;
        this.access = access;
        this.recognitions = recognitions;
        this.xlsx = xlsx;
        this.lookups = lookups;
        this.messages = messages;
        this.clock = clock;
    }

    private LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? clock.today() : LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return clock.today();
        }
    }

    @GetMapping("/literacy")
    String index(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String date,
                 @RequestParam(required = false) String border, @RequestParam(required = false) String especiallyDifficult,
                 @RequestParam(required = false) String island, @RequestParam(required = false) String zone,
                 @RequestParam(required = false) String emRegion, Model model) {
        CurrentUser user = CurrentUsers.require();
        long id = unitId == null ? user.unitId() : unitId;
        LocalDate d = date(date);
        OrgUnit unit = access.requireReadable(user, id);
        boolean above = unit.level() == OrgUnit.PROVINCE || unit.level() == OrgUnit.DISTRICT;
        Map<String, String> filterErrors = new java.util.LinkedHashMap<>();
        UnitAttributeFilter filter = UnitAttributeFilter.lenient(border, especiallyDifficult, island, zone, emRegion, filterErrors);
        model.addAttribute("filter", filter);
        model.addAttribute("filterErrors", filterErrors);
        LiteracyIndicators.View view = above ? indicators.withCommunes(user, id, d, filter) : null;
        LiteracyIndicators.Indicators ind = above ? view.indicators() : indicators.compute(user, id, d);
        model.addAttribute("unit", unit);
        model.addAttribute("date", d);
        model.addAttribute("ind", ind);
        List<OrgUnit> ancestors = access.units().ancestors(unit);
        model.addAttribute("ancestors", ancestors);
        model.addAttribute("personAccess", user.literacyAccess());
        model.addAttribute("canImport", user.literacyAccess() && unit.level() <= OrgUnit.COMMUNE && access.units().canWrite(user, id));
        if (unit.level() == OrgUnit.COMMUNE) {
            model.addAttribute("hamlets", indicators.hamlets(user, id, d));
        } else if (above) {
            model.addAttribute("communes", view.communes());
        }
        model.addAttribute("targets", targets(unit, d, ind));
        return "literacy/index";
    }

    /** A plan target line: code, target %, actual %. */
    public record TargetLine(String band, BigDecimal target, BigDecimal actual, boolean reached) {
    }

    /**
     * Targets of the unit's plan for the year (seed 003: 99.99 % literate 15–35, 99.90 % 15–60): plan targets whose
     * label names the literacy rate and the band ("Tỷ lệ biết chữ 15–35", "… 15–60").
     */
    private List<TargetLine> targets(OrgUnit unit, LocalDate d, LiteracyIndicators.Indicators ind) {
        List<TargetLine> out = new ArrayList<>();
        for (var t : indicators.planTargets(unit.id(), d.getYear())) {
            String label = Codes.key(t.label());
            BigDecimal target = t.target();
            for (LiteracyIndicators.Band b : ind.ageBands()) {
                if (b.from() == 15 && (b.to() == 35 || b.to() == 60) && label.replaceAll("[^0-9]+", " ").contains("15 " + b.to())) {
                    BigDecimal actual = b.to() == 35 ? b.rateLevel1() : b.rateLevel2();
                    out.add(new TargetLine("15–" + b.to(), target, actual, actual != null && actual.compareTo(target) >= 0));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------ import

    @GetMapping("/literacy/import")
    String importForm(@RequestParam(required = false) Long unitId, Model model) {
        CurrentUser user = CurrentUsers.require();
        long id = unitId == null ? user.unitId() : unitId;
        OrgUnit unit = access.requireWritablePersons(user, id);
        model.addAttribute("errors", Map.of());
        return importPage(model, unit);
    }

    @PostMapping("/literacy/import")
    String startImport(@RequestParam long unitId, @RequestParam(required = false) MultipartFile file,
                       @RequestParam(required = false) String surveyDate, @RequestParam(required = false) String team,
                       Model model) throws IOException {
        CurrentUser user = CurrentUsers.require();
        OrgUnit unit = access.requireWritablePersons(user, unitId);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputProblem("file", "lit.import.empty");
            }
            long id = imports.start(user, unitId, file,
                    vn.xhht.shared.InputRules.date("surveyDate", surveyDate), team);
            return "redirect:/literacy/imports/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("errors", FormErrors.of(e, messages));
            return importPage(model, unit);
        }
    }

    private String importPage(Model model, OrgUnit unit) {
        model.addAttribute("unit", unit);
        model.addAttribute("today", clock.today());
        // without hamlets every row would be refused: the page says so before anyone fills a sheet
        model.addAttribute("hamletCount", lookups.hamletsBelow(unit.id(), 1_000_000).size());
        return "literacy/import";
    }

    /** Every error of a rejected import as .xlsx, with the file's line numbers and column headers. */
    @GetMapping("/literacy/imports/{id}/errors.xlsx")
    void importErrors(@PathVariable long id, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        imports.job(user, id);
        Downloads.attachment(response, Downloads.Format.XLSX, "loi-nhap-so-xoa-mu-chu-lan-" + id);
        imports.errorsXlsx(user, id, xlsx, response.getOutputStream());
    }

    @GetMapping("/literacy/imports/{id}")
    String importStatus(@PathVariable long id, Model model) {
        RegisterImport.Job job = imports.job(CurrentUsers.require(), id);
        model.addAttribute("job", job);
        model.addAttribute("now", clock.now());
        model.addAttribute("unit", access.units().require(job.unitId()));
        return "literacy/import-status";
    }

    /** The progress block alone, polled by htmx every second while the import runs. */
    @GetMapping("/literacy/imports/{id}/progress")
    String importProgress(@PathVariable long id, Model model) {
        model.addAttribute("job", imports.job(CurrentUsers.require(), id));
        model.addAttribute("now", clock.now());
        return "literacy/import-status :: progress";
    }

    @GetMapping("/literacy/template.csv")
    ResponseEntity<byte[]> templateCsv() {
        return ResponseEntity.ok().headers(Downloads.headers(Downloads.Format.CSV, "mau-so-xoa-mu-chu"))
                .body(("\uFEFF" + SampleRegister.header()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The register template: the header row, example rows in the user's own commune (its real hamlets, so that the
     * example imports as it stands) and a second sheet that explains every code.
     */
    @GetMapping("/literacy/template.xlsx")
    void templateXlsx(@RequestParam(required = false) Long unitId, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        long id = unitId == null ? user.unitId() : unitId;
        OrgUnit unit = access.requireReadable(user, id);
        List<String[]> hamlets = lookups.hamletsBelow(unit.id(), 2);
        Downloads.attachment(response, Downloads.Format.XLSX, "mau-so-xoa-mu-chu");
        List<XlsxExport.Column> cols = RegisterLayout.HEADERS.stream().map(h -> new XlsxExport.Column(h, XlsxExport.ColumnType.TEXT, 14)).toList();
        List<XlsxExport.Column> legend = List.of(new XlsxExport.Column("Cột", XlsxExport.ColumnType.TEXT, 26),
                new XlsxExport.Column("Ghi", XlsxExport.ColumnType.TEXT, 14), new XlsxExport.Column("Nghĩa", XlsxExport.ColumnType.TEXT, 70));
        int year = clock.today().getYear();
        xlsx.writeSheets(response.getOutputStream(), List.of(
                new XlsxExport.Sheet("So XMC", null, cols, sink -> {
                    for (int i = 0; i < hamlets.size(); i++) {
                        String[] h = hamlets.get(i);
                        String hh = "H00" + (i + 1);
                        sink.row(h[0], h[1], hh, i == 0 ? "Nông Văn An" : "Hoàng Thị Mai", "Nhà số " + (i + 1) + ", " + h[2], hh + "-1",
                                i == 0 ? "Nông Văn An" : "Hoàng Thị Mai", i == 0 ? "Nam" : "Nữ", i == 0 ? "12/03/1980" : "05/09/1992",
                                i == 0 ? "02" : "07", "", i == 0 ? "HN" : "", "TT", "", "", i == 0 ? "9" : "5",
                                i == 0 ? "1991" : "2003", i == 0 ? "1995" : "", i == 0 ? "MĐ2" : "MĐ2", "TH");
                    }
                }),
                new XlsxExport.Sheet("Giải thích mã", hamlets.isEmpty()
                        ? "Xã chưa có thôn/tổ dân phố trong XHHT: thêm thôn ở trang đơn vị trước khi nhập sổ."
                        : "Giải thích các cột và mã của sổ (chỉ trang đầu tiên được nhập)", legend, sink -> legendRows(sink, hamlets, year))));
    }

    private static void legendRows(XlsxExport.RowSink sink, List<String[]> hamlets, int year) {
        sink.row("Mã xã", "", "Mã đơn vị hành chính của xã (5 chữ số)");
        for (String[] h : hamlets) {
            sink.row("Mã xã", h[0], "Xã của bạn");
        }
        sink.row("Thôn/Tổ dân phố", "", "Mã hoặc tên thôn, tổ dân phố đã có trong XHHT");
        for (String[] h : hamlets) {
            sink.row("Thôn/Tổ dân phố", h[1], h[2]);
        }
        sink.row("Mã hộ, Mã người", "", "Mã do xã đặt, không trùng trong xã (tối đa 40 ký tự); hộ ghi lặp lại ở từng người");
        sink.row("Giới tính", "Nam / Nữ", "Nam hoặc Nữ");
        sink.row("Ngày sinh", "dd/mm/yyyy", "Ngày sinh, hoặc chỉ năm sinh (yyyy)");
        Codes.ETHNICITIES.forEach((code, name) -> sink.row("Dân tộc", code, name + " (ghi mã hoặc tên)"));
        sink.row("Khuyết tật", "x", "Người khuyết tật; để trống nếu không");
        new java.util.TreeMap<>(Codes.PRIORITY_GROUPS).forEach((code, name) -> sink.row("Đối tượng ưu tiên", code, name));
        sink.row("Cư trú", "TT", "Thường trú, có mặt (để trống cũng hiểu là TT)");
        sink.row("Cư trú", "Đến", "Chuyển đến — ghi Ngày cư trú là ngày đến");
        sink.row("Cư trú", "Đi", "Chuyển đi — ghi Ngày cư trú là ngày đi");
        sink.row("Cư trú", "Chết", "Đã mất — ghi Ngày cư trú là ngày mất");
        sink.row("Đang học lớp", "1–12", "Lớp đang học; để trống nếu không đi học");
        sink.row("Lớp cao nhất đã học xong", "0–12", "0 nếu chưa học xong lớp nào");
        sink.row("Năm HT tiểu học, Năm TN THCS", "1900–" + year, "Năm hoàn thành tiểu học, năm tốt nghiệp trung học cơ sở");
        sink.row("Biết chữ", "MĐ1", "Đạt chuẩn biết chữ mức độ 1 (chỉ ghi cho người từ 15 tuổi)");
        sink.row("Biết chữ", "MĐ2", "Đạt chuẩn biết chữ mức độ 2");
        sink.row("Biết chữ", "MC", "Mù chữ");
        sink.row("Biết chữ", "TMC", "Tái mù chữ");
        sink.row("Căn cứ", "TH", "Học ở trường (tiểu học trở lên)");
        sink.row("Căn cứ", "Lớp", "Học lớp xóa mù chữ");
        sink.row("Căn cứ", "KT", "Kiểm tra, đánh giá");
    }

    /** A realistic file for the hamlets of a commune (for trying the import). */
    @GetMapping("/literacy/sample.csv")
    ResponseEntity<byte[]> sample(@RequestParam long unitId, @RequestParam(defaultValue = "200") int households) throws IOException {
        CurrentUser user = CurrentUsers.require();
        OrgUnit unit = access.requireReadable(user, unitId);
        List<String[]> hamlets = lookups.sampleHamlets(unit.id());
        StringWriter w = new StringWriter();
        if (!hamlets.isEmpty()) {
            SampleRegister.write(w, hamlets, Math.max(1, Math.min(households, 5000)), System.nanoTime(), clock.today());
        } else {
            w.write(SampleRegister.header());
        }
        return ResponseEntity.ok().headers(Downloads.headers(Downloads.Format.CSV, "so-xoa-mu-chu-mau"))
                .body(w.toString().getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------ persons and lists

    @GetMapping("/literacy/persons")
    String persons(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String q,
                   @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = CurrentUsers.require();
        long id = unitId == null ? user.unitId() : unitId;
        model.addAttribute("unit", access.requireReadable(user, id));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("result", register.search(user, id, q, page, 50));
        model.addAttribute("canAdd", model.getAttribute("unit") instanceof OrgUnit u && u.level() == OrgUnit.COMMUNE && access.units().canWrite(user, id));
        model.addAttribute("hamletList", lookups.hamletsByCode(id));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        Map<String, String> layout = new java.util.LinkedHashMap<>(RegisterLayout.headerMap());
        layout.remove("communeCode");
        layout.remove("hamlet");
        model.addAttribute("layout", layout);
        return "literacy/persons";
    }

    /** A person added on screen: the fields of an import row, checked by the same rules. */
    @PostMapping("/literacy/persons")
    String addPerson(@RequestParam long unitId, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        List<String> cells = new ArrayList<>();
        for (String field : RegisterLayout.FIELDS) {
            cells.add(form.getOrDefault(field, ""));
        }
        try {
            long id = register.addPerson(user, unitId, cells);
            redirect.addFlashAttribute("ok", text("lit.person.saved"));
            return "redirect:/literacy/persons/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("errors", FormErrors.of(e, messages));
            model.addAttribute("form", form);
            return persons(unitId, null, 0, model);
        }
    }

    @GetMapping("/literacy/persons/{id}")
    String person(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Register.Person p = register.person(user, id);
        model.addAttribute("p", p);
        model.addAttribute("history", register.history(id));
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "literacy/person";
    }

    @PostMapping("/literacy/persons/{id}")
    String updatePerson(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String literacyStatus,
                        @RequestParam(required = false) String literacyBasis, @RequestParam String residentStatus,
                        @RequestParam(required = false) String residentDate, @RequestParam(required = false) Integer highestGrade,
                        Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        try {
            register.updateStatus(user, id, version, literacyStatus, literacyBasis, residentStatus,
                    vn.xhht.shared.InputRules.date("residentDate", residentDate), highestGrade);
            redirect.addFlashAttribute("ok", text("lit.person.saved"));
            return "redirect:/literacy/persons/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("errors", FormErrors.of(e, messages));
            return person(id, model);
        }
    }

    @GetMapping("/literacy/lists")
    String list(@RequestParam long unitId, @RequestParam(defaultValue = "BELOW3") String kind,
                @RequestParam(required = false) String date, Model model) {
        CurrentUser user = CurrentUsers.require();
        LocalDate d = date(date);
        model.addAttribute("unit", access.requireReadable(user, unitId));
        model.addAttribute("kind", kind);
        model.addAttribute("date", d);
        model.addAttribute("persons", register.list(user, unitId, kind, d));
        model.addAttribute("watermark", register.watermark(user));
        return "literacy/list";
    }

    @GetMapping("/literacy/lists.xlsx")
    void listXlsx(@RequestParam long unitId, @RequestParam(defaultValue = "BELOW3") String kind,
                  @RequestParam(required = false) String date, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        LocalDate d = date(date);
        OrgUnit unit = access.requireReadable(user, unitId);
        List<Register.Person> persons = register.list(user, unitId, kind, d);
        Downloads.attachment(response, Downloads.Format.XLSX, "danh-sach-" + kind.toLowerCase());
        xlsx.write(response.getOutputStream(), "Danh sach", text("lit.list." + kind) + " — " + unit.name() + " — " + register.watermark(user),
                List.of(new XlsxExport.Column("STT", XlsxExport.ColumnType.INTEGER, 6),
                        new XlsxExport.Column("Họ và tên", XlsxExport.ColumnType.TEXT, 28),
                        new XlsxExport.Column("Giới tính", XlsxExport.ColumnType.TEXT, 8),
                        new XlsxExport.Column("Ngày/năm sinh", XlsxExport.ColumnType.TEXT, 12),
                        new XlsxExport.Column("Thôn", XlsxExport.ColumnType.TEXT, 18),
                        new XlsxExport.Column("Mã hộ", XlsxExport.ColumnType.TEXT, 12),
                        new XlsxExport.Column("Lớp cao nhất", XlsxExport.ColumnType.INTEGER, 8)),
                sink -> {
                    int i = 0;
                    for (Register.Person p : persons) {
                        sink.row(++i, p.fullName(), p.sex().equals("M") ? "Nam" : "Nữ", p.birth(), p.hamletName(), p.householdCode(), p.highestGrade());
                    }
                });
        access.logExport(unitId, "Xuất danh sách " + kind, persons.size());
    }

    @GetMapping("/literacy/export/register.xlsx")
    void exportRegister(@RequestParam long unitId, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        access.requirePersons(user, unitId);
        Downloads.attachment(response, Downloads.Format.XLSX, "so-theo-doi-xmc");
        register.exportRegister(user, unitId, response.getOutputStream());
    }

    @GetMapping("/literacy/export/pcgd.xlsx")
    void exportPcgd(@RequestParam long unitId, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        access.requirePersons(user, unitId);
        Downloads.attachment(response, Downloads.Format.XLSX, "phieu-dieu-tra-pcgd-xmc");
        register.exportPcgd(user, unitId, response.getOutputStream());
    }

    @GetMapping("/literacy/export/indicators.xlsx")
    void exportIndicators(@RequestParam long unitId, @RequestParam(required = false) String date, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        LocalDate d = date(date);
        LiteracyIndicators.Indicators ind = indicators.compute(user, unitId, d);
        Downloads.attachment(response, Downloads.Format.XLSX, "chi-so-xmc");
        String title = "Chỉ số xóa mù chữ — " + ind.unitName() + " — ngày "
                + d.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " — " + register.watermark(user);
        List<XlsxExport.Column> columns = List.of(new XlsxExport.Column("Nhóm", XlsxExport.ColumnType.TEXT, 22),
                new XlsxExport.Column("Độ tuổi", XlsxExport.ColumnType.TEXT, 10),
                new XlsxExport.Column("Giới", XlsxExport.ColumnType.TEXT, 8),
                new XlsxExport.Column("Số người", XlsxExport.ColumnType.INTEGER, 10),
                new XlsxExport.Column("Biết chữ mức 1", XlsxExport.ColumnType.INTEGER, 10),
                new XlsxExport.Column("Biết chữ mức 2", XlsxExport.ColumnType.INTEGER, 10),
                new XlsxExport.Column("Mù chữ", XlsxExport.ColumnType.INTEGER, 10),
                new XlsxExport.Column("Tái mù chữ", XlsxExport.ColumnType.INTEGER, 10),
                new XlsxExport.Column("Tỉ lệ mức 1 (%)", XlsxExport.ColumnType.DECIMAL, 10),
                new XlsxExport.Column("Tỉ lệ mức 2 (%)", XlsxExport.ColumnType.DECIMAL, 10));
        List<XlsxExport.Sheet> sheets = new ArrayList<>();
        sheets.add(new XlsxExport.Sheet("Chi so XMC", title, columns, sink -> {
            bandRows(sink, "Toàn địa bàn", ind.bands());
            ind.bandsByEthnicity().forEach(g -> bandRows(sink, "Dân tộc " + g.label(), g.bands()));
            ind.bandsByPriority().forEach(g -> bandRows(sink, g.label(), g.bands()));
        }));
        if (!ind.upperSecondary().isEmpty()) {
            sheets.add(new XlsxExport.Sheet("Pho cap bac trung hoc", "Phổ cập bậc trung học — " + ind.unitName() + " (tính người đã hoàn thành lớp 12)",
                    List.of(new XlsxExport.Column("Độ tuổi", XlsxExport.ColumnType.TEXT, 10),
                            new XlsxExport.Column("Giới", XlsxExport.ColumnType.TEXT, 8),
                            new XlsxExport.Column("Số người", XlsxExport.ColumnType.INTEGER, 10),
                            new XlsxExport.Column("Hoàn thành lớp 12", XlsxExport.ColumnType.INTEGER, 12),
                            new XlsxExport.Column("Tỉ lệ (%)", XlsxExport.ColumnType.DECIMAL, 10),
                            new XlsxExport.Column("Căn cứ", XlsxExport.ColumnType.TEXT, 50)),
                    sink -> ind.upperSecondary().forEach(u -> sink.row(u.from() + "–" + u.to(), SEXES.get(u.sex()), u.population(),
                            u.completed(), u.rate(), u.legalBasis() + " (" + vn.xhht.shared.Certainty.vietnamese(u.certainty()) + ")"))));
        }
        xlsx.writeSheets(response.getOutputStream(), sheets);
    }

    private static final java.util.Map<String, String> SEXES = java.util.Map.of("", "Tổng", "F", "Nữ", "M", "Nam");

    private static void bandRows(XlsxExport.RowSink sink, String group, List<LiteracyIndicators.BandRow> rows) {
        for (LiteracyIndicators.BandRow r : rows) {
            String band = r.from() == r.to() ? String.valueOf(r.from()) : r.from() + "–" + r.to();
            for (String sex : new String[]{"", "F", "M"}) {
                LiteracyIndicators.Band b = sex.isEmpty() ? r.all() : sex.equals("F") ? r.women() : r.men();
                sink.row(group, band, SEXES.get(sex), b.population(), b.literateLevel1(), b.literateLevel2(), b.illiterate(),
                        b.reilliterate(), b.rateLevel1(), b.rateLevel2());
            }
        }
    }

    // ------------------------------------------------------------------------ rules and recognition

    @PostMapping("/literacy/rules/setting")
    String newSetting(@RequestParam(required = false) String settingFrom, @RequestParam(required = false) String ageMethod,
                      @RequestParam(required = false) Integer rolloverMonth, @RequestParam(required = false) Integer rolloverDay,
                      @RequestParam(required = false) String passScore, @RequestParam(required = false) String settingBasis,
                      @RequestParam(required = false) String settingCertainty, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        try {
            LocalDate from = vn.xhht.shared.InputRules.date("settingFrom", settingFrom);
            standards.newSetting(user, from, ageMethod, rolloverMonth, rolloverDay, percent(passScore), settingBasis, settingCertainty);
            redirect.addFlashAttribute("ok", text("lit.standard.saved"));
            return "redirect:/literacy/rules";
        } catch (InvalidInputProblem e) {
            model.addAttribute("errors", FormErrors.of(e, messages));
            return rules(model);
        }
    }

    @GetMapping("/literacy/rules")
    String rules(Model model) {
        CurrentUsers.require();
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("standards", standards.all());
        model.addAttribute("ageRule", indicators.ageRule(clock.today()));
        model.addAttribute("admin", CurrentUsers.require().isAdmin());
        return "literacy/rules";
    }

    @GetMapping("/literacy/rules/{id}")
    String rule(@PathVariable long id, Model model) {
        CurrentUsers.require();
        model.addAttribute("s", standards.get(id));
        model.addAttribute("admin", CurrentUsers.require().isAdmin());
        model.addAttribute("errors", Map.of());
        return "literacy/rule";
    }

    @PostMapping("/literacy/rules/{id}")
    String newVersion(@PathVariable long id, @RequestParam(required = false) String effectiveFrom, @RequestParam(required = false) String source,
                      @RequestParam(required = false) String certainty, @RequestParam Map<String, String> form, Model model,
                      RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Standards.Standard s = standards.get(id);
        Map<String, BigDecimal[]> thresholds = new HashMap<>();
        try {
            for (Standards.Condition c : s.conditions()) {
                thresholds.put(c.code(), new BigDecimal[]{percent(form.get("min_" + c.code())), percent(form.get("dmin_" + c.code()))});
            }
            LocalDate from = vn.xhht.shared.InputRules.date("effectiveFrom", effectiveFrom);
            long newId = standards.newVersion(user, id, from, source, certainty, thresholds);
            redirect.addFlashAttribute("ok", text("lit.standard.saved"));
            return "redirect:/literacy/rules/" + newId;
        } catch (InvalidInputProblem e) {
            model.addAttribute("s", s);
            model.addAttribute("admin", user.isAdmin());
            model.addAttribute("errors", FormErrors.of(e, messages));
            return "literacy/rule";
        } catch (java.time.format.DateTimeParseException e) {
            model.addAttribute("s", s);
            model.addAttribute("admin", user.isAdmin());
            model.addAttribute("errors", Map.of("effectiveFrom", text("lit.standard.fromRequired")));
            return "literacy/rule";
        }
    }

    private static BigDecimal percent(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputProblem("threshold", "lit.standard.percent");
        }
    }

    /** The recognising authority rules (who records the recognition decision, per period), kept by an administrator. */
    @GetMapping("/literacy/rules/authorities")
    String authorities(Model model) {
        CurrentUser user = CurrentUsers.require();
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Recognitions.AuthorityForm(3, null, null, 1, true, null, null, null, "secondary"));
        }
        model.addAttribute("rows", recognitions.authorityRows());
        model.addAttribute("standardCodes", Recognitions.STANDARD_CODES);
        model.addAttribute("certainties", Recognitions.CERTAINTIES);
        model.addAttribute("admin", user.isAdmin());
        return "literacy/authorities";
    }

    @PostMapping("/literacy/rules/authorities")
    String newAuthority(@RequestParam(required = false) Integer subjectLevel, @RequestParam(required = false) String standardCode,
                        @RequestParam(required = false) Integer standardLevel, @RequestParam(required = false) Integer authorityLevel,
                        @RequestParam(defaultValue = "false") boolean settledByText, @RequestParam(required = false) String label,
                        @RequestParam(required = false) String validFrom, @RequestParam(required = false) String legalBasis,
                        @RequestParam(required = false) String certainty, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Recognitions.AuthorityForm form = null;
        try {
            LocalDate from = validFrom == null || validFrom.isBlank() ? null : vn.xhht.shared.InputRules.date("validFrom", validFrom);
            form = new Recognitions.AuthorityForm(subjectLevel, standardCode, standardLevel, authorityLevel, settledByText, label,
                    from, legalBasis, certainty);
            recognitions.newAuthority(user, form);
            redirect.addFlashAttribute("ok", text("s14fig.authority.saved"));
            return "redirect:/literacy/rules/authorities";
        } catch (InvalidInputProblem e) {
            // what the administrator typed comes back in the form, with the message next to the field
            model.addAttribute("form", form != null ? form : new Recognitions.AuthorityForm(subjectLevel, standardCode, standardLevel,
                    authorityLevel, settledByText, label, null, legalBasis, certainty));
            model.addAttribute("validFromText", validFrom);
            model.addAttribute("errors", FormErrors.of(e, messages));
            return authorities(model);
        }
    }

    @GetMapping("/literacy/recognitions")
    String recognitions(@RequestParam(required = false) Long unitId, Model model) {
        CurrentUser user = CurrentUsers.require();
        long id = unitId == null ? user.unitId() : unitId;
        model.addAttribute("unit", access.requireReadable(user, id));
        model.addAttribute("items", recognitions.list(user, id));
        model.addAttribute("authorities", recognitions.authorities(((OrgUnit) model.getAttribute("unit")).level(), null));
        model.addAttribute("canWrite", access.units().canWrite(user, id) || user.isAdmin());
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "literacy/recognitions";
    }

    @PostMapping("/literacy/recognitions")
    String addRecognition(@RequestParam long unitId, @RequestParam(required = false) Integer year, @RequestParam(required = false) String standard,
                          @RequestParam(required = false) String step, @RequestParam(required = false) String decidedBy,
                          @RequestParam(required = false) String decisionNumber, @RequestParam(required = false) String decisionDate,
                          @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        try {
            recognitions.add(user, unitId, year, standard, step, decidedBy, decisionNumber,
                    vn.xhht.shared.InputRules.date("decisionDate", decisionDate), note);
            return "redirect:/literacy/recognitions?unitId=" + unitId;
        } catch (InvalidInputProblem e) {
            model.addAttribute("errors", FormErrors.of(e, messages));
            return recognitions(unitId, model);
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
