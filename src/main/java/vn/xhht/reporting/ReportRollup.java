package vn.xhht.reporting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.reporting.ReportTemplate.Aggregation;
import vn.xhht.reporting.ReportTemplate.Field;
import vn.xhht.review.Review;

import static vn.xhht.reporting.ReportRules.ratio;
import static vn.xhht.reporting.ReportRules.same;
import static vn.xhht.reporting.ReportRules.strip;
import static vn.xhht.reporting.ReportRules.value;

/**
 * Where a report's figures come from: the figure sources for the submitting unit's own report, or, above the submitting
 * level, the approved reports of the units directly below in the structure valid for the period (roll-up by each
 * field's aggregation rule); the drill-down, last year's figures, coverage and the fields no source provides.
 */
@Service
@Transactional
public class ReportRollup {

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final FigureSources sources;
    private final ReportListing listing;

    ReportRollup(JdbcClient jdbc, OrgUnitDirectory units, FigureSources sources, ReportListing listing) {
        this.jdbc = jdbc;
        this.units = units;
        this.sources = sources;
        this.listing = listing;
    }

    /** A figure that changed at a refresh. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReportFigureChange")
    public record Change(String fieldCode, String label, BigDecimal before, BigDecimal after, boolean keptOverride) {
    }

    /** What the data says for each field that has a source (own report) or from the children (aggregate). */
    Map<String, BigDecimal> dataValues(ReportTemplate t, ReportPeriod p, OrgUnit unit, boolean aggregate) {
        if (aggregate) {
            return aggregate(t, p, unit.id());
        }
        Set<String> codes = new LinkedHashSet<>();
        t.fields().stream().filter(Field::sourced).forEach(f -> codes.add(f.source()));
        Map<String, BigDecimal> bySource = sources.values(codes, unit.id(), p.from(), p.to());
        Map<String, BigDecimal> out = new HashMap<>();
        for (Field f : t.fields()) {
            if (f.sourced() && bySource.containsKey(f.source())) {
                out.put(f.code(), bySource.get(f.source()));
            } else if (f.sourced() && sources.provides(f.source())) {
                // the source knows the figure but nothing was entered for it: "chưa nhập", not an old 0 kept
                out.put(f.code(), null);
            }
        }
        return out;
    }

    /** Writes what the data says into the report; a figure typed over by hand keeps its value, its source value is updated. */
    List<Change> fill(long id, ReportTemplate t, ReportPeriod p, OrgUnit unit, boolean aggregate) {
        Map<String, BigDecimal> data = dataValues(t, p, unit, aggregate);
        Map<String, Report.Value> current = new HashMap<>();
        jdbc.sql("select * from report_value where report_id = :id").param("id", id).query((java.sql.ResultSet rs) -> {
            Report.Value v = value(rs);
            current.put(v.fieldCode(), v);
        });
        List<Change> changes = new ArrayList<>();
        Map<String, BigDecimal> nums = new HashMap<>();
        current.forEach((k, v) -> nums.put(k, v.num()));
        for (Field f : t.fields()) {
            if (!f.numeric() || f.computed() || !data.containsKey(f.code())) {
                continue;
            }
            BigDecimal now = strip(data.get(f.code()));
            Report.Value v = current.get(f.code());
            if (v.overridden()) {
                if (!same(v.sourceValue(), now)) {
                    changes.add(new Change(f.code(), f.label(), v.sourceValue(), now, true));
                }
                jdbc.sql("update report_value set source_value = :s where report_id = :r and field_code = :f")
                        .param("s", now).param("r", id).param("f", f.code()).update();
            } else {
                if (!same(v.num(), now)) {
                    changes.add(new Change(f.code(), f.label(), v.num(), now, false));
                }
                nums.put(f.code(), now);
                jdbc.sql("update report_value set num = :n, source_value = :n where report_id = :r and field_code = :f")
                        .param("n", now).param("r", id).param("f", f.code()).update();
            }
        }
        for (Field f : t.fields()) {
            if (f.computed()) {
                BigDecimal v = ratio(nums.get(f.ratioOf()), nums.get(f.ratioTo()));
                if (!same(nums.get(f.code()), v)) {
                    changes.add(new Change(f.code(), f.label(), nums.get(f.code()), v, false));
                }
                jdbc.sql("update report_value set num = :n where report_id = :r and field_code = :f").param("n", v).param("r", id).param("f", f.code()).update();
            }
        }
        jdbc.sql("update report set refreshed_at = now() where id = :id").param("id", id).update();
        return changes;
    }

