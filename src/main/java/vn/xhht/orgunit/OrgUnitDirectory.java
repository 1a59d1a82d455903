package vn.xhht.orgunit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.NotFoundProblem;

/**
 * Reads units and answers the access question every module asks: may this user read / change data of that
 * unit? A user reads the subtree of its unit plus the subtrees of the units its unit succeeded (a province
 * officer of Cao Bằng since 1/7/2025 reads the old districts of Cao Bằng); it writes only in its own subtree.
 */
@Service
@Transactional(readOnly = true)
@org.springframework.modulith.NamedInterface("api")
public class OrgUnitDirectory {

    private final OrgUnitRepository units;

    OrgUnitDirectory(OrgUnitRepository units) {
        this.units = units;
    }

    public Optional<OrgUnit> find(long id) {
        return units.find(id);
    }

    public OrgUnit require(long id) {
        return units.find(id).orElseThrow(() -> new NotFoundProblem("unit.notFound", id));
    }

    /** The unit with this official code and level valid on the date (codes are reused across structures). */
    public Optional<OrgUnit> findByCode(String code, int level, LocalDate date) {
        return units.findByCode(code, level, date);
    }

    public boolean canRead(CurrentUser user, long unitId) {
        return units.isWithinReadScope(user.unitId(), unitId);
    }

    /**
     * Whether the unit lies in the named scope of another (SQL callers use {@link UnitScope#ids(String)} instead, so
     * the database filters sets): which scope a kind of list uses is decided in docs/architecture.md.
     */
    public boolean within(UnitScope scope, long scopeUnitId, long unitId) {
        return units.isWithin(scope, scopeUnitId, unitId);
    }

    public boolean canWrite(CurrentUser user, long unitId) {
        return units.isWithinWriteScope(user.unitId(), unitId);
    }

    /** The unit, if the user may read it; otherwise 403 (404 if it does not exist). */
    public OrgUnit requireReadable(CurrentUser user, long unitId) {
        OrgUnit unit = require(unitId);
        if (!canRead(user, unitId)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return unit;
    }

    public void checkWritable(CurrentUser user, long unitId) {
        if (!canWrite(user, unitId)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
    }

    public List<OrgUnit> ancestors(OrgUnit unit) {
        return units.ancestors(unit);
    }

    public List<Succession> successors(long unitId) {
        return units.successors(unitId);
    }

    /** Who took over a closed unit (its successors, or those of the communes below it); empty for a unit still valid. */
    public List<OrgUnit> takenOverBy(long unitId) {
        return units.takenOverBy(unitId);
    }

    public List<Succession> predecessors(long unitId) {
        return units.predecessors(unitId);
    }

    /** Units in the user's read scope matching the criteria (null criteria do not filter). */
    public List<OrgUnit> search(CurrentUser user, LocalDate date, Integer level, Long parentId, String query, int limit) {
        return units.list(new OrgUnitRepository.Filter(user.unitId(), date, level, parentId, query, limit));
    }

    /** As {@link #search}, keeping only units whose dated attributes on {@code date} have the given values. */
    public List<OrgUnit> search(CurrentUser user, LocalDate date, Integer level, Long parentId, String query, int limit,
                                UnitAttributeFilter attributes) {
        return units.list(new OrgUnitRepository.Filter(user.unitId(), date, level, parentId, query, limit, attributes));
    }
}
