package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.xhht.evaluation.Framework.Criterion;
import vn.xhht.evaluation.Framework.Item;
import vn.xhht.evaluation.Framework.ItemType;
import vn.xhht.evaluation.Framework.Level;

/**
 * Computes the result of an evaluation from its item entries: the total, the highest level whose conditions all
 * hold, and what is missing for the next level. Pure: no database, no clock.
 */
public final class RuleEngine {

    private RuleEngine() {
    }

    /** What was entered for one item; {@code hasEvidence} whether at least one evidence file is attached. */
    public record Entry(BigDecimal points, Boolean met, BigDecimal value, boolean hasEvidence) {
        public static Entry points(double p, boolean evidence) {
            return new Entry(BigDecimal.valueOf(p), null, null, evidence);
        }

        public static Entry met(boolean met, boolean evidence) {
            return new Entry(null, met, null, evidence);
        }

        public static Entry value(double v, boolean evidence) {
            return new Entry(null, null, BigDecimal.valueOf(v), evidence);
        }
    }

    /** One thing missing for a level: {@code messageKey} (evaluation bundle) with its arguments. */
    public record Gap(String messageKey, List<Object> args) {
        public Object[] argsArray() {
            return args.toArray();
        }
    }

    /** Per item: points credited, met (at the lowest level), and whether credit was refused for lack of evidence. */
    public record ItemResult(String code, BigDecimal credited, boolean met, boolean missingEvidence) {
    }

    public record Result(BigDecimal total, BigDecimal maxTotal, int itemsMet, Level level, Level nextLevel,
                         List<Gap> missingForNextLevel, Map<String, ItemResult> items, Map<String, BigDecimal> criterionPoints) {
        public String levelCode() {
            return level == null ? null : level.code();
        }

        public boolean recognised() {
            return level != null && level.recognised();
        }
    }

    public static Result evaluate(Framework f, Map<String, Entry> entries) {
        Map<String, ItemResult> items = new LinkedHashMap<>();
        Map<String, BigDecimal> critPoints = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        int metCount = 0;
        String lowest = f.levels().get(0).code();
        for (Criterion c : f.criteria()) {
            BigDecimal cp = BigDecimal.ZERO;
            for (Item i : c.items()) {
                Entry e = entries.get(i.code());
                boolean noEvidence = e != null && i.evidenceRequired() && !e.hasEvidence() && claims(i, e);
                BigDecimal credited = BigDecimal.ZERO;
                boolean met = false;
                if (e != null && !noEvidence) {
                    credited = credit(i, e);
                    met = metAt(i, e, lowest);
                }
                items.put(i.code(), new ItemResult(i.code(), credited, met, noEvidence));
                cp = cp.add(credited);
                if (met) {
                    metCount++;
                }
            }
            critPoints.put(c.code(), cp);
            total = total.add(cp);
        }
        if (!f.isPoints()) {
            total = BigDecimal.valueOf(metCount);
        }
        Level reached = null;
        Level next = null;
        List<Gap> gaps = List.of();
        for (Level l : f.levels()) {
            List<Gap> g = gaps(f, l, entries, items, critPoints, total);
            if (g.isEmpty()) {
                reached = l;
            }
        }
        int reachedIndex = reached == null ? -1 : f.levels().indexOf(reached);
        if (reachedIndex + 1 < f.levels().size()) {
            next = f.levels().get(reachedIndex + 1);
            gaps = new ArrayList<>(gaps(f, next, entries, items, critPoints, total));
            // credit claimed without evidence would count toward the next level: say so
            for (Item i : f.items().toList()) {
                Gap g = new Gap("evaluation.gap.evidence", List.of(i.code(), i.title()));
                if (items.get(i.code()).missingEvidence() && !gaps.contains(g)) {
                    gaps.add(g);
                }
            }
        }
        BigDecimal max = f.isPoints() ? f.maxTotal() : BigDecimal.valueOf(f.itemCount());
        return new Result(total, max, metCount, reached, next, gaps, items, critPoints);
    }

