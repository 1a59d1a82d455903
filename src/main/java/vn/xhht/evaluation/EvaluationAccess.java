package vn.xhht.evaluation;

import java.util.EnumSet;
import java.util.Set;

import vn.xhht.evaluation.Evaluation.Stage;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Role;

/**
 * Who may do what with an evaluation dossier, one policy for pages, the API and the procedure: the owner's side
 * prepares it, the receiving office accepts, checks, proposes and decides (a commune too, for its hamlets' families and
 * clans), an association evaluator may join the check.
 */
@org.springframework.stereotype.Component
public class EvaluationAccess {

    static final Set<Role> OFFICERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER);
    static final Set<Role> CHECKERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER, Role.ASSOCIATION_EVALUATOR);

    private final OrgUnitDirectory units;
    private final FrameworkCatalog catalog;

    EvaluationAccess(OrgUnitDirectory units, FrameworkCatalog catalog) {
        this.units = units;
        this.catalog = catalog;
    }

    Set<Role> reviewerRoles(Evaluation e) {
        OrgUnit reviewer = units.require(e.reviewerUnitId());
        if (reviewer.level() == OrgUnit.COMMUNE) {
            Set<Role> roles = EnumSet.copyOf(OFFICERS);
            roles.add(Role.COMMUNE_OFFICER);
            return roles;
        }
        return OFFICERS;
    }

    void requireChecker(CurrentUser user, Evaluation e) {
        boolean role = CHECKERS.contains(user.role()) || reviewerRoles(e).contains(user.role());
        if (!role || user.unitId() == e.ownerUnitId() || !units.canWrite(user, e.reviewerUnitId())) {
            throw new AccessDeniedProblem("evaluation.cannotCheck");
        }
    }

    void requireDecider(CurrentUser user, Evaluation e) {
        if (!reviewerRoles(e).contains(user.role()) || user.unitId() == e.ownerUnitId() || !units.canWrite(user, e.reviewerUnitId())) {
            throw new AccessDeniedProblem("evaluation.cannotDecide");
        }
    }

    public boolean canEdit(CurrentUser user, Evaluation e) {
        return e.stage().editable() && isOwnerSide(user, e);
    }

    /**
     * The owner's side prepares the dossier: users who may write the owner unit, but not the office that receives
     * it (an office never fills in the dossier it will judge), except a commune for its hamlets' families and clans.
     */
    boolean isOwnerSide(CurrentUser user, Evaluation e) {
        if (!units.canWrite(user, e.ownerUnitId()) || user.role() == Role.ASSOCIATION_EVALUATOR) {
            return false;
        }
        return user.unitId() != e.reviewerUnitId() || units.require(e.reviewerUnitId()).level() == OrgUnit.COMMUNE;
    }

    /** Refuses unless the user is on the owner's side and the dossier is still being prepared (draft or returned). */
    void checkPreparing(CurrentUser user, Evaluation e) {
        if (!isOwnerSide(user, e)) {
            throw new AccessDeniedProblem("evaluation.cannotSubmit");
        }
        if (!e.stage().editable()) {
            throw new InvalidInputProblem("stage", "evaluation.locked");
        }
    }

    public boolean canAccept(CurrentUser user, Evaluation e) {
        return e.stage() == Stage.SUBMITTED && reviewerRoles(e).contains(user.role()) && user.unitId() != e.ownerUnitId()
                && units.canWrite(user, e.reviewerUnitId());
    }

    /** The check follows acceptance, or the approved check plan when the framework asks for one. */
    boolean checkable(Evaluation e, Framework f) {
        return e.stage() == Stage.CHECKED || (f.procedure().checkPlan() ? e.stage() == Stage.PLANNED : e.stage() == Stage.ACCEPTED);
    }

    public boolean canPlanCheck(CurrentUser user, Evaluation e) {
        return e.stage() == Stage.ACCEPTED && catalog.byVersionId(e.frameworkVersionId()).procedure().checkPlan() && canDecide(user, e);
    }

    public boolean canCheck(CurrentUser user, Evaluation e) {
        try {
            requireChecker(user, e);
            return checkable(e, catalog.byVersionId(e.frameworkVersionId()));
        } catch (AccessDeniedProblem x) {
            return false;
        }
    }

    public boolean canDecide(CurrentUser user, Evaluation e) {
        try {
            requireDecider(user, e);
            return true;
        } catch (AccessDeniedProblem x) {
            return false;
        }
    }
}
