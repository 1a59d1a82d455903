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

    private final org.springframework.context.MessageSource messages;

    AuditPageController(AuditLog log, org.springframework.context.MessageSource messages) {
        this.log = log;
        this.messages = messages;
    }

    /** Summaries written before they were worded for people: "APPROVE Plan #8", "PUBLISH · Trường …". */
    static final java.util.regex.Pattern REVIEW_CODE = java.util.regex.Pattern.compile("^([A-Z_]+) ([A-Za-z]+) #(\\d+)$");
    static final java.util.regex.Pattern STEP_CODE = java.util.regex.Pattern.compile("^([A-Z_]+) · (.*)$", java.util.regex.Pattern.DOTALL);

    /** The audit trail is append-only, so earlier summaries are reworded when shown, never rewritten. */
    String plain(String summary, java.util.Locale locale) {
        if (summary == null) {
            return null;
        }
        var m = REVIEW_CODE.matcher(summary);
        if (m.matches()) {
            return label(locale, m.group(1), "review.action.") + " " + messages.getMessage("audit.entity." + m.group(2), null, m.group(2), locale)
                    + " số " + m.group(3);
        }
        m = STEP_CODE.matcher(summary);
        if (m.matches()) {
            return label(locale, m.group(1), "evaluation.action.", "review.action.") + " · " + m.group(2);
        }
        return summary;
    }

    private String label(java.util.Locale locale, String code, String... prefixes) {
        for (String p : prefixes) {
            String t = messages.getMessage(p + code, null, null, locale);
            if (t != null) {
                return t;
            }
        }
        return messages.getMessage("audit.action.other", null, locale);
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
        model.addAttribute("rows", result.rows().stream().map(r -> new AuditLog.Row(r.id(), r.occurredAt(), r.actor(), r.action(),
                r.entityType(), r.entityId(), r.unitName(), plain(r.summary(), locale), r.before(), r.after(), r.remoteAddr())).toList());
        model.addAttribute("hasNext", result.hasNext());
        model.addAttribute("page", result.page());
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("filter", Map.of("actor", actor == null ? "" : actor, "entity", entity == null ? "" : entity,
                "action", action == null ? "" : action, "from", from == null ? "" : from.toString(), "to", to == null ? "" : to.toString()));
        return "admin/audit";
    }
}
