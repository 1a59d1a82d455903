package vn.xhht.resources;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.document.XlsxExport;
import vn.xhht.document.XlsxExport.Column;
import vn.xhht.document.XlsxExport.ColumnType;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.CurrentUser;

/**
 * Budget figures over a unit's subtree for one year, summed by the database: estimate, allocation, receipts and
 * spending, by source and by category, and one row per centre.
 */
@Service
@Transactional(readOnly = true)
public class BudgetSummaries {

    @Schema(name = "BudgetSummary", description = "Tổng hợp ngân sách các trung tâm của một đơn vị trong năm (đồng). "
            + "/ Budget summary of the centres under a unit for a year, in đồng.")
    public record Summary(long unitId, String unitName, int year, long centres, long budgets, long approved, long settled,
                          long estimatedRevenue, long estimatedSpending, long allocated, long received, long spent,
                          List<Budget.BySource> bySource, List<Budget.ByCategory> byCategory) {
    }

    /** One centre's figures; {@code budgetId} null when the centre has no budget for the year. */
    public record CentreRow(long centreId, String centreName, String communeName, Long budgetId, String status,
                            long estimatedRevenue, long estimatedSpending, long allocated, long spent) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final BudgetRules rules;
    private final XlsxExport xlsx;
    private final AuditTrail audit;

    BudgetSummaries(JdbcClient jdbc, OrgUnitDirectory units, BudgetRules rules, XlsxExport xlsx, AuditTrail audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.rules = rules;
        this.xlsx = xlsx;
        this.audit = audit;
    }

    /**
     * The communes under the unit, as a condition on {@code <alias>.commune_id}: the one place that decides the
     * scope of these figures (to be swapped for the directory's scope function).
     */
    private static String scope(String alias) {
        return alias + ".commune_id in (select id from xhht_unit_subtree(:unit))";
    }

    /**
     * The budgets under the unit. A province's (or the nation's) budgets are found by the province they were made
     * in, which an index answers; a lower unit's through the subtree of communes.
     */
    private static String budgetScope(OrgUnit unit) {
        return switch (unit.level()) {
            case OrgUnit.NATION -> "true";
            case OrgUnit.PROVINCE -> "b.province_id = :unit";
            default -> scope("b");
        };
    }

    private static String centreScope(OrgUnit unit) {
        return switch (unit.level()) {
            case OrgUnit.NATION -> "true";
            case OrgUnit.PROVINCE -> "c.province_id = :unit";
            default -> scope("c");
        };
    }

    /**
     * Sums per stage, source and category. For a province or the nation they come from the yearly roll-up the
     * database keeps (budget_rollup, V195: a few dozen rows per province); below, from the lines of the few
     * budgets of a district or commune. {@code BudgetRollupTest} proves both give the same figures.
     */
    private static String sumsQuery(OrgUnit unit, boolean rollup) {
        if (rollup && (unit.level() == OrgUnit.NATION || unit.level() == OrgUnit.PROVINCE)) {
            return """
                    select r.stage, nullif(r.source, '') as source, nullif(r.category, '') as category, sum(r.amount_vnd) as amount
                      from budget_rollup r
                     where r.budget_year = :y and r.line_count > 0 %s
                     group by r.stage, nullif(r.source, ''), nullif(r.category, '')
                    """.formatted(unit.level() == OrgUnit.PROVINCE ? "and r.province_id = :unit" : "");
        }
        return """
                select l.stage, l.source, l.category, sum(l.amount_vnd) as amount
                  from budget b join budget_line l on l.budget_id = b.id
                 where b.budget_year = :y and %s
                 group by l.stage, l.source, l.category
                """.formatted(scope("b"));
    }

    /** The same sums always from the lines: the reference the roll-up is checked against. */
    Summary computeFromLines(OrgUnit unit, int year) {
        return compute(unit, year, false);
    }

