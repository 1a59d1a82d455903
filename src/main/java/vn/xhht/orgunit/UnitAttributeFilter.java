package vn.xhht.orgunit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.xhht.shared.InvalidInputProblem;

/**
 * The commune attributes a list keeps (border commune, zone, especially difficult, ethnic-minority region, island), as
 * read from request parameters; a null field does not filter. Lists of other modules put {@link #sql} in their
 * {@code where} (the published function {@code xhht_unit_attributes_match}, V225) and bind {@link #params}, so the rule
 * "the value in force on the list's date; no value is not known, never no" is written once.
 */
@org.springframework.modulith.NamedInterface("api")
public record UnitAttributeFilter(Boolean border, Boolean especiallyDifficult, Boolean island, String zone, String emRegion) {

    public static final UnitAttributeFilter NONE = new UnitAttributeFilter(null, null, null, null, null);

    /** The request parameter names, in the order of the form. */
    public static final List<String> PARAMS = List.of("border", "especiallyDifficult", "zone", "emRegion", "island");

    public UnitAttributeFilter {
        List<InvalidInputProblem.Violation> v = new ArrayList<>();
        if (zone != null && !UnitAttributes.Attribute.ZONE.allowed().contains(zone)) {
            v.add(new InvalidInputProblem.Violation("zone", "unitAttr.zone.invalid"));
        }
        if (emRegion != null && !UnitAttributes.Attribute.EM_REGION.allowed().contains(emRegion)) {
            v.add(new InvalidInputProblem.Violation("emRegion", "unitAttr.emRegion.invalid"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
    }

    /**
     * Parses the values of a form or query string: blank is "any"; booleans are {@code true}/{@code false}; zone
     * HIGHLAND/LOWLAND; emRegion I/II/III (case does not matter). A bad value is refused naming its parameter.
     */
    public static UnitAttributeFilter of(String border, String especiallyDifficult, String island, String zone, String emRegion) {
        List<InvalidInputProblem.Violation> v = new ArrayList<>();
        Boolean b = bool("border", border, v);
        Boolean d = bool("especiallyDifficult", especiallyDifficult, v);
        Boolean i = bool("island", island, v);
        String z = blank(zone) ? null : zone.strip().toUpperCase(Locale.ROOT);
        String e = blank(emRegion) ? null : emRegion.strip().toUpperCase(Locale.ROOT);
        if (z != null && !UnitAttributes.Attribute.ZONE.allowed().contains(z)) {
            v.add(new InvalidInputProblem.Violation("zone", "unitAttr.zone.invalid"));
        }
        if (e != null && !UnitAttributes.Attribute.EM_REGION.allowed().contains(e)) {
            v.add(new InvalidInputProblem.Violation("emRegion", "unitAttr.emRegion.invalid"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        return new UnitAttributeFilter(b, d, i, z, e);
    }

    /** As {@link #of}, but a bad value is dropped (not filtered) and reported in {@code errors} by parameter, for pages. */
    public static UnitAttributeFilter lenient(String border, String especiallyDifficult, String island, String zone, String emRegion,
                                              Map<String, String> errors) {
        try {
            return of(border, especiallyDifficult, island, zone, emRegion);
        } catch (InvalidInputProblem p) {
            p.violations().forEach(x -> errors.put(x.field(), x.messageKey()));
            return of(errors.containsKey("border") ? null : border, errors.containsKey("especiallyDifficult") ? null : especiallyDifficult,
                    errors.containsKey("island") ? null : island, errors.containsKey("zone") ? null : zone,
                    errors.containsKey("emRegion") ? null : emRegion);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Boolean bool(String field, String raw, List<InvalidInputProblem.Violation> v) {
        if (blank(raw)) {
            return null;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                v.add(new InvalidInputProblem.Violation(field, "unitAttr.filter.yesNo"));
                yield null;
            }
        };
    }

    public boolean isEmpty() {
        return border == null && especiallyDifficult == null && island == null && zone == null && emRegion == null;
    }

    /** The wanted value of each attribute that filters. */
    public Map<UnitAttributes.Attribute, String> wanted() {
        Map<UnitAttributes.Attribute, String> m = new EnumMap<>(UnitAttributes.Attribute.class);
        if (border != null) {
            m.put(UnitAttributes.Attribute.BORDER, border.toString());
        }
        if (especiallyDifficult != null) {
            m.put(UnitAttributes.Attribute.ESPECIALLY_DIFFICULT, especiallyDifficult.toString());
        }
        if (island != null) {
            m.put(UnitAttributes.Attribute.ISLAND, island.toString());
        }
        if (zone != null) {
            m.put(UnitAttributes.Attribute.ZONE, zone);
        }
        if (emRegion != null) {
            m.put(UnitAttributes.Attribute.EM_REGION, emRegion);
        }
        return m;
    }

    /**
     * A boolean SQL condition: the unit whose id is {@code unitExpr} has every wanted value on the day {@code dayExpr}
     * (a column or a bound parameter such as {@code ":on"}). Bind {@link #params()} with it. Always true when empty.
     */
    public String sql(String unitExpr, String dayExpr) {
        if (isEmpty()) {
            return "true";
        }
        return "xhht_unit_attributes_match(" + unitExpr + ", cast(" + dayExpr + " as date), cast(:uafBorder as text),"
                + " cast(:uafDifficult as text), cast(:uafIsland as text), cast(:uafZone as text), cast(:uafRegion as text))";
    }

    /** The parameters {@link #sql} names. */
    public Map<String, Object> params() {
        Map<String, Object> p = new HashMap<>();
        p.put("uafBorder", border == null ? null : border.toString());
        p.put("uafDifficult", especiallyDifficult == null ? null : especiallyDifficult.toString());
        p.put("uafIsland", island == null ? null : island.toString());
        p.put("uafZone", zone);
        p.put("uafRegion", emRegion);
        return p;
    }

    /** The filter as request parameters (for links that keep it), only the set ones. */
    public Map<String, String> query() {
        Map<String, String> q = new java.util.LinkedHashMap<>();
        if (border != null) {
            q.put("border", border.toString());
        }
        if (especiallyDifficult != null) {
            q.put("especiallyDifficult", especiallyDifficult.toString());
        }
        if (zone != null) {
            q.put("zone", zone);
        }
        if (emRegion != null) {
            q.put("emRegion", emRegion);
        }
        if (island != null) {
            q.put("island", island.toString());
        }
        return q;
    }
}
