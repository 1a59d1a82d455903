package vn.xhht.resources;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.xhht.platform.HomeTask;
import vn.xhht.platform.HomeTaskSource;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/** On the commune's home while its centre's people have attended fewer training events this year than the minimum. */
@Component
class TrainingHomeTasks implements HomeTaskSource {

    private final Trainings trainings;

    TrainingHomeTasks(Trainings trainings) {
        this.trainings = trainings;
    }

    @Override
    public List<HomeTask> tasksFor(CurrentUser user, LocalDate today) {
        if (user.role() != Role.COMMUNE_OFFICER) {
            return List.of();
        }
        int year = today.getYear();
        return trainings.compliance(user, user.unitId(), year).stream().filter(c -> !c.compliant())
                .map(c -> new HomeTask(HomeTask.Area.OTHER, HomeTask.Action.SUBMIT, "training.task",
                        List.of(c.centreName(), c.events(), c.required(), String.valueOf(year)), "/trainings", LocalDate.of(year, 12, 31)))
                .toList();
    }
}