    public Summary summary(CurrentUser user, long unitId, int year) {
        OrgUnit unit = units.requireReadable(user, unitId);
        return compute(unit, year);
    }

    Summary compute(OrgUnit unit, int year) {
        return compute(unit, year, true);
    }

    private Summary compute(OrgUnit unit, int year, boolean rollup) {
        // Heads from the budgets alone (each budget carries its totals, V195); never from the lines.
        long[] heads = jdbc.sql("""
                select (select count(*) from xhht_centre c where %s) as centres,
                       count(b.id) as budgets,
                       count(b.id) filter (where s.status = 'APPROVED') as approved,
                       count(b.id) filter (where b.settlement_locked_at is not null) as settled
                  from budget b join xhht_review s on s.subject_type = 'Budget' and s.subject_id = b.id
                 where b.budget_year = :y and %s
                """.formatted(centreScope(unit), budgetScope(unit))).param("unit", unit.id()).param("y", year)
                .query((rs, n) -> new long[]{rs.getLong("centres"), rs.getLong("budgets"), rs.getLong("approved"), rs.getLong("settled")}).single();
        Map<Budget.Source, long[]> bySource = new LinkedHashMap<>();
        for (Budget.Source s : Budget.Source.values()) {
            bySource.put(s, new long[3]);
        }
        Map<String, long[]> byCategory = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        rules.categories().forEach(c -> {
            byCategory.put(c.code(), new long[2]);
            names.put(c.code(), c.name());
        });
        long[] t = new long[6];
        jdbc.sql(sumsQuery(unit, rollup)).param("unit", unit.id()).param("y", year).query(rs -> {
            Budget.Stage stage = Budget.Stage.valueOf(rs.getString("stage"));
            String source = rs.getString("source");
            String category = rs.getString("category");
            long amount = rs.getLong("amount");
            switch (stage) {
                case ESTIMATE -> {
                    if (category != null) {
                        t[1] += amount;
                        byCategory.computeIfAbsent(category, k -> new long[2])[0] += amount;
                    } else {
                        t[0] += amount;
                        bySource.get(Budget.Source.valueOf(source))[0] += amount;
                    }
                }
                case ALLOCATION -> {
                    t[2] += amount;
                    bySource.get(Budget.Source.valueOf(source))[1] += amount;
                }
                case RECEIPT -> {
                    t[3] += amount;
                    bySource.get(Budget.Source.valueOf(source))[2] += amount;
                }
                case SPENDING -> {
                    t[4] += amount;
                    byCategory.computeIfAbsent(category, k -> new long[2])[1] += amount;
                }
                case SETTLEMENT -> t[5] += amount;
            }
        });
        return new Summary(unit.id(), unit.name(), year, heads[0], heads[1], heads[2], heads[3], t[0], t[1], t[2], t[3], t[4],
                bySource.entrySet().stream().map(e -> new Budget.BySource(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList(),
                byCategory.entrySet().stream().map(e -> new Budget.ByCategory(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()),
                        e.getValue()[0], e.getValue()[1])).toList());
    }

    /** The centres under the unit with their figures of the year, those with the largest estimate first. */
    public List<CentreRow> centres(CurrentUser user, long unitId, int year, int limit) {
        units.requireReadable(user, unitId);
        List<CentreRow> out = new ArrayList<>();
        streamCentres(unitId, year, limit, out::add);
        return out;
    }

    private void streamCentres(long unitId, int year, int limit, Consumer<CentreRow> sink) {
        OrgUnit unit = units.require(unitId);
        jdbc.sql("""
                select c.id as centre_id, c.name as centre_name, u.name as commune_name, b.id as budget_id, s.status,
                       coalesce(b.est_revenue_vnd, 0) as est_rev, coalesce(b.est_spending_vnd, 0) as est_spend,
                       coalesce(b.allocated_vnd, 0) as allocated, coalesce(b.spent_vnd, 0) as spent
                  from xhht_centre c join xhht_unit u on u.id = c.commune_id
                  left join budget b on b.centre_id = c.id and b.budget_year = :y
                  left join xhht_review s on s.subject_type = 'Budget' and s.subject_id = b.id
                 where %s
                 order by est_spend desc, u.name, c.id
                 limit :limit
                """.formatted(centreScope(unit))).param("unit", unitId).param("y", year).param("limit", limit)
                .query(rs -> {
                    sink.accept(new CentreRow(rs.getLong("centre_id"), rs.getString("centre_name"), rs.getString("commune_name"),
                            (Long) rs.getObject("budget_id"), rs.getString("status"), rs.getLong("est_rev"), rs.getLong("est_spend"),
                            rs.getLong("allocated"), rs.getLong("spent")));
                });
    }

    /** The summary as .xlsx: totals by source and category, then one row per centre. */
    @Transactional
    public void writeXlsx(CurrentUser user, long unitId, int year, OutputStream out, Map<String, String> statusNames,
                          Map<Budget.Source, String> sourceNames) {
        OrgUnit unit = units.requireReadable(user, unitId);
        Summary s = compute(unit, year);
        String title = "Tổng hợp ngân sách trung tâm học tập cộng đồng năm " + year + " — " + unit.name();
        List<Column> sourceCols = List.of(new Column("Nguồn thu", ColumnType.TEXT, 34), new Column("Dự toán (đồng)", ColumnType.INTEGER, 18),
                new Column("Được giao (đồng)", ColumnType.INTEGER, 18), new Column("Đã nhận (đồng)", ColumnType.INTEGER, 18));
        List<Column> categoryCols = List.of(new Column("Mục chi", ColumnType.TEXT, 40), new Column("Dự toán (đồng)", ColumnType.INTEGER, 18),
                new Column("Đã chi (đồng)", ColumnType.INTEGER, 18));
        List<Column> centreCols = List.of(new Column("Trung tâm", ColumnType.TEXT, 36), new Column("Xã, phường", ColumnType.TEXT, 24),
                new Column("Trạng thái dự toán", ColumnType.TEXT, 22), new Column("Dự toán thu (đồng)", ColumnType.INTEGER, 18),
                new Column("Dự toán chi (đồng)", ColumnType.INTEGER, 18), new Column("Được giao (đồng)", ColumnType.INTEGER, 18),
                new Column("Đã chi (đồng)", ColumnType.INTEGER, 18));
        xlsx.writeSheets(out, List.of(
                new XlsxExport.Sheet("Theo nguồn", title, sourceCols, sink -> {
                    s.bySource().forEach(r -> sink.row(sourceNames.get(r.source()), r.estimated(), r.allocated(), r.received()));
                    sink.row("Tổng cộng", s.estimatedRevenue(), s.allocated(), s.received());
                }),
                new XlsxExport.Sheet("Theo mục chi", title, categoryCols, sink -> {
                    s.byCategory().forEach(r -> sink.row(r.name(), r.estimated(), r.spent()));
                    sink.row("Tổng cộng", s.estimatedSpending(), s.spent());
                }),
                new XlsxExport.Sheet("Theo trung tâm", title, centreCols, sink -> streamCentres(unitId, year, 100_000, r ->
                        sink.row(r.centreName(), r.communeName(), r.status() == null ? "Chưa lập" : statusNames.get(r.status()),
                                r.budgetId() == null ? null : r.estimatedRevenue(), r.budgetId() == null ? null : r.estimatedSpending(),
                                r.budgetId() == null ? null : r.allocated(), r.budgetId() == null ? null : r.spent())))));
        audit.access(AuditAction.EXPORT, "BudgetSummary", unitId, unitId, "Xuất tổng hợp ngân sách năm " + year + " của " + unit.name());
    }

    static LocalDate yearStart(int year) {
        return LocalDate.of(year, 1, 1);
    }
}
