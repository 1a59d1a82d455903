package vn.xhht.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;

import org.springframework.stereotype.Component;

/** Renders an {@link OfficialDocument} to .pdf or .docx. */
@Component
@org.springframework.modulith.NamedInterface("api")
public class DocumentRenderer {

    private final PdfWriter pdf = new PdfWriter();
    private final DocxWriter docx = new DocxWriter();

    public void renderPdf(OfficialDocument doc, OutputStream out) {
        try {
            pdf.write(doc, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void renderDocx(OfficialDocument doc, OutputStream out) {
        try {
            docx.write(doc, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the document as {@code baseName.pdf} or {@code baseName.docx}; any other format is not found. */
    public void download(OfficialDocument doc, String format, String baseName, jakarta.servlet.http.HttpServletResponse response) {
        Downloads.Format f = Downloads.Format.of(format);
        try {
            if (f == Downloads.Format.PDF) {
                Downloads.attachment(response, f, baseName);
                renderPdf(doc, response.getOutputStream());
            } else if (f == Downloads.Format.DOCX) {
                Downloads.attachment(response, f, baseName);
                renderDocx(doc, response.getOutputStream());
            } else {
                throw new vn.xhht.shared.NotFoundProblem("error.404.text");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
