package vn.xhht.oversight;

import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.document.SpreadsheetFormatException;
import vn.xhht.document.XlsxExport;
import vn.xhht.document.XlsxRows;
import vn.xhht.evidence.EvidenceFile;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.evidence.FileKind;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.oversight.Establishment.ActKind;
import vn.xhht.oversight.Establishment.Kind;
import vn.xhht.oversight.Establishment.OwnerKind;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/**
 * Imports an existing list of establishments from an .xlsx sheet, all rows or none: every row goes through the same
 * checks as the form ({@link EstablishmentRegistry#create}, {@link EstablishmentRegistry#addAct}) inside one
 * transaction, which is rolled back when any row is refused, and every refusal is reported with its row and column.
 * A refused file is kept pending ({@link EvidenceStore#storePending}) so the user can import it again without choosing
 * it again; an accepted one is attached to the import record.
 */
@Service
public class EstablishmentImport {

    /** The columns of the sheet, in order; the first row holds these headers. */
    public enum Column {
        KIND("Loại cơ sở"), NAME("Tên cơ sở"), ADDRESS("Địa chỉ"), COMMUNE("Mã xã, phường"), OWNER("Tổ chức, cá nhân sở hữu"),
        OWNER_PERSON("Chủ sở hữu là cá nhân"), DIRECTOR("Giám đốc, người đứng đầu"), TERM_FROM("Nhiệm kỳ từ ngày"),
        TERM_TO("Nhiệm kỳ đến ngày"), PROGRAMMES("Chương trình"), FEES("Học phí công khai"), FIRST_ACTIVITY("Ngày bắt đầu hoạt động"),
        ACT_KIND("Loại văn bản"), ACT_NUMBER("Số văn bản"), ACT_DATE("Ngày ban hành"), ACT_ISSUER("Cơ quan ban hành");

        private final String header;

        Column(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }

        /** The column letter as Excel shows it (A, B, …). */
        public String letter() {
            return String.valueOf((char) ('A' + ordinal()));
        }
    }

    /** A refused cell: Excel row number, column, message key and its arguments (resolved by the page). */
    public record RowError(int row, Column column, String messageKey, Object[] args) {
    }

    /**
     * What happened: {@code saved} establishments (0 when refused), the errors, and the file kept for another try
     * (null when accepted or when the file itself could not be kept).
     */
    public record Result(int saved, List<RowError> errors, EvidenceFile kept) {
        public boolean accepted() {
            return errors.isEmpty();
        }
    }

    static final String FILE_OWNER = "EstablishmentImport";
    static final Set<FileKind> XLSX = EnumSet.of(FileKind.XLSX);
    /** An import is a list of a province, not a register: a few thousand rows at most. */
    static final int MAX_ROWS = 3000;
    /** Beyond this many errors the file is clearly of another kind; listing more helps nobody. */
    static final int MAX_ERRORS = 500;

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final EstablishmentRegistry registry;
    private final EvidenceStore evidence;
    private final OrgUnitDirectory units;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final VietnamClock clock;

    EstablishmentImport(EstablishmentRegistry registry, EvidenceStore evidence, OrgUnitDirectory units, AuditTrail audit, JdbcClient jdbc,
                        TransactionTemplate tx, MessageSource messages, VietnamClock clock) {
        this.registry = registry;
        this.evidence = evidence;
        this.units = units;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.messages = messages;
        this.clock = clock;
    }

    /** May this user import at all (offices; a commune its extra-teaching establishments)? */
    public boolean canImport(CurrentUser user) {
        return java.util.Arrays.stream(Kind.values()).anyMatch(k -> registry.canEdit(user, k));
    }

    /** The user's kept file among {@code keptId}, if it is still pending. */
    public Optional<EvidenceFile> kept(CurrentUser user, Long keptId) {
        return keptId == null ? Optional.empty() : evidence.pending(user, List.of(keptId)).stream().findFirst();
    }

