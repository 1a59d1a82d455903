package vn.xhht.reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails a reminded unit once the reminder committed, and notes on the reminder how many e-mails went out. Like
 * {@link ReportDecisionMail}, it listens to an event so a slow or failing mail server never holds up the officer who
 * reminds, nor undoes the home-page notice, which is the reminder of record; sends nothing without SMTP.
 */
@Component
class ReportReminderMail {

    private final ReminderMail mail;
    private final TemplateCatalog templates;
    private final ReportDeadlines deadlines;
    private final JdbcClient jdbc;

    ReportReminderMail(ReminderMail mail, TemplateCatalog templates, ReportDeadlines deadlines, JdbcClient jdbc) {
        this.mail = mail;
        this.templates = templates;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(ReportReminderSent reminded) {
        if (!mail.on()) {
            return;
        }
        ReportTemplate t = templates.require(reminded.templateCode());
        int sent = mail.send(reminded.unitId(), t, deadlines.period(t, reminded.periodCode()), reminded.dueDate());
        jdbc.sql("update report_reminder set emailed = :n where id = :id").param("n", sent).param("id", reminded.reminderId()).update();
    }
}
