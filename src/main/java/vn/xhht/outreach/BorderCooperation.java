package vn.xhht.outreach;

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
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.InvalidInputProblem.Violation;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.Texts;

/**
 * Border cooperation (R44): border-guard posts as organisations with the border communes they cover (dated links),
 * cooperation programmes between an office and the border guard, joint models with the children and households they
 * support (blank is "not reported", not 0), and schedule items coordinated by a post chosen from the list.
 */
@Service
@Transactional
public class BorderCooperation {

    public enum ModelKind { ADOPT_CHILD, SCHOOL_SUPPORT, OTHER }

    public record Coverage(long id, long communeId, String communeName, LocalDate validFrom, LocalDate validTo) {
    }

    public record Post(long id, long unitId, String unitName, String name, String address, List<Coverage> communes, long version) {
    }

    public record Model(long id, ModelKind kind, String name, Long postId, String postName, Long communeId, String communeName, int year,
                        Integer children, Integer households) {
    }

    public record ScheduleItem(long id, long postId, String postName, LocalDate heldOn, String title, Long communeId, String communeName) {
    }

    public record Programme(long id, long unitId, String unitName, String number, String title, String parties, LocalDate startsOn,
                            LocalDate endsOn, List<Model> models, List<ScheduleItem> schedule, long version) {
    }

    public record ProgrammeForm(Long unitId, String number, String title, String parties, LocalDate startsOn, LocalDate endsOn, Long version) {
    }

    public record ModelForm(ModelKind kind, String name, Long postId, Long communeId, Integer year, Integer children, Integer households) {
    }

    public record ScheduleForm(Long postId, LocalDate heldOn, String title, Long communeId) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final AuditTrail audit;

    BorderCooperation(JdbcClient jdbc, OrgUnitDirectory units, AuditTrail audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
    }

    // ---- posts

    @Transactional(readOnly = true)
    public List<Post> posts(CurrentUser user) {
        List<Post> heads = jdbc.sql("""
                select p.*, u.name as unit_name from border_post p join xhht_unit u on u.id = p.unit_id
                where p.unit_id in (select id from xhht_read_scope(:scope)) order by p.name, p.id
                """).param("scope", user.unitId()).query((rs, n) -> new Post(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                rs.getString("name"), rs.getString("address"), List.of(), rs.getLong("version"))).list();
        return heads.stream().map(p -> new Post(p.id(), p.unitId(), p.unitName(), p.name(), p.address(), coverage(p.id()), p.version())).toList();
    }

