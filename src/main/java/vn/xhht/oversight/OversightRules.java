package vn.xhht.oversight;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.shared.Role;

/**
 * The rules of oversight as data (table rows with validity, legal basis and certainty): who issues and who records
 * each act per establishment kind and period, who inspects, the violation catalogue, the check items and the
 * numeric thresholds. Draft rules are stored disabled: shown in the catalogue, never chosen.
 */
@Service
@Transactional(readOnly = true)
public class OversightRules {

    /** {@code actKind} is an {@link Establishment.ActKind} name, or INSPECTION for who inspects. */
    public record IssuerRule(long id, Establishment.Kind establishmentKind, String actKind, LocalDate validFrom, LocalDate validTo,
                             String issuer, Role recorderRole, String legalBasis, String certainty, boolean enabled) {
        public boolean validOn(LocalDate d) {
            return enabled && (validFrom == null || !validFrom.isAfter(d)) && (validTo == null || !validTo.isBefore(d));
        }
    }

    public record ViolationType(String code, String description, Long fineMinVnd, long fineMaxVnd, String extraMeasures,
                                String legalBasis, LocalDate validFrom, LocalDate validTo, String certainty, boolean enabled) {
        public boolean validOn(LocalDate d) {
            return enabled && (validFrom == null || !validFrom.isAfter(d)) && (validTo == null || !validTo.isBefore(d));
        }
    }

    public record CheckItem(String subjectType, int itemNo, String title, String legalBasis, String certainty) {
    }

    public record RuleValue(String code, BigDecimal value, LocalDate validFrom, LocalDate validTo, String legalBasis, String certainty) {
    }

    public static final String INACTIVITY_MONTHS = "INACTIVITY_MONTHS";
    public static final String DIRECTOR_TERM_YEARS = "DIRECTOR_TERM_YEARS";
    public static final String INDIVIDUAL_FINE_PERCENT = "INDIVIDUAL_FINE_PERCENT";

    private final JdbcClient jdbc;

    OversightRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<IssuerRule> issuerRules() {
        return jdbc.sql("select * from ovs_issuer_rule order by establishment_kind, act_kind, valid_from nulls first, id")
                .query(OversightRules::issuer).list();
    }

    /** The enabled rules for this kind of establishment and act valid on the date. */
    public List<IssuerRule> issuerRules(Establishment.Kind kind, String actKind, LocalDate on) {
        return issuerRules().stream().filter(r -> r.establishmentKind() == kind && r.actKind().equals(actKind) && r.validOn(on)).toList();
    }

    public Optional<RuleValue> value(String code, LocalDate on) {
        return jdbc.sql("""
                select * from ovs_rule where code = :c and valid_from <= :d and (valid_to is null or valid_to >= :d)
                order by valid_from desc limit 1
                """).param("c", code).param("d", on).query((rs, n) -> new RuleValue(rs.getString("code"), rs.getBigDecimal("value_num"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), rs.getString("legal_basis"),
                rs.getString("certainty"))).optional();
    }

    public List<RuleValue> values() {
        return jdbc.sql("select * from ovs_rule order by code, valid_from").query((rs, n) -> new RuleValue(rs.getString("code"),
                rs.getBigDecimal("value_num"), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getString("legal_basis"), rs.getString("certainty"))).list();
    }

    public List<ViolationType> violationTypes() {
        return jdbc.sql("select * from ovs_violation_type order by sort_order, code").query(OversightRules::violation).list();
    }

    public Optional<ViolationType> violationType(String code) {
        return jdbc.sql("select * from ovs_violation_type where code = :c").param("c", code).query(OversightRules::violation).optional();
    }

    public List<CheckItem> checkItems(String subjectType) {
        return jdbc.sql("select * from ovs_check_item where subject_type = :s order by item_no").param("s", subjectType)
                .query((rs, n) -> new CheckItem(rs.getString("subject_type"), rs.getInt("item_no"), rs.getString("title"),
                        rs.getString("legal_basis"), rs.getString("certainty"))).list();
    }

    private static IssuerRule issuer(ResultSet rs, int n) throws SQLException {
        return new IssuerRule(rs.getLong("id"), Establishment.Kind.valueOf(rs.getString("establishment_kind")), rs.getString("act_kind"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), rs.getString("issuer_vi"),
                Role.valueOf(rs.getString("recorder_role")), rs.getString("legal_basis"), rs.getString("certainty"), rs.getBoolean("enabled"));
    }

    private static ViolationType violation(ResultSet rs, int n) throws SQLException {
        return new ViolationType(rs.getString("code"), rs.getString("description"), rs.getObject("fine_min_vnd", Long.class),
                rs.getLong("fine_max_vnd"), rs.getString("extra_measures"), rs.getString("legal_basis"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), rs.getString("certainty"),
                rs.getBoolean("enabled"));
    }
}
