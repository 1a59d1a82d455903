package vn.xhht.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.shared.ReportFigureSource;

/**
 * Yearly targets (chỉ tiêu, R11) of the approved centre plans in the unit's subtree, for the plan year containing the
 * period's last day (a school year for provinces that plan by school year). Reports put achievement beside them.
 */
@Component
@Transactional(readOnly = true)
class PlanReportFigures implements ReportFigureSource {

    static final Map<String, String> CODES = Map.of(
            "plan.target.participations", "PARTICIPATIONS",
            "plan.target.thematic_classes", "THEMATIC_CLASSES",
            "plan.target.literacy_classes", "LITERACY_CLASSES",
            "plan.target.clubs", "CLUBS");

    private final JdbcClient jdbc;

    PlanReportFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Figure> figures() {
        return CODES.keySet().stream().sorted().map(c -> new Figure(c, "figure." + c)).toList();
    }

    @Override
    public Map<String, BigDecimal> values(long unitId, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> m = new HashMap<>();
        jdbc.sql("""
                select t.code, sum(t.target) as target
                from plan p
                join plan_target t on t.plan_id = p.id
                join xhht_unit u on u.id = p.owner_unit_id and u.level = 3
                join xhht_review s on s.subject_type = 'Plan' and s.subject_id = p.id and s.status = 'APPROVED'
                where p.owner_unit_id in (select id from xhht_rollup_scope(:unit))
                  and p.plan_year = case when p.year_kind = 'SCHOOL' then (case when :month >= 9 then :year else :year - 1 end) else :year end
                  and t.code in ('PARTICIPATIONS', 'THEMATIC_CLASSES', 'LITERACY_CLASSES', 'CLUBS')
                group by t.code
                """).param("unit", unitId).param("month", to.getMonthValue()).param("year", to.getYear())
                .query((java.sql.ResultSet rs) -> {
                    CODES.forEach((code, target) -> {
                        try {
                            if (target.equals(rs.getString("code"))) {
                                m.put(code, rs.getBigDecimal("target"));
                            }
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                });
        return m;
    }
}
