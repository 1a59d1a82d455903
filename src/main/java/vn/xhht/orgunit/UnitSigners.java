package vn.xhht.orgunit;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Texts;

/**
 * The people who sign a unit's documents: the chairman of its People's Committee and the head of its education
 * agency. Documents print the name under the position; the unit keeps the names on its page.
 */
@Service
@Transactional
@org.springframework.modulith.NamedInterface("api")
public class UnitSigners {

    /** Names recorded for a unit; either may be null (nobody recorded yet). */
    public record Signers(String chairName, String educationHeadName) {
        static final Signers NONE = new Signers(null, null);
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory directory;
    private final AuditTrail audit;

    UnitSigners(JdbcClient jdbc, OrgUnitDirectory directory, AuditTrail audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Signers of(long unitId) {
        return jdbc.sql("select chair_name, education_head_name from unit_signer where unit_id = :u").param("u", unitId)
                .query((rs, n) -> new Signers(rs.getString(1), rs.getString(2))).optional().orElse(Signers.NONE);
    }

    public void save(CurrentUser user, long unitId, String chairName, String educationHeadName) {
        if (!directory.canWrite(user, unitId)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        String chair = Texts.orNull(chairName), head = Texts.orNull(educationHeadName);
        if (chair != null && chair.length() > 120) {
            throw new InvalidInputProblem("chairName", "unit.signer.tooLong", 120);
        }
        if (head != null && head.length() > 120) {
            throw new InvalidInputProblem("educationHeadName", "unit.signer.tooLong", 120);
        }
        Signers before = of(unitId);
        jdbc.sql("""
                insert into unit_signer (unit_id, chair_name, education_head_name, updated_by) values (:u, :c, :h, :by)
                on conflict (unit_id) do update set chair_name = excluded.chair_name, education_head_name = excluded.education_head_name,
                       updated_by = excluded.updated_by, updated_at = now()
                """).param("u", unitId).param("c", chair).param("h", head).param("by", user.username()).update();
        audit.change(AuditAction.UPDATE, "OrgUnit", unitId, unitId, map(before), map(new Signers(chair, head)), "Người ký văn bản");
    }

    private static Map<String, Object> map(Signers s) {
        Map<String, Object> m = new HashMap<>();
        m.put("chairName", s.chairName());
        m.put("educationHeadName", s.educationHeadName());
        return m;
    }
}
