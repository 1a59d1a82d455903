package vn.xhht.evidence;

import java.util.Optional;

/** File types recognised from their first bytes (a renamed .exe is not a photo). */
@org.springframework.modulith.NamedInterface("api")
public enum FileKind {
    JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp"), GIF("image/gif"), PDF("application/pdf"),
    /** A spreadsheet kept for an import (never taken as evidence: {@link #ATTACHMENTS} leaves it out). */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** What a form that takes "any evidence" accepts: photos and scans, not the spreadsheets kept for imports. */
    public static final java.util.Set<FileKind> ATTACHMENTS = java.util.Collections.unmodifiableSet(java.util.EnumSet.of(JPEG, PNG, WEBP, GIF, PDF));

    private final String contentType;

    FileKind(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public boolean isImage() {
        return this != PDF && this != XLSX;
    }

    static Optional<FileKind> detect(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of(PNG);
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of(WEBP);
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return Optional.of(GIF);
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return Optional.of(PDF);
        }
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4 && containsAscii(b, "xl/workbook.xml")) {
            // any zip starts with PK; only a workbook names this part (entry names are stored uncompressed)
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }

    private static boolean containsAscii(byte[] b, String needle) {
        byte[] n = needle.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= b.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (b[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
