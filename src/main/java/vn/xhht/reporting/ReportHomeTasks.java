package vn.xhht.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.xhht.platform.HomeTask;
import vn.xhht.platform.HomeTaskSource;
import vn.xhht.review.Review;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/**
 * Reports waiting for the user: submitted ones its office reviews, and its own returned ones to correct. Drafts
 * coming due are the home alerts of {@link ReportAlerts} (they exist before the report is even created).
 */
@Component
class ReportHomeTasks implements HomeTaskSource {

    private final ReviewWorkflow reviews;
    private final ReportService reports;

    ReportHomeTasks(ReviewWorkflow reviews, ReportService reports) {
        this.reviews = reviews;
        this.reports = reports;
    }

    @Override
    public List<HomeTask> tasksFor(CurrentUser user, LocalDate today) {
        if (!ReportService.WRITERS.contains(user.role())) {
            return List.of();
        }
        boolean reviewer = user.role() == Role.PROVINCE_OFFICER || user.role() == Role.DISTRICT_OFFICER;
        List<HomeTask> out = new ArrayList<>();
        for (Review r : reviews.waitingOn(ReportService.SUBJECT, user.unitId(), 30)) {
            boolean mine = r.ownerUnitId() == user.unitId();
            if (!mine && !reviewer || mine && r.status() != Review.Status.RETURNED) {
                continue;
            }
            Report report = reports.load(r.subjectId());
            String href = "/reports/" + report.id();
            out.add(mine
                    ? new HomeTask(HomeTask.Area.REPORT, HomeTask.Action.RESUBMIT, "report.task.resubmit",
                            List.of(report.template().title(), report.period().label()), href, r.dueDate())
                    : new HomeTask(HomeTask.Area.REPORT, HomeTask.Action.REVIEW, "report.task.review",
                            List.of(report.template().title(), report.period().label(), report.unitName()), href, null));
        }
        return out;
    }
}