    /**
     * The figures of a unit made from the APPROVED reports of the units directly below it (the structure valid for
     * the period: a 2024 province's districts, a 2026 province's communes), by each field's aggregation rule.
     */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> aggregate(ReportTemplate t, ReportPeriod p, long unitId) {
        Map<String, BigDecimal> out = new HashMap<>();
        Map<String, Field> fields = new HashMap<>();
        t.fields().forEach(f -> fields.put(f.code(), f));
        jdbc.sql("""
                select v.field_code, sum(v.num) as s, min(v.num) as mn, max(v.num) as mx, count(*) filter (where v.num <> 0) as yes
                from report r
                join xhht_unit u on u.id = r.unit_id
                join xhht_review st on st.subject_type = 'Report' and st.subject_id = r.id and st.status = 'APPROVED'
                join report_value v on v.report_id = r.id and v.num is not null
                where r.template_code = :t and r.period_code = :p and u.parent_id = :unit
                group by v.field_code
                """).param("t", t.code()).param("p", p.code()).param("unit", unitId).query((java.sql.ResultSet rs) -> {
            Field f = fields.get(rs.getString("field_code"));
            if (f == null || !f.numeric() || f.computed()) {
                return;
            }
            BigDecimal v = switch (f.aggregation()) {
                case SUM -> rs.getBigDecimal("s");
                case MIN -> rs.getBigDecimal("mn");
                case MAX -> rs.getBigDecimal("mx");
                case COUNT_YES -> BigDecimal.valueOf(rs.getLong("yes"));
                case WEIGHTED_AVERAGE, NONE -> null;
            };
            if (v != null) {
                out.put(f.code(), strip(v));
            }
        });
        for (Field f : t.fields()) {
            if (f.aggregation() == Aggregation.WEIGHTED_AVERAGE) {
                BigDecimal v = jdbc.sql("""
                        select trunc(sum(v.num * w.num) / nullif(sum(w.num), 0), 2)
                        from report r
                        join xhht_unit u on u.id = r.unit_id
                        join xhht_review st on st.subject_type = 'Report' and st.subject_id = r.id and st.status = 'APPROVED'
                        join report_value v on v.report_id = r.id and v.field_code = :f and v.num is not null
                        join report_value w on w.report_id = r.id and w.field_code = :w and w.num is not null
                        where r.template_code = :t and r.period_code = :p and u.parent_id = :unit
                        """).param("f", f.code()).param("w", f.weight()).param("t", t.code()).param("p", p.code()).param("unit", unitId)
                        .query(BigDecimal.class).optional().orElse(null);
                if (v != null) {
                    out.put(f.code(), strip(v));
                }
            }
        }
        return out;
    }

    /** One unit directly below in the drill-down of an aggregate: its report (if any), status and figures. */
    public record ChildReport(long unitId, String unitName, Long reportId, Review.Status status, OffsetDateTime submittedAt,
                              Map<String, BigDecimal> values) {
        public boolean approved() {
            return status == Review.Status.APPROVED;
        }
    }

