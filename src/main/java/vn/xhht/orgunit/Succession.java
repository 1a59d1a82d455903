package vn.xhht.orgunit;

import java.time.LocalDate;

/** A link of the reform: {@code unit} succeeded (or preceded) the unit asked about, wholly or in part. */
public record Succession(OrgUnit unit, Coverage coverage, LocalDate effectiveOn) {
    public enum Coverage { FULL, PARTIAL }
}