    @Transactional(readOnly = true)
    public Post post(CurrentUser user, long id) {
        Post p = jdbc.sql("select p.*, u.name as unit_name from border_post p join xhht_unit u on u.id = p.unit_id where p.id = :id")
                .param("id", id).query((rs, n) -> new Post(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                        rs.getString("name"), rs.getString("address"), List.of(), rs.getLong("version"))).optional()
                .orElseThrow(() -> new NotFoundProblem("outreach.post.notFound", id));
        if (!units.canRead(user, p.unitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return new Post(p.id(), p.unitId(), p.unitName(), p.name(), p.address(), coverage(id), p.version());
    }

    private List<Coverage> coverage(long postId) {
        return jdbc.sql("""
                select c.*, u.name as commune_name from border_post_commune c join xhht_unit u on u.id = c.commune_id
                where c.post_id = :p order by c.valid_from, u.name
                """).param("p", postId).query((rs, n) -> new Coverage(rs.getLong("id"), rs.getLong("commune_id"), rs.getString("commune_name"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class))).list();
    }

    public long createPost(CurrentUser user, Long unitId, String name, String address) {
        List<Violation> v = new ArrayList<>();
        String n = Texts.orNull(name);
        String a = Texts.orNull(address);
        if (n == null) {
            v.add(new Violation("name", "outreach.post.name.required"));
        }
        InputRules.maxLength(v, "name", n, TextLimits.BORDER_POST__NAME);
        InputRules.maxLength(v, "address", a, TextLimits.BORDER_POST__ADDRESS);
        if (unitId == null) {
            v.add(new Violation("unitId", "outreach.unit.required"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        writableUnit(user, unitId, "unitId");
        long id = jdbc.sql("insert into border_post (unit_id, name, address) values (:u, :n, :a) returning id")
                .param("u", unitId).param("n", n).param("a", a).query(Long.class).single();
        audit.change(AuditAction.CREATE, "BorderPost", id, unitId, null, Map.of("name", n), "Đồn Biên phòng " + n);
        return id;
    }

    /** Links a border commune of the post's area to the post from a date (until a date, or open). */
    public void cover(CurrentUser user, long postId, Long communeId, LocalDate from, LocalDate to) {
        Post p = post(user, postId);
        units.checkWritable(user, p.unitId());
        List<Violation> v = new ArrayList<>();
        if (communeId == null) {
            v.add(new Violation("communeId", "outreach.post.commune.required"));
        }
        if (from == null) {
            v.add(new Violation("validFrom", "outreach.post.from.required"));
        }
        InputRules.date(v, "validFrom", from);
        InputRules.date(v, "validTo", to);
        if (from != null && to != null && to.isBefore(from)) {
            v.add(new Violation("validTo", "outreach.dates.endBeforeStart"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        OrgUnit c = writableUnit(user, communeId, "communeId");
        if (c.level() != OrgUnit.COMMUNE || !units.within(vn.xhht.orgunit.UnitScope.SUBTREE, p.unitId(), c.id())) {
            throw new InvalidInputProblem("communeId", "outreach.post.commune.notInArea");
        }
        if (!c.borderCommune()) {
            throw new InvalidInputProblem("communeId", "outreach.post.commune.notBorder", c.name());
        }
        jdbc.sql("insert into border_post_commune (post_id, commune_id, valid_from, valid_to) values (:p, :c, :f, :t)")
                .param("p", postId).param("c", c.id()).param("f", from).param("t", to).update();
        jdbc.sql("update border_post set version = version + 1 where id = :id").param("id", postId).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("commune", c.name());
        after.put("from", from.toString());
        after.put("to", to == null ? null : to.toString());
        audit.change(AuditAction.UPDATE, "BorderPost", postId, p.unitId(), null, after, "Đồn " + p.name() + " phụ trách " + c.name());
    }

    // ---- programmes

    @Transactional(readOnly = true)
    public List<Programme> programmes(CurrentUser user) {
        return jdbc.sql(PROGRAMME + " where p.unit_id in (select id from xhht_read_scope(:scope)) order by p.starts_on desc, p.id desc")
                .param("scope", user.unitId()).query((rs, n) -> programme(rs, List.of(), List.of())).list();
    }

    @Transactional(readOnly = true)
    public Programme programme(CurrentUser user, long id) {
        Programme p = jdbc.sql(PROGRAMME + " where p.id = :id").param("id", id).query((rs, n) -> programme(rs, models(id), schedule(id)))
                .optional().orElseThrow(() -> new NotFoundProblem("outreach.programme.notFound", id));
        if (!units.canRead(user, p.unitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return p;
    }

    public boolean canEdit(CurrentUser user, long unitId) {
        return units.canWrite(user, unitId);
    }

    public long createProgramme(CurrentUser user, ProgrammeForm f) {
        ProgrammeForm c = check(user, f);
        long id = jdbc.sql("""
                insert into coop_programme (unit_id, number, title, parties, starts_on, ends_on, created_by)
                values (:u, :number, :title, :parties, :s, :e, :by) returning id
                """).param("u", c.unitId()).param("number", c.number()).param("title", c.title()).param("parties", c.parties())
                .param("s", c.startsOn()).param("e", c.endsOn()).param("by", user.username()).query(Long.class).single();
        audit.change(AuditAction.CREATE, "CoopProgramme", id, c.unitId(), null, fields(c), "Chương trình phối hợp " + c.number());
        return id;
    }

    public void updateProgramme(CurrentUser user, long id, ProgrammeForm f) {
        Programme old = programme(user, id);
        units.checkWritable(user, old.unitId());
        ProgrammeForm c = check(user, new ProgrammeForm(old.unitId(), f.number(), f.title(), f.parties(), f.startsOn(), f.endsOn(), f.version()));
        int n = jdbc.sql("""
                update coop_programme set number = :number, title = :title, parties = :parties, starts_on = :s, ends_on = :e,
                       version = version + 1, updated_at = now() where id = :id and version = :v
                """).param("number", c.number()).param("title", c.title()).param("parties", c.parties()).param("s", c.startsOn())
                .param("e", c.endsOn()).param("id", id).param("v", f.version() == null ? old.version() : f.version()).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("CoopProgramme " + id);
        }
        audit.change(AuditAction.UPDATE, "CoopProgramme", id, old.unitId(), fields(new ProgrammeForm(old.unitId(), old.number(), old.title(),
                old.parties(), old.startsOn(), old.endsOn(), null)), fields(c), "Sửa chương trình phối hợp " + c.number());
    }

    public long addModel(CurrentUser user, long programmeId, ModelForm f) {
        Programme p = programme(user, programmeId);
        units.checkWritable(user, p.unitId());
        List<Violation> v = new ArrayList<>();
        String name = Texts.orNull(f.name());
        if (f.kind() == null) {
            v.add(new Violation("kind", "outreach.model.kind.required"));
        }
        if (name == null) {
            v.add(new Violation("name", "outreach.model.name.required"));
        }
        InputRules.maxLength(v, "name", name, TextLimits.COOP_MODEL__NAME);
        if (f.year() == null || f.year() < 2000 || f.year() > 2100) {
            v.add(new Violation("year", "outreach.year.invalid"));
        }
        InputRules.count(v, "children", f.children());
        InputRules.count(v, "households", f.households());
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        Long post = f.postId() == null ? null : postOf(user, p, f.postId());
        Long commune = f.communeId() == null ? null : communeOf(user, p, f.communeId());
        long id = jdbc.sql("""
                insert into coop_model (programme_id, kind, name, post_id, commune_id, model_year, children, households)
                values (:p, :k, :n, :post, :c, :y, :ch, :hh) returning id
                """).param("p", programmeId).param("k", f.kind().name()).param("n", name).param("post", post).param("c", commune)
                .param("y", f.year()).param("ch", f.children()).param("hh", f.households()).query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", f.kind().name());
        after.put("name", name);
        after.put("children", f.children());
        after.put("households", f.households());
        audit.change(AuditAction.CREATE, "CoopModel", id, p.unitId(), null, after, "Mô hình " + name);
        return id;
    }

    public long addScheduleItem(CurrentUser user, long programmeId, ScheduleForm f) {
        Programme p = programme(user, programmeId);
        units.checkWritable(user, p.unitId());
        List<Violation> v = new ArrayList<>();
        String title = Texts.orNull(f.title());
        if (f.postId() == null) {
            v.add(new Violation("postId", "outreach.schedule.post.required"));
        }
        if (f.heldOn() == null) {
            v.add(new Violation("heldOn", "outreach.schedule.date.required"));
        }
        InputRules.date(v, "heldOn", f.heldOn());
        if (title == null) {
            v.add(new Violation("title", "outreach.schedule.title.required"));
        }
        InputRules.maxLength(v, "title", title, TextLimits.COOP_SCHEDULE_ITEM__TITLE);
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        long post = postOf(user, p, f.postId());
        Long commune = f.communeId() == null ? null : communeOf(user, p, f.communeId());
        long id = jdbc.sql("""
                insert into coop_schedule_item (programme_id, post_id, held_on, title, commune_id) values (:p, :post, :d, :t, :c) returning id
                """).param("p", programmeId).param("post", post).param("d", f.heldOn()).param("t", title).param("c", commune)
                .query(Long.class).single();
        audit.change(AuditAction.CREATE, "CoopScheduleItem", id, p.unitId(), null,
                Map.of("postId", post, "heldOn", f.heldOn().toString(), "title", title), "Lịch phối hợp: " + title);
        return id;
    }

    /** A post the user may read, in the programme's area (posts are chosen, never typed). */
    private long postOf(CurrentUser user, Programme p, long postId) {
        Post post;
        try {
            post = post(user, postId);
        } catch (NotFoundProblem | AccessDeniedProblem e) {
            throw new InvalidInputProblem("postId", "outreach.schedule.post.unknown");
        }
        if (!units.within(vn.xhht.orgunit.UnitScope.READ, p.unitId(), post.unitId())
                && !units.within(vn.xhht.orgunit.UnitScope.READ, post.unitId(), p.unitId())) {
            throw new InvalidInputProblem("postId", "outreach.schedule.post.unknown");
        }
        return post.id();
    }

    private long communeOf(CurrentUser user, Programme p, long communeId) {
        OrgUnit c = writableUnit(user, communeId, "communeId");
        if (!units.within(vn.xhht.orgunit.UnitScope.SUBTREE, p.unitId(), c.id())) {
            throw new InvalidInputProblem("communeId", "outreach.unit.outOfArea");
        }
        return c.id();
    }

    private OrgUnit writableUnit(CurrentUser user, long unitId, String field) {
        OrgUnit u = units.find(unitId).orElseThrow(() -> new InvalidInputProblem(field, "outreach.unit.unknown"));
        if (!units.canWrite(user, u.id())) {
            throw new InvalidInputProblem(field, "outreach.unit.outOfArea");
        }
        return u;
    }

    private ProgrammeForm check(CurrentUser user, ProgrammeForm f) {
        List<Violation> v = new ArrayList<>();
        String number = Texts.orNull(f.number());
        String title = Texts.orNull(f.title());
        String parties = Texts.orNull(f.parties());
        if (f.unitId() == null) {
            v.add(new Violation("unitId", "outreach.unit.required"));
        }
        if (number == null) {
            v.add(new Violation("number", "outreach.programme.number.required"));
        }
        InputRules.maxLength(v, "number", number, TextLimits.COOP_PROGRAMME__NUMBER);
        if (title == null) {
            v.add(new Violation("title", "outreach.programme.title.required"));
        }
        InputRules.maxLength(v, "title", title, TextLimits.COOP_PROGRAMME__TITLE);
        if (parties == null) {
            v.add(new Violation("parties", "outreach.programme.parties.required"));
        }
        InputRules.maxLength(v, "parties", parties, TextLimits.COOP_PROGRAMME__PARTIES);
        if (f.startsOn() == null) {
            v.add(new Violation("startsOn", "outreach.programme.startsOn.required"));
        }
        if (f.endsOn() == null) {
            v.add(new Violation("endsOn", "outreach.programme.endsOn.required"));
        }
        InputRules.date(v, "startsOn", f.startsOn());
        InputRules.date(v, "endsOn", f.endsOn());
        if (f.startsOn() != null && f.endsOn() != null && f.endsOn().isBefore(f.startsOn())) {
            v.add(new Violation("endsOn", "outreach.dates.endBeforeStart"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        OrgUnit u = writableUnit(user, f.unitId(), "unitId");
        return new ProgrammeForm(u.id(), number, title, parties, f.startsOn(), f.endsOn(), f.version());
    }

    private static Map<String, Object> fields(ProgrammeForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", f.number());
        m.put("title", f.title());
        m.put("parties", f.parties());
        m.put("startsOn", String.valueOf(f.startsOn()));
        m.put("endsOn", String.valueOf(f.endsOn()));
        return m;
    }

    private List<Model> models(long programmeId) {
        return jdbc.sql("""
                select m.*, p.name as post_name, u.name as commune_name from coop_model m
                left join border_post p on p.id = m.post_id left join xhht_unit u on u.id = m.commune_id
                where m.programme_id = :p order by m.model_year, m.id
                """).param("p", programmeId).query((rs, n) -> new Model(rs.getLong("id"), ModelKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getObject("post_id", Long.class), rs.getString("post_name"), rs.getObject("commune_id", Long.class), rs.getString("commune_name"),
                rs.getInt("model_year"), rs.getObject("children", Integer.class), rs.getObject("households", Integer.class))).list();
    }

    private List<ScheduleItem> schedule(long programmeId) {
        return jdbc.sql("""
                select s.*, p.name as post_name, u.name as commune_name from coop_schedule_item s
                join border_post p on p.id = s.post_id left join xhht_unit u on u.id = s.commune_id
                where s.programme_id = :p order by s.held_on, s.id
                """).param("p", programmeId).query((rs, n) -> new ScheduleItem(rs.getLong("id"), rs.getLong("post_id"), rs.getString("post_name"),
                rs.getObject("held_on", LocalDate.class), rs.getString("title"), rs.getObject("commune_id", Long.class),
                rs.getString("commune_name"))).list();
    }

    private static final String PROGRAMME = "select p.*, u.name as unit_name from coop_programme p join xhht_unit u on u.id = p.unit_id";

    private static Programme programme(java.sql.ResultSet rs, List<Model> models, List<ScheduleItem> schedule) throws java.sql.SQLException {
        return new Programme(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("number"), rs.getString("title"),
                rs.getString("parties"), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), models, schedule,
                rs.getLong("version"));
    }
}
