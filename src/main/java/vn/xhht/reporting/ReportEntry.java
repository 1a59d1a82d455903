package vn.xhht.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.reporting.ReportTemplate.Field;
import vn.xhht.reporting.ReportTemplate.FieldType;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.InvalidInputProblem.Violation;
import vn.xhht.shared.Texts;

import static vn.xhht.reporting.ReportRules.checkRules;
import static vn.xhht.reporting.ReportRules.parseNumber;
import static vn.xhht.reporting.ReportRules.ratio;
import static vn.xhht.reporting.ReportRules.same;

/**
 * What a user types into a report: figures and texts saved all-or-nothing, each checked against its field and the
 * template's rules, a figure typed over a sourced one only with a reason; every change audited.
 */
@Service
@Transactional
public class ReportEntry {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ReportService reports;
    private final ReportRollup rollup;

    ReportEntry(JdbcClient jdbc, AuditTrail audit, ReportService reports, ReportRollup rollup) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.reports = reports;
        this.rollup = rollup;
    }

    /**
     * Saves figures and texts all-or-nothing. {@code values}: field code → typed text (numbers with ',' or '.');
     * {@code reasons}: field code → why a sourced figure is typed over. Only the given fields change.
     */
    public Report saveValues(CurrentUser user, long id, long version, Map<String, String> values, Map<String, String> reasons) {
        Report r = reports.require(user, id);
        reports.checkEditable(user, r);
        if (r.version() != version) {
            throw new ConcurrentEditProblem(ReportService.SUBJECT + " " + id);
        }
        ReportTemplate t = r.template();
        Set<String> unsourced = rollup.unsourced(t);
        List<Violation> errors = new ArrayList<>();
        Map<String, BigDecimal> nums = new HashMap<>();
        r.values().forEach((k, v) -> nums.put(k, v.num()));
        Map<String, Report.Value> updated = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            Optional<Field> of = t.field(e.getKey());
            if (of.isEmpty()) {
                errors.add(new Violation(e.getKey(), "report.field.unknown", e.getKey()));
                continue;
            }
            Field f = of.get();
            Report.Value old = r.value(f.code());
            if (!f.numeric()) {
                String text = Texts.orNull(e.getValue());
                if (text != null && text.length() > 20000) {
                    errors.add(new Violation(f.code(), "report.value.tooLong", 20000));
                    continue;
                }
                if (f.type() == FieldType.TABLE && text != null) {
                    for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
                        if (line.split("\\|", -1).length > f.columns().size()) {
                            errors.add(new Violation(f.code(), "report.table.columns", f.columns().size()));
                            break;
                        }
                    }
                }
                if (!java.util.Objects.equals(text, old.text())) {
                    updated.put(f.code(), new Report.Value(f.code(), null, text, null, false, null));
                }
                continue;
            }
            if (f.computed()) {
                continue; // computed from other fields
            }
            BigDecimal n;
            try {
                n = parseNumber(e.getValue());
            } catch (NumberFormatException ex) {
                errors.add(new Violation(f.code(), "report.value.number", f.label()));
                continue;
            }
            if (n != null && n.signum() < 0) {
                errors.add(new Violation(f.code(), "report.value.negative", f.label()));
                continue;
            }
            if (n != null && f.type() == FieldType.PERCENTAGE && n.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add(new Violation(f.code(), "report.value.percentage", f.label()));
                continue;
            }
            nums.put(f.code(), n);
            boolean hasData = f.sourced() && !unsourced.contains(f.code()) || r.aggregate();
            boolean overridden = hasData && old.sourceValue() != null && !same(n, old.sourceValue());
            String reason = Texts.orNull(reasons.get(f.code()));
            if (reason == null && overridden) {
                reason = old.reason();
            }
            if (overridden && reason == null) {
                errors.add(new Violation("reason." + f.code(), "report.override.reasonRequired", f.label(),
                        old.sourceValue().toPlainString()));
                continue;
            }
            if (!same(n, old.num()) || overridden != old.overridden() || !java.util.Objects.equals(overridden ? reason : null, old.reason())) {
                updated.put(f.code(), new Report.Value(f.code(), n, null, old.sourceValue(), overridden, overridden ? reason : null));
            }
        }
        for (Field f : t.fields()) {
            if (f.computed()) {
                nums.put(f.code(), ratio(nums.get(f.ratioOf()), nums.get(f.ratioTo())));
            }
        }
        errors.addAll(checkRules(t, nums));
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        int n = jdbc.sql("update report set version = version + 1, updated_at = now() where id = :id and version = :v")
                .param("id", id).param("v", version).update();
        if (n == 0) {
            throw new ConcurrentEditProblem(ReportService.SUBJECT + " " + id);
        }
        Map<String, Object> before = new LinkedHashMap<>(), after = new LinkedHashMap<>();
        for (Report.Value v : updated.values()) {
            Report.Value old = r.value(v.fieldCode());
            jdbc.sql("update report_value set num = :n, txt = :t, overridden = :o, override_reason = :why where report_id = :r and field_code = :f")
                    .param("n", v.num()).param("t", v.text()).param("o", v.overridden()).param("why", v.reason()).param("r", id)
                    .param("f", v.fieldCode()).update();
            before.put(v.fieldCode(), old.num() != null ? old.num().toPlainString() : old.text() == null ? "" : abbreviate(old.text()));
            after.put(v.fieldCode(), (v.num() != null ? v.num().toPlainString() : v.text() == null ? "" : abbreviate(v.text()))
                    + (v.overridden() ? " (sửa tay: " + v.reason() + ")" : ""));
        }
        for (Field f : t.fields()) {
            if (f.computed()) {
                jdbc.sql("update report_value set num = :n where report_id = :r and field_code = :f")
                        .param("n", nums.get(f.code())).param("r", id).param("f", f.code()).update();
            }
        }
        if (!updated.isEmpty()) {
            audit.change(AuditAction.UPDATE, ReportService.SUBJECT, id, r.unitId(), before, after, "Sửa " + t.title() + " " + r.period().label());
        }
        return reports.load(id);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
