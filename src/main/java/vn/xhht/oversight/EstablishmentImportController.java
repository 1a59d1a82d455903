package vn.xhht.oversight;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.document.Downloads;
import vn.xhht.document.XlsxExport;
import vn.xhht.evidence.EvidenceFile;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;

/** Import of an existing list of establishments from .xlsx: the form, the template, and the refused rows listed. */
@Controller
class EstablishmentImportController {

    /** A refused cell in words: row, column letter and header, message. */
    record ErrorLine(int row, String column, String message) {
    }

    private final EstablishmentImport imports;
    private final XlsxExport xlsx;
    private final MessageSource messages;
    private final long maxUploadBytes;

    EstablishmentImportController(EstablishmentImport imports, XlsxExport xlsx, MessageSource messages,
                                  @Value("${xhht.upload.max-bytes:10485760}") long maxUploadBytes) {
        this.imports = imports;
        this.xlsx = xlsx;
        this.messages = messages;
        this.maxUploadBytes = maxUploadBytes;
    }

    @GetMapping("/oversight/establishments/import")
    String form(Model model) {
        requireImporter();
        return page(model, null, List.of(), 0, null);
    }

    @GetMapping("/oversight/establishments/import/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        CurrentUser user = requireImporter();
        Downloads.attachment(response, Downloads.Format.XLSX, "mau-danh-sach-co-so-giao-duc-ngoai-nha-truong");
        imports.template(user, xlsx, response.getOutputStream());
    }

    @PostMapping("/oversight/establishments/import")
    String run(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Long keptFileId, Model model,
               RedirectAttributes redirect) throws IOException {
        CurrentUser user = requireImporter();
        EvidenceStore.Upload upload = null;
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > maxUploadBytes) {
                return page(model, text("upload.tooLarge", maxUploadBytes / (1024 * 1024)), List.of(), 0,
                        imports.kept(user, keptFileId).orElse(null));
            }
            upload = new EvidenceStore.Upload(file.getOriginalFilename(), file.getBytes());
        }
        EstablishmentImport.Result result = imports.run(user, upload, upload == null ? keptFileId : null);
        if (result.accepted()) {
            redirect.addFlashAttribute("ok", text("oversight.import.saved", result.saved()));
            return "redirect:/oversight/establishments";
        }
        List<ErrorLine> lines = result.errors().stream().limit(EstablishmentImport.MAX_ERRORS).map(e -> new ErrorLine(e.row(),
                e.column() == null ? "" : e.column().letter() + " · " + e.column().header(), text(e.messageKey(), e.args()))).toList();
        boolean fileLevel = result.errors().stream().allMatch(e -> e.row() == 0 || e.column() == null);
        return page(model, fileLevel && lines.size() == 1 ? lines.get(0).message() : text("oversight.import.refused", result.errors().size()),
                fileLevel && lines.size() == 1 ? List.of() : lines, result.errors().size(), result.kept());
    }

    private CurrentUser requireImporter() {
        CurrentUser user = CurrentUsers.require();
        if (!imports.canImport(user)) {
            throw new AccessDeniedProblem("oversight.cannotEdit");
        }
        return user;
    }

    private String page(Model model, String fileError, List<ErrorLine> errors, int errorCount, EvidenceFile kept) {
        model.addAttribute("fileError", fileError);
        model.addAttribute("importErrors", errors);
        model.addAttribute("errorCount", errorCount);
        model.addAttribute("kept", kept);
        model.addAttribute("columns", EstablishmentImport.Column.values());
        return "oversight/import";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
