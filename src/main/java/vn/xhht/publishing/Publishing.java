package vn.xhht.publishing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.evidence.EvidenceFile;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.evidence.FileKind;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.review.Review;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.InvalidInputProblem.Violation;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.TextLimits;

/**
 * What offices publish for their area: news, stories of exemplary people and models, corrections of violations.
 * A draft is approved by another officer of the same office (the head; never the one who submitted it) through
 * the shared review workflow, and is public from then until it is withdrawn with a reason. Every change is a new
 * version row and an audit line; withdrawn items leave the public pages and the sitemap at once because every
 * public query asks for {@code status = 'PUBLISHED'}.
 */
@Service
@Transactional
public class Publishing {

    public static final String SUBJECT = "PublishedItem";
    static final String PHOTO_OWNER = "PublishedItem";
    static final Set<FileKind> PHOTO_KINDS = EnumSet.of(FileKind.JPEG, FileKind.PNG, FileKind.WEBP, FileKind.GIF);
    static final Set<Role> APPROVERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER, Role.COMMUNE_OFFICER);

    public enum Kind { NEWS, STORY, CORRECTION }

    /** What an office types; every field may be missing or wrong and is checked here. */
    public record Draft(String kind, String title, String summary, String body, String subjectUnit, Integer subjectYear) {
    }

    public record Item(long id, long unitId, String unitName, String kind, String title, String summary, String body,
                       String subjectUnit, Integer subjectYear, String status, String reviewStatus, String withdrawnReason,
                       OffsetDateTime publishedAt, int version, List<Long> photoIds) {
    }

    public record Version(int version, String title, String status, String note, String changedBy, OffsetDateTime changedAt) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final ReviewWorkflow reviews;
    private final EvidenceStore evidence;
    private final AuditTrail audit;

    Publishing(JdbcClient jdbc, OrgUnitDirectory units, ReviewWorkflow reviews, EvidenceStore evidence, AuditTrail audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.reviews = reviews;
        this.evidence = evidence;
        this.audit = audit;
    }

    /** A new draft of {@code unitId} (the office's own area only), with its photos (images only). */
    public Item create(CurrentUser user, long unitId, Draft d, List<EvidenceStore.Upload> photos) {
        return create(user, unitId, d, photos, List.of());
    }

    /** As {@link #create}, adopting the photos kept from an earlier refused attempt ({@link #keepPhotos}). */
    public Item create(CurrentUser user, long unitId, Draft d, List<EvidenceStore.Upload> photos, List<Long> kept) {
        if (!units.canWrite(user, unitId)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        validate(d);
        photos.forEach(p -> evidence.check(p, PHOTO_KINDS, "photos"));
        OrgUnit unit = units.require(unitId);
        long id = jdbc.sql("""
                insert into pub_item (unit_id, province_id, kind, title, summary, body, subject_unit, subject_year, created_by)
                values (:u, :p, :k, :t, :s, :b, :su, :sy, :by) returning id
                """).param("u", unitId).param("p", unit.provinceId() == null ? unit.id() : unit.provinceId())
                .param("k", d.kind()).param("t", d.title().strip()).param("s", blank(d.summary())).param("b", blank(d.body()))
                .param("su", blank(d.subjectUnit())).param("sy", d.subjectYear()).param("by", user.username()).query(Long.class).single();
        reviews.open(user, SUBJECT, id, unitId, unitId, null);
        evidence.storeAll(user, PHOTO_OWNER, id, unitId, photos, PHOTO_KINDS, "photos");
        evidence.adopt(user, kept, PHOTO_OWNER, id, unitId);
        version(user, id, null);
        audit.change(AuditAction.CREATE, SUBJECT, id, unitId, null, snapshot(d), "Soạn tin/bài: " + d.title().strip());
        return require(user, id);
    }

    /**
     * Changes a draft or a returned item; a submitted or published one is not changed (withdraw it first).
     * {@code version} is the one the editor opened: if someone saved since, nothing is written
     * ({@link ConcurrentEditProblem}), so one office officer never silently overwrites another.
     */
    public Item update(CurrentUser user, long id, Draft d, List<EvidenceStore.Upload> photos, Integer version) {
        return update(user, id, d, photos, List.of(), version);
    }

    /** As {@link #update}, adopting the photos kept from an earlier refused attempt ({@link #keepPhotos}). */
    public Item update(CurrentUser user, long id, Draft d, List<EvidenceStore.Upload> photos, List<Long> kept, Integer version) {
        Item before = require(user, id);
        units.checkWritable(user, before.unitId());
        Review r = reviews.require(SUBJECT, id);
        if (!r.editable() || !"DRAFT".equals(before.status())) {
            throw new InvalidInputProblem("status", "publishing.notEditable");
        }
        validate(d);
        photos.forEach(p -> evidence.check(p, PHOTO_KINDS, "photos"));
        int n = jdbc.sql("""
                update pub_item set kind = :k, title = :t, summary = :s, body = :b, subject_unit = :su, subject_year = :sy,
                       version = version + 1, updated_at = now() where id = :id and version = :v
                """).param("k", d.kind()).param("t", d.title().strip()).param("s", blank(d.summary())).param("b", blank(d.body()))
                .param("su", blank(d.subjectUnit())).param("sy", d.subjectYear()).param("id", id).param("v", version == null ? -1 : version)
                .update();
        if (n == 0) {
            throw new ConcurrentEditProblem(SUBJECT + " " + id);
        }
        evidence.storeAll(user, PHOTO_OWNER, id, before.unitId(), photos, PHOTO_KINDS, "photos");
        evidence.adopt(user, kept, PHOTO_OWNER, id, before.unitId());
        version(user, id, null);
        audit.change(AuditAction.UPDATE, SUBJECT, id, before.unitId(), snapshot(before), snapshot(d), "Sửa tin/bài: " + d.title().strip());
        return require(user, id);
    }

    /**
     * Keeps the photos chosen on a form that another field made the office send back, so nothing has to be chosen
     * again: each image that passes the photo rules is stored pending; a file that is not an image is not kept (its
     * message stays next to the field).
     */
    public List<EvidenceFile> keepPhotos(CurrentUser user, long unitId, List<EvidenceStore.Upload> photos) {
        if (photos.isEmpty() || !units.canWrite(user, unitId)) {
            return List.of();
        }
        List<EvidenceStore.Upload> good = photos.stream().filter(p -> evidence.accepts(p, PHOTO_KINDS)).toList();
        return good.isEmpty() ? List.of() : evidence.storePending(user, unitId, good, PHOTO_KINDS, "photos");
    }

    /** This user's kept photos among {@code ids}. */
    public List<EvidenceFile> pendingPhotos(CurrentUser user, List<Long> ids) {
        return evidence.pending(user, ids);
    }

    public Item submit(CurrentUser user, long id) {
        Item item = require(user, id);
        units.checkWritable(user, item.unitId());
        reviews.submit(user, SUBJECT, id);
        return require(user, id);
    }

    /** The office head approves: the item is public from now on. */
    public Item approve(CurrentUser user, long id, String comment) {
        Item item = require(user, id);
        reviews.approveWithinUnit(user, SUBJECT, id, comment, APPROVERS);
        jdbc.sql("update pub_item set status = 'PUBLISHED', published_at = now(), version = version + 1, updated_at = now() where id = :id")
                .param("id", id).update();
        version(user, id, comment);
        audit.change(AuditAction.UPDATE, SUBJECT, id, item.unitId(), Map.of("status", item.status()), Map.of("status", "PUBLISHED"),
                "Duyệt đăng: " + item.title());
        return require(user, id);
    }

    public Item sendBack(CurrentUser user, long id, String comment) {
        Item item = require(user, id);
        reviews.returnWithinUnit(user, SUBJECT, id, comment, APPROVERS);
        return require(user, id);
    }

    /** Takes a published item off the public pages at once; the reason is kept and shown to the office. */
    public Item withdraw(CurrentUser user, long id, String reason) {
        Item item = require(user, id);
        units.checkWritable(user, item.unitId());
        if (!"PUBLISHED".equals(item.status())) {
            throw new InvalidInputProblem("status", "publishing.notPublished");
        }
        List<Violation> v = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            v.add(new Violation("reason", "publishing.reason.required"));
        }
        InputRules.maxLength(v, "reason", reason, TextLimits.PUB_ITEM__WITHDRAWN_REASON);
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        jdbc.sql("""
                update pub_item set status = 'WITHDRAWN', withdrawn_reason = :r, withdrawn_at = now(), version = version + 1,
                       updated_at = now() where id = :id
                """).param("r", reason.strip()).param("id", id).update();
        version(user, id, reason.strip());
        audit.change(AuditAction.UPDATE, SUBJECT, id, item.unitId(), Map.of("status", item.status()),
                Map.of("status", "WITHDRAWN", "reason", reason.strip()), "Gỡ tin/bài: " + item.title());
        return require(user, id);
    }

    /**
     * Puts a withdrawn item back on the way to publication: it becomes a draft again (a new version; the withdrawal
     * stays in the versions), the office edits it if needed and submits it, and it is public again only once
     * approved through the review workflow, as the first time.
     */
    public Item republish(CurrentUser user, long id, String note) {
        Item item = require(user, id);
        units.checkWritable(user, item.unitId());
        if (!"WITHDRAWN".equals(item.status())) {
            throw new InvalidInputProblem("status", "w16.publishing.notWithdrawn");
        }
        List<Violation> v = new ArrayList<>();
        InputRules.maxLength(v, "note", note, TextLimits.PUB_ITEM_VERSION__NOTE);
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        String why = blank(note) == null ? "Soạn lại để đăng lại sau khi gỡ" : note.strip();
        reviews.reopenWithinUnit(user, SUBJECT, id, why, APPROVERS);
        jdbc.sql("""
                update pub_item set status = 'DRAFT', withdrawn_reason = null, withdrawn_at = null, published_at = null,
                       version = version + 1, updated_at = now() where id = :id
                """).param("id", id).update();
        version(user, id, why);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", item.status());
        before.put("withdrawnReason", item.withdrawnReason());
        audit.change(AuditAction.UPDATE, SUBJECT, id, item.unitId(), before, Map.of("status", "DRAFT", "note", why),
                "Soạn lại tin/bài đã gỡ để đăng lại: " + item.title());
        return require(user, id);
    }

    @Transactional(readOnly = true)
    public Item require(CurrentUser user, long id) {
        Item item = find(id).orElseThrow(() -> new NotFoundProblem("publishing.notFound", id));
        units.requireReadable(user, item.unitId());
        return item;
    }

    /** The items of the unit and the units below it, newest first. */
    @Transactional(readOnly = true)
    public List<Item> ofUnit(CurrentUser user, long unitId, int limit) {
        units.requireReadable(user, unitId);
        return jdbc.sql(SELECT + " where i.unit_id in (select id from xhht_unit_subtree(:u)) order by i.updated_at desc, i.id desc limit :l")
                .param("u", unitId).param("l", Math.max(1, Math.min(limit, 500))).query(this::map).list();
    }

    @Transactional(readOnly = true)
    public List<Version> versions(CurrentUser user, long id) {
        require(user, id);
        return jdbc.sql("select version, title, status, note, changed_by, changed_at from pub_item_version where item_id = :id order by version desc")
                .param("id", id).query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class))).list();
    }

    /** Whether this user may approve or send back the item now (an officer of the office who did not submit it). */
    @Transactional(readOnly = true)
    public boolean canApprove(CurrentUser user, long id) {
        return reviews.canDecideWithinUnit(user, reviews.require(SUBJECT, id), APPROVERS);
    }

    @Transactional(readOnly = true)
    public boolean canWrite(CurrentUser user, long unitId) {
        return units.canWrite(user, unitId);
    }

    @Transactional(readOnly = true)
    public Review review(long id) {
        return reviews.require(SUBJECT, id);
    }

    /** Published items (no login), newest first; of a unit's subtree when {@code unitId} is given, of a kind when given. */
    @Transactional(readOnly = true)
    public List<Item> published(Long unitId, Kind kind, int limit) {
        return jdbc.sql(SELECT + """
                 where i.status = 'PUBLISHED' and (cast(:u as bigint) is null or i.unit_id in (select id from xhht_unit_subtree(:u)))
                   and (cast(:k as text) is null or i.kind = :k) order by i.published_at desc, i.id desc limit :l
                """).param("u", unitId).param("k", kind == null ? null : kind.name()).param("l", Math.max(1, Math.min(limit, 200)))
                .query(this::map).list();
    }

    /** One published item (no login); a withdrawn or unpublished one is not found. */
    @Transactional(readOnly = true)
    public Item publishedItem(long id) {
        return jdbc.sql(SELECT + " where i.id = :id and i.status = 'PUBLISHED'").param("id", id).query(this::map).optional()
                .orElseThrow(() -> new NotFoundProblem("publishing.notFound", id));
    }

    /** A photo of a published item (no login). */
    @Transactional(readOnly = true)
    public Optional<EvidenceStore.Content> publishedPhoto(long fileId) {
        return evidence.image(PHOTO_OWNER, fileId).filter(c -> isPublished(c.file().ownerId()));
    }

    private boolean isPublished(long itemId) {
        return jdbc.sql("select count(*) from pub_item where id = :id and status = 'PUBLISHED'").param("id", itemId).query(Long.class).single() > 0;
    }

    private Optional<Item> find(long id) {
        return jdbc.sql(SELECT + " where i.id = :id").param("id", id).query(this::map).optional();
    }

    private static final String SELECT = """
            select i.id, i.unit_id, u.name as unit_name, i.kind, i.title, i.summary, i.body, i.subject_unit, i.subject_year, i.status,
                   r.status as review_status, i.withdrawn_reason, i.published_at, i.version
            from pub_item i join xhht_unit u on u.id = i.unit_id
            left join xhht_review r on r.subject_type = 'PublishedItem' and r.subject_id = i.id
            """;

    private Item map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long id = rs.getLong("id");
        List<Long> photos = evidence.list(PHOTO_OWNER, id).stream().filter(EvidenceFile::isImage).map(EvidenceFile::id).toList();
        return new Item(id, rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("kind"), rs.getString("title"),
                rs.getString("summary"), rs.getString("body"), rs.getString("subject_unit"), rs.getObject("subject_year", Integer.class),
                rs.getString("status"), rs.getString("review_status"), rs.getString("withdrawn_reason"),
                rs.getObject("published_at", OffsetDateTime.class), rs.getInt("version"), photos);
    }

    private void version(CurrentUser user, long id, String note) {
        jdbc.sql("""
                insert into pub_item_version (item_id, version, title, summary, body, subject_unit, subject_year, status, note, changed_by)
                select id, version, title, summary, body, subject_unit, subject_year, status, :note, :by from pub_item where id = :id
                """).param("note", note).param("by", user.username()).param("id", id).update();
    }

    private static void validate(Draft d) {
        List<Violation> v = new ArrayList<>();
        if (d.kind() == null || java.util.Arrays.stream(Kind.values()).noneMatch(k -> k.name().equals(d.kind()))) {
            v.add(new Violation("kind", "publishing.kind.required"));
        }
        if (d.title() == null || d.title().isBlank()) {
            v.add(new Violation("title", "publishing.title.required"));
        }
        InputRules.maxLength(v, "title", d.title(), TextLimits.PUB_ITEM__TITLE);
        InputRules.maxLength(v, "summary", d.summary(), TextLimits.PUB_ITEM__SUMMARY);
        InputRules.maxLength(v, "body", d.body(), TextLimits.PUB_ITEM__BODY);
        InputRules.maxLength(v, "subjectUnit", d.subjectUnit(), TextLimits.PUB_ITEM__SUBJECT_UNIT);
        if (d.subjectYear() != null && (d.subjectYear() < 1945 || d.subjectYear() > 2100)) {
            v.add(new Violation("subjectYear", "publishing.year.invalid"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, Object> snapshot(Draft d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind());
        m.put("title", d.title());
        m.put("summary", d.summary());
        m.put("subjectUnit", d.subjectUnit());
        m.put("subjectYear", d.subjectYear());
        return m;
    }

    private static Map<String, Object> snapshot(Item i) {
        return snapshot(new Draft(i.kind(), i.title(), i.summary(), null, i.subjectUnit(), i.subjectYear()));
    }
}
