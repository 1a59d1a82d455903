package vn.xhht.orgunit;

/**
 * The named meanings of "the units in my area", each backed by a database function of this module (migration V95),
 * so other modules filter by scope in SQL without knowing the path format or the succession links:
 * {@code "where r.unit_id in (" + UnitScope.READ.ids(":unit") + ")"}. Which list uses which scope is decided once in
 * docs/architecture.md.
 */
@org.springframework.modulith.NamedInterface("api")
public enum UnitScope {

    /** The unit's subtree plus the subtrees of every unit it succeeded, FULL or PARTIAL: what a user may read. */
    READ("xhht_read_scope"),
    /** The unit's subtree plus the subtrees of the units it FULLY succeeded: what figures of the unit add up. */
    ROLLUP("xhht_rollup_scope"),
    /** The unit and the units below it: what a user may write, and a unit's own records. */
    SUBTREE("xhht_unit_subtree"),
    /** The unit and its ancestors up to the nation: what was issued, planned or held "above" the unit. */
    LINE("xhht_unit_line");

    private final String function;

    UnitScope(String function) {
        this.function = function;
    }

    /** The database function returning the unit ids of this scope, e.g. {@code xhht_read_scope}. */
    public String function() {
        return function;
    }

    /** A sub-select of the unit ids in this scope of the unit bound to {@code parameter} (e.g. {@code ":unit"}). */
    public String ids(String parameter) {
        return "select id from " + function + "(" + parameter + ")";
    }
}
