package vn.xhht.evidence;

import java.time.OffsetDateTime;

/** A stored evidence file (without its bytes). */
@org.springframework.modulith.NamedInterface("api")
public record EvidenceFile(long id, String ownerType, long ownerId, long unitId, String fileName, String contentType,
                           int sizeBytes, String uploadedBy, OffsetDateTime uploadedAt) {

    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
