package vn.xhht.resources;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.io.OutputStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.centre.ActivityService;
import vn.xhht.document.XlsxExport;
import vn.xhht.document.XlsxExport.Column;
import vn.xhht.document.XlsxExport.ColumnType;
import vn.xhht.centre.CentreRecordLookup;
import vn.xhht.literacy.LiteracyClassLookup;
import vn.xhht.shared.CurrentUser;

/**
 * What a budget's spending lines can be linked to (the centre's activities, the commune's literacy classes, the
 * trainings concerning the centre and its assets) and the name of what each line is linked to, for the page and the
 * .xlsx. Keys are {@link Budget.Link#key()}.
 */
@Service
@Transactional(readOnly = true)
class BudgetLinks {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The choices of the year, by kind, each a map from link key to its Vietnamese name. */
    record Options(Map<String, String> activities, Map<String, String> classes, Map<String, String> trainings,
                   Map<String, String> assets) {
        boolean isEmpty() {
            return activities.isEmpty() && classes.isEmpty() && trainings.isEmpty() && assets.isEmpty();
        }
    }

    private final ActivityService activities;
    private final LiteracyClassLookup classes;
    private final CentreRecordLookup records;
    private final Trainings trainings;
    private final XlsxExport xlsx;
    private final AuditTrail audit;

    BudgetLinks(ActivityService activities, LiteracyClassLookup classes, CentreRecordLookup records, Trainings trainings,
                XlsxExport xlsx, AuditTrail audit) {
        this.xlsx = xlsx;
        this.audit = audit;
        this.activities = activities;
        this.classes = classes;
        this.records = records;
        this.trainings = trainings;
    }

    Options options(CurrentUser user, Budget b) {
        LocalDate from = LocalDate.of(b.year(), 1, 1);
        LocalDate to = LocalDate.of(b.year(), 12, 31);
        Map<String, String> a = new LinkedHashMap<>();
        activities.list(user, b.centreId(), from, to).forEach(x -> a.put(key(Budget.LinkKind.ACTIVITY, x.id()),
                x.title() + " (" + x.startDate().format(DMY) + ")"));
        Map<String, String> c = new LinkedHashMap<>();
        classes.ofCommune(b.communeId(), from, to).forEach(x -> c.put(key(Budget.LinkKind.CLASS, x.id()), classLabel(x)));
        Map<String, String> t = new LinkedHashMap<>();
        trainings.concerningCentre(b.centreId(), b.communeId(), b.year()).forEach(x -> t.put(key(Budget.LinkKind.TRAINING, x.id()),
                trainingLabel(x)));
        Map<String, String> s = new LinkedHashMap<>();
        records.assets(b.centreId()).forEach(x -> s.put(key(Budget.LinkKind.ASSET, x.id()), assetLabel(x)));
        return new Options(a, c, t, s);
    }

    /** The name of what each line is linked to, by link key; a line's link outside the year's choices is looked up. */
    Map<String, String> labels(CurrentUser user, Budget b, Options options) {
        Map<String, String> all = new LinkedHashMap<>();
        all.putAll(options.activities());
        all.putAll(options.classes());
        all.putAll(options.trainings());
        all.putAll(options.assets());
        Map<String, String> out = new LinkedHashMap<>();
        for (Budget.Line l : b.lines() == null ? List.<Budget.Line>of() : b.lines()) {
            Budget.Link link = l.link();
            if (link == null || out.containsKey(link.key())) {
                continue;
            }
            String label = all.get(link.key());
            if (label == null) {
                label = switch (link.kind()) {
                    case ACTIVITY -> null;
                    case CLASS -> classes.find(link.id()).map(BudgetLinks::classLabel).orElse(null);
                    case TRAINING -> trainings.find(link.id()).map(BudgetLinks::trainingLabel).orElse(null);
                    case ASSET -> records.asset(link.id()).map(BudgetLinks::assetLabel).orElse(null);
                };
            }
            if (label != null) {
                out.put(link.key(), label);
            }
        }
        return out;
    }

