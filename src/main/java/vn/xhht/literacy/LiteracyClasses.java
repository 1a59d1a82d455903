package vn.xhht.literacy;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.document.DocumentRenderer;
import vn.xhht.document.OfficialDocument;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Texts;
import vn.xhht.shared.VietnamClock;

/**
 * Literacy classes (R18): programme stage 1 / 2 (Thông tư 33/2021), continuing education after literacy,
 * complementary classes; learners enrolled from the register, sessions with attendance, final scores per subject
 * (Thông tư 10/2022; the pass mark is rule data), completion that updates the register (stage 1 → literate level 1,
 * stage 2 → level 2, with the class as basis), the class list and certificates of completion as PDF.
 */
@Service
@Transactional
public class LiteracyClasses {

    public record LiteracyClass(long id, long communeId, String communeName, Long hamletId, String programme, String name,
                                String venue, String teachers, LocalDate startDate, LocalDate endDate, String funding,
                                boolean closed, long version, long learners, long completed) {
    }

    public record Learner(long enrolmentId, long personId, String fullName, String birth, String hamletName, BigDecimal vietnamese,
                          BigDecimal maths, long present, long sessions, String result, LocalDate completedOn) {
    }

    private static final java.time.format.DateTimeFormatter DMY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static final List<String> PROGRAMMES = List.of("XMC_STAGE1", "XMC_STAGE2", "POST_LITERACY", "COMPLEMENTARY");

    private final JdbcClient jdbc;
    private final LiteracyAccess access;
    private final LiteracyIndicators indicators;
    private final AuditTrail audit;
    private final DocumentRenderer renderer;
    private final org.springframework.context.MessageSource messages;
    private final VietnamClock clock;

