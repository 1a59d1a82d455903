package vn.xhht.orgunit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.InvalidInputProblem.Violation;
import vn.xhht.shared.Role;
import vn.xhht.shared.VietnamClock;

/**
 * Hamlets and residential groups (thôn, xóm, bản, tổ dân phố, khu phố…) of a commune: the commune keeps
 * this list itself. A hamlet is never deleted: closing it ends its validity so old figures keep their place.
 */
@Service
@Transactional
public class HamletService {

    static final Set<Role> MANAGERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER, Role.COMMUNE_OFFICER);

    /** What a new hamlet needs; {@code validFrom} null means today. */
    public record NewHamlet(String name, String type, LocalDate validFrom) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory directory;
    private final AuditTrail audit;
    private final VietnamClock clock;

    HamletService(JdbcClient jdbc, OrgUnitDirectory directory, AuditTrail audit, VietnamClock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public OrgUnit create(CurrentUser user, long communeId, NewHamlet input) {
        OrgUnit commune = writableCommune(user, communeId);
        Checked h = check(commune, input, "");
        if (!h.violations().isEmpty()) {
            throw new InvalidInputProblem(h.violations());
        }
        return insert(commune, h);
    }

    /** A hamlet checked against the rules: the violations name fields with the given prefix. */
    record Checked(String name, String type, LocalDate validFrom, List<Violation> violations) {
    }

    Checked check(OrgUnit commune, NewHamlet input, String fieldPrefix) {
        List<Violation> violations = new ArrayList<>();
        String name = UnitNames.clean(input.name());
        String problem = UnitNames.problem(name);
        if (problem != null) {
            violations.add(new Violation(fieldPrefix + "name", problem, UnitNames.MAX_LENGTH));
        } else if (openHamletNamed(commune.id(), name)) {
            violations.add(new Violation(fieldPrefix + "name", "hamlet.name.duplicate", name, commune.name()));
        }
        String type = HamletType.parse(input.type()).orElse(null);
        if (type == null) {
            violations.add(new Violation(fieldPrefix + "type", "hamlet.type.invalid", String.join(", ", HamletType.ALL)));
        }
        LocalDate from = input.validFrom() == null ? clock.today() : input.validFrom();
        if (!commune.validOn(from)) {
            violations.add(new Violation(fieldPrefix + "validFrom", "hamlet.validFrom.outsideCommune", commune.name()));
        }
        return new Checked(name, type, from, violations);
    }

    OrgUnit insert(OrgUnit commune, Checked h) {
        int next = jdbc.sql("select count(*) + 1 from org_unit where parent_id = :p").param("p", commune.id())
                .query(Integer.class).single();
        String code = commune.code() + "." + String.format("%03d", next);
        long id;
        try {
            id = jdbc.sql("""
                    insert into org_unit (code, name, type, level, parent_id, province_id, valid_from, source)
                    values (:code, :name, :type, 4, :parent, :province, :from, 'USER') returning id
                    """)
                    .param("code", code).param("name", h.name()).param("type", h.type())
                    .param("parent", commune.id()).param("province", commune.provinceId()).param("from", h.validFrom())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputProblem("name", "hamlet.name.duplicate", h.name(), commune.name());
        }
        jdbc.sql("update org_unit set path = (select path from org_unit where id = :p) || id || '/' where id = :id")
                .param("p", commune.id()).param("id", id).update();
        OrgUnit created = directory.require(id);
        audit.change(AuditAction.CREATE, "OrgUnit", id, id, null, snapshot(created), "Thêm " + h.type() + " " + h.name());
        return created;
    }

    public OrgUnit rename(CurrentUser user, long hamletId, String newName, long version) {
        OrgUnit hamlet = writableHamlet(user, hamletId);
        String name = UnitNames.clean(newName);
        String problem = UnitNames.problem(name);
        if (problem != null) {
            throw new InvalidInputProblem("name", problem, UnitNames.MAX_LENGTH);
        }
        if (!name.equalsIgnoreCase(hamlet.name()) && openHamletNamed(hamlet.parentId(), name)) {
            throw new InvalidInputProblem("name", "hamlet.name.duplicate", name, hamlet.parentName());
        }
        int n;
        try {
            n = jdbc.sql("update org_unit set name = :name, version = version + 1, updated_at = now() where id = :id and version = :v")
                    .param("name", name).param("id", hamletId).param("v", version).update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputProblem("name", "hamlet.name.duplicate", name, hamlet.parentName());
        }
        if (n == 0) {
            throw new ConcurrentEditProblem("OrgUnit " + hamletId);
        }
        OrgUnit after = directory.require(hamletId);
        audit.change(AuditAction.UPDATE, "OrgUnit", hamletId, hamletId, snapshot(hamlet), snapshot(after),
                "Đổi tên " + hamlet.name() + " → " + name);
        return after;
    }

    public OrgUnit close(CurrentUser user, long hamletId, LocalDate closedOn, long version) {
        OrgUnit hamlet = writableHamlet(user, hamletId);
        if (closedOn == null) {
            throw new InvalidInputProblem("validTo", "hamlet.validTo.required");
        }
        if (hamlet.validFrom() != null && closedOn.isBefore(hamlet.validFrom())) {
            throw new InvalidInputProblem("validTo", "hamlet.validTo.beforeStart");
        }
        if (hamlet.closed()) {
            throw new InvalidInputProblem("validTo", "hamlet.alreadyClosed");
        }
        int n = jdbc.sql("update org_unit set valid_to = :to, version = version + 1, updated_at = now() where id = :id and version = :v")
                .param("to", closedOn).param("id", hamletId).param("v", version).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("OrgUnit " + hamletId);
        }
        OrgUnit after = directory.require(hamletId);
        audit.change(AuditAction.UPDATE, "OrgUnit", hamletId, hamletId, snapshot(hamlet), snapshot(after),
                "Giải thể / ngừng " + hamlet.name() + " từ " + closedOn);
        return after;
    }

    /** The attributes the seeds rely on: border commune, zone, especially difficult, ethnic-minority area. */
    public record Attributes(boolean borderCommune, OrgUnit.Zone zone, boolean especiallyDifficult, boolean ethnicMinorityArea) {
    }

    public OrgUnit updateAttributes(CurrentUser user, long unitId, Attributes a, long version) {
        if (!EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER).contains(user.role())) {
            throw new AccessDeniedProblem("error.roleCannotEditAttributes");
        }
        directory.checkWritable(user, unitId);
        OrgUnit before = directory.require(unitId);
        int n = jdbc.sql("""
                update org_unit set border_commune = :b, zone = :z, especially_difficult = :d, ethnic_minority_area = :e,
                       version = version + 1, updated_at = now()
                where id = :id and version = :v
                """)
                .param("b", a.borderCommune()).param("z", a.zone() == null ? null : a.zone().name())
                .param("d", a.especiallyDifficult()).param("e", a.ethnicMinorityArea())
                .param("id", unitId).param("v", version).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("OrgUnit " + unitId);
        }
        OrgUnit after = directory.require(unitId);
        audit.change(AuditAction.UPDATE, "OrgUnit", unitId, unitId, snapshot(before), snapshot(after),
                "Cập nhật thuộc tính " + before.name());
        return after;
    }

    OrgUnit writableCommune(CurrentUser user, long communeId) {
        requireManager(user);
        OrgUnit commune = directory.require(communeId);
        directory.checkWritable(user, communeId);
        if (!commune.isCommune()) {
            throw new InvalidInputProblem("parentId", "hamlet.parent.notCommune");
        }
        return commune;
    }

    private OrgUnit writableHamlet(CurrentUser user, long hamletId) {
        requireManager(user);
        OrgUnit hamlet = directory.require(hamletId);
        directory.checkWritable(user, hamletId);
        if (!hamlet.isHamlet()) {
            throw new InvalidInputProblem("id", "hamlet.notHamlet");
        }
        return hamlet;
    }

    private static void requireManager(CurrentUser user) {
        if (!MANAGERS.contains(user.role())) {
            throw new AccessDeniedProblem("error.roleCannotManageHamlets");
        }
    }

    boolean openHamletNamed(long communeId, String name) {
        return jdbc.sql("select exists (select 1 from org_unit where parent_id = :p and level = 4 and valid_to is null and lower(name) = lower(:n))")
                .param("p", communeId).param("n", name).query(Boolean.class).single();
    }

    static Map<String, Object> snapshot(OrgUnit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", u.code());
        m.put("name", u.name());
        m.put("type", u.type());
        m.put("level", u.level());
        m.put("parentId", u.parentId());
        m.put("validFrom", u.validFrom() == null ? null : u.validFrom().toString());
        m.put("validTo", u.validTo() == null ? null : u.validTo().toString());
        m.put("borderCommune", u.borderCommune());
        m.put("zone", u.zone() == null ? null : u.zone().name());
        m.put("especiallyDifficult", u.especiallyDifficult());
        m.put("ethnicMinorityArea", u.ethnicMinorityArea());
        m.put("version", u.version());
        return m;
    }
}