    /** The missing conditions of one level (empty: the level is reached). */
    static List<Gap> gaps(Framework f, Level l, Map<String, Entry> entries, Map<String, ItemResult> items,
                          Map<String, BigDecimal> critPoints, BigDecimal total) {
        List<Gap> out = new ArrayList<>();
        if (!l.known()) {
            out.add(new Gap("evaluation.gap.unknown", List.of(l.title())));
            return out;
        }
        if (l.minTotal() != null && total.compareTo(l.minTotal()) < 0) {
            out.add(new Gap("evaluation.gap.points", List.of(plain(l.minTotal().subtract(total)), plain(l.minTotal()))));
        }
        List<Item> required = new ArrayList<>();
        for (String cc : l.allItemsMetOf()) {
            f.criteria().stream().filter(c -> cc.equals("*") || c.code().equals(cc)).forEach(c -> required.addAll(c.items()));
        }
        for (String ic : l.itemsMet()) {
            f.item(ic).filter(i -> !required.contains(i)).ifPresent(required::add);
        }
        for (Item i : required) {
            if (!metAtLevel(i, entries.get(i.code()), items.get(i.code()), l.code())) {
                out.add(items.get(i.code()).missingEvidence()
                        ? new Gap("evaluation.gap.evidence", List.of(i.code(), i.title()))
                        : i.type() == ItemType.MEASURE
                        ? new Gap("evaluation.gap.measure", List.of(i.code(), i.title(), plain(i.thresholdFor(l.code())), i.unit() == null ? "" : i.unit()))
                        : new Gap("evaluation.gap.item", List.of(i.code(), i.title())));
            }
        }
        if (l.minItemsMet() != null) {
            long met = f.items().filter(i -> metAtLevel(i, entries.get(i.code()), items.get(i.code()), l.code())).count();
            if (met < l.minItemsMet()) {
                out.add(new Gap("evaluation.gap.minItems", List.of(l.minItemsMet() - met, l.minItemsMet())));
            }
        }
        if (l.noCriterionZero()) {
            for (Criterion c : f.criteria()) {
                boolean zero = f.isPoints() ? critPoints.get(c.code()).signum() == 0
                        : c.items().stream().noneMatch(i -> items.get(i.code()).met());
                if (zero && !c.items().isEmpty()) {
                    out.add(new Gap("evaluation.gap.criterionZero", List.of(c.code(), c.title())));
                }
            }
        }
        for (var e : l.minCriterionPoints().entrySet()) {
            BigDecimal have = critPoints.get(e.getKey());
            if (have.compareTo(e.getValue()) < 0) {
                out.add(new Gap("evaluation.gap.criterionPoints", List.of(e.getKey(), plain(e.getValue().subtract(have)), plain(e.getValue()))));
            }
        }
        return out;
    }

    private static boolean claims(Item i, Entry e) {
        return switch (i.type()) {
            case POINTS -> e.points() != null && e.points().signum() > 0;
            case PASSFAIL -> Boolean.TRUE.equals(e.met());
            case MEASURE -> e.value() != null;
        };
    }

    private static BigDecimal credit(Item i, Entry e) {
        if (i.type() == ItemType.POINTS && e.points() != null) {
            // never more than the item's maximum, and nothing for an item without one (a version stored before
            // maxima were required): 1,000 points must not give 1,000/100
            return i.maxPoints() == null ? BigDecimal.ZERO : e.points().min(i.maxPoints());
        }
        return BigDecimal.ZERO;
    }

    private static boolean metAt(Item i, Entry e, String level) {
        return switch (i.type()) {
            case POINTS -> e.points() != null && e.points().signum() > 0;
            case PASSFAIL -> Boolean.TRUE.equals(e.met());
            case MEASURE -> e.value() != null && i.thresholdFor(level) != null && e.value().compareTo(i.thresholdFor(level)) >= 0;
        };
    }

    private static boolean metAtLevel(Item i, Entry e, ItemResult r, String level) {
        if (e == null || r.missingEvidence()) {
            return false;
        }
        return metAt(i, e, level);
    }

    static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
