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
}
