package vn.xhht.audit;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The audit trail as people read it. The trail is append-only, so summaries written before they were worded for
 * people ("APPROVE Plan #8", "PUBLISH · Trường …") are reworded when shown, never rewritten.
 */
@Service
class AuditWording {

    static final Pattern REVIEW_CODE = Pattern.compile("^([A-Z_]+) ([A-Za-z]+) #(\\d+)$");
    static final Pattern STEP_CODE = Pattern.compile("^([A-Z_]+) · (.*)$", Pattern.DOTALL);

    private final MessageSource messages;

    AuditWording(MessageSource messages) {
        this.messages = messages;
    }

    /** The rows with their summaries in words. */
    List<AuditLog.Row> readable(List<AuditLog.Row> rows, Locale locale) {
        return rows.stream().map(r -> new AuditLog.Row(r.id(), r.occurredAt(), r.actor(), r.action(), r.entityType(), r.entityId(),
                r.unitName(), plain(r.summary(), locale), r.before(), r.after(), r.remoteAddr())).toList();
    }

    String plain(String summary, Locale locale) {
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

    private String label(Locale locale, String code, String... prefixes) {
        for (String p : prefixes) {
            String t = messages.getMessage(p + code, null, null, locale);
            if (t != null) {
                return t;
            }
        }
        return messages.getMessage("audit.action.other", null, locale);
    }
}
