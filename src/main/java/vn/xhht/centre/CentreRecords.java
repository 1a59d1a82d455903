package vn.xhht.centre;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Texts;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.InvalidInputProblem.Violation;
import vn.xhht.shared.NotFoundProblem;

/**
 * A centre's record beyond its identity: board (a replaced member keeps their term in the history), subcommittees,
 * people and their training, assets, bookcase and lending log, partner organisations, clubs and their members.
 * Rows are ended, not deleted, where history matters.
 */
@Service
@Transactional
public class CentreRecords {

    public enum Position { DIRECTOR, DEPUTY, ACCOUNTANT, TREASURER, MEMBER }

    /** Kinds of partner organisation; LOWER_SECONDARY: a lower-secondary school the centre works with on career guidance (R42). */
    public static final List<String> PARTNER_KINDS = List.of("MASS_ORG", "SCHOOL", "LOWER_SECONDARY", "EXTENSION", "BORDER_POST", "HEALTH", "OTHER");

    public enum PersonRole { TEACHER, SECONDED_TEACHER, REPORTER, INSTRUCTOR, COLLABORATOR }

    public record BoardMember(long id, String fullName, String position, String mainPost, boolean concurrent, BigDecimal allowance,
                              LocalDate termStart, LocalDate termEnd) {
        public boolean current(LocalDate today) {
            return termEnd == null || !termEnd.isBefore(today);
        }
    }

    public record Subcommittee(long id, String name, String members) {
    }

    public record PersonRow(long linkId, long personId, String fullName, String role, String field, String originOrg,
                            LocalDate since, LocalDate until, String trainings, long centres) {
    }

    public record AssetRow(long id, String kind, String item, int quantity, String source, BigDecimal value, String condition) {
    }

    public record BookRow(long id, String title, String author, int copies, int out) {
    }

    public record LoanRow(long id, long bookId, String title, String borrower, LocalDate outOn, LocalDate backOn) {
    }

    public record Partner(long id, String name, String kind) {
    }

    public record ClubRow(long id, String name, String field, LocalDate foundedOn, long members, long sessions) {
    }

    private final JdbcClient jdbc;
    private final CentreRegistry centres;
    private final AuditTrail audit;

