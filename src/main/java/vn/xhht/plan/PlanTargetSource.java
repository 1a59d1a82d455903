package vn.xhht.plan;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.shared.PlanTargets;

/** The plan module's answer to {@link PlanTargets}: the only reader of plan tables on behalf of other modules. */
@Component
@Transactional(readOnly = true)
class PlanTargetSource implements PlanTargets {

    /** The first day of a plan's year: a school year starts on 1/9, a calendar year on 1/1. */
    private static final String STARTS = "case when p.year_kind = 'SCHOOL' then make_date(p.plan_year, 9, 1) else make_date(p.plan_year, 1, 1) end";

    private final JdbcClient jdbc;

    PlanTargetSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Target> latest(Collection<Long> unitIds, String code, LocalDate on) {
        Map<Long, Target> m = new HashMap<>();
        if (unitIds.isEmpty()) {
            return m;
        }
        jdbc.sql("""
                select distinct on (p.owner_unit_id) p.owner_unit_id, p.plan_year, %1$s as starts, t.target
                from plan p join plan_target t on t.plan_id = p.id and t.code = :code
                where p.owner_unit_id in (:units) and %1$s <= :on
                order by p.owner_unit_id, p.plan_year desc
                """.formatted(STARTS)).param("code", code).param("units", unitIds).param("on", on)
                .query((java.sql.ResultSet rs) -> {
                    long unit = rs.getLong("owner_unit_id");
                    m.put(unit, new Target(unit, rs.getInt("plan_year"), rs.getObject("starts", LocalDate.class), rs.getBigDecimal("target")));
                });
        return m;
    }

    @Override
    public List<Row> rowsBetween(long ownerUnitId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select r.id, to_char(r.month, 'MM/YYYY') || ' · ' || r.activity as label
                from plan_row r join plan p on p.id = r.plan_id
                where p.owner_unit_id = :u and r.month between :from and :to order by r.month, r.id
                """).param("u", ownerUnitId).param("from", from).param("to", to)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("label"))).list();
    }

    @Override
    public boolean rowBelongsTo(long rowId, long ownerUnitId) {
        return jdbc.sql("select exists (select 1 from plan_row r join plan p on p.id = r.plan_id where r.id = :r and p.owner_unit_id = :u)")
                .param("r", rowId).param("u", ownerUnitId).query(Boolean.class).single();
    }

    @Override
    public List<LabelledTarget> labelled(long ownerUnitId, int planYear, String words) {
        return jdbc.sql("""
                select t.label, t.target from plan_target t join plan p on p.id = t.plan_id
                where p.owner_unit_id = :u and p.plan_year = :y and xhht_search_key(t.label) like '%' || xhht_search_key(:w) || '%'
                """).param("u", ownerUnitId).param("y", planYear).param("w", words)
                .query((rs, n) -> new LabelledTarget(rs.getString(1), rs.getBigDecimal(2))).list();
    }
}
