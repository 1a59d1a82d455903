package vn.xhht.reporting;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.xhht.review.Review;
import vn.xhht.review.ReviewMoved;

/**
 * Tells the unit that submitted a report what its reviewer decided: returned (with the reason, so it can correct
 * it) or approved. Listens to review's {@link ReviewMoved} after the decision committed, so a slow or failing mail
 * server never holds up or undoes the decision; sends nothing unless e-mail is configured ({@link ReminderMail}).
 */
@Component
class ReportDecisionMail {

    private final ReminderMail mail;
    private final ReportService reports;

    ReportDecisionMail(ReminderMail mail, ReportService reports) {
        this.mail = mail;
        this.reports = reports;
    }

    @ApplicationModuleListener
    void on(ReviewMoved moved) {
        if (!ReportService.SUBJECT.equals(moved.subjectType()) || !mail.on()
                || (moved.to() != Review.Status.RETURNED && moved.to() != Review.Status.APPROVED)) {
            return;
        }
        Report r = reports.load(moved.subjectId());
        String what = r.template().title() + " kỳ " + r.period().label();
        boolean returned = moved.to() == Review.Status.RETURNED;
        String link = mail.link("/reports/" + r.id());
        mail.send(moved.ownerUnitId(), "[XHHT] " + (returned ? "Trả lại " : "Đã phê duyệt ") + what,
                "Kính gửi đơn vị,\n\n" + what + (returned ? " đã bị trả lại để chỉnh sửa." : " đã được phê duyệt.")
                        + (moved.comment() == null ? "" : "\nÝ kiến: " + moved.comment()) + "\n"
                        + (link.isEmpty() ? "" : "Xem báo cáo tại: " + link + "\n") + "\nHệ thống XHHT (thư tự động).");
    }
}