    LiteracyClasses(JdbcClient jdbc, LiteracyAccess access, LiteracyIndicators indicators, AuditTrail audit, DocumentRenderer renderer,
                    org.springframework.context.MessageSource messages, VietnamClock clock) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.access = access;
        this.indicators = indicators;
        this.audit = audit;
        this.renderer = renderer;
        this.clock = clock;
    }

    static String scope(OrgUnit unit) {
        return switch (unit.level()) {
            case OrgUnit.NATION -> "true";
            case OrgUnit.PROVINCE -> "c.province_id = " + unit.id();
            case OrgUnit.COMMUNE -> "c.commune_id = " + unit.id();
            case OrgUnit.HAMLET -> "c.hamlet_id = " + unit.id();
            default -> "c.commune_id in (select id from xhht_unit_subtree(" + unit.id() + "))";
        };
    }

    private static final String SELECT = """
            select c.*, u.name as commune_name,
                   (select count(*) from lit_enrolment e where e.class_id = c.id) as learners,
                   (select count(*) from lit_enrolment e where e.class_id = c.id and e.result = 'COMPLETED') as completed
            from lit_class c join xhht_unit u on u.id = c.commune_id
            """;

    private static LiteracyClass map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LiteracyClass(rs.getLong("id"), rs.getLong("commune_id"), rs.getString("commune_name"), (Long) rs.getObject("hamlet_id"),
                rs.getString("programme"), rs.getString("name"), rs.getString("venue"), rs.getString("teachers"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class), rs.getString("funding"),
                rs.getBoolean("closed"), rs.getLong("version"), rs.getLong("learners"), rs.getLong("completed"));
    }

    @Transactional(readOnly = true)
    public List<LiteracyClass> list(CurrentUser user, long unitId) {
        OrgUnit unit = access.requireReadable(user, unitId);
        return jdbc.sql(SELECT + " where " + scope(unit) + " order by c.start_date desc, c.id desc limit 500")
                .query((rs, n) -> map(rs)).list();
    }

    @Transactional(readOnly = true)
    public LiteracyClass get(CurrentUser user, long id) {
        LiteracyClass c = jdbc.sql(SELECT + " where c.id = :id").param("id", id).query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new NotFoundProblem("lit.class.notFound", id));
        access.requireReadable(user, c.communeId());
        return c;
    }

    public long create(CurrentUser user, long communeId, String programme, String name, String venue, Long hamletId,
                       String teachers, LocalDate start, LocalDate end, String funding) {
        OrgUnit commune = access.requireReadable(user, communeId);
        access.units().checkWritable(user, communeId);
        if (commune.level() != OrgUnit.COMMUNE) {
            throw new InvalidInputProblem("communeId", "lit.class.commune");
        }
        if ((programme == null || !PROGRAMMES.contains(programme))) {
            throw new InvalidInputProblem("programme", "lit.class.programmeInvalid");
        }
        if (Texts.orNull(name) == null) {
            throw new InvalidInputProblem("name", "lit.class.nameRequired");
        }
        if (start == null) {
            throw new InvalidInputProblem("startDate", "lit.class.startRequired");
        }
        // a class opened before the literacy programmes of TT 33/2021's predecessors or years ahead is a typing error
        LocalDate today = clock.today();
        LocalDate earliest = LocalDate.of(2000, 1, 1);
        LocalDate latest = LocalDate.of(today.getYear() + 5, 12, 31);
        if (start.isBefore(earliest) || start.isAfter(latest)) {
            throw new InvalidInputProblem("startDate", "lit.class.dateRange", latest.getYear());
        }
        if (end != null && (end.isBefore(earliest) || end.isAfter(latest))) {
            throw new InvalidInputProblem("endDate", "lit.class.dateRange", latest.getYear());
        }
        if (end != null && end.isBefore(start)) {
            throw new InvalidInputProblem("endDate", "lit.class.endInvalid");
        }
        if (hamletId != null && !java.util.Objects.equals(access.units().require(hamletId).parentId(), communeId)) {
            throw new InvalidInputProblem("hamletId", "lit.class.hamlet");
        }
        long id = jdbc.sql("""
                insert into lit_class (commune_id, province_id, hamlet_id, programme, name, venue, teachers, start_date, end_date, funding)
                values (:c, :p, :h, :prog, :n, :v, :t, :s, :e, :f) returning id
                """).param("c", communeId).param("p", commune.provinceId()).param("h", hamletId).param("prog", programme)
                .param("n", Texts.orNull(name)).param("v", Texts.orNull(venue)).param("t", Texts.orNull(teachers))
                .param("s", start).param("e", end).param("f", Texts.orNull(funding)).query(Long.class).single();
        audit.change(AuditAction.CREATE, "LiteracyClass", id, communeId, null, Map.of("programme", programme, "name", name.strip()),
                "Mở lớp " + name.strip());
        return id;
    }

    /** Enrols a person of the register (same commune) into the class. */
    public void enrol(CurrentUser user, long classId, long personId) {
        LiteracyClass c = writable(user, classId);
        Long commune = jdbc.sql("select commune_id from lit_person where id = :p").param("p", personId).query(Long.class).optional()
                .orElseThrow(() -> new InvalidInputProblem("personId", "lit.class.person"));
        if (commune != c.communeId()) {
            throw new InvalidInputProblem("personId", "lit.class.person");
        }
        if (c.programme().equals("XMC_STAGE2")) {
            // stage 2 continues stage 1 (TT 33/2021): the learner has completed a stage-1 class or is literate at level 1
            boolean ready = jdbc.sql("""
                    select p.lit_level >= 1 or exists (select 1 from lit_enrolment e join lit_class k on k.id = e.class_id
                                                       where e.person_id = p.id and k.programme = 'XMC_STAGE1' and e.result = 'COMPLETED')
                    from lit_person p where p.id = :p""").param("p", personId).query(Boolean.class).single();
            if (!ready) {
                throw new InvalidInputProblem("personCode", "d14lit.class.stage2Prerequisite");
            }
        }
        jdbc.sql("insert into lit_enrolment (class_id, person_id, enrolled_on) values (:c, :p, :today) on conflict do nothing")
                .param("c", classId).param("p", personId).param("today", clock.today()).update();
        audit.change(AuditAction.CREATE, "LiteracyEnrolment", classId, c.communeId(), null, Map.of("personId", personId), "Ghi danh học viên");
    }

    /** A session with the learners present (the others are absent). */
    public long session(CurrentUser user, long classId, LocalDate date, String topic, List<Long> presentEnrolments) {
        LiteracyClass c = writable(user, classId);
        if (date == null || date.isBefore(c.startDate())) {
            throw new InvalidInputProblem("sessionDate", "lit.class.sessionDate");
        }
        long id = jdbc.sql("insert into lit_session (class_id, session_date, topic) values (:c, :d, :t) returning id")
                .param("c", classId).param("d", date).param("t", Texts.orNull(topic)).query(Long.class).single();
        jdbc.sql("""
                insert into lit_attendance (session_id, enrolment_id, present)
                select :s, e.id, e.id = any(:present) from lit_enrolment e where e.class_id = :c
                """).param("s", id).param("c", classId).param("present", presentEnrolments.toArray(Long[]::new)).update();
        audit.change(AuditAction.CREATE, "LiteracySession", id, c.communeId(), null, Map.of("present", presentEnrolments.size()), "Buổi học");
        return id;
    }

    /**
     * Final scores of a learner; when both subjects reach the pass mark the learner completes: the enrolment is
     * marked and the register records literate level 1 (stage 1) or 2 (stage 2) with the class as basis.
     */
    public void assess(CurrentUser user, long classId, long enrolmentId, BigDecimal vietnamese, BigDecimal maths, LocalDate on) {
        LiteracyClass c = writable(user, classId);
        for (BigDecimal v : new BigDecimal[]{vietnamese, maths}) {
            if (v == null || v.signum() < 0 || v.compareTo(BigDecimal.TEN) > 0) {
                throw new InvalidInputProblem(v == vietnamese ? "vietnamese" : "maths", "lit.class.score");
            }
        }
        LocalDate day = on == null ? clock.today() : on;
        Long personId = jdbc.sql("select person_id from lit_enrolment where id = :e and class_id = :c").param("e", enrolmentId)
                .param("c", classId).query(Long.class).optional().orElseThrow(() -> new NotFoundProblem("lit.class.notFound", enrolmentId));
        for (Object[] s : new Object[][]{{"VIETNAMESE", vietnamese}, {"MATHS", maths}}) {
            jdbc.sql("""
                    insert into lit_assessment (enrolment_id, subject, score, assessed_on) values (:e, :s, :v, :d)
                    on conflict (enrolment_id, subject) do update set score = excluded.score, assessed_on = excluded.assessed_on
                    """).param("e", enrolmentId).param("s", s[0]).param("v", s[1]).param("d", day).update();
        }
        BigDecimal pass = indicators.ageRule(day).passScore();
        boolean completed = vietnamese.compareTo(pass) >= 0 && maths.compareTo(pass) >= 0;
        jdbc.sql("update lit_enrolment set result = :r, completed_on = :d where id = :e")
                .param("r", completed ? "COMPLETED" : "NOT_COMPLETED").param("d", completed ? day : null).param("e", enrolmentId).update();
        if (completed && (c.programme().equals("XMC_STAGE1") || c.programme().equals("XMC_STAGE2"))) {
            String status = c.programme().equals("XMC_STAGE2") ? "L2" : "L1";
            String old = jdbc.sql("select literacy_status from lit_person where id = :p").param("p", personId).query(String.class).optional().orElse(null);
            // stage 1 never lowers a person already at level 2
            if (!"L2".equals(old) || status.equals("L2")) {
                jdbc.sql("""
                        update lit_person set literacy_status = :s, literacy_basis = 'CLASS', basis_class_id = :c, version = version + 1,
                               updated_at = now() where id = :p
                        """).param("s", status).param("c", classId).param("p", personId).update();
                if (!status.equals(old)) {
                    jdbc.sql("insert into lit_person_change (person_id, field, old_value, new_value, changed_by) values (:p, 'literacyStatus', :o, :n, :u)")
                            .param("p", personId).param("o", old).param("n", status).param("u", user.username()).update();
                }
            }
        }
        audit.change(AuditAction.UPDATE, "LiteracyEnrolment", enrolmentId, c.communeId(), null,
                Map.of("vietnamese", vietnamese, "maths", maths, "completed", completed), "Đánh giá học viên");
    }

    public void close(CurrentUser user, long classId, long version) {
        LiteracyClass c = writable(user, classId);
        int n = jdbc.sql("update lit_class set closed = true, end_date = coalesce(end_date, :today), version = version + 1 where id = :id and version = :v")
                .param("id", classId).param("v", version).param("today", clock.today()).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("lit.person.concurrent");
        }
        audit.change(AuditAction.UPDATE, "LiteracyClass", classId, c.communeId(), null, Map.of("closed", true), "Kết thúc lớp");
    }

    private LiteracyClass writable(CurrentUser user, long classId) {
        LiteracyClass c = get(user, classId);
        access.requireWritablePersons(user, c.communeId());
        return c;
    }

    public List<Learner> learners(CurrentUser user, long classId) {
        LiteracyClass c = get(user, classId);
        access.requirePersons(user, c.communeId());
        List<Learner> list = jdbc.sql("""
                select e.id, p.id as person_id, p.full_name, coalesce(to_char(p.birth_date, 'DD/MM/YYYY'), p.birth_year::text) as birth, h.name as hamlet,
                       (select score from lit_assessment a where a.enrolment_id = e.id and a.subject = 'VIETNAMESE') as vn,
                       (select score from lit_assessment a where a.enrolment_id = e.id and a.subject = 'MATHS') as ma,
                       (select count(*) from lit_attendance t where t.enrolment_id = e.id and t.present) as present,
                       (select count(*) from lit_session s where s.class_id = e.class_id) as sessions, e.result, e.completed_on
                from lit_enrolment e join lit_person p on p.id = e.person_id join xhht_unit h on h.id = p.hamlet_id
                where e.class_id = :c order by p.full_name
                """).param("c", classId).query((rs, n) -> new Learner(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getLong(8), rs.getLong(9), rs.getString(10),
                rs.getObject(11, LocalDate.class))).list();
        access.logView(c.communeId(), "Danh sách học viên lớp " + classId, list.stream().map(Learner::personId).toList());
        return list;
    }

    /** The class list, or (completedOnly) the certificates of completion, as an official PDF. */
    public void pdf(CurrentUser user, long classId, boolean certificate, OutputStream out) {
        LiteracyClass c = get(user, classId);
        List<Learner> learners = learners(user, classId).stream().filter(l -> !certificate || "COMPLETED".equals(l.result())).toList();
        List<List<String>> rows = new java.util.ArrayList<>();
        int i = 0;
        for (Learner l : learners) {
            rows.add(List.of(String.valueOf(++i), l.fullName(), l.birth(), l.hamletName(),
                    l.vietnamese() == null ? "" : l.vietnamese().toPlainString(), l.maths() == null ? "" : l.maths().toPlainString(),
                    "COMPLETED".equals(l.result()) ? "Hoàn thành" : l.result() == null ? "" : "Chưa hoàn thành"));
        }
        String title = certificate ? "DANH SÁCH CHỨNG NHẬN HOÀN THÀNH CHƯƠNG TRÌNH XÓA MÙ CHỮ" : "DANH SÁCH HỌC VIÊN LỚP XÓA MÙ CHỮ";
        OfficialDocument doc = new OfficialDocument("UBND " + c.communeName().toUpperCase(), "TRUNG TÂM HỌC TẬP CỘNG ĐỒNG",
                "      /DS-TTHTCĐ", c.communeName(), clock.today(), title,
                c.name() + " (" + messages.getMessage("lit.programme." + c.programme(), null, c.programme(), java.util.Locale.forLanguageTag("vi")) + ")",
                List.of(new OfficialDocument.Paragraph((c.name().toLowerCase().startsWith("lớp") ? "" : "Lớp ") + c.name() + ", địa điểm " + (c.venue() == null ? "" : c.venue())
                                + ", giáo viên " + (c.teachers() == null ? "" : c.teachers()) + ", từ " + c.startDate().format(DMY)
                                + (c.endDate() != null ? " đến " + c.endDate().format(DMY) : "") + "."),
                        new OfficialDocument.Table(List.of("STT", "Họ và tên", "Ngày sinh", "Thôn", "Tiếng Việt", "Toán", "Kết quả"), rows),
                        new OfficialDocument.Paragraph("Điểm đạt mỗi môn theo Thông tư 10/2022/TT-BGDĐT: "
                                + indicators.ageRule(clock.today()).passScore().stripTrailingZeros().toPlainString() + " (quy định có thể điều chỉnh).")),
                List.of("Lưu: TTHTCĐ."), new OfficialDocument.Signature("TM. BAN GIÁM ĐỐC", "GIÁM ĐỐC", ""));
        renderer.renderPdf(doc, out);
        access.logExport(c.communeId(), (certificate ? "Chứng nhận hoàn thành lớp " : "Danh sách lớp ") + classId, learners.size());
    }
}
