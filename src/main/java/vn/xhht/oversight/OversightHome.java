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
    private final OversightReportDues dues;

    OversightHome(Inspections inspections, EstablishmentRegistry registry, OversightReportDues dues) {
        this.inspections = inspections;
        this.registry = registry;
        this.dues = dues;
    }

    /** How long before its due date the list report becomes a to-do item of the owing unit. */
    static final int LIST_REPORT_NOTICE_DAYS = 45;
    static final java.time.format.DateTimeFormatter DMY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The list reports the user's unit owes: last year's (still late ones) and this year's. */
    private List<OversightReportDues.Due> owed(CurrentUser user, LocalDate today) {
        if (user.role() != Role.COMMUNE_OFFICER && user.role() != Role.DISTRICT_OFFICER) {
            return List.of();
        }
        List<OversightReportDues.Due> out = new ArrayList<>(dues.dues(user.unitId(), today.getYear() - 1, today));
        out.addAll(dues.dues(user.unitId(), today.getYear(), today));
        return out;
    }

    private static List<Object> words(OversightReportDues.Due d) {
        return List.of(d.half() == 1 ? "6 tháng đầu năm " + d.year() : "6 tháng cuối năm " + d.year(), d.dueDate().format(DMY),
                d.legalBasis(), d.certainty().vietnamese());
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
        for (OversightReportDues.Due d : owed(user, today)) {
            if (!d.submitted() && !d.late() && !today.plusDays(LIST_REPORT_NOTICE_DAYS).isBefore(d.dueDate())) {
                out.add(new HomeTask(HomeTask.Area.REPORT, HomeTask.Action.SUBMIT, "oversight.task.listReport", words(d),
                        "/reports?templateCode=" + OversightReportDues.TEMPLATE + "&period=" + d.periodCode(), d.dueDate()));
            }
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
        for (OversightReportDues.Due d : owed(user, today)) {
            if (!d.submitted() && d.late()) {
                out.add(new HomeAlert(HomeAlert.Severity.OVERDUE, "oversight.alert.listReportLate", words(d),
                        "/reports?templateCode=" + OversightReportDues.TEMPLATE + "&period=" + d.periodCode()));
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
