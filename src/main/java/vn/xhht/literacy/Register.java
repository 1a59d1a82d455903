package vn.xhht.literacy;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.document.XlsxExport;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.VietnamClock;

/**
 * Person-level reads and edits of the register: search, the lists per residential group (seed 003 §4), the
 * people to mobilise, one person's record and status edit, and the .xlsx exports (register, PCGD-XMC layout).
 * Every read needs the literacy permission and is logged with the records shown.
 */
@Service
@Transactional // reads of person data write their access log
public class Register {

    public record Person(long id, long communeId, long hamletId, String hamletName, String householdCode, String code,
                         String fullName, String sex, LocalDate birthDate, int birthYear, String ethnicity,
                         boolean disability, String priorityGroup, String residentStatus, LocalDate movedIn, LocalDate left,
                         Integer currentGrade, int highestGrade, Integer primaryYear, Integer lsecYear,
                         String literacyStatus, String literacyBasis, int level, long version) {
        public String birth() {
            return birthDate != null ? birthDate.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) : String.valueOf(birthYear);
        }

        public String ethnicityName() {
            return Codes.ETHNICITIES.getOrDefault(ethnicity, ethnicity);
        }
    }

    public record Page(List<Person> items, long total, int page, int size) {
    }

    public record Change(String field, String oldValue, String newValue, String by, java.time.OffsetDateTime at, LocalDate roundDate) {
    }

    private static final String SELECT = """
            select p.*, h.name as hamlet_name from lit_person p join xhht_unit h on h.id = p.hamlet_id
            """;

    private final JdbcClient jdbc;
    private final LiteracyAccess access;
    private final LiteracyIndicators indicators;
    private final XlsxExport xlsx;
    private final AuditTrail audit;
    private final VietnamClock clock;
    private final RegisterRowCheck rowCheck;

    Register(JdbcClient jdbc, LiteracyAccess access, LiteracyIndicators indicators, XlsxExport xlsx, AuditTrail audit, VietnamClock clock,
             RegisterRowCheck rowCheck) {
        this.rowCheck = rowCheck;
        this.jdbc = jdbc;
        this.access = access;
        this.indicators = indicators;
        this.xlsx = xlsx;
        this.audit = audit;
        this.clock = clock;
    }

    static Person map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Person(rs.getLong("id"), rs.getLong("commune_id"), rs.getLong("hamlet_id"), rs.getString("hamlet_name"),
                rs.getString("household_code"), rs.getString("code"), rs.getString("full_name"), rs.getString("sex"),
                rs.getObject("birth_date", LocalDate.class), rs.getInt("birth_year"), rs.getString("ethnicity"),
                rs.getBoolean("disability"), rs.getString("priority_group"), rs.getString("resident_status"),
                rs.getObject("moved_in_date", LocalDate.class), rs.getObject("left_date", LocalDate.class),
                (Integer) rs.getObject("current_grade"), rs.getInt("highest_grade"), (Integer) rs.getObject("primary_year"),
                (Integer) rs.getObject("lsec_year"), rs.getString("literacy_status"), rs.getString("literacy_basis"),
                rs.getInt("lit_level"), rs.getLong("version"));
    }

    /** Persons of a unit's subtree whose name or code matches, paged; the page shown is logged. */
    public Page search(CurrentUser user, long unitId, String q, int page, int size) {
        OrgUnit unit = access.requirePersons(user, unitId);
        int s = Math.max(1, Math.min(size, 200));
        int pg = Math.max(0, page);
        String query = q == null ? "" : q.strip();
        String where = LiteracyIndicators.scope(unit) + " and (:q = '' or p.code = :q or xhht_search_key(p.full_name) like '%' || xhht_search_key(:q) || '%')";
        long total = jdbc.sql("select count(*) from lit_person p where " + where).param("q", query).query(Long.class).single();
        List<Person> items = jdbc.sql(SELECT + " where " + where + " order by h.name, p.household_code, p.code limit :l offset :o")
                .param("q", query).param("l", s).param("o", (long) pg * s).query((rs, n) -> map(rs)).list();
        access.logView(unitId, "Tra cứu sổ XMC \"" + query + "\"", items.stream().map(Person::id).toList());
        return new Page(items, total, pg, s);
    }

    public Person person(CurrentUser user, long id) {
        Person p = jdbc.sql(SELECT + " where p.id = :id").param("id", id).query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new NotFoundProblem("lit.person.notFound", id));
        access.requirePersons(user, p.hamletId());
        access.logView(p.communeId(), "Xem nhân khẩu", List.of(id));
        return p;
    }

    public List<Change> history(long personId) {
        return jdbc.sql("""
                select c.field, c.old_value, c.new_value, c.changed_by, c.changed_at, r.survey_date
                from lit_person_change c left join lit_survey_round r on r.id = c.round_id where c.person_id = :id order by c.changed_at
                """).param("id", personId).query((rs, n) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, java.time.OffsetDateTime.class), rs.getObject(6, LocalDate.class))).list();
    }

    /** Edits a person's literacy and resident status on screen (optimistic locking; the change is recorded). */
    @Transactional
    public void updateStatus(CurrentUser user, long id, long version, String literacyStatus, String literacyBasis,
                             String residentStatus, LocalDate residentDate, Integer highestGrade) {
        Person p = jdbc.sql(SELECT + " where p.id = :id").param("id", id).query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new NotFoundProblem("lit.person.notFound", id));
        access.requireWritablePersons(user, p.hamletId());
        String lit = literacyStatus == null || literacyStatus.isBlank() ? null : literacyStatus;
        if (lit != null && (lit == null || !List.of("L1", "L2", "ILLITERATE", "REILLITERATE").contains(lit))) {
            throw new InvalidInputProblem("literacyStatus", "lit.person.literacyStatus");
        }
        LocalDate today = clock.today();
        if (lit != null && RegisterLayout.ageOn(p.birthDate(), p.birthYear(), today) < 15) {
            throw new InvalidInputProblem("literacyStatus", "lit.person.tooYoung");
        }
        if ((residentStatus == null || !List.of("PRESENT", "MOVED_IN", "MOVED_OUT", "DECEASED").contains(residentStatus))) {
            throw new InvalidInputProblem("residentStatus", "lit.person.residentStatus");
        }
        if (!residentStatus.equals("PRESENT") && residentDate == null) {
            throw new InvalidInputProblem("residentDate", "lit.person.residentDate");
        }
        if (residentDate != null && residentDate.isAfter(today)) {
            throw new InvalidInputProblem("residentDate", "lit.person.future");
        }
        if (highestGrade != null && (highestGrade < 0 || highestGrade > 12)) {
            throw new InvalidInputProblem("highestGrade", "lit.person.grade");
        }
        String basis = literacyBasis == null || literacyBasis.isBlank() ? null : literacyBasis;
        if (basis != null && !List.of("SCHOOL", "CLASS", "ASSESSMENT").contains(basis)) {
            // the column takes one of three codes; anything else was a 500 from the database
            throw new InvalidInputProblem("literacyBasis", "s14fig.person.basis");
        }
        int n = jdbc.sql("""
                update lit_person set literacy_status = :lit, literacy_basis = :basis, resident_status = :rs,
                       moved_in_date = case when :rs = 'MOVED_IN' then cast(:rd as date) else null end,
                       left_date = case when :rs in ('MOVED_OUT', 'DECEASED') then cast(:rd as date) else null end,
                       highest_grade = coalesce(:hg, highest_grade), version = version + 1, updated_at = now()
                where id = :id and version = :v
                """).param("lit", lit).param("basis", basis).param("rs", residentStatus).param("rd", residentDate)
                .param("hg", highestGrade).param("id", id).param("v", version).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("lit.person.concurrent");
        }
        record(id, "literacyStatus", p.literacyStatus(), lit, user);
        record(id, "residentStatus", p.residentStatus(), residentStatus, user);
        Map<String, Object> before = new HashMap<>();
        before.put("literacyStatus", p.literacyStatus());
        before.put("residentStatus", p.residentStatus());
        Map<String, Object> after = new HashMap<>();
        after.put("literacyStatus", lit);
        after.put("residentStatus", residentStatus);
        audit.change(AuditAction.UPDATE, "LiteracyPerson", id, p.communeId(), before, after, "Sửa tình trạng của " + p.code());
    }

    /**
     * Adds a person (and the household if new) on screen, checked by the same rules as an import row; every
     * problem is reported on its field.
     */
    public long addPerson(CurrentUser user, long communeId, java.util.List<String> cells) {
        OrgUnit commune = access.requireWritablePersons(user, communeId);
        if (commune.level() != OrgUnit.COMMUNE) {
            throw new InvalidInputProblem("unitId", "lit.import.unitLevel");
        }
        java.util.List<RegisterLayout.Error> errors = new java.util.ArrayList<>();
        java.util.List<String> row = new java.util.ArrayList<>(cells);
        row.set(0, commune.code());
        RegisterLayout.PersonRow p = RegisterLayout.check(0, row, rowCheck.scope(commune, clock.today()), clock.today(), errors);
        if (p == null) {
            throw new InvalidInputProblem(errors.stream().map(e -> new InvalidInputProblem.Violation(e.field(), "lit.person.rowError", e.reason())).toList());
        }
        if (jdbc.sql("select exists (select 1 from lit_person where commune_id = :c and code = :code)").param("c", communeId)
                .param("code", p.code()).query(Boolean.class).single()) {
            throw new InvalidInputProblem("personCode", "lit.person.duplicate", p.code());
        }
        jdbc.sql("""
                insert into lit_household (commune_id, province_id, hamlet_id, code, head_name, address) values (:c, :p, :h, :code, :head, :addr)
                on conflict (commune_id, code) do nothing
                """).param("c", communeId).param("p", p.provinceId()).param("h", p.hamletId()).param("code", p.householdCode())
                .param("head", p.head().isEmpty() ? null : p.head()).param("addr", p.address().isEmpty() ? null : p.address()).update();
        long id = jdbc.sql("""
                insert into lit_person (commune_id, province_id, hamlet_id, household_code, code, full_name, sex, birth_date, birth_year,
                       birth_key, ethnicity, disability, priority_group, resident_status, moved_in_date, left_date, in_school, current_grade,
                       highest_grade, primary_year, lsec_year, literacy_status, literacy_basis)
                values (:c, :p, :h, :hh, :code, :name, :sex, :bd, :by, :bk, :eth, :dis, :prio, :rs, :mi, :left, :school, :grade, :hg, :py, :ly, :lit, :basis)
                returning id
                """).param("c", communeId).param("p", p.provinceId()).param("h", p.hamletId()).param("hh", p.householdCode())
                .param("code", p.code()).param("name", p.fullName()).param("sex", p.sex()).param("bd", p.birthDate()).param("by", p.birthYear())
                .param("bk", p.birthKey()).param("eth", p.ethnicity()).param("dis", p.disability()).param("prio", p.priorityGroup())
                .param("rs", p.residentStatus()).param("mi", p.movedIn()).param("left", p.left()).param("school", p.currentGrade() != null)
                .param("grade", p.currentGrade()).param("hg", p.highestGrade()).param("py", p.primaryYear()).param("ly", p.lsecYear())
                .param("lit", p.literacyStatus()).param("basis", p.literacyBasis()).query(Long.class).single();
        audit.change(AuditAction.CREATE, "LiteracyPerson", id, communeId, null, Map.of("code", p.code(), "household", p.householdCode()),
                "Thêm nhân khẩu " + p.code());
        return id;
    }

    void record(long personId, String field, String old, String now, CurrentUser user) {
        if (!java.util.Objects.equals(old, now)) {
            jdbc.sql("insert into lit_person_change (person_id, field, old_value, new_value, changed_by) values (:p, :f, :o, :n, :u)")
                    .param("p", personId).param("f", field).param("o", old).param("n", now).param("u", user.username()).update();
        }
    }

    /**
     * A list per residential group on a date (seed 003 §4, "từ 15 tuổi trở lên"): BELOW3 — aged 15 or more not yet
     * literate at level 1 (below grade 3); BELOW5 — literate at level 1 but not level 2 (grade 3–4); MOBILISE — aged
     * 15 or more below level 2 and not enrolled in an open class, plus 11–18-year-olds out of school without the
     * lower-secondary diploma (drop-outs to bring back, R22). People are listed with the status they had on the date.
     */
    public List<Person> list(CurrentUser user, long unitId, String kind, LocalDate date) {
        OrgUnit unit = access.requirePersons(user, unitId);
        int ref = indicators.ageRule(date).referenceKey(date);
        String age = "(" + ref + " - x.birth_key) / 10000";
        String cond = switch (kind) {
            case "BELOW3" -> age + " >= 15 and x.level_on = 0";
            case "BELOW5" -> age + " >= 15 and x.level_on = 1";
            case "MOBILISE" -> "(" + age + " >= 15 and x.level_on < 2 and not exists (select 1 from lit_enrolment e join lit_class c on c.id = e.class_id"
                    + " where e.person_id = x.id and not c.closed and e.result is null)) or (" + age + " between 11 and 18 and not x.in_school and x.lsec_year is null)";
            default -> throw new InvalidInputProblem("kind", "lit.list.kind");
        };
        LiteracyIndicators.StatusOn on = indicators.statusOn(date);
        List<Person> list = jdbc.sql("""
                select x.* from (select p.*, h0.name as hamlet_name, %s as level_on, %s as status_on
                                 from lit_person p join xhht_unit h0 on h0.id = p.hamlet_id %s
                                 where %s and (p.moved_in_date is null or p.moved_in_date <= :d) and (p.left_date is null or p.left_date > :d)) x
                where (%s) order by x.hamlet_name, x.household_code, x.code limit 20000
                """.formatted(on.level(), on.status(), on.join(), LiteracyIndicators.scope(unit), cond))
                .param("d", date).param("cut", on.cut()).query((rs, n) -> mapOn(rs)).list();
        access.logView(unitId, "Danh sách " + kind, list.stream().map(Person::id).toList());
        return list;
    }

    /** A person read with the status and level on the list's date. */
    private static Person mapOn(java.sql.ResultSet rs) throws java.sql.SQLException {
        Person p = map(rs);
        return new Person(p.id(), p.communeId(), p.hamletId(), p.hamletName(), p.householdCode(), p.code(), p.fullName(), p.sex(),
                p.birthDate(), p.birthYear(), p.ethnicity(), p.disability(), p.priorityGroup(), p.residentStatus(), p.movedIn(),
                p.left(), p.currentGrade(), p.highestGrade(), p.primaryYear(), p.lsecYear(), rs.getString("status_on"),
                p.literacyBasis(), rs.getInt("level_on"), p.version());
    }

    String watermark(CurrentUser user) {
        return "Xuất bởi " + user.username() + " lúc "
                + clock.localNow().format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"))
                + " — dữ liệu cá nhân, không chia sẻ";
    }

    private static final List<XlsxExport.Column> REGISTER_COLUMNS = List.of(
            new XlsxExport.Column("Thôn/Tổ dân phố", XlsxExport.ColumnType.TEXT, 20),
            new XlsxExport.Column("Mã hộ", XlsxExport.ColumnType.TEXT, 12),
            new XlsxExport.Column("Mã người", XlsxExport.ColumnType.TEXT, 12),
            new XlsxExport.Column("Họ và tên", XlsxExport.ColumnType.TEXT, 28),
            new XlsxExport.Column("Giới tính", XlsxExport.ColumnType.TEXT, 8),
            new XlsxExport.Column("Ngày/năm sinh", XlsxExport.ColumnType.TEXT, 12),
            new XlsxExport.Column("Dân tộc", XlsxExport.ColumnType.TEXT, 12),
            new XlsxExport.Column("Cư trú", XlsxExport.ColumnType.TEXT, 10),
            new XlsxExport.Column("Lớp cao nhất", XlsxExport.ColumnType.INTEGER, 8),
            new XlsxExport.Column("Mức biết chữ", XlsxExport.ColumnType.INTEGER, 8),
            new XlsxExport.Column("Tình trạng ghi nhận", XlsxExport.ColumnType.TEXT, 14));

    /** The register of a unit's subtree as .xlsx, streamed, watermarked with the user and time, logged. */
    public void exportRegister(CurrentUser user, long unitId, OutputStream out) {
        OrgUnit unit = access.requirePersons(user, unitId);
        long n = xlsx.write(out, "So theo doi XMC", "Sổ theo dõi xóa mù chữ — " + unit.name() + " — " + watermark(user), REGISTER_COLUMNS,
                sink -> jdbc.sql(SELECT + " where " + LiteracyIndicators.scope(unit) + " order by h.name, p.household_code, p.code")
                        .query((java.sql.ResultSet rs) -> {
                            Person p = map(rs);
                            sink.row(p.hamletName(), p.householdCode(), p.code(), p.fullName(), p.sex().equals("M") ? "Nam" : "Nữ",
                                    p.birth(), p.ethnicityName(), p.residentStatus(), p.highestGrade(), p.level(), p.literacyStatus());
                        }));
        access.logExport(unitId, "Xuất sổ theo dõi XMC " + unit.name(), n);
    }

    /**
     * The persons in the column order of the Ministry's PCGD-XMC system (pcgd.moet.gov.vn, Thông tư 35/2017)
     * import sheet "Phiếu điều tra" as far as it is known (see docs/literacy.md: the official template was not
     * available; the columns follow the survey form fields of NĐ 20/2014 Điều 26).
     */
    public void exportPcgd(CurrentUser user, long unitId, OutputStream out) {
        OrgUnit unit = access.requirePersons(user, unitId);
        List<XlsxExport.Column> cols = List.of(
                new XlsxExport.Column("STT", XlsxExport.ColumnType.INTEGER, 6),
                new XlsxExport.Column("Mã hộ", XlsxExport.ColumnType.TEXT, 12),
                new XlsxExport.Column("Họ và tên chủ hộ", XlsxExport.ColumnType.TEXT, 24),
                new XlsxExport.Column("Họ và tên", XlsxExport.ColumnType.TEXT, 28),
                new XlsxExport.Column("Ngày sinh", XlsxExport.ColumnType.TEXT, 12),
                new XlsxExport.Column("Nữ", XlsxExport.ColumnType.TEXT, 5),
                new XlsxExport.Column("Dân tộc", XlsxExport.ColumnType.TEXT, 12),
                new XlsxExport.Column("Khuyết tật", XlsxExport.ColumnType.TEXT, 6),
                new XlsxExport.Column("Thôn/Xóm", XlsxExport.ColumnType.TEXT, 20),
                new XlsxExport.Column("Đang học lớp", XlsxExport.ColumnType.INTEGER, 8),
                new XlsxExport.Column("Năm HTCT tiểu học", XlsxExport.ColumnType.INTEGER, 10),
                new XlsxExport.Column("Năm TN THCS", XlsxExport.ColumnType.INTEGER, 10),
                new XlsxExport.Column("Bỏ học / lớp", XlsxExport.ColumnType.TEXT, 10),
                new XlsxExport.Column("Biết chữ mức độ 1", XlsxExport.ColumnType.TEXT, 8),
                new XlsxExport.Column("Biết chữ mức độ 2", XlsxExport.ColumnType.TEXT, 8),
                new XlsxExport.Column("Mù chữ / Tái mù chữ", XlsxExport.ColumnType.TEXT, 10),
                new XlsxExport.Column("Chuyển đi / Chết", XlsxExport.ColumnType.TEXT, 10));
        long[] stt = {0};
        long n = xlsx.write(out, "Phieu dieu tra", "Phiếu điều tra PCGD-XMC — " + unit.name() + " — " + watermark(user), cols,
                sink -> jdbc.sql("select p.*, h.name as hamlet_name, hh.head_name from lit_person p join xhht_unit h on h.id = p.hamlet_id "
                                + "left join lit_household hh on hh.commune_id = p.commune_id and hh.code = p.household_code where "
                                + LiteracyIndicators.scope(unit) + " order by h.name, p.household_code, p.code")
                        .query((java.sql.ResultSet rs) -> {
                            Person p = map(rs);
                            String dropout = p.currentGrade() == null && p.lsecYear() == null && p.highestGrade() >= 1 && p.highestGrade() <= 8
                                    ? "Lớp " + p.highestGrade() : "";
                            sink.row(++stt[0], p.householdCode(), rs.getString("head_name"), p.fullName(), p.birth(),
                                    p.sex().equals("F") ? "x" : "", p.ethnicityName(), p.disability() ? "x" : "", p.hamletName(),
                                    p.currentGrade(), p.primaryYear(), p.lsecYear(), dropout,
                                    p.level() >= 1 ? "x" : "", p.level() == 2 ? "x" : "",
                                    "REILLITERATE".equals(p.literacyStatus()) ? "TMC" : p.level() == 0 ? "MC" : "",
                                    p.residentStatus().equals("MOVED_OUT") ? "Đi" : p.residentStatus().equals("DECEASED") ? "Chết" : "");
                        }));
        access.logExport(unitId, "Xuất phiếu PCGD-XMC " + unit.name(), n);
    }
}
