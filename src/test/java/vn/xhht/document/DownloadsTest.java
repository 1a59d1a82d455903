package vn.xhht.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class DownloadsTest {
    @Test
    void aVietnameseNameIsKeptForModernClientsAndTransliteratedForOldOnes() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        Downloads.attachment(response, Downloads.Format.PDF, "Quyết định công nhận Đồng Văn");
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"Quyet-dinh-cong-nhan-Dong-Van.pdf\"; filename*=UTF-8''Quy%E1%BA%BFt%20")
                .endsWith(".pdf");
        assertThat(Downloads.Format.of("DOCX")).isEqualTo(Downloads.Format.DOCX);
        assertThat(Downloads.Format.of("exe")).isNull();
    }

    @Test
    void responseEntityAndInlineAnswersCarryTheSameHeaders() {
        org.springframework.http.HttpHeaders csv = Downloads.headers(Downloads.Format.CSV, "mẫu sổ");
        assertThat(csv.getFirst("Content-Type")).isEqualTo("text/csv; charset=UTF-8");
        assertThat(csv.getFirst("Content-Disposition")).isEqualTo("attachment; filename=\"mau-so.csv\"; filename*=UTF-8''m%E1%BA%ABu%20s%E1%BB%95.csv");
        org.springframework.http.HttpHeaders photo = Downloads.inline("image/png", "buổi học.png");
        assertThat(photo.getFirst("Content-Type")).isEqualTo("image/png");
        assertThat(photo.getFirst("Content-Disposition")).startsWith("inline; filename=\"buoi-hoc.png\"; filename*=UTF-8''bu%E1%BB%95i");
        assertThat(Downloads.Format.of("zip")).isEqualTo(Downloads.Format.ZIP);
    }
}
