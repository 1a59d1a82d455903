package vn.xhht.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.xhht.platform.HomeAlert;
import vn.xhht.platform.HomeAlertSource;
import vn.xhht.platform.HomeTask;
import vn.xhht.platform.HomeTaskSource;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/**
 * Open findings on the home of the inspected unit and of the inspector: remedies to follow up (with their
 * working-day deadline), overdue ones as alerts; and, for offices, licensed establishments due for suspension.
 */
@Component
class OversightHome implements HomeTaskSource, HomeAlertSource {

    private final Inspections inspections;
    private final EstablishmentRegistry registry;

    OversightHome(Inspections inspections, EstablishmentRegistry registry) {
        this.inspections = inspections;
        this.registry = registry;
    }

    /** A home shows a few items and counts the rest; the lists are one click away. */
    static final int HOME_ITEMS = 5;
    /** Remedies not yet due stay to-do items one by one, as many as the remedy list shows. */
    static final int TASK_ITEMS = 50;

    @Override
    public List<HomeTask> tasksFor(CurrentUser user, LocalDate today) {
        List<HomeTask> out = new ArrayList<>();
        for (Inspections.OpenRemedy r : inspections.openRemedies(user, false, today, TASK_ITEMS)) {
            out.add(new HomeTask(HomeTask.Area.OTHER, HomeTask.Action.SUBMIT, "oversight.task.remedy", List.of(r.subjectName(), r.remedy()),
                    "/oversight/inspections/" + r.inspectionId(), r.due()));
        }
        return out;
    }

    @Override
    public List<HomeAlert> alertsFor(CurrentUser user, LocalDate today) {
        List<HomeAlert> out = new ArrayList<>();
        long overdue = inspections.countOverdueRemedies(user, today);
        if (overdue > HOME_ITEMS) {
            out.add(new HomeAlert(HomeAlert.Severity.OVERDUE, "oversight.alert.remediesOverdue", List.of(overdue), "/oversight/inspections"));
        } else if (overdue > 0) {
            for (Inspections.OpenRemedy r : inspections.openRemedies(user, true, today, HOME_ITEMS)) {
                out.add(new HomeAlert(HomeAlert.Severity.OVERDUE, "oversight.alert.remedyOverdue", List.of(r.subjectName(), r.remedy(),
                        r.due().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))),
                        "/oversight/inspections/" + r.inspectionId()));
            }
        }
        if (EstablishmentRegistry.OFFICES.contains(user.role()) || user.role() == Role.INSPECTOR) {
            long due = registry.countSuspensionDue(user);
            if (due > 0) {
                out.add(new HomeAlert(HomeAlert.Severity.WARNING, "oversight.alert.suspensionDue", List.of(due), "/oversight/establishments?due=true"));
            }
        }
        return out;
    }
}