    Map<String, String> labels(CurrentUser user, Budget b) {
        return labels(user, b, options(user, b));
    }

    /**
     * The budget's lines as .xlsx, with what each spending paid for. {@code names}: "stage.X", "source.X" and
     * "link.X" in the reader's language. A totals-only reader gets the totals sheet alone.
     */
    @Transactional
    void writeLinesXlsx(CurrentUser user, Budget b, OutputStream out, Map<String, String> names) {
        String title = "Ngân sách năm " + b.year() + " — " + b.centreName();
        List<Column> cols = List.of(new Column("Ngày", ColumnType.DATE, 12), new Column("Giai đoạn", ColumnType.TEXT, 16),
                new Column("Nguồn thu", ColumnType.TEXT, 30), new Column("Mục chi", ColumnType.TEXT, 34),
                new Column("Số tiền (đồng)", ColumnType.INTEGER, 16), new Column("Dùng cho", ColumnType.TEXT, 16),
                new Column("Tên hoạt động, lớp, đợt tập huấn, tài sản", ColumnType.TEXT, 44), new Column("Diễn giải", ColumnType.TEXT, 40));
        Map<String, String> labels = b.lines() == null ? Map.of() : labels(user, b);
        List<Column> totalCols = List.of(new Column("Chỉ tiêu", ColumnType.TEXT, 30), new Column("Số tiền (đồng)", ColumnType.INTEGER, 18));
        Budget.Totals t = b.totals();
        List<XlsxExport.Sheet> sheets = new java.util.ArrayList<>();
        sheets.add(new XlsxExport.Sheet("Tổng hợp", title, totalCols, sink -> {
            sink.row("Dự toán thu", t.estimatedRevenue());
            sink.row("Dự toán chi", t.estimatedSpending());
            sink.row("Được giao", t.allocated());
            sink.row("Đã nhận", t.received());
            sink.row("Đã chi", t.spent());
            sink.row("Quyết toán", t.settled());
        }));
        if (b.lines() != null) {
            sheets.add(new XlsxExport.Sheet("Các khoản", title, cols, sink -> b.lines().forEach(l -> {
                Budget.Link link = l.link();
                sink.row(l.date(), names.get("stage." + l.stage().name()), l.source() == null ? null : names.get("source." + l.source().name()),
                        l.categoryName(), l.amountVnd(), link == null ? null : names.get("link." + link.kind().name()),
                        link == null ? null : labels.getOrDefault(link.key(), "mã số " + link.id()), l.description());
            })));
        }
        xlsx.writeSheets(out, sheets);
        audit.access(AuditAction.EXPORT, BudgetService.SUBJECT, b.id(), b.communeId(),
                "Xuất các khoản ngân sách năm " + b.year() + " của " + b.centreName());
    }

    /**
     * Whether the reader of the budget may open what a line is linked to: the activity, class and asset belong to the
     * budget's centre or commune; a training may have been organised above (the province's), which a commune reads
     * by name only.
     */
    boolean canOpen(CurrentUser user, Budget.Link link) {
        return link.kind() != Budget.LinkKind.TRAINING || trainings.find(link.id()).filter(t -> trainings.readable(user, t)).isPresent();
    }

    /** Where the page links a line's target. */
    static String href(Budget.Link link, long centreId) {
        return switch (link.kind()) {
            case ACTIVITY -> "/activities/" + link.id();
            case CLASS -> "/literacy/classes/" + link.id();
            case TRAINING -> "/trainings/" + link.id();
            case ASSET -> "/centres/" + centreId + "/record";
        };
    }

    static String key(Budget.LinkKind kind, long id) {
        return new Budget.Link(kind, id).key();
    }

    private static String classLabel(LiteracyClassLookup.ClassRef c) {
        return c.name() + " (" + c.startDate().format(DMY) + ")";
    }

    private static String trainingLabel(Trainings.Training t) {
        return t.title() + " (" + t.startDate().format(DMY) + ")";
    }

    private static String assetLabel(CentreRecordLookup.AssetRef a) {
        return a.item() + " (" + a.quantity() + ")";
    }
}
