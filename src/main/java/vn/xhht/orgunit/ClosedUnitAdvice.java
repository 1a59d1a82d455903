package vn.xhht.orgunit;

import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.VietnamClock;

/**
 * Tells every page of a user whose unit has ended (a district abolished on 30/06/2025) that it is looking at
 * history, read-only, and who took over: the layout shows the banner whenever {@code closedUnit} is set.
 */
@ControllerAdvice(annotations = Controller.class)
class ClosedUnitAdvice {

    private final OrgUnitDirectory units;
    private final VietnamClock clock;

    ClosedUnitAdvice(OrgUnitDirectory units, VietnamClock clock) {
        this.units = units;
        this.clock = clock;
    }

    @ModelAttribute("closedUnit")
    ClosedUnit closedUnit() {
        return CurrentUsers.find().flatMap(user -> units.find(user.unitId())
                .filter(u -> u.validTo() != null && u.validTo().isBefore(clock.today()))
                .map(u -> new ClosedUnit(u, u.validTo(), units.takenOverBy(u.id()).stream()
                        .map(s -> new ClosedUnit.Successor(s.id(), s.name(), units.canRead(user, s.id()))).toList())))
                .orElse(null);
    }
}
