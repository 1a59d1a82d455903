package vn.xhht.orgunit;

import org.springframework.stereotype.Component;

import vn.xhht.shared.CurrentUsers;

/**
 * For templates ({@code ${@unitLinks.readable(id)}}): whether the signed-in user may open a unit's pages, so that
 * breadcrumbs and drill-ups show units outside its area as plain text instead of links that answer 403.
 */
@Component("unitLinks")
public class UnitLinks {
    private final OrgUnitDirectory units;

    UnitLinks(OrgUnitDirectory units) {
        this.units = units;
    }

    public boolean readable(Long unitId) {
        return unitId != null && CurrentUsers.find().map(u -> units.canRead(u, unitId)).orElse(false);
    }
}
