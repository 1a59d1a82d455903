package vn.xhht.reporting;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Report reminders by e-mail to the enabled accounts of a unit that have an address. Off unless an SMTP server is
 * configured ({@code spring.mail.host}; Spring Boot then provides the sender) and {@code xhht.reporting.mail.enabled}
 * is not false. A failed send is logged, never fatal: the home-page notice is the reminder of record.
 */
@Component
class ReminderMail {

    private static final Logger log = LoggerFactory.getLogger(ReminderMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final vn.xhht.identity.AccountDirectory accounts;
    private final boolean enabled;
    private final String from;
    private final String baseUrl;

    ReminderMail(ObjectProvider<JavaMailSender> sender, vn.xhht.identity.AccountDirectory accounts,
                 @Value("${xhht.reporting.mail.enabled:true}") boolean enabled,
                 @Value("${xhht.reporting.mail.from:xhht@localhost}") String from,
                 @Value("${xhht.reporting.mail.base-url:}") String baseUrl) {
        this.sender = sender;
        this.accounts = accounts;
        this.enabled = enabled;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    /** Sends the reminder to the unit's accounts; returns the number of e-mails sent (0 when mail is off). */
    int send(long unitId, ReportTemplate t, ReportPeriod p, LocalDate due) {
        return send(unitId, "[XHHT] Nhắc nộp " + t.title() + " — " + p.label(),
                "Kính gửi đơn vị,\n\nĐơn vị chưa nộp " + t.title() + " kỳ " + p.label() + ". Hạn nộp: "
                        + due.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ".\n"
                        + (baseUrl.isBlank() ? "" : "Lập báo cáo tại: " + baseUrl + "/reports\n") + "\nHệ thống XHHT (thư tự động).");
    }

    /** Whether e-mails go out at all (an SMTP server configured and mail not switched off). */
    boolean on() {
        return enabled && sender.getIfAvailable() != null;
    }

    String link(String path) {
        return baseUrl.isBlank() ? "" : baseUrl + path;
    }

    /** Sends one message to every enabled account of the unit that has an address; returns how many were sent. */
    int send(long unitId, String subject, String text) {
        JavaMailSender s = enabled ? sender.getIfAvailable() : null;
        if (s == null) {
            return 0;
        }
        List<String> to = accounts.emailsOf(unitId);
        int n = 0;
        for (String address : to) {
            try {
                SimpleMailMessage m = new SimpleMailMessage();
                m.setFrom(from);
                m.setTo(address);
                m.setSubject(subject);
                m.setText(text);
                s.send(m);
                n++;
            } catch (RuntimeException e) {
                log.warn("Report e-mail to {} failed: {}", address, e.getMessage());
            }
        }
        return n;
    }
}
