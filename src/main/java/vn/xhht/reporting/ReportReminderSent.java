package vn.xhht.reporting;

import java.time.LocalDate;

/**
 * A unit was reminded to submit a report (R30): the home-page notice is recorded ({@code report_reminder} row
 * {@code reminderId}); the e-mail follows after the reminder committed ({@link ReportReminderMail}).
 */
public record ReportReminderSent(long reminderId, long unitId, String templateCode, String periodCode, LocalDate dueDate) {
}