    CentreRecords(JdbcClient jdbc, CentreRegistry centres, AuditTrail audit) {
        this.jdbc = jdbc;
        this.centres = centres;
        this.audit = audit;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<BoardMember> board(CurrentUser user, long centreId) {
        centres.require(user, centreId);
        return jdbc.sql("select * from board_member where centre_id = :c order by (term_end is null) desc, position, term_start desc")
                .param("c", centreId).query((rs, n) -> new BoardMember(rs.getLong("id"), rs.getString("full_name"), rs.getString("position"),
                        rs.getString("main_post"), rs.getBoolean("concurrent"), rs.getBigDecimal("allowance"),
                        rs.getObject("term_start", LocalDate.class), rs.getObject("term_end", LocalDate.class))).list();
    }

    @Transactional(readOnly = true)
    public List<Subcommittee> subcommittees(CurrentUser user, long centreId) {
        centres.require(user, centreId);
        return jdbc.sql("select * from subcommittee where centre_id = :c order by name").param("c", centreId)
                .query((rs, n) -> new Subcommittee(rs.getLong("id"), rs.getString("name"), rs.getString("members"))).list();
    }

    @Transactional(readOnly = true)
    public List<PersonRow> people(CurrentUser user, long centreId) {
        centres.require(user, centreId);
        return jdbc.sql("""
                select cp.id as link_id, p.id, p.full_name, cp.role, p.field, p.origin_org, cp.since, cp.until,
                       (select string_agg(t.course || ' (' || to_char(t.held_on, 'MM/YYYY') || ')', '; ' order by t.held_on)
                          from training t where t.person_id = p.id) as trainings,
                       (select count(distinct x.centre_id) from centre_person x where x.person_id = p.id) as centres
                from centre_person cp join person p on p.id = cp.person_id
                where cp.centre_id = :c order by (cp.until is null) desc, cp.role, p.full_name
                """).param("c", centreId).query((rs, n) -> new PersonRow(rs.getLong("link_id"), rs.getLong("id"), rs.getString("full_name"),
                rs.getString("role"), rs.getString("field"), rs.getString("origin_org"), rs.getObject("since", LocalDate.class),
                rs.getObject("until", LocalDate.class), rs.getString("trainings"), rs.getLong("centres"))).list();
    }

    @Transactional(readOnly = true)
    public List<AssetRow> assets(CurrentUser user, long centreId) {
        centres.require(user, centreId);
        return jdbc.sql("select * from asset where centre_id = :c order by kind, item").param("c", centreId)
                .query((rs, n) -> new AssetRow(rs.getLong("id"), rs.getString("kind"), rs.getString("item"), rs.getInt("quantity"),
                        rs.getString("source"), rs.getBigDecimal("value"), rs.getString("condition"))).list();
    }

    @Transactional(readOnly = true)
    public List<BookRow> books(CurrentUser user, long centreId) {
        centres.require(user, centreId);
        return jdbc.sql("""
                select b.*, (select count(*) from book_loan l where l.book_id = b.id and l.back_on is null) as out_count
                from book b where b.centre_id = :c order by b.title
                """).param("c", centreId).query((rs, n) -> new BookRow(rs.getLong("id"), rs.getString("title"), rs.getString("author"),
                rs.getInt("copies"), rs.getInt("out_count"))).list();
    }

    @Transactional(readOnly = true)
    public List<LoanRow> loans(CurrentUser user, long centreId) {
        centres.require(user, centreId);
        return jdbc.sql("""
                select l.*, b.title from book_loan l join book b on b.id = l.book_id
                where b.centre_id = :c order by (l.back_on is null) desc, l.out_on desc limit 100
                """).param("c", centreId).query((rs, n) -> new LoanRow(rs.getLong("id"), rs.getLong("book_id"), rs.getString("title"),
                rs.getString("borrower"), rs.getObject("out_on", LocalDate.class), rs.getObject("back_on", LocalDate.class))).list();
    }

    @Transactional(readOnly = true)
    public List<Partner> partners(CurrentUser user, long centreId) {
        Centre c = centres.require(user, centreId);
        return jdbc.sql("select * from partner_org where unit_id = :u order by kind, name").param("u", c.communeId())
                .query((rs, n) -> new Partner(rs.getLong("id"), rs.getString("name"), rs.getString("kind"))).list();
    }

    @Transactional(readOnly = true)
    public List<ClubRow> clubs(CurrentUser user, long centreId) {
        centres.require(user, centreId);
        return jdbc.sql("""
                select k.*, (select count(*) from club_member m where m.club_id = k.id and m.left_on is null) as members,
                       (select count(*) from activity a where a.club_id = k.id) as sessions
                from club k where k.centre_id = :c order by k.name
                """).param("c", centreId).query((rs, n) -> new ClubRow(rs.getLong("id"), rs.getString("name"), rs.getString("field"),
                rs.getObject("founded_on", LocalDate.class), rs.getLong("members"), rs.getLong("sessions"))).list();
    }

    // ---- changing ------------------------------------------------------------------------------------------

    /** Adds a board member; a new director or deputy can replace a current one, whose term then ends the day before. */
    public long addBoardMember(CurrentUser user, long centreId, String fullName, String position, String mainPost, boolean concurrent,
                               BigDecimal allowance, LocalDate termStart, Long replacesId) {
        Centre c = editable(user, centreId);
        List<Violation> v = new ArrayList<>();
        required(v, "fullName", fullName);
        if (position == null || java.util.Arrays.stream(Position.values()).noneMatch(p -> p.name().equals(position))) {
            v.add(new Violation("position", "record.position.invalid"));
        }
        if (termStart == null) {
            v.add(new Violation("termStart", "record.date.required"));
        }
        if (allowance != null && allowance.signum() < 0) {
            v.add(new Violation("allowance", "activity.breakdown.negative"));
        }
        InputRules.maxLength(v, "fullName", fullName, TextLimits.BOARD_MEMBER__FULL_NAME);
        InputRules.maxLength(v, "mainPost", mainPost, TextLimits.BOARD_MEMBER__MAIN_POST);
        InputRules.amount(v, "allowance", allowance);
        throwIf(v);
        if (replacesId != null) {
            int n = jdbc.sql("update board_member set term_end = :end where id = :id and centre_id = :c and term_end is null and term_start < :start")
                    .param("end", termStart.minusDays(1)).param("id", replacesId).param("c", centreId).param("start", termStart).update();
            if (n == 0) {
                throw new InvalidInputProblem("replacesId", "record.replace.invalid");
            }
        }
        long id = jdbc.sql("""
                insert into board_member (centre_id, full_name, position, main_post, concurrent, allowance, term_start)
                values (:c, :n, :p, :m, :conc, :a, :s) returning id
                """).param("c", centreId).param("n", fullName.strip()).param("p", position).param("m", Texts.orNull(mainPost))
                .param("conc", concurrent).param("a", allowance).param("s", termStart).query(Long.class).single();
        log(c, "BoardMember", id, Map.of("fullName", fullName.strip(), "position", position, "replaces", replacesId == null ? 0 : replacesId),
                "Ban giám đốc: " + fullName.strip());
        return id;
    }

    public void endBoardTerm(CurrentUser user, long centreId, long memberId, LocalDate termEnd) {
        Centre c = editable(user, centreId);
        if (termEnd == null) {
            throw new InvalidInputProblem("termEnd", "record.date.required");
        }
        int n = jdbc.sql("update board_member set term_end = :e where id = :id and centre_id = :c and term_end is null and term_start <= :e")
                .param("e", termEnd).param("id", memberId).param("c", centreId).update();
        if (n == 0) {
            throw new InvalidInputProblem("termEnd", "record.term.invalid");
        }
        log(c, "BoardMember", memberId, Map.of("termEnd", termEnd.toString()), "Kết thúc nhiệm kỳ");
    }

    public long addSubcommittee(CurrentUser user, long centreId, String name, String members) {
        Centre c = editable(user, centreId);
        List<Violation> v = new ArrayList<>();
        required(v, "name", name);
        InputRules.maxLength(v, "name", name, TextLimits.SUBCOMMITTEE__NAME);
        InputRules.maxLength(v, "members", members, TextLimits.SUBCOMMITTEE__MEMBERS);
        throwIf(v);
        long id = jdbc.sql("insert into subcommittee (centre_id, name, members) values (:c, :n, :m) returning id")
                .param("c", centreId).param("n", name.strip()).param("m", Texts.orNull(members)).query(Long.class).single();
        log(c, "Subcommittee", id, Map.of("name", name.strip()), "Tiểu ban " + name.strip());
        return id;
    }

    /** Links a person (found by name and origin in the province, or created) to the centre in a role. */
    public long addPerson(CurrentUser user, long centreId, String fullName, String role, String field, String originOrg, LocalDate since) {
        Centre c = editable(user, centreId);
        List<Violation> v = new ArrayList<>();
        required(v, "fullName", fullName);
        if (role == null || java.util.Arrays.stream(PersonRole.values()).noneMatch(r -> r.name().equals(role))) {
            v.add(new Violation("role", "record.role.invalid"));
        }
        InputRules.maxLength(v, "fullName", fullName, TextLimits.PERSON__FULL_NAME);
        InputRules.maxLength(v, "field", field, TextLimits.PERSON__FIELD);
        InputRules.maxLength(v, "originOrg", originOrg, TextLimits.PERSON__ORIGIN_ORG);
        throwIf(v);
        String name = fullName.strip();
        Long personId = jdbc.sql("""
                select id from person where province_id = :p and lower(full_name) = lower(:n) and coalesce(origin_org, '') = coalesce(:o, '')
                order by id limit 1
                """).param("p", c.provinceId()).param("n", name).param("o", Texts.orNull(originOrg)).query(Long.class).optional().orElse(null);
        if (personId == null) {
            personId = jdbc.sql("insert into person (province_id, full_name, field, origin_org) values (:p, :n, :f, :o) returning id")
                    .param("p", c.provinceId()).param("n", name).param("f", Texts.orNull(field)).param("o", Texts.orNull(originOrg)).query(Long.class).single();
        }
        long pid = personId;
        boolean exists = jdbc.sql("select exists (select 1 from centre_person where centre_id = :c and person_id = :p and role = :r)")
                .param("c", centreId).param("p", pid).param("r", role).query(Boolean.class).single();
        if (exists) {
            throw new InvalidInputProblem("fullName", "record.person.duplicate", name);
        }
        long link = jdbc.sql("insert into centre_person (centre_id, person_id, role, since) values (:c, :p, :r, :s) returning id")
                .param("c", centreId).param("p", pid).param("r", role).param("s", since).query(Long.class).single();
        log(c, "CentrePerson", link, Map.of("person", name, "role", role), "Người tham gia: " + name);
        return pid;
    }

    public void addTraining(CurrentUser user, long centreId, long personId, String course, String organiser, LocalDate heldOn) {
        Centre c = editable(user, centreId);
        if (!jdbc.sql("select exists (select 1 from centre_person where centre_id = :c and person_id = :p)").param("c", centreId)
                .param("p", personId).query(Boolean.class).single()) {
            throw new NotFoundProblem("record.notFound", personId);
        }
        List<Violation> v = new ArrayList<>();
        required(v, "course", course);
        if (heldOn == null) {
            v.add(new Violation("heldOn", "record.date.required"));
        }
        InputRules.maxLength(v, "course", course, TextLimits.TRAINING__COURSE);
        InputRules.maxLength(v, "organiser", organiser, TextLimits.TRAINING__ORGANISER);
        throwIf(v);
        long id = jdbc.sql("insert into training (person_id, course, organiser, held_on) values (:p, :c, :o, :h) returning id")
                .param("p", personId).param("c", course.strip()).param("o", Texts.orNull(organiser)).param("h", heldOn).query(Long.class).single();
        log(c, "Training", id, Map.of("personId", personId, "course", course.strip()), "Bồi dưỡng: " + course.strip());
    }

    public long addAsset(CurrentUser user, long centreId, String kind, String item, Integer quantity, String source, BigDecimal value,
                         String condition) {
        Centre c = editable(user, centreId);
        List<Violation> v = new ArrayList<>();
        required(v, "item", item);
        if (quantity == null || quantity < 0) {
            v.add(new Violation("quantity", "record.quantity.invalid"));
        }
        if (value != null && value.signum() < 0) {
            v.add(new Violation("value", "activity.breakdown.negative"));
        }
        if ((kind == null || !List.of("ROOM", "EQUIPMENT", "OTHER").contains(kind))) {
            v.add(new Violation("kind", "record.kind.invalid"));
        }
        if ((condition == null || !List.of("GOOD", "FAIR", "POOR", "BROKEN").contains(condition))) {
            v.add(new Violation("condition", "record.kind.invalid"));
        }
        InputRules.maxLength(v, "item", item, TextLimits.ASSET__ITEM);
        InputRules.maxLength(v, "source", source, TextLimits.ASSET__SOURCE);
        InputRules.amount(v, "value", value);
        InputRules.count(v, "quantity", quantity);
        throwIf(v);
        long id = jdbc.sql("""
                insert into asset (centre_id, kind, item, quantity, source, value, condition) values (:c, :k, :i, :q, :s, :v, :cond) returning id
                """).param("c", centreId).param("k", kind).param("i", item.strip()).param("q", quantity).param("s", Texts.orNull(source))
                .param("v", value).param("cond", condition).query(Long.class).single();
        log(c, "Asset", id, Map.of("item", item.strip(), "quantity", quantity), "Tài sản: " + item.strip());
        return id;
    }

    public long addBook(CurrentUser user, long centreId, String title, String author, Integer copies) {
        Centre c = editable(user, centreId);
        List<Violation> v = new ArrayList<>();
        required(v, "title", title);
        if (copies == null || copies < 1) {
            v.add(new Violation("copies", "record.quantity.invalid"));
        }
        InputRules.maxLength(v, "title", title, TextLimits.BOOK__TITLE);
        InputRules.maxLength(v, "author", author, TextLimits.BOOK__AUTHOR);
        InputRules.count(v, "copies", copies);
        throwIf(v);
        long id = jdbc.sql("insert into book (centre_id, title, author, copies) values (:c, :t, :a, :n) returning id")
                .param("c", centreId).param("t", title.strip()).param("a", Texts.orNull(author)).param("n", copies).query(Long.class).single();
        log(c, "Book", id, Map.of("title", title.strip()), "Tủ sách: " + title.strip());
        return id;
    }

    /** Lends a copy; refused when every copy is out. */
    public long lend(CurrentUser user, long centreId, long bookId, String borrower, LocalDate outOn) {
        Centre c = editable(user, centreId);
        var book = jdbc.sql("select copies, (select count(*) from book_loan l where l.book_id = b.id and l.back_on is null) as out_count from book b where b.id = :b and b.centre_id = :c")
                .param("b", bookId).param("c", centreId).query((rs, n) -> new int[]{rs.getInt("copies"), rs.getInt("out_count")}).optional()
                .orElseThrow(() -> new NotFoundProblem("record.notFound", bookId));
        List<Violation> v = new ArrayList<>();
        required(v, "borrower", borrower);
        if (outOn == null) {
            v.add(new Violation("outOn", "record.date.required"));
        }
        if (book[1] >= book[0]) {
            v.add(new Violation("bookId", "record.book.allOut"));
        }
        InputRules.maxLength(v, "borrower", borrower, TextLimits.BOOK_LOAN__BORROWER);
        throwIf(v);
        long id = jdbc.sql("insert into book_loan (book_id, borrower, out_on) values (:b, :w, :o) returning id")
                .param("b", bookId).param("w", borrower.strip()).param("o", outOn).query(Long.class).single();
        log(c, "BookLoan", id, Map.of("bookId", bookId, "outOn", outOn.toString()), "Cho mượn sách");
        return id;
    }

    public void giveBack(CurrentUser user, long centreId, long loanId, LocalDate backOn) {
        Centre c = editable(user, centreId);
        if (backOn == null) {
            throw new InvalidInputProblem("backOn", "record.date.required");
        }
        int n = jdbc.sql("""
                update book_loan l set back_on = :d from book b
                where l.id = :id and b.id = l.book_id and b.centre_id = :c and l.back_on is null and l.out_on <= :d
                """).param("d", backOn).param("id", loanId).param("c", centreId).update();
        if (n == 0) {
            throw new InvalidInputProblem("backOn", "record.loan.invalid");
        }
        log(c, "BookLoan", loanId, Map.of("backOn", backOn.toString()), "Trả sách");
    }

    public long addPartner(CurrentUser user, long centreId, String name, String kind) {
        Centre c = editable(user, centreId);
        List<Violation> v = new ArrayList<>();
        required(v, "name", name);
        if ((kind == null || !PARTNER_KINDS.contains(kind))) {
            v.add(new Violation("kind", "record.kind.invalid"));
        }
        if ("BORDER_POST".equals(kind)) {
            // border-guard posts are one list per province in the outreach module (moved there by V210), so that
            // programmes and schedules choose the same post; a commune's own copy here would drift from it
            v.add(new Violation("kind", "w16.partner.borderPost.moved"));
        }
        InputRules.maxLength(v, "name", name, TextLimits.PARTNER_ORG__NAME);
        throwIf(v);
        long id = jdbc.sql("insert into partner_org (unit_id, name, kind) values (:u, :n, :k) returning id")
                .param("u", c.communeId()).param("n", name.strip()).param("k", kind).query(Long.class).single();
        log(c, "PartnerOrg", id, Map.of("name", name.strip(), "kind", kind), "Đơn vị phối hợp: " + name.strip());
        return id;
    }

    public long addClub(CurrentUser user, long centreId, String name, String field, LocalDate foundedOn) {
        Centre c = editable(user, centreId);
        List<Violation> v = new ArrayList<>();
        required(v, "name", name);
        InputRules.maxLength(v, "name", name, TextLimits.CLUB__NAME);
        InputRules.maxLength(v, "field", field, TextLimits.CLUB__FIELD);
        throwIf(v);
        long id = jdbc.sql("insert into club (centre_id, name, field, founded_on) values (:c, :n, :f, :d) returning id")
                .param("c", centreId).param("n", name.strip()).param("f", Texts.orNull(field)).param("d", foundedOn).query(Long.class).single();
        log(c, "Club", id, Map.of("name", name.strip()), "Câu lạc bộ " + name.strip());
        return id;
    }

    public long addClubMember(CurrentUser user, long centreId, long clubId, String fullName, String sex, LocalDate joinedOn) {
        Centre c = editable(user, centreId);
        if (!jdbc.sql("select exists (select 1 from club where id = :k and centre_id = :c)").param("k", clubId).param("c", centreId)
                .query(Boolean.class).single()) {
            throw new NotFoundProblem("record.notFound", clubId);
        }
        List<Violation> v = new ArrayList<>();
        required(v, "fullName", fullName);
        if (joinedOn == null) {
            v.add(new Violation("joinedOn", "record.date.required"));
        }
        InputRules.maxLength(v, "fullName", fullName, TextLimits.CLUB_MEMBER__FULL_NAME);
        throwIf(v);
        long id = jdbc.sql("insert into club_member (club_id, full_name, sex, joined_on) values (:k, :n, :s, :j) returning id")
                .param("k", clubId).param("n", fullName.strip()).param("s", "MALE".equals(sex) || "FEMALE".equals(sex) ? sex : null)
                .param("j", joinedOn).query(Long.class).single();
        log(c, "ClubMember", id, Map.of("clubId", clubId, "fullName", fullName.strip()), "Hội viên câu lạc bộ");
        return id;
    }

    private Centre editable(CurrentUser user, long centreId) {
        Centre c = centres.require(user, centreId);
        if (!centres.canEdit(user, c)) {
            throw new AccessDeniedProblem("centre.cannotEdit");
        }
        return c;
    }

    private void log(Centre c, String type, long id, Map<String, ?> after, String summary) {
        audit.change(AuditAction.CREATE, type, id, c.communeId(), null, new LinkedHashMap<>(after), summary);
    }

    private static void required(List<Violation> v, String field, String value) {
        if (value == null || value.isBlank()) {
            v.add(new Violation(field, "record.required"));
        } else if (value.length() > 300) {
            v.add(new Violation(field, "record.tooLong"));
        }
    }

    private static void throwIf(List<Violation> v) {
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
    }

}