    /** The units directly below (valid at the end of the period) with their reports; figures only of approved ones. */
    @Transactional(readOnly = true)
    public List<ChildReport> children(ReportTemplate t, ReportPeriod p, long unitId) {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        Map<Long, Map<String, BigDecimal>> values = new HashMap<>();
        jdbc.sql("""
                select u.id, u.name, r.id as report_id, s.status, s.submitted_at, v.field_code, v.num
                from xhht_unit u
                left join report r on r.unit_id = u.id and r.template_code = :t and r.period_code = :p
                left join xhht_review s on s.subject_type = 'Report' and s.subject_id = r.id
                left join report_value v on v.report_id = r.id and s.status = 'APPROVED' and v.num is not null
                where u.parent_id = :unit and u.level < 4
                  and (u.valid_from is null or u.valid_from <= :to) and (u.valid_to is null or u.valid_to >= :to)
                order by u.name, u.id
                """).param("t", t.code()).param("p", p.code()).param("unit", unitId).param("to", p.to()).query((java.sql.ResultSet rs) -> {
            long u = rs.getLong("id");
            rows.computeIfAbsent(u, k -> {
                try {
                    return new Object[]{rs.getString("name"), rs.getObject("report_id", Long.class), rs.getString("status"),
                            rs.getObject("submitted_at", OffsetDateTime.class)};
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            String code = rs.getString("field_code");
            if (code != null) {
                values.computeIfAbsent(u, k -> new HashMap<>()).put(code, strip(rs.getBigDecimal("num")));
            }
        });
        List<ChildReport> out = new ArrayList<>(rows.size());
        rows.forEach((u, o) -> out.add(new ChildReport(u, (String) o[0], (Long) o[1], o[2] == null ? null : Review.Status.valueOf((String) o[2]),
                (OffsetDateTime) o[3], values.getOrDefault(u, Map.of()))));
        return out;
    }

    /** Same period last year, for "last year" beside each figure: that report's figures if it exists, else the data. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> lastYear(Report r) {
        ReportPeriod prev = r.period().previousYear();
        Optional<Long> id = listing.find(r.template().code(), prev.code(), r.unitId());
        if (id.isPresent()) {
            Map<String, BigDecimal> m = new HashMap<>();
            jdbc.sql("select field_code, num from report_value where report_id = :id and num is not null").param("id", id.get())
                    .query((java.sql.ResultSet rs) -> {
                        m.put(rs.getString("field_code"), strip(rs.getBigDecimal("num")));
                    });
            return m;
        }
        OrgUnit unit = units.require(r.unitId());
        if (!unit.validOn(prev.to())) {
            return Map.of();
        }
        Map<String, BigDecimal> m = new HashMap<>(dataValues(r.template(), prev, unit, r.aggregate()));
        for (Field f : r.template().fields()) {
            if (f.computed()) {
                BigDecimal v = ratio(m.get(f.ratioOf()), m.get(f.ratioTo()));
                if (v != null) {
                    m.put(f.code(), v);
                }
            }
        }
        return m;
    }

    /**
     * For the report's optional figures (an activity may leave its age bands blank): field code → how many records
     * entered it, so the page reads "12 (3/5 hoạt động có số liệu)". Own reports only; an aggregate sums reports.
     */
    @Transactional(readOnly = true)
    public Map<String, vn.xhht.shared.ReportFigureSource.Coverage> coverage(Report r) {
        if (r.aggregate()) {
            return Map.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        r.template().fields().stream().filter(Field::sourced).forEach(f -> codes.add(f.source()));
        var bySource = sources.coverage(codes, r.unitId(), r.period().from(), r.period().to());
        Map<String, vn.xhht.shared.ReportFigureSource.Coverage> out = new HashMap<>();
        r.template().fields().stream().filter(f -> f.sourced() && bySource.containsKey(f.source()))
                .forEach(f -> out.put(f.code(), bySource.get(f.source())));
        return out;
    }

    /** Field codes whose figure source no module provides (entered by hand). */
    public Set<String> unsourced(ReportTemplate t) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, String> provided = sources.figures();
        t.fields().stream().filter(Field::sourced).filter(f -> !provided.containsKey(f.source())).forEach(f -> out.add(f.code()));
        return out;
    }
}
