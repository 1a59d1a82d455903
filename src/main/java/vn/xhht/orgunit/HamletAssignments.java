package vn.xhht.orgunit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.TextLimits;

/**
 * For a commune split across several new communes: which successor each of its hamlets went to. The series of a new
 * commune before the reform counts a split predecessor's figures only through the hamlets assigned to it.
 */
@Service
public class HamletAssignments {

    /** A hamlet of the split commune, the successor it went to (null: not allocated yet) and its row version. */
    public record SplitHamlet(long hamletId, String name, Long successorId, String legalBasis, long version) {
    }

    /** The choice made on screen for one hamlet: successor null = not allocated; version -1 = no row when opened. */
    public record Choice(long hamletId, Long successorId, long version) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory directory;
    private final AuditTrail audit;

    HamletAssignments(JdbcClient jdbc, OrgUnitDirectory directory, AuditTrail audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    /** The successors a split commune's hamlets can go to; empty when the commune went wholly into one unit. */
    public List<Succession> successorsToChoose(long communeId) {
        List<Succession> all = directory.successors(communeId);
        return all.stream().anyMatch(s -> s.coverage() == Succession.Coverage.PARTIAL) ? all : List.of();
    }

    public List<SplitHamlet> hamlets(long communeId) {
        return jdbc.sql("""
                select h.id, h.name, hs.successor_id, hs.legal_basis, coalesce(hs.version, -1) as version
                from org_unit h left join hamlet_successor hs on hs.hamlet_id = h.id
                where h.parent_id = :c and h.level = 4
                order by h.name
                """).param("c", communeId).query((rs, n) -> new SplitHamlet(rs.getLong("id"), rs.getString("name"),
                rs.getObject("successor_id", Long.class), rs.getString("legal_basis"), rs.getLong("version"))).list();
    }

    /** Saves every choice of the page at once; returns how many hamlets are allocated now. */
    @Transactional
    public int assign(CurrentUser user, long communeId, List<Choice> choices, String legalBasis) {
        if (!HamletService.MANAGERS.contains(user.role())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        directory.requireReadable(user, communeId);
        Set<Long> successors = successorsToChoose(communeId).stream().map(s -> s.unit().id()).collect(Collectors.toSet());
        Map<Long, SplitHamlet> current = new LinkedHashMap<>();
        hamlets(communeId).forEach(h -> current.put(h.hamletId(), h));
        String basis = legalBasis == null ? "" : legalBasis.strip();
        List<InvalidInputProblem.Violation> v = new ArrayList<>();
        for (Choice c : choices) {
            if (!current.containsKey(c.hamletId())) {
                v.add(new InvalidInputProblem.Violation("successor_" + c.hamletId(), "hamlets.assign.hamlet.invalid"));
            } else if (c.successorId() != null && !successors.contains(c.successorId())) {
                v.add(new InvalidInputProblem.Violation("successor_" + c.hamletId(), "hamlets.assign.successor.invalid"));
            }
        }
        if (basis.isEmpty() && choices.stream().anyMatch(c -> c.successorId() != null)) {
            v.add(new InvalidInputProblem.Violation("legalBasis", "hamlets.assign.legalBasis.required"));
        }
        InputRules.maxLength(v, "legalBasis", basis, TextLimits.HAMLET_SUCCESSOR__LEGAL_BASIS);
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        // the user must be able to write every successor a hamlet is given to or taken from
        for (Choice c : choices) {
            SplitHamlet before = current.get(c.hamletId());
            for (Long s : new Long[]{c.successorId(), before.successorId()}) {
                if (s != null && !directory.canWrite(user, s)) {
                    throw new AccessDeniedProblem("error.unitOutOfScope");
                }
            }
        }
        List<String> changes = new ArrayList<>();
        for (Choice c : choices) {
            SplitHamlet before = current.get(c.hamletId());
            if (before.version() != c.version()) {
                throw new ConcurrentEditProblem("HamletSuccessor " + c.hamletId());
            }
            boolean same = java.util.Objects.equals(before.successorId(), c.successorId())
                    && (c.successorId() == null || basis.equals(before.legalBasis()));
            if (same) {
                continue;
            }
            if (c.successorId() == null) {
                jdbc.sql("delete from hamlet_successor where hamlet_id = :h and version = :v")
                        .param("h", c.hamletId()).param("v", c.version()).update();
            } else if (before.successorId() == null) {
                jdbc.sql("""
                        insert into hamlet_successor (hamlet_id, successor_id, legal_basis, assigned_by)
                        values (:h, :s, :b, :u)
                        """).param("h", c.hamletId()).param("s", c.successorId()).param("b", basis)
                        .param("u", user.username()).update();
            } else if (jdbc.sql("""
                        update hamlet_successor set successor_id = :s, legal_basis = :b, assigned_by = :u,
                               assigned_at = now(), version = version + 1
                        where hamlet_id = :h and version = :v
                        """).param("h", c.hamletId()).param("s", c.successorId()).param("b", basis)
                        .param("u", user.username()).param("v", c.version()).update() == 0) {
                throw new ConcurrentEditProblem("HamletSuccessor " + c.hamletId());
            }
            changes.add(before.name() + " → " + (c.successorId() == null ? "chưa phân bổ" : directory.require(c.successorId()).name()));
        }
        if (!changes.isEmpty()) {
            audit.change(AuditAction.UPDATE, "OrgUnit", communeId, communeId, null,
                    Map.of("hamlets", changes, "legalBasis", basis), "Phân thôn về đơn vị kế thừa: " + String.join("; ", changes));
        }
        return (int) hamlets(communeId).stream().filter(h -> h.successorId() != null).count();
    }
}
