package vn.xhht.resources;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

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
 * The office's spending check ({@link SpendingCheck}) summed over an area for one year: per commune under a
 * province or district, per province under the nation. The amounts checked are the spending recorded; the findings
 * are the same warnings as on each budget — spending over the approved estimate (in total and by category) and over
 * the allocation where one is recorded — plus spending that names nothing it paid for.
 */
@Service
@Transactional(readOnly = true)
public class SpendingCheckSummary {

    @Schema(name = "SpendingCheckRow", description = "Kết quả kiểm tra chi tiêu của một xã hoặc một tỉnh trong năm (đồng). "
            + "/ The spending check of one commune or province in a year, in đồng.")
    public record Row(long unitId, String unitName, long budgets, long withSpending, long estimatedSpending, long spent,
                      long overEstimate, long overEstimateVnd, long overAllocation, long categoriesOver, long unlinkedVnd) {
        public long findings() {
            return overEstimate + overAllocation + categoriesOver;
        }
    }

    @Schema(name = "SpendingCheckSummary")
    public record Summary(long unitId, String unitName, int year, boolean byProvince, List<Row> rows, Row total) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final XlsxExport xlsx;
    private final AuditTrail audit;

    SpendingCheckSummary(JdbcClient jdbc, OrgUnitDirectory units, XlsxExport xlsx, AuditTrail audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.xlsx = xlsx;
        this.audit = audit;
    }

    public Summary summary(CurrentUser user, long unitId, int year) {
        OrgUnit unit = units.requireReadable(user, unitId);
        return compute(unit, year);
    }

    Summary compute(OrgUnit unit, int year) {
        boolean byProvince = unit.level() == OrgUnit.NATION;
        String scope = switch (unit.level()) {
            case OrgUnit.NATION -> "true";
            case OrgUnit.PROVINCE -> "b.province_id = :unit";
            default -> "b.commune_id in (select id from xhht_unit_subtree(:unit))";
        };
        String group = byProvince ? "b.province_id" : "b.commune_id";
        List<Row> rows = jdbc.sql("""
                with b as (
                    select b.id, %s as unit_id, b.est_spending_vnd as est, b.spent_vnd as spent, b.allocated_vnd as allocated
                      from budget b where b.budget_year = :y and %s),
                cat as (
                    select l.budget_id, sum(l.amount_vnd) filter (where l.stage = 'ESTIMATE') as est,
                           sum(l.amount_vnd) filter (where l.stage = 'SPENDING') as spent
                      from budget_line l join b on b.id = l.budget_id
                     where l.category is not null group by l.budget_id, l.category),
                over_cat as (
                    select budget_id, count(*) as n from cat where coalesce(spent, 0) > coalesce(est, 0) group by budget_id),
                lines as (
                    select l.budget_id, bool_or(l.stage = 'ALLOCATION') as has_allocation,
                           coalesce(sum(l.amount_vnd) filter (where l.stage = 'SPENDING' and l.activity_id is null
                               and l.lit_class_id is null and l.training_id is null and l.asset_id is null), 0) as unlinked
                      from budget_line l join b on b.id = l.budget_id group by l.budget_id)
                select b.unit_id, u.name, count(*) as budgets, count(*) filter (where b.spent > 0) as with_spending,
                       sum(b.est) as est, sum(b.spent) as spent,
                       count(*) filter (where b.spent > b.est) as over_est,
                       coalesce(sum(b.spent - b.est) filter (where b.spent > b.est), 0) as over_est_vnd,
                       count(*) filter (where coalesce(x.has_allocation, false) and b.spent > b.allocated) as over_alloc,
                       coalesce(sum(o.n), 0) as cats_over, coalesce(sum(x.unlinked), 0) as unlinked
                  from b join xhht_unit u on u.id = b.unit_id
                  left join over_cat o on o.budget_id = b.id
                  left join lines x on x.budget_id = b.id
                 group by b.unit_id, u.name
                 order by (count(*) filter (where b.spent > b.est) + coalesce(sum(o.n), 0)) desc, u.name, b.unit_id
                """.formatted(group, scope)).param("unit", unit.id()).param("y", year)
                .query((rs, n) -> new Row(rs.getLong("unit_id"), rs.getString("name"), rs.getLong("budgets"), rs.getLong("with_spending"),
                        rs.getLong("est"), rs.getLong("spent"), rs.getLong("over_est"), rs.getLong("over_est_vnd"), rs.getLong("over_alloc"),
                        rs.getLong("cats_over"), rs.getLong("unlinked"))).list();
        long[] t = new long[9];
        for (Row r : rows) {
            t[0] += r.budgets();
            t[1] += r.withSpending();
            t[2] += r.estimatedSpending();
            t[3] += r.spent();
            t[4] += r.overEstimate();
            t[5] += r.overEstimateVnd();
            t[6] += r.overAllocation();
            t[7] += r.categoriesOver();
            t[8] += r.unlinkedVnd();
        }
        Row total = new Row(unit.id(), unit.name(), t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8]);
        return new Summary(unit.id(), unit.name(), year, byProvince, rows, total);
    }

    /** The summary as .xlsx, one row per commune (or province) and the total. */
    @Transactional
    public void writeXlsx(CurrentUser user, long unitId, int year, OutputStream out) {
        OrgUnit unit = units.requireReadable(user, unitId);
        Summary s = compute(unit, year);
        String title = "Kiểm tra chi tiêu ngân sách trung tâm học tập cộng đồng năm " + year + " — " + unit.name();
        List<Column> cols = new ArrayList<>(List.of(new Column(s.byProvince() ? "Tỉnh, thành phố" : "Xã, phường", ColumnType.TEXT, 30),
                new Column("Số ngân sách", ColumnType.INTEGER, 12), new Column("Số ngân sách có khoản chi", ColumnType.INTEGER, 14),
                new Column("Dự toán chi (đồng)", ColumnType.INTEGER, 18), new Column("Số tiền đã chi được kiểm tra (đồng)", ColumnType.INTEGER, 20),
                new Column("Số ngân sách chi vượt dự toán", ColumnType.INTEGER, 14), new Column("Số tiền chi vượt dự toán (đồng)", ColumnType.INTEGER, 18),
                new Column("Số ngân sách chi vượt kinh phí được giao", ColumnType.INTEGER, 16),
                new Column("Số mục chi vượt dự toán", ColumnType.INTEGER, 14), new Column("Tổng số phát hiện", ColumnType.INTEGER, 12),
                new Column("Khoản chi chưa gắn việc (đồng)", ColumnType.INTEGER, 18)));
        xlsx.write(out, "Kiểm tra chi tiêu", title, cols, sink -> {
            for (Row r : s.rows()) {
                row(sink, r.unitName(), r);
            }
            row(sink, "Tổng cộng", s.total());
        });
        audit.access(AuditAction.EXPORT, "SpendingCheckSummary", unitId, unitId, "Xuất kiểm tra chi tiêu năm " + year + " của " + unit.name());
    }

    private static void row(XlsxExport.RowSink sink, String name, Row r) {
        sink.row(name, r.budgets(), r.withSpending(), r.estimatedSpending(), r.spent(), r.overEstimate(), r.overEstimateVnd(),
                r.overAllocation(), r.categoriesOver(), r.findings(), r.unlinkedVnd());
    }
}
