package vn.xhht.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** The headers of a file download, the same for every export of XHHT. */
public final class Downloads {
    private Downloads() {
    }

    public enum Format {
        PDF("pdf", "application/pdf"),
        DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        CSV("csv", "text/csv; charset=UTF-8");

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
        String file = baseName + "." + format.extension;
        String ascii = java.text.Normalizer.normalize(file, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D').replaceAll("[^A-Za-z0-9._-]", "-");
        response.setContentType(format.contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
