package vn.xhht.evaluation;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Texts;

/**
 * Subjects evaluated that are not administrative units: families and clans registered under their hamlet, agencies
 * (learning units) and learning centres under their commune or province.
 */
@Service
@Transactional
public class Subjects {

    public record Subject(long id, String kind, String name, String headName, Integer memberCount, long unitId, String unitName) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final AuditTrail audit;

    Subjects(JdbcClient jdbc, OrgUnitDirectory units, AuditTrail audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
    }

    public Subject register(CurrentUser user, String kind, String name, String headName, Integer memberCount, Long unitId) {
        if (kind == null || (kind == null || !List.of("FAMILY", "CLAN", "UNIT", "CENTRE").contains(kind))) {
            throw new InvalidInputProblem("kind", "evaluation.subject.kind.invalid");
        }
        String n = Texts.orNull(name);
        if (n == null) {
            throw new InvalidInputProblem("name", "evaluation.subject.name.required");
        }
        if (unitId == null) {
            throw new InvalidInputProblem("unitId", "evaluation.subject.unit.required");
        }
        OrgUnit unit = units.require(unitId);
        if (!units.canWrite(user, unitId)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        if ((kind.equals("FAMILY") || kind.equals("CLAN")) && unit.level() != OrgUnit.HAMLET) {
            throw new InvalidInputProblem("unitId", "evaluation.subject.hamletRequired");
        }
        if (memberCount != null && (memberCount < 1 || memberCount > 100000)) {
            throw new InvalidInputProblem("memberCount", "evaluation.subject.members.invalid");
        }
        long province = unit.provinceId() == null ? unit.id() : unit.provinceId();
        long id = jdbc.sql("""
                insert into eval_subject (kind, name, head_name, member_count, unit_id, province_id, created_by)
                values (:k, :n, :h, :m, :u, :p, :by) returning id
                """).param("k", kind).param("n", n).param("h", Texts.orNull(headName)).param("m", memberCount)
                .param("u", unitId).param("p", province).param("by", user.username()).query(Long.class).single();
        audit.change(AuditAction.CREATE, "EvaluationSubject", id, unitId, null,
                Map.of("kind", kind, "name", n), "Đăng ký " + n);
        return require(id);
    }

    /** The subject standing for a commune's learning centre, registered on first use. */
    Subject centreSubject(CurrentUser user, long communeId, String centreName) {
        return jdbc.sql(SELECT + " where s.kind = 'CENTRE' and s.unit_id = :u and s.name = :n order by s.id limit 1")
                .param("u", communeId).param("n", centreName).query(Subjects::map).optional()
                .orElseGet(() -> register(user, "CENTRE", centreName, null, null, communeId));
    }

    @Transactional(readOnly = true)
    public Subject require(long id) {
        return jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(Subjects::map).optional()
                .orElseThrow(() -> new NotFoundProblem("evaluation.subject.notFound", id));
    }

    /** Subjects registered in the unit's subtree. */
    @Transactional(readOnly = true)
    public List<Subject> within(CurrentUser user, long unitId) {
        units.requireReadable(user, unitId);
        return jdbc.sql(SELECT + """
                 where s.unit_id in (select id from xhht_unit_subtree(:u))
                 order by s.kind, u.name, s.name limit 1000
                """).param("u", unitId).query(Subjects::map).list();
    }

    private static final String SELECT = """
            select s.id, s.kind, s.name, s.head_name, s.member_count, s.unit_id, u.name as unit_name
              from eval_subject s join xhht_unit u on u.id = s.unit_id
            """;

    private static Subject map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Subject(rs.getLong("id"), rs.getString("kind"), rs.getString("name"), rs.getString("head_name"),
                rs.getObject("member_count", Integer.class), rs.getLong("unit_id"), rs.getString("unit_name"));
    }
}
