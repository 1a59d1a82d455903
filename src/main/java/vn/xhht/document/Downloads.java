package vn.xhht.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

/** The headers of a file download, the same for every export of XHHT. */
@org.springframework.modulith.NamedInterface("api")
public final class Downloads {
    private Downloads() {
    }

    public enum Format {
        PDF("pdf", "application/pdf"),
        DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        CSV("csv", "text/csv; charset=UTF-8"),
        ZIP("zip", "application/zip");

        final String extension;
        final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }

        /** The format of an extension in a URL ("pdf", "docx", …), or null. */
        public static Format of(String extension) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(extension)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** Content type and an attachment name {@code baseName.ext} (a Vietnamese name is kept for clients that read RFC 6266). */
    public static void attachment(HttpServletResponse response, Format format, String baseName) {
        response.setContentType(format.contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition("attachment", format, baseName));
    }

    /** The same headers for a {@code ResponseEntity} answer. */
    public static HttpHeaders headers(Format format, String baseName) {
        HttpHeaders h = new HttpHeaders();
        h.set(HttpHeaders.CONTENT_TYPE, format.contentType);
        h.set(HttpHeaders.CONTENT_DISPOSITION, disposition("attachment", format, baseName));
        return h;
    }

    /** A file shown in the browser (a photo, a scanned page) rather than saved; {@code fileName} keeps its own extension. */
    public static HttpHeaders inline(String contentType, String fileName) {
        HttpHeaders h = new HttpHeaders();
        h.set(HttpHeaders.CONTENT_TYPE, contentType);
        h.set(HttpHeaders.CONTENT_DISPOSITION, disposition("inline", fileName));
        return h;
    }

    private static String disposition(String kind, Format format, String baseName) {
        return disposition(kind, baseName + "." + format.extension);
    }

    private static String disposition(String kind, String file) {
        String ascii = java.text.Normalizer.normalize(file, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D').replaceAll("[^A-Za-z0-9._-]", "-");
        return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
