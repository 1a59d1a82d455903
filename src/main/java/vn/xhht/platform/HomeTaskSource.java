package vn.xhht.platform;

import java.time.LocalDate;
import java.util.List;

import vn.xhht.shared.CurrentUser;

/**
 * A module's to-do items for the home page (what waits for this user to review, resubmit or submit). Each module
 * that owns reviewable work declares its own bean, so the dashboard never reads another module's tables.
 */
@org.springframework.modulith.NamedInterface("api")
public interface HomeTaskSource {
    List<HomeTask> tasksFor(CurrentUser user, LocalDate today);
}
