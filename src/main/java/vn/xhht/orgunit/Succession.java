package vn.xhht.orgunit;

import java.time.LocalDate;

import vn.xhht.shared.Certainty;

/**
 * A successor link: {@code unit} succeeded (or preceded) the unit asked about, wholly or in part, from
 * {@code effectiveOn}; {@code basis} says where the link comes from and {@code certainty} how sure it is.
 */
@org.springframework.modulith.NamedInterface("api")
public record Succession(OrgUnit unit, Coverage coverage, LocalDate effectiveOn, Basis basis, Certainty certainty,
                         String legalBasis) {
    public enum Coverage { FULL, PARTIAL }

    /**
     * REFORM_2025: the official mapping of 1/7/2025; CODE: the same statistical code continues; ALIAS: an old name
     * listed as absorbed (secondary source); DERIVED: from where the communes of a district went; ADMIN: completed on
     * screen by an administrator, with its resolution.
     */
    public enum Basis { REFORM_2025, CODE, ALIAS, DERIVED, ADMIN }

    public Succession(OrgUnit unit, Coverage coverage, LocalDate effectiveOn) {
        this(unit, coverage, effectiveOn, Basis.REFORM_2025, Certainty.VERIFIED, null);
    }
}
