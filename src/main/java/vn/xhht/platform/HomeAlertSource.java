package vn.xhht.platform;

import java.time.LocalDate;
import java.util.List;

import vn.xhht.shared.CurrentUser;

/** A module's alerts on the home dashboard; each feature module declares its own bean. */
@org.springframework.modulith.NamedInterface("api")
public interface HomeAlertSource {
    List<HomeAlert> alertsFor(CurrentUser user, LocalDate today);
}
