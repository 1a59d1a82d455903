package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a framework back as YAML in the shipped files' layout, so that a form edit (add an indicator, set a
 * threshold) becomes a text that the one validator checks and the catalog stores as the next version.
 */
final class FrameworkWriter {

    private FrameworkWriter() {
    }

    static String write(Framework f) {
        StringBuilder y = new StringBuilder();
        y.append("code: ").append(f.code()).append('\n');
        y.append("version: ").append(f.version()).append('\n');
        y.append("title: ").append(q(f.title())).append('\n');
        y.append("subjectType: ").append(f.subjectType().name().toLowerCase()).append('\n');
        y.append("scoring: ").append(f.scoring().name().toLowerCase()).append('\n');
        if (f.maxTotal() != null) {
            y.append("maxTotal: ").append(n(f.maxTotal())).append('\n');
        }
        y.append("effectiveFrom: ").append(d(f.effectiveFrom())).append('\n');
        y.append("effectiveTo: ").append(d(f.effectiveTo())).append('\n');
        y.append("complete: ").append(f.complete()).append('\n');
        if (f.incompleteNote() != null) {
            y.append("incompleteNote: ").append(q(f.incompleteNote())).append('\n');
        }
        Framework.LegalBasis lb = f.legalBasis();
        y.append("legalBasis:\n  number: ").append(q(lb.number())).append("\n  date: ").append(d(lb.date())).append('\n');
        opt(y, "  issuer", lb.issuer());
        opt(y, "  certainty", lb.certainty());
        opt(y, "  note", lb.note());
        y.append("authorities:\n");
        for (Framework.Authority a : f.authorities()) {
            List<String> parts = new ArrayList<>(List.of("from: " + d(a.from()), "to: " + d(a.to()), "reviewerLevel: " + a.reviewerLevel()));
            flow(parts, "receiver", a.receiver());
            flow(parts, "checker", a.checker());
            flow(parts, "decider", a.decider());
            flow(parts, "certainty", a.certainty());
            y.append("  - {").append(String.join(", ", parts)).append("}\n");
        }
        y.append("criteria:\n");
        for (Framework.Criterion c : f.criteria()) {
            y.append("  - code: ").append(q(c.code())).append("\n    title: ").append(q(c.title())).append('\n');
            if (c.items().isEmpty()) {
                y.append("    items: []\n");
                continue;
            }
            y.append("    items:\n");
            for (Framework.Item i : c.items()) {
                List<String> parts = new ArrayList<>(List.of("code: " + q(i.code()), "title: " + q(i.title())));
                flow(parts, "guidance", i.guidance());
                if (!i.evidenceRequired()) {
                    parts.add("evidence: false");
                }
                parts.add("type: " + i.type().name().toLowerCase());
                if (i.maxPoints() != null) {
                    parts.add("maxPoints: " + n(i.maxPoints()));
                }
                flow(parts, "unit", i.unit());
                if (i.minValue() != null) {
                    parts.add("minValue: " + n(i.minValue()));
                }
                if (!i.thresholds().isEmpty()) {
                    parts.add("thresholds: " + map(i.thresholds()));
                }
                flow(parts, "certainty", i.certainty());
                y.append("      - {").append(String.join(", ", parts)).append("}\n");
            }
        }
        y.append("levels:\n");
        for (Framework.Level l : f.levels()) {
            List<String> parts = new ArrayList<>(List.of("code: " + q(l.code()), "title: " + q(l.title())));
            if (!l.recognised()) {
                parts.add("recognised: false");
            }
            if (!l.known()) {
                parts.add("known: false");
            }
            if (l.minTotal() != null) {
                parts.add("minTotal: " + n(l.minTotal()));
            }
            if (!l.allItemsMetOf().isEmpty()) {
                parts.add("allItemsMetOf: [" + l.allItemsMetOf().stream().map(FrameworkWriter::q).collect(Collectors.joining(", ")) + "]");
            }
            if (!l.itemsMet().isEmpty()) {
                parts.add("itemsMet: [" + l.itemsMet().stream().map(FrameworkWriter::q).collect(Collectors.joining(", ")) + "]");
            }
            if (l.minItemsMet() != null) {
                parts.add("minItemsMet: " + l.minItemsMet());
            }
            if (l.noCriterionZero()) {
                parts.add("noCriterionZero: true");
            }
            if (!l.minCriterionPoints().isEmpty()) {
                parts.add("minCriterionPoints: " + map(l.minCriterionPoints()));
            }
            y.append("  - {").append(String.join(", ", parts)).append("}\n");
        }
        if (f.validityMonths() != null || f.upgradeAfterMonths() != null || f.validityRule() != null) {
            List<String> parts = new ArrayList<>();
            if (f.validityMonths() != null) {
                parts.add("months: " + f.validityMonths());
            }
            if (f.upgradeAfterMonths() != null) {
                parts.add("upgradeAfterMonths: " + f.upgradeAfterMonths());
            }
            Framework.ValidityRule r = f.validityRule();
            if (r != null) {
                parts.add("reading: " + r.reading().name());
                if (r.years() != null) {
                    parts.add("years: " + r.years());
                }
                if (r.source() != null) {
                    parts.add("source: " + q(r.source()));
                }
                if (r.certainty() != null) {
                    parts.add("certainty: " + q(r.certainty()));
                }
                if (r.alternative() != null) {
                    parts.add("alternative: " + q(r.alternative()));
                }
            }
            y.append("validity: {").append(String.join(", ", parts)).append("}\n");
        }
        if (!f.targets().isEmpty()) {
            y.append("targets: ").append(map(f.targets())).append('\n');
        }
        y.append("deadlines:\n");
        for (Framework.Deadline dl : f.deadlines()) {
            y.append("  - {step: ").append(dl.step().name());
            if (dl.workingDays() != null) {
                y.append(", after: ").append(dl.afterEvent()).append(", workingDays: ").append(dl.workingDays());
            } else {
                y.append(", before: \"").append(String.format("%02d/%02d", dl.day(), dl.month())).append("\", yearOffset: ").append(dl.yearOffset());
            }
            y.append("}\n");
        }
        if (!f.dossier().isEmpty()) {
            y.append("dossier:\n");
            f.dossier().forEach(s -> y.append("  - ").append(q(s)).append('\n'));
        }
        Framework.Procedure p = f.procedure();
        if (p != null && !p.equals(Framework.Procedure.NONE)) {
            List<String> parts = new ArrayList<>();
            parts.add("selfCheckPlan: " + p.selfCheckPlan());
            parts.add("dossierFiles: " + p.dossierFiles());
            parts.add("checkPlan: " + p.checkPlan());
            parts.add("checkTeamByCriteria: " + p.checkTeamByCriteria());
            flow(parts, "source", p.source());
            flow(parts, "certainty", p.certainty());
            y.append("procedure: {").append(String.join(", ", parts)).append("}\n");
        }
        return y.toString();
    }

    private static void opt(StringBuilder y, String key, String value) {
        if (value != null) {
            y.append(key).append(": ").append(q(value)).append('\n');
        }
    }

    private static void flow(List<String> parts, String key, String value) {
        if (value != null) {
            parts.add(key + ": " + q(value));
        }
    }

    private static String map(Map<String, BigDecimal> m) {
        return "{" + m.entrySet().stream().map(e -> q(e.getKey()) + ": " + n(e.getValue())).collect(Collectors.joining(", ")) + "}";
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String n(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static String d(LocalDate date) {
        return date == null ? "null" : date.toString();
    }
}