    /**
     * Imports {@code upload}, or when it is null the file kept from an earlier refused try ({@code keptId}).
     * Refusals never throw: they come back as row errors (a file-level problem as row 0).
     */
    public Result run(CurrentUser user, EvidenceStore.Upload upload, Long keptId) {
        if (!canImport(user)) {
            throw new AccessDeniedProblem("oversight.cannotEdit");
        }
        EvidenceFile kept = null;
        EvidenceStore.Upload file = upload;
        if (file == null) {
            kept = kept(user, keptId).orElse(null);
            if (kept == null) {
                return new Result(0, List.of(new RowError(0, null, "oversight.import.noFile", new Object[0])), null);
            }
            file = new EvidenceStore.Upload(kept.fileName(), evidence.load(user, kept.id()).data());
        }
        if (!evidence.accepts(file, XLSX)) {
            return new Result(0, List.of(new RowError(0, null, "oversight.import.notXlsx", new Object[]{file.fileName()})), null);
        }
        List<Line> lines = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try {
            boolean[] header = {false};
            XlsxRows.read(new ByteArrayInputStream(file.data()), (row, cells) -> {
                if (!header[0]) {
                    header[0] = true;
                    checkHeader(row, cells, errors);
                    return;
                }
                if (lines.size() <= MAX_ROWS) {
                    lines.add(new Line(row, cells));
                }
            });
        } catch (SpreadsheetFormatException e) {
            return new Result(0, List.of(new RowError(0, null, "oversight.import.unreadable", new Object[]{file.fileName()})), null);
        }
        if (errors.isEmpty() && lines.isEmpty()) {
            errors.add(new RowError(0, null, "oversight.import.empty", new Object[0]));
        }
        if (lines.size() > MAX_ROWS) {
            errors.add(new RowError(0, null, "oversight.import.tooMany", new Object[]{MAX_ROWS}));
        }
        if (!errors.isEmpty()) {
            return refused(user, upload, kept, errors);
        }
        EvidenceStore.Upload accepted = file;
        EvidenceFile keptFile = kept;
        Integer saved = tx.execute(status -> {
            long importId = jdbc.sql("""
                    insert into ovs_import (unit_id, file_name, row_count, imported_by) values (:u, :f, :n, :by) returning id
                    """).param("u", user.unitId()).param("f", cut(accepted.fileName(), 255)).param("n", lines.size())
                    .param("by", user.username()).query(Long.class).single();
            int n = 0;
            for (Line line : lines) {
                if (errors.size() >= MAX_ERRORS) {
                    break;
                }
                try {
                    if (importLine(user, importId, line, errors)) {
                        n++;
                    }
                } catch (DataAccessException e) {
                    // the database refused a statement: the transaction cannot go on, so the rest is not checked
                    errors.add(new RowError(line.row(), null, "oversight.import.databaseRefused", new Object[0]));
                    break;
                }
            }
            if (!errors.isEmpty()) {
                status.setRollbackOnly();
                return 0;
            }
            if (keptFile != null) {
                evidence.adopt(user, List.of(keptFile.id()), FILE_OWNER, importId, user.unitId());
            } else {
                evidence.storeAll(user, FILE_OWNER, importId, user.unitId(), List.of(accepted), XLSX, "file");
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("fileName", accepted.fileName());
            after.put("rows", n);
            audit.change(AuditAction.CREATE, "EstablishmentImport", importId, user.unitId(), null, after,
                    "Nhập danh sách " + n + " cơ sở giáo dục ngoài nhà trường từ tệp " + accepted.fileName());
            return n;
        });
        if (!errors.isEmpty()) {
            return refused(user, upload, kept, errors);
        }
        return new Result(saved == null ? 0 : saved, List.of(), null);
    }

    private Result refused(CurrentUser user, EvidenceStore.Upload upload, EvidenceFile kept, List<RowError> errors) {
        EvidenceFile keep = kept;
        if (upload != null && units.canWrite(user, user.unitId())) {
            keep = tx.execute(s -> evidence.storePending(user, user.unitId(), List.of(upload), XLSX, "file")).get(0);
        }
        return new Result(0, List.copyOf(errors), keep);
    }

    private record Line(int row, List<String> cells) {
        String at(Column c) {
            String s = c.ordinal() < cells.size() ? cells.get(c.ordinal()) : "";
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    private static void checkHeader(int row, List<String> cells, List<RowError> errors) {
        for (Column c : Column.values()) {
            String got = c.ordinal() < cells.size() ? cells.get(c.ordinal()) : "";
            if (!fold(got).equals(fold(c.header()))) {
                errors.add(new RowError(row, c, "oversight.import.header", new Object[]{c.header()}));
            }
        }
    }

    /** Checks and saves one row; false (with errors added) when refused. */
    private boolean importLine(CurrentUser user, long importId, Line line, List<RowError> errors) {
        int before = errors.size();
        Kind kind = null;
        if (line.at(Column.KIND) == null) {
            errors.add(new RowError(line.row(), Column.KIND, "oversight.kind.required", new Object[0]));
        } else {
            kind = kind(line.at(Column.KIND));
            if (kind == null) {
                errors.add(new RowError(line.row(), Column.KIND, "oversight.import.kind.unknown", new Object[]{line.at(Column.KIND)}));
            }
        }
        Long unitId = null;
        if (line.at(Column.COMMUNE) != null) {
            unitId = units.findByCode(line.at(Column.COMMUNE), OrgUnit.COMMUNE, clock.today()).map(OrgUnit::id).orElse(null);
            if (unitId == null) {
                errors.add(new RowError(line.row(), Column.COMMUNE, "oversight.import.commune.unknown", new Object[]{line.at(Column.COMMUNE)}));
            }
        }
        OwnerKind ownerKind = OwnerKind.ORGANISATION;
        String person = line.at(Column.OWNER_PERSON);
        if (person != null) {
            if (Set.of("x", "co", "1").contains(fold(person))) {
                ownerKind = OwnerKind.INDIVIDUAL;
            } else if (!Set.of("khong", "0").contains(fold(person))) {
                errors.add(new RowError(line.row(), Column.OWNER_PERSON, "oversight.import.yesNo", new Object[]{person}));
            }
        }
        LocalDate termFrom = date(line, Column.TERM_FROM, errors);
        LocalDate termTo = date(line, Column.TERM_TO, errors);
        LocalDate first = date(line, Column.FIRST_ACTIVITY, errors);
        ActKind actKind = null;
        boolean anyAct = line.at(Column.ACT_KIND) != null || line.at(Column.ACT_NUMBER) != null || line.at(Column.ACT_DATE) != null
                || line.at(Column.ACT_ISSUER) != null;
        if (line.at(Column.ACT_KIND) != null) {
            actKind = actKind(line.at(Column.ACT_KIND));
            if (actKind == null) {
                errors.add(new RowError(line.row(), Column.ACT_KIND, "oversight.import.actKind.unknown", new Object[]{line.at(Column.ACT_KIND)}));
            }
        } else if (anyAct) {
            errors.add(new RowError(line.row(), Column.ACT_KIND, "oversight.act.kind.required", new Object[0]));
        }
        LocalDate actDate = date(line, Column.ACT_DATE, errors);
        if (errors.size() > before) {
            return false;
        }
        boolean exists = unitId != null && jdbc.sql("""
                select exists (select 1 from ovs_establishment where unit_id = :u and xhht_search_key(name) = xhht_search_key(:n))
                """).param("u", unitId).param("n", line.at(Column.NAME) == null ? "" : line.at(Column.NAME)).query(Boolean.class).single();
        if (exists) {
            errors.add(new RowError(line.row(), Column.NAME, "oversight.import.exists", new Object[]{line.at(Column.NAME)}));
            return false;
        }
        long id;
        try {
            id = registry.create(user, new EstablishmentRegistry.Form(kind, line.at(Column.NAME), line.at(Column.ADDRESS), unitId,
                    line.at(Column.OWNER), ownerKind, line.at(Column.DIRECTOR), termFrom, termTo, line.at(Column.PROGRAMMES),
                    line.at(Column.FEES), null, first, List.of(), null));
        } catch (InvalidInputProblem p) {
            p.violations().forEach(v -> errors.add(new RowError(line.row(), column(v.field(), false), v.messageKey(), v.args())));
            return false;
        } catch (AccessDeniedProblem p) {
            errors.add(new RowError(line.row(), Column.KIND, "oversight.import.kind.notYours", new Object[0]));
            return false;
        }
        jdbc.sql("update ovs_establishment set import_id = :i where id = :id").param("i", importId).param("id", id).update();
        if (actKind != null) {
            try {
                registry.addAct(user, id, new EstablishmentRegistry.ActForm(actKind, line.at(Column.ACT_NUMBER), actDate,
                        line.at(Column.ACT_ISSUER), null));
            } catch (InvalidInputProblem p) {
                p.violations().forEach(v -> errors.add(new RowError(line.row(), column(v.field(), true), v.messageKey(), v.args())));
                return false;
            } catch (AccessDeniedProblem p) {
                errors.add(new RowError(line.row(), Column.ACT_KIND, p.messageKey(),
                        new Object[0]));
                return false;
            }
        }
        return true;
    }

    /** The column of a form field named by a refusal of the registry. */
    static Column column(String field, boolean act) {
        if (act) {
            return switch (field) {
                case "number" -> Column.ACT_NUMBER;
                case "issuedOn" -> Column.ACT_DATE;
                case "issuer" -> Column.ACT_ISSUER;
                default -> Column.ACT_KIND;
            };
        }
        return switch (field) {
            case "name" -> Column.NAME;
            case "address" -> Column.ADDRESS;
            case "unitId" -> Column.COMMUNE;
            case "owner" -> Column.OWNER;
            case "director" -> Column.DIRECTOR;
            case "directorTermFrom" -> Column.TERM_FROM;
            case "directorTermTo" -> Column.TERM_TO;
            case "programmes" -> Column.PROGRAMMES;
            case "fees" -> Column.FEES;
            case "firstActivityOn" -> Column.FIRST_ACTIVITY;
            default -> Column.KIND;
        };
    }

    private static LocalDate date(Line line, Column c, List<RowError> errors) {
        String s = line.at(c);
        if (s == null) {
            return null;
        }
        try {
            return s.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(s) : LocalDate.parse(s, DMY);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(line.row(), c, "oversight.import.date", new Object[]{s}));
            return null;
        }
    }

    /** A kind written as its name (full or short, with or without diacritics) or its code. */
    Kind kind(String text) {
        String key = fold(text);
        for (Kind k : Kind.values()) {
            if (key.equals(fold(k.name())) || key.equals(fold(label("oversight.kind." + k))) || key.equals(fold(label("oversight.import.kind." + k)))) {
                return k;
            }
        }
        return null;
    }

    ActKind actKind(String text) {
        String key = fold(text);
        for (ActKind k : ActKind.values()) {
            if (key.equals(fold(k.name())) || key.equals(fold(label("oversight.act.kind." + k))) || key.equals(fold(label("oversight.import.actKind." + k)))) {
                return k;
            }
        }
        return null;
    }

    /** The Vietnamese words users type in the sheet (the sheet is Vietnamese whatever the page language). */
    String label(String key) {
        return messages.getMessage(key, null, "", Locale.forLanguageTag("vi"));
    }

    static String fold(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D')
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /**
     * The template: the header row, one example row in the user's own area (so that it imports as it stands once
     * the name is changed), and a second sheet that lists the words each column takes and the communes' codes.
     */
    public void template(CurrentUser user, XlsxExport xlsx, java.io.OutputStream out) {
        List<OrgUnit> communes = units.search(user, clock.today(), OrgUnit.COMMUNE, null, null, 5000);
        boolean office = EstablishmentRegistry.OFFICES.contains(user.role());
        Kind kind = office ? Kind.FOREIGN_LANGUAGE_IT : Kind.EXTRA_TEACHING;
        ActKind act = office ? ActKind.OPERATION_PERMISSION : ActKind.BUSINESS_REGISTRATION;
        List<XlsxExport.Column> cols = java.util.Arrays.stream(Column.values())
                .map(c -> new XlsxExport.Column(c.header(), XlsxExport.ColumnType.TEXT, 18)).toList();
        List<XlsxExport.Column> legend = List.of(new XlsxExport.Column("Cột", XlsxExport.ColumnType.TEXT, 28),
                new XlsxExport.Column("Ghi", XlsxExport.ColumnType.TEXT, 40), new XlsxExport.Column("Nghĩa", XlsxExport.ColumnType.TEXT, 60));
        String year = String.valueOf(clock.year());
        xlsx.writeSheets(out, List.of(
                new XlsxExport.Sheet("Danh sach co so", null, cols, sink -> {
                    if (!communes.isEmpty()) {
                        OrgUnit c = communes.get(0);
                        sink.row(label("oversight.import.kind." + kind), "Trung tâm Ngoại ngữ Ánh Dương (ví dụ — sửa lại)",
                                "Số 1 đường Ví Dụ, " + c.name(), c.code(), "Công ty TNHH Ánh Dương", "", office ? "Nguyễn Văn An" : "",
                                office ? "01/01/" + year : "", "", "Tiếng Anh thiếu nhi", "1.200.000 đồng/khóa", "",
                                label("oversight.import.actKind." + act), "123/QĐ-VD", "15/08/" + (clock.year() - 1), "");
                    }
                }),
                new XlsxExport.Sheet("Giai thich", "Cách ghi từng cột (chỉ trang đầu tiên được nhập; dòng đầu giữ nguyên tiêu đề)", legend, sink -> {
                    for (Kind k : Kind.values()) {
                        sink.row(Column.KIND.header(), label("oversight.import.kind." + k), label("oversight.kind." + k));
                    }
                    sink.row(Column.NAME.header(), "", "Bắt buộc; một xã không có hai cơ sở cùng tên");
                    sink.row(Column.ADDRESS.header(), "", "Bắt buộc");
                    sink.row(Column.COMMUNE.header(), "", "Mã xã, phường nơi cơ sở hoạt động (bắt buộc), trong địa bàn của bạn");
                    sink.row(Column.OWNER_PERSON.header(), "x", "Ghi x nếu chủ sở hữu là cá nhân; để trống nếu là tổ chức");
                    sink.row(Column.DIRECTOR.header(), "", "Trung tâm ngoại ngữ, tin học: ghi kèm ngày bắt đầu nhiệm kỳ");
                    sink.row("Các cột ngày", "dd/mm/yyyy", "Ví dụ 15/08/2024; để trống nếu chưa biết (không ghi 0)");
                    for (ActKind a : ActKind.values()) {
                        sink.row(Column.ACT_KIND.header(), label("oversight.import.actKind." + a), label("oversight.act.kind." + a));
                    }
                    sink.row(Column.ACT_NUMBER.header(), "", "Số, ký hiệu văn bản; cùng cơ quan không cấp trùng số");
                    sink.row(Column.ACT_ISSUER.header(), "", "Để trống: theo cơ quan có thẩm quyền ghi trong quy định");
                    for (OrgUnit c : communes) {
                        sink.row(Column.COMMUNE.header(), c.code(), c.name() + (c.parentName() == null ? "" : ", " + c.parentName()));
                    }
                })));
    }

    private static String cut(String s, int max) {
        String t = s == null || s.isBlank() ? "tep.xlsx" : s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
