package vn.xhht.legaldoc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.InvalidInputProblem.Violation;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Role;

/**
 * Everyone signed in reads national documents and those of units in its area. System administrators keep the
 * national ones; a province officer or administrator keeps its own unit's documents.
 */
@Service
@Transactional
public class LegalDocumentRegister {

    public record Form(LegalDocument.Type type, String numberSymbol, String title, LocalDate issuedOn, String issuer,
                       LocalDate effectiveFrom, LocalDate effectiveTo, LegalDocument.Certainty certainty, String notes,
                       boolean national, Long version) {
    }

    private static final String SELECT = """
            select d.*, u.name as scope_unit_name from legal_document d left join xhht_unit u on u.id = d.scope_unit_id
            """;

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final AuditTrail audit;

    LegalDocumentRegister(JdbcClient jdbc, OrgUnitDirectory units, AuditTrail audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<LegalDocument> list(CurrentUser user, String query) {
        String q = query == null ? "" : query.strip();
        return jdbc.sql(SELECT + """
                 where (d.scope_unit_id is null
                        or d.scope_unit_id in (select id from xhht_unit_subtree(:scope))
                        or d.scope_unit_id in (select id from xhht_unit_line(:scope)))
                   and (:q = '' or xhht_search_key(d.number_symbol || ' ' || d.title || ' ' || d.issuer) like '%' || xhht_search_key(:q) || '%')
                 order by d.issued_on desc nulls last, d.number_symbol
                """).param("scope", user.unitId()).param("q", q).query(LegalDocumentRegister::map).list();
    }

    @Transactional(readOnly = true)
    public LegalDocument get(CurrentUser user, long id) {
        LegalDocument d = find(id).orElseThrow(() -> new NotFoundProblem("legal.notFound", id));
        if (d.scopeUnitId() != null && !units.canRead(user, d.scopeUnitId()) && !units.canWrite(user, d.scopeUnitId())
                && !isAncestorOfUser(user, d.scopeUnitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return d;
    }

    Optional<LegalDocument> find(long id) {
        return jdbc.sql(SELECT + " where d.id = :id").param("id", id).query(LegalDocumentRegister::map).optional();
    }

    public boolean canEdit(CurrentUser user, LegalDocument d) {
        if (d == null || d.scopeUnitId() == null) {
            return user.role() == Role.SYSTEM_ADMIN && units.find(user.unitId()).map(u -> u.level() == 0).orElse(false);
        }
        return EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER).contains(user.role()) && units.canWrite(user, d.scopeUnitId());
    }

    public long create(CurrentUser user, Form f) {
        Long scope = f.national() ? null : user.unitId();
        if (f.national() ? !canEdit(user, null) : !EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER).contains(user.role())) {
            throw new AccessDeniedProblem("legal.cannotEdit");
        }
        check(f);
        long id;
        try {
            id = jdbc.sql("""
                    insert into legal_document (doc_type, number_symbol, title, issued_on, issuer, effective_from, effective_to,
                                                certainty, notes, scope_unit_id)
                    values (:type, :num, :title, :issued, :issuer, :from, :to, :certainty, :notes, :scope) returning id
                    """).params(params(f)).param("scope", scope).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputProblem("numberSymbol", "legal.numberSymbol.duplicate", f.numberSymbol());
        }
        audit.change(AuditAction.CREATE, "LegalDocument", id, scope, null, snapshot(find(id).orElseThrow()),
                "Thêm văn bản " + f.numberSymbol());
        return id;
    }

    public void update(CurrentUser user, long id, Form f) {
        LegalDocument before = get(user, id);
        if (!canEdit(user, before)) {
            throw new AccessDeniedProblem("legal.cannotEdit");
        }
        check(f);
        int n;
        try {
            n = jdbc.sql("""
                    update legal_document set doc_type = :type, number_symbol = :num, title = :title, issued_on = :issued,
                           issuer = :issuer, effective_from = :from, effective_to = :to, certainty = :certainty, notes = :notes,
                           version = version + 1, updated_at = now()
                    where id = :id and version = :v
                    """).params(params(f)).param("id", id).param("v", f.version() == null ? -1 : f.version()).update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputProblem("numberSymbol", "legal.numberSymbol.duplicate", f.numberSymbol());
        }
        if (n == 0) {
            throw new ConcurrentEditProblem("LegalDocument " + id);
        }
        audit.change(AuditAction.UPDATE, "LegalDocument", id, before.scopeUnitId(), snapshot(before),
                snapshot(find(id).orElseThrow()), "Sửa văn bản " + f.numberSymbol());
    }

    private void check(Form f) {
        List<Violation> v = new ArrayList<>();
        if (f.type() == null) {
            v.add(new Violation("type", "legal.type.required"));
        }
        if (f.numberSymbol() == null || f.numberSymbol().isBlank()) {
            v.add(new Violation("numberSymbol", "legal.numberSymbol.required"));
        } else if (f.numberSymbol().length() > 80) {
            v.add(new Violation("numberSymbol", "legal.numberSymbol.tooLong"));
        }
        if (f.title() == null || f.title().isBlank()) {
            v.add(new Violation("title", "legal.title.required"));
        }
        if (f.issuer() == null || f.issuer().isBlank()) {
            v.add(new Violation("issuer", "legal.issuer.required"));
        }
        if (f.effectiveFrom() != null && f.effectiveTo() != null && f.effectiveTo().isBefore(f.effectiveFrom())) {
            v.add(new Violation("effectiveTo", "legal.effectiveTo.beforeFrom"));
        }
        if (f.issuedOn() != null && f.effectiveFrom() != null && f.effectiveFrom().isBefore(f.issuedOn())) {
            v.add(new Violation("effectiveFrom", "legal.effectiveFrom.beforeIssued"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
    }

    private boolean isAncestorOfUser(CurrentUser user, long unitId) {
        return units.find(user.unitId()).map(u -> units.ancestors(u).stream().anyMatch(a -> a.id() == unitId)).orElse(false);
    }

    private static Map<String, Object> params(Form f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", f.type().name());
        p.put("num", java.text.Normalizer.normalize(f.numberSymbol().strip(), java.text.Normalizer.Form.NFC));
        p.put("title", java.text.Normalizer.normalize(f.title().strip(), java.text.Normalizer.Form.NFC));
        p.put("issued", f.issuedOn());
        p.put("issuer", f.issuer().strip());
        p.put("from", f.effectiveFrom());
        p.put("to", f.effectiveTo());
        p.put("certainty", (f.certainty() == null ? LegalDocument.Certainty.VERIFIED : f.certainty()).name());
        p.put("notes", f.notes() == null || f.notes().isBlank() ? null : f.notes().strip());
        return p;
    }

    static Map<String, Object> snapshot(LegalDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", d.type().name());
        m.put("numberSymbol", d.numberSymbol());
        m.put("title", d.title());
        m.put("issuedOn", String.valueOf(d.issuedOn()));
        m.put("issuer", d.issuer());
        m.put("effectiveFrom", String.valueOf(d.effectiveFrom()));
        m.put("effectiveTo", String.valueOf(d.effectiveTo()));
        m.put("certainty", d.certainty().name());
        m.put("notes", d.notes());
        m.put("version", d.version());
        return m;
    }

    private static LegalDocument map(ResultSet rs, int n) throws SQLException {
        return new LegalDocument(rs.getLong("id"), LegalDocument.Type.valueOf(rs.getString("doc_type")),
                rs.getString("number_symbol"), rs.getString("title"), rs.getObject("issued_on", LocalDate.class),
                rs.getString("issuer"), rs.getObject("effective_from", LocalDate.class),
                rs.getObject("effective_to", LocalDate.class), LegalDocument.Certainty.valueOf(rs.getString("certainty")),
                rs.getString("notes"), rs.getObject("scope_unit_id", Long.class), rs.getString("scope_unit_name"),
                rs.getLong("version"));
    }
}
