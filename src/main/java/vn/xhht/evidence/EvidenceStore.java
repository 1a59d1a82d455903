package vn.xhht.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;

/** Stores and serves evidence files; the caller's module owns the record the file belongs to. */
@Service
@Transactional
@org.springframework.modulith.NamedInterface("api")
public class EvidenceStore {

    /** A file to store, as received. */
    public record Upload(String fileName, byte[] data) {
    }

    /** The bytes of a stored file with what is needed to serve it. */
    public record Content(EvidenceFile file, byte[] data) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final AuditTrail audit;
    private final long maxBytes;

    EvidenceStore(JdbcClient jdbc, OrgUnitDirectory units, AuditTrail audit,
                  @Value("${xhht.upload.max-bytes:10485760}") long maxBytes) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    /**
     * Checks every upload first (type by content, size) and stores none unless all pass: a rejected file never
     * leaves the others half-saved. {@code field} names the form field in the error.
     */
    public List<EvidenceFile> storeAll(CurrentUser user, String ownerType, long ownerId, long unitId, List<Upload> uploads,
                                       Set<FileKind> allowed, String field) {
        if (!units.canWrite(user, unitId)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        for (Upload u : uploads) {
            check(u, allowed, field);
        }
        OrgUnit unit = units.require(unitId);
        long province = unit.provinceId() == null ? unit.id() : unit.provinceId();
        return uploads.stream().map(u -> insert(user, ownerType, ownerId, unitId, province, u)).toList();
    }

    /** Whether {@link #check} would take this upload; answers instead of throwing, so a caller's transaction stays usable. */
    public boolean accepts(Upload u, Set<FileKind> allowed) {
        return u.data().length > 0 && u.data().length <= maxBytes && FileKind.detect(u.data()).filter(allowed::contains).isPresent();
    }

    public void check(Upload u, Set<FileKind> allowed, String field) {
        if (u.data().length == 0) {
            throw new InvalidInputProblem(field, "evidence.empty", u.fileName());
        }
        if (u.data().length > maxBytes) {
            throw new InvalidInputProblem(field, "evidence.tooLarge", u.fileName(), maxBytes / (1024 * 1024));
        }
        FileKind kind = FileKind.detect(u.data()).orElse(null);
        if (kind == null || !allowed.contains(kind)) {
            throw new InvalidInputProblem(field, allowed.stream().anyMatch(FileKind::isImage) ? "evidence.notImage" : "evidence.badType",
                    u.fileName());
        }
    }

    private EvidenceFile insert(CurrentUser user, String ownerType, long ownerId, long unitId, long province, Upload u) {
        FileKind kind = FileKind.detect(u.data()).orElseThrow();
        String name = cleanName(u.fileName());
        long id = jdbc.sql("""
                insert into evidence_file (owner_type, owner_id, unit_id, province_id, file_name, content_type, size_bytes, sha256, data, uploaded_by)
                values (:ot, :oid, :unit, :prov, :name, :ct, :size, :sha, :data, :by) returning id
                """).param("ot", ownerType).param("oid", ownerId).param("unit", unitId).param("prov", province)
                .param("name", name).param("ct", kind.contentType()).param("size", u.data().length)
                .param("sha", sha256(u.data())).param("data", u.data()).param("by", user.username())
                .query(Long.class).single();
        audit.change(AuditAction.CREATE, "EvidenceFile", id, unitId, null,
                java.util.Map.of("ownerType", ownerType, "ownerId", ownerId, "fileName", name, "size", u.data().length),
                "Đính kèm minh chứng " + name);
        return find(id);
    }

    /** Owner type of a file chosen on a form that could not be saved yet (kept so the user need not choose it again). */
    public static final String PENDING = "Pending";

    /**
     * Keeps files chosen on a form whose other fields broke a rule: checked like any upload and stored without an
     * owner, readable by the unit's users, until the form is saved ({@link #adopt}). Pending files older than a day
     * are removed here, so abandoned forms leave nothing behind.
     */
    public List<EvidenceFile> storePending(CurrentUser user, long unitId, List<Upload> uploads, Set<FileKind> allowed, String field) {
        jdbc.sql("delete from evidence_file where owner_type = :p and uploaded_at < now() - interval '1 day'").param("p", PENDING).update();
        return storeAll(user, PENDING, 0, unitId, uploads, allowed, field);
    }

    /** This user's pending files among {@code ids} (others' and already adopted ones are ignored), in id order. */
    @Transactional(readOnly = true)
    public List<EvidenceFile> pending(CurrentUser user, java.util.Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where owner_type = :p and uploaded_by = :u and id in (:ids) order by id")
                .param("p", PENDING).param("u", user.username()).param("ids", ids).query(EvidenceStore::map).list();
    }

    /** Attaches this user's pending files among {@code ids} to their owner, in the owner's unit. */
    public int adopt(CurrentUser user, java.util.Collection<Long> ids, String ownerType, long ownerId, long unitId) {
        if (ids == null || ids.isEmpty()) {
            return 0;
        }
        if (!units.canWrite(user, unitId)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        int n = jdbc.sql("""
                update evidence_file set owner_type = :ot, owner_id = :oid
                where owner_type = :p and uploaded_by = :u and unit_id = :unit and id in (:ids)
                """).param("ot", ownerType).param("oid", ownerId).param("p", PENDING).param("u", user.username())
                .param("unit", unitId).param("ids", ids).update();
        if (n > 0) {
            audit.change(AuditAction.UPDATE, "EvidenceFile", ownerId, unitId, null,
                    java.util.Map.of("ownerType", ownerType, "ownerId", ownerId, "files", ids.toString()), "Đính kèm tệp đã chọn trước");
        }
        return n;
    }

    @Transactional(readOnly = true)
    public List<EvidenceFile> list(String ownerType, long ownerId) {
        return jdbc.sql(SELECT + " where owner_type = :ot and owner_id = :oid order by id")
                .param("ot", ownerType).param("oid", ownerId).query(EvidenceStore::map).list();
    }

    /** Which of these owners have at least one file (one query, for many owners at once). */
    @Transactional(readOnly = true)
    public Set<Long> ownersWithFiles(String ownerType, java.util.Collection<Long> ownerIds) {
        if (ownerIds.isEmpty()) {
            return Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select distinct owner_id from evidence_file where owner_type = :ot and owner_id in (:ids)")
                .param("ot", ownerType).param("ids", ownerIds).query(Long.class).list());
    }

    @Transactional(readOnly = true)
    public Content load(CurrentUser user, long id) {
        EvidenceFile f = jdbc.sql(SELECT + " where id = :id").param("id", id).query(EvidenceStore::map).optional()
                .orElseThrow(() -> new NotFoundProblem("evidence.notFound", id));
        if (!units.canRead(user, f.unitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        byte[] data = jdbc.sql("select data from evidence_file where id = :id").param("id", id).query(byte[].class).single();
        return new Content(f, data);
    }

    /**
     * An image file of an owner of {@code ownerType}, without a user: for the public pages, whose callers have
     * already decided that this kind of owner is public (a centre's activity, a published news item).
     */
    @Transactional(readOnly = true)
    public Optional<Content> image(String ownerType, long id) {
        return jdbc.sql(SELECT + " where id = :id and owner_type = :ot and content_type like 'image/%'").param("id", id)
                .param("ot", ownerType).query(EvidenceStore::map).optional()
                .map(f -> new Content(f, jdbc.sql("select data from evidence_file where id = :id").param("id", id).query(byte[].class).single()));
    }

    /**
     * A JPEG at most {@code width} pixels wide, for lists on a slow phone; the original when it is already small
     * or cannot be decoded here (WEBP, animated GIF), so a photo is never lost, only not shrunk.
     */
    public Content thumbnail(Content c, int width) {
        try {
            java.awt.image.BufferedImage src = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(c.data()));
            if (src == null || src.getWidth() <= width) {
                return c;
            }
            int height = Math.max(1, src.getHeight() * width / src.getWidth());
            java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = out.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, width, height, java.awt.Color.WHITE, null);
            g.dispose();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(out, "jpg", bytes);
            EvidenceFile f = c.file();
            return new Content(new EvidenceFile(f.id(), f.ownerType(), f.ownerId(), f.unitId(), f.fileName(), "image/jpeg", bytes.size(),
                    f.uploadedBy(), f.uploadedAt()), bytes.toByteArray());
        } catch (java.io.IOException | RuntimeException e) {
            return c;
        }
    }

    /**
     * A file of the given owner, for a module that has itself checked that the user may read that owner: learning
     * materials are shared with units below the holder, which {@link #load}'s upward check would refuse.
     */
    @Transactional(readOnly = true)
    public Content loadOwned(String ownerType, long ownerId, long id) {
        EvidenceFile f = jdbc.sql(SELECT + " where id = :id and owner_type = :ot and owner_id = :oid").param("id", id)
                .param("ot", ownerType).param("oid", ownerId).query(EvidenceStore::map).optional()
                .orElseThrow(() -> new NotFoundProblem("evidence.notFound", id));
        byte[] data = jdbc.sql("select data from evidence_file where id = :id").param("id", id).query(byte[].class).single();
        return new Content(f, data);
    }

    private EvidenceFile find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(EvidenceStore::map).single();
    }

    private static final String SELECT = """
            select id, owner_type, owner_id, unit_id, file_name, content_type, size_bytes, uploaded_by, uploaded_at from evidence_file
            """;

    private static EvidenceFile map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new EvidenceFile(rs.getLong("id"), rs.getString("owner_type"), rs.getLong("owner_id"), rs.getLong("unit_id"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class));
    }

    static String cleanName(String raw) {
        String name = raw == null || raw.isBlank() ? "tep" : raw;
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}\"<>|:*?]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
