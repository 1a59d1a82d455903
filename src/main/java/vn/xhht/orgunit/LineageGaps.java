package vn.xhht.orgunit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.TextLimits;

/**
 * The units of the 2019-2025 history whose successor no source names (a code that vanished and no name alias): the
 * administrator reads the resolution and records where the unit went, so its figures can follow it.
 */
@Service
public class LineageGaps {

    /** A version that ended before 01/03/2025 without a successor link. */
    public record Gap(long id, String code, String name, String parentName, String provinceName, int level,
                      LocalDate validTo, String endBasis) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory directory;
    private final AuditTrail audit;

    LineageGaps(JdbcClient jdbc, OrgUnitDirectory directory, AuditTrail audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    public List<Gap> open() {
        return jdbc.sql("""
                select u.id, u.code, u.name, p.name as parent_name, pr.name as province_name, u.level, u.valid_to, u.end_basis
                from org_unit u
                join org_unit p on p.id = u.parent_id
                join org_unit pr on pr.id = u.province_id
                where u.source = 'GSO-2019-2025'
                  and not exists (select 1 from org_unit_succession s where s.predecessor_id = u.id)
                order by pr.name, u.level, u.valid_to, u.name
                """).query((rs, n) -> new Gap(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getString("parent_name"), rs.getString("province_name"), rs.getInt("level"),
                rs.getObject("valid_to", LocalDate.class), rs.getString("end_basis"))).list();
    }

    /** Records where a unit went: a unit of the same level in force the day after it ended, with the resolution. */
    @Transactional
    public Succession complete(CurrentUser user, long unitId, String successorCode, String coverage, String legalBasis) {
        if (user.role() != Role.SYSTEM_ADMIN) {
            throw new AccessDeniedProblem("error.adminOnly");
        }
        OrgUnit unit = directory.find(unitId).filter(u -> "GSO-2019-2025".equals(u.source()))
                .orElseThrow(() -> new NotFoundProblem("unit.notFound", unitId));
        String code = successorCode == null ? "" : successorCode.strip();
        String basis = legalBasis == null ? "" : legalBasis.strip();
        List<InvalidInputProblem.Violation> v = new ArrayList<>();
        if (code.isEmpty()) {
            v.add(new InvalidInputProblem.Violation("successorCode", "lineage.successor.required"));
        }
        InputRules.maxLength(v, "successorCode", code, TextLimits.ORG_UNIT__CODE);
        Succession.Coverage cov = null;
        try {
            cov = Succession.Coverage.valueOf(coverage == null ? "" : coverage);
        } catch (IllegalArgumentException e) {
            v.add(new InvalidInputProblem.Violation("coverage", "lineage.coverage.required"));
        }
        if (basis.isEmpty()) {
            v.add(new InvalidInputProblem.Violation("legalBasis", "lineage.legalBasis.required"));
        }
        InputRules.maxLength(v, "legalBasis", basis, TextLimits.ORG_UNIT_SUCCESSION__LEGAL_BASIS);
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        LocalDate from = unit.validTo().plusDays(1);
        OrgUnit successor = directory.findByCode(code, unit.level(), from)
                .orElseThrow(() -> new InvalidInputProblem("successorCode", "lineage.successor.notFound", code,
                        from.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
        try {
            jdbc.sql("""
                    insert into org_unit_succession (predecessor_id, successor_id, coverage, effective_on, basis, certainty, legal_basis)
                    values (:p, :s, :c, :from, 'ADMIN', 'VERIFIED', :b)
                    """).param("p", unit.id()).param("s", successor.id()).param("c", cov.name()).param("from", from)
                    .param("b", basis).update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputProblem("successorCode", "lineage.successor.duplicate");
        }
        audit.change(AuditAction.CREATE, "OrgUnit", unit.id(), unit.id(), null,
                Map.of("successor", successor.code() + " " + successor.name(), "coverage", cov.name(), "legalBasis", basis),
                unit.name() + " → " + successor.name() + " (" + basis + ")");
        return new Succession(successor, cov, from, Succession.Basis.ADMIN, vn.xhht.shared.Certainty.VERIFIED, basis);
    }
}
