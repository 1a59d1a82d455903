package vn.xhht.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.document.Downloads;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.NotFoundProblem;

/**
 * The backup page of a national administrator: last backups (time, size, result), the files kept by this
 * instance with download, and "Sao lưu ngay". A backup holds the whole country's data, personal data included,
 * so only an administrator of the whole country sees it, and every download is logged.
 */
@Controller
class BackupController {

    private final BackupService backups;
    private final BackupAccess access;
    private final AuditTrail audit;
    private final MessageSource messages;

    BackupController(BackupService backups, BackupAccess access, AuditTrail audit, MessageSource messages) {
        this.backups = backups;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/admin/backups")
    String page(Model model) throws IOException {
        access.require(CurrentUsers.require());
        List<BackupService.Run> runs = backups.recent(30);
        model.addAttribute("runs", runs);
        model.addAttribute("last", backups.lastSuccess().orElse(null));
        model.addAttribute("files", backups.files());
        model.addAttribute("directory", backups.directory().toString());
        return "admin/backups";
    }

    @PostMapping("/admin/backups")
    String backupNow(RedirectAttributes redirect) {
        CurrentUser admin = access.require(CurrentUsers.require());
        try {
            BackupService.Run run = backups.backupNow(admin.username());
            audit.event(AuditAction.EXPORT, admin.username(), "Backup", run.id(), "Sao lưu cơ sở dữ liệu: " + run.fileName());
            if ("DONE".equals(run.status())) {
                redirect.addFlashAttribute("ok", text("backup.done", run.fileName()));
            } else {
                redirect.addFlashAttribute("error", text("backup.failed", run.message()));
            }
        } catch (BackupService.BackupBusyException e) {
            redirect.addFlashAttribute("error", text("backup.busy"));
        }
        return "redirect:/admin/backups";
    }

    @GetMapping("/admin/backups/files/{name}")
    void download(@PathVariable String name, HttpServletResponse response) throws IOException {
        CurrentUser admin = access.require(CurrentUsers.require());
        Path file = backups.file(name).orElseThrow(() -> new NotFoundProblem("backup.notFound", name));
        audit.access(AuditAction.EXPORT, "Backup", name, null, "Tải bản sao lưu " + name + " (" + admin.username() + ")");
        Downloads.attachment(response, Downloads.Format.ZIP, name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name);
        response.setContentLengthLong(Files.size(file));
        Files.copy(file, response.getOutputStream());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** Raised for an administrator of a province or below. */
}
