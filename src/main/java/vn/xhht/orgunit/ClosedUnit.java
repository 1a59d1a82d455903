package vn.xhht.orgunit;

import java.time.LocalDate;
import java.util.List;

/** The signed-in user's ended unit, the day it ended and the units that took over (linked only where the user may read). */
public record ClosedUnit(OrgUnit unit, LocalDate endedOn, List<ClosedUnit.Successor> successors) {

    public record Successor(long id, String name, boolean readable) {
    }
}
