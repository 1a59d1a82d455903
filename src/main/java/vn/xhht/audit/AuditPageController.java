package vn.xhht.audit;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.Role;

/** /admin/audit: the audit trail for administrators, newest first, filtered by who, what and when. */
@Controller
class AuditPageController {

    private final AuditLog log;
    private final AuditWording wording;

    AuditPageController(AuditLog log, AuditWording wording) {
        this.log = log;
        this.wording = wording;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String entity,
                @RequestParam(required = false) String action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, java.util.Locale locale, Model model) {
        CurrentUser admin = CurrentUsers.require();
        if (admin.role() != Role.SYSTEM_ADMIN) {
            throw new AccessDeniedProblem("error.adminOnly");
        }
        AuditLog.Page result = log.search(admin.unitId(), new AuditLog.Filter(actor, entity, action, from, to), page);
        model.addAttribute("rows", wording.readable(result.rows(), locale));
        model.addAttribute("hasNext", result.hasNext());
        model.addAttribute("page", result.page());
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("filter", Map.of("actor", actor == null ? "" : actor, "entity", entity == null ? "" : entity,
                "action", action == null ? "" : action, "from", from == null ? "" : from.toString(), "to", to == null ? "" : to.toString()));
        return "admin/audit";
    }
}
