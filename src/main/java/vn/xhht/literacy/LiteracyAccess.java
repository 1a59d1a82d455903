package vn.xhht.literacy;

import org.springframework.stereotype.Component;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;

/**
 * Who may see what: figures of a unit need read access to it; person-level data also needs the literacy
 * permission (and is logged when shown or exported).
 */
@Component
class LiteracyAccess {

    private final OrgUnitDirectory units;
    private final AuditTrail audit;

    LiteracyAccess(OrgUnitDirectory units, AuditTrail audit) {
        this.units = units;
        this.audit = audit;
    }

    OrgUnit requireReadable(CurrentUser user, long unitId) {
        return units.requireReadable(user, unitId);
    }

    OrgUnit requirePersons(CurrentUser user, long unitId) {
        OrgUnit unit = units.requireReadable(user, unitId);
        if (!user.literacyAccess()) {
            throw new AccessDeniedProblem("lit.access.persons");
        }
        return unit;
    }

    OrgUnit requireWritablePersons(CurrentUser user, long unitId) {
        OrgUnit unit = requirePersons(user, unitId);
        units.checkWritable(user, unitId);
        return unit;
    }

    void logView(long unitId, String what, Object ids) {
        audit.access(AuditAction.READ, "LiteracyPerson", null, unitId, what + ": " + ids);
    }

    void logExport(long unitId, String what, long rows) {
        audit.access(AuditAction.EXPORT, "LiteracyPerson", null, unitId, what + " (" + rows + " người)");
    }

    OrgUnitDirectory units() {
        return units;
    }
}
