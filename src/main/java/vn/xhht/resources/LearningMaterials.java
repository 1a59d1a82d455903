package vn.xhht.resources;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.centre.Activity;
import vn.xhht.centre.ActivityService;
import vn.xhht.centre.Centre;
import vn.xhht.centre.CentreRegistry;
import vn.xhht.evidence.EvidenceFile;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.evidence.FileKind;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.orgunit.UnitScope;
import vn.xhht.review.Review;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.TextLimits;

/**
 * Learning materials (R38): a library the TTGDNN-GDTX, the offices and the centres fill, each material shared with
 * the area of the unit that holds it (that unit and every unit below it, and the levels above, which oversee it).
 * The office of the province approves a material through the shared review workflow; activities link the materials
 * they used; file downloads are counted.
 */
@Service
@Transactional
public class LearningMaterials {

    public static final String SUBJECT = "LearningMaterial";

    public enum Kind { BOOK, BOOKLET, DOCUMENT, SLIDES, VIDEO, AUDIO, OTHER }

    public enum Medium { PRINT, DIGITAL, BOTH }

    /** Who adds materials: the offices, the TTGDNN-GDTX, the centres (commune) and the administrator. */
    static final Set<Role> KEEPERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER,
            Role.COMMUNE_OFFICER, Role.TTGDNN_STAFF);
    /** Who approves for the office (Sở GD&ĐT). */
    static final Set<Role> APPROVERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER);
    /** What a material file may be: documents and pictures, checked by content. */
    static final Set<FileKind> FILE_KINDS = EnumSet.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG, FileKind.WEBP);

    @Schema(name = "LearningMaterial", description = "Một học liệu trong thư viện. / A learning material of the library.")
    public record Material(long id, long unitId, String unitName, String title, Kind kind, String topic, String audience,
                          String authorOrg, String source, String link, String edition, Medium medium,
                          @Schema(description = "Số bản; không có khi chưa nhập. / Copies; absent when not entered.") Integer copies,
                          String licence, String whoMayUse, Review.Status status, int downloads,
                          List<MaterialFile> files, List<Long> activityIds, long version) {
    }

    @Schema(name = "LearningMaterialFile")
    public record MaterialFile(long id, String fileName, String contentType, int sizeBytes) {
    }

    /** The fields as typed; every one may be missing or wrong and is checked here. */
    public record Form(Long unitId, String title, String kind, String topic, String audience, String authorOrg, String source,
                       String link, String edition, String medium, String copies, String licence, String whoMayUse, Long version) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final EvidenceStore evidence;
    private final ReviewWorkflow reviews;
    private final ActivityService activities;
    private final CentreRegistry centres;
    private final AuditTrail audit;

    LearningMaterials(JdbcClient jdbc, OrgUnitDirectory units, EvidenceStore evidence, ReviewWorkflow reviews,
                      ActivityService activities, CentreRegistry centres, AuditTrail audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.evidence = evidence;
        this.reviews = reviews;
        this.activities = activities;
        this.centres = centres;
        this.audit = audit;
    }

    /** Readable: the user oversees the holding unit, or works inside the area it shares with. */
    public boolean canRead(CurrentUser user, long unitId) {
        return units.canRead(user, unitId) || units.within(UnitScope.SUBTREE, unitId, user.unitId());
    }

    public boolean canKeep(CurrentUser user, long unitId) {
        return KEEPERS.contains(user.role()) && units.canWrite(user, unitId);
    }

    public boolean canDecide(CurrentUser user, long id) {
        return reviews.canDecideWithinUnit(user, review(id), APPROVERS);
    }

    public Review review(long id) {
        return reviews.require(SUBJECT, id);
    }

    /**
     * The materials the user may use: those held in the user's area and below, and those shared from the levels
     * above; {@code query} matches title, topic, author and audience without regard to diacritics.
     */
    @Transactional(readOnly = true)
    public List<Material> search(CurrentUser user, String query, String kind, int limit) {
        String q = query == null ? "" : query.strip();
        Kind k = kind == null || kind.isBlank() ? null : InputRules.choice("kind", Kind.class, kind);
        List<Long> ids = jdbc.sql("""
                select m.id from learning_material m
                 where (m.unit_id in (%s) or m.unit_id in (%s))
                   and (:q = '' or m.search_key like '%%' || xhht_search_key(:q) || '%%')
                   and (cast(:kind as text) is null or m.kind = :kind)
                 order by m.created_at desc, m.id desc limit :limit
                """.formatted(UnitScope.READ.ids(":me"), UnitScope.LINE.ids(":me")))
                .param("me", user.unitId()).param("q", q).param("kind", k == null ? null : k.name()).param("limit", limit)
                .query(Long.class).list();
        return ids.stream().map(this::load).toList();
    }

    @Transactional(readOnly = true)
    public Material require(CurrentUser user, long id) {
        Long unit = jdbc.sql("select unit_id from learning_material where id = :id").param("id", id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundProblem("material.notFound", id));
        if (!canRead(user, unit)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return load(id);
    }

    /**
     * Checks every field and every file, then saves the material and its files together and offers it to the
     * office for approval; nothing is saved when one is wrong.
     */
    public Material create(CurrentUser user, Form f, List<EvidenceStore.Upload> uploads, List<Long> pendingFileIds) {
        Checked c = check(f);
        OrgUnit unit = c.unit();
        if (!canKeep(user, unit.id())) {
            throw new AccessDeniedProblem("material.cannotKeep");
        }
        uploads.forEach(u -> evidence.check(u, FILE_KINDS, "files"));
        long province = unit.provinceId() == null ? unit.id() : unit.provinceId();
        long id = jdbc.sql("""
                insert into learning_material (unit_id, province_id, title, kind, topic, audience, author_org, source, link, edition,
                                               medium, copies, licence, who_may_use, created_by)
                values (:unit, :province, :title, :kind, :topic, :audience, :author, :source, :link, :edition, :medium, :copies,
                        :licence, :who, :by) returning id
                """).param("unit", unit.id()).param("province", province).params(c.values()).param("by", user.username())
                .query(Long.class).single();
        evidence.storeAll(user, SUBJECT, id, unit.id(), uploads, FILE_KINDS, "files");
        evidence.adopt(user, pendingFileIds, SUBJECT, id, unit.id());
        reviews.open(user, SUBJECT, id, unit.id(), province, null);
        reviews.submit(user, SUBJECT, id);
        audit.change(AuditAction.CREATE, SUBJECT, id, unit.id(), null, c.values(), "Thêm học liệu " + c.values().get("title"));
        return load(id);
    }

    /** Saves changed fields if nobody saved since {@code version}; a returned material goes back to the office. */
    public Material update(CurrentUser user, long id, Form f, List<EvidenceStore.Upload> uploads, List<Long> pendingFileIds) {
        Material before = require(user, id);
        if (!canKeep(user, before.unitId())) {
            throw new AccessDeniedProblem("material.cannotKeep");
        }
        Checked c = check(new Form(before.unitId(), f.title(), f.kind(), f.topic(), f.audience(), f.authorOrg(), f.source(), f.link(),
                f.edition(), f.medium(), f.copies(), f.licence(), f.whoMayUse(), f.version()));
        uploads.forEach(u -> evidence.check(u, FILE_KINDS, "files"));
        int n = jdbc.sql("""
                update learning_material set title = :title, kind = :kind, topic = :topic, audience = :audience, author_org = :author,
                       source = :source, link = :link, edition = :edition, medium = :medium, copies = :copies, licence = :licence,
                       who_may_use = :who, updated_at = now(), version = version + 1
                 where id = :id and version = :version
                """).params(c.values()).param("id", id).param("version", f.version() == null ? -1 : f.version()).update();
        if (n == 0) {
            throw new ConcurrentEditProblem(SUBJECT + " " + id);
        }
        evidence.storeAll(user, SUBJECT, id, before.unitId(), uploads, FILE_KINDS, "files");
        evidence.adopt(user, pendingFileIds, SUBJECT, id, before.unitId());
        if (review(id).status() == Review.Status.RETURNED) {
            reviews.submit(user, SUBJECT, id);
        }
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("title", before.title());
        old.put("kind", before.kind().name());
        old.put("copies", before.copies());
        old.put("link", before.link());
        audit.change(AuditAction.UPDATE, SUBJECT, id, before.unitId(), old, c.values(), "Sửa học liệu " + c.values().get("title"));
        return load(id);
    }

    /** Keeps the files of a form that could not be saved, so the user need not choose them again. */
    public List<EvidenceFile> keepPending(CurrentUser user, long unitId, List<EvidenceStore.Upload> uploads) {
        if (uploads.isEmpty() || !canKeep(user, unitId)) {
            return List.of();
        }
        try {
            return evidence.storePending(user, unitId, uploads, FILE_KINDS, "files");
        } catch (InvalidInputProblem e) {
            return List.of();
        }
    }

    public List<EvidenceFile> pending(CurrentUser user, List<Long> ids) {
        return evidence.pending(user, ids);
    }

    public Review approve(CurrentUser user, long id, String comment) {
        require(user, id);
        return reviews.approveWithinUnit(user, SUBJECT, id, comment, APPROVERS);
    }

    public Review returnWithComment(CurrentUser user, long id, String comment) {
        require(user, id);
        return reviews.returnWithinUnit(user, SUBJECT, id, comment, APPROVERS);
    }

    /** One file of a material, counted as a download. */
    public EvidenceStore.Content download(CurrentUser user, long id, long fileId) {
        Material m = require(user, id);
        if (m.files().stream().noneMatch(f -> f.id() == fileId)) {
            throw new NotFoundProblem("material.notFound", fileId);
        }
        EvidenceStore.Content c = evidence.loadOwned(SUBJECT, id, fileId);
        jdbc.sql("update learning_material set downloads = downloads + 1 where id = :id").param("id", id).update();
        audit.access(AuditAction.EXPORT, SUBJECT, id, m.unitId(), "Tải học liệu " + m.title());
        return c;
    }

    /** Records that an activity of a centre used the material; the activity's centre keeps the link. */
    public Material linkActivity(CurrentUser user, long id, Long activityId) {
        Material m = require(user, id);
        if (activityId == null) {
            throw new InvalidInputProblem("activityId", "material.activity.required");
        }
        Activity a;
        try {
            a = activities.require(user, activityId);
        } catch (NotFoundProblem | AccessDeniedProblem e) {
            throw new InvalidInputProblem("activityId", "material.activity.notYours");
        }
        Centre centre = centres.require(user, a.centreId());
        if (!units.canWrite(user, centre.communeId()) || !canRead(user, m.unitId())) {
            throw new InvalidInputProblem("activityId", "material.activity.notYours");
        }
        int n = jdbc.sql("""
                insert into learning_material_use (material_id, activity_id, linked_by) values (:m, :a, :u) on conflict do nothing
                """).param("m", id).param("a", a.id()).param("u", user.username()).update();
        if (n > 0) {
            audit.change(AuditAction.CREATE, "LearningMaterialUse", id, centre.communeId(), null, Map.of("materialId", id, "activityId", a.id()),
                    "Ghi hoạt động " + a.title() + " dùng học liệu " + m.title());
        }
        return load(id);
    }

    /** The materials an activity used (for the activity's page). */
    @Transactional(readOnly = true)
    public List<Material> usedBy(long activityId) {
        return jdbc.sql("select material_id from learning_material_use where activity_id = :a order by material_id").param("a", activityId)
                .query(Long.class).list().stream().map(this::load).toList();
    }

    private record Checked(OrgUnit unit, Map<String, Object> values) {
    }

    private Checked check(Form f) {
        List<InvalidInputProblem.Violation> v = new ArrayList<>();
        if (f.unitId() == null) {
            v.add(new InvalidInputProblem.Violation("unitId", "material.unit.required"));
        }
        if (f.title() == null || f.title().isBlank()) {
            v.add(new InvalidInputProblem.Violation("title", "material.title.required"));
        }
        InputRules.maxLength(v, "title", f.title(), TextLimits.LEARNING_MATERIAL__TITLE);
        InputRules.maxLength(v, "topic", f.topic(), TextLimits.LEARNING_MATERIAL__TOPIC);
        InputRules.maxLength(v, "audience", f.audience(), TextLimits.LEARNING_MATERIAL__AUDIENCE);
        InputRules.maxLength(v, "authorOrg", f.authorOrg(), TextLimits.LEARNING_MATERIAL__AUTHOR_ORG);
        InputRules.maxLength(v, "source", f.source(), TextLimits.LEARNING_MATERIAL__SOURCE);
        InputRules.maxLength(v, "link", f.link(), TextLimits.LEARNING_MATERIAL__LINK);
        InputRules.maxLength(v, "edition", f.edition(), TextLimits.LEARNING_MATERIAL__EDITION);
        InputRules.maxLength(v, "licence", f.licence(), TextLimits.LEARNING_MATERIAL__LICENCE);
        InputRules.maxLength(v, "whoMayUse", f.whoMayUse(), TextLimits.LEARNING_MATERIAL__WHO_MAY_USE);
        Kind kind = null;
        if (f.kind() == null || f.kind().isBlank()) {
            v.add(new InvalidInputProblem.Violation("kind", "material.kind.required"));
        } else {
            try {
                kind = InputRules.choice("kind", Kind.class, f.kind());
            } catch (InvalidInputProblem e) {
                v.addAll(e.violations());
            }
        }
        Medium medium = null;
        try {
            medium = InputRules.choice("medium", Medium.class, f.medium());
        } catch (InvalidInputProblem e) {
            v.addAll(e.violations());
        }
        String link = blank(f.link());
        if (link != null && !link.matches("(?i)https?://\\S+")) {
            v.add(new InvalidInputProblem.Violation("link", "material.link.invalid"));
        }
        Integer copies = null;
        String rawCopies = blank(f.copies());
        if (rawCopies != null) {
            if (!rawCopies.matches("-?[0-9]{1,9}")) {
                v.add(new InvalidInputProblem.Violation("copies", "material.copies.invalid"));
            } else if (Integer.parseInt(rawCopies) < 0) {
                v.add(new InvalidInputProblem.Violation("copies", "material.copies.negative"));
            } else {
                copies = Integer.parseInt(rawCopies);
            }
        }
        OrgUnit unit = null;
        if (f.unitId() != null) {
            unit = units.find(f.unitId()).orElse(null);
            if (unit == null || unit.level() == OrgUnit.NATION) {
                v.add(new InvalidInputProblem.Violation("unitId", "material.unit.required"));
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", f.title().strip());
        values.put("kind", kind.name());
        values.put("topic", blank(f.topic()));
        values.put("audience", blank(f.audience()));
        values.put("author", blank(f.authorOrg()));
        values.put("source", blank(f.source()));
        values.put("link", link);
        values.put("edition", blank(f.edition()));
        values.put("medium", medium == null ? null : medium.name());
        values.put("copies", copies);
        values.put("licence", blank(f.licence()));
        values.put("who", blank(f.whoMayUse()));
        return new Checked(unit, values);
    }

    private Material load(long id) {
        record Row(long id, long unitId, String unitName, String title, String kind, String topic, String audience, String authorOrg,
                   String source, String link, String edition, String medium, Integer copies, String licence, String whoMayUse,
                   int downloads, long version) {
        }
        Row r = jdbc.sql("""
                select m.*, u.name as unit_name from learning_material m join xhht_unit u on u.id = m.unit_id where m.id = :id
                """).param("id", id).query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                rs.getString("title"), rs.getString("kind"), rs.getString("topic"), rs.getString("audience"), rs.getString("author_org"),
                rs.getString("source"), rs.getString("link"), rs.getString("edition"), rs.getString("medium"),
                (Integer) rs.getObject("copies"), rs.getString("licence"), rs.getString("who_may_use"), rs.getInt("downloads"),
                rs.getLong("version"))).single();
        List<MaterialFile> files = evidence.list(SUBJECT, id).stream()
                .map(f -> new MaterialFile(f.id(), f.fileName(), f.contentType(), f.sizeBytes())).toList();
        List<Long> used = jdbc.sql("select activity_id from learning_material_use where material_id = :m order by activity_id")
                .param("m", id).query(Long.class).list();
        return new Material(r.id(), r.unitId(), r.unitName(), r.title(), Kind.valueOf(r.kind()), r.topic(), r.audience(), r.authorOrg(),
                r.source(), r.link(), r.edition(), r.medium() == null ? null : Medium.valueOf(r.medium()), r.copies(), r.licence(),
                r.whoMayUse(), review(id).status(), r.downloads(), files, used, r.version());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
