package vn.xhht.oversight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.shared.ReportFigureSource;

/**
 * The out-of-school report (R30) figures: establishments by kind and by status at the end of the period (from the
 * acts dated up to then, not today's status), inspections, violations, sanction decisions and fines in the period.
 */
@Component
@Transactional(readOnly = true)
class OversightReportFigures implements ReportFigureSource {

    static final List<Figure> FIGURES;

    static {
        List<Figure> f = new ArrayList<>();
        for (Establishment.Kind k : Establishment.Kind.values()) {
            f.add(new Figure("oversight.establishments." + k.name().toLowerCase(java.util.Locale.ROOT), "figure.oversight.establishments." + k.name()));
        }
        for (String c : List.of("establishments.active", "establishments.suspended", "establishments.dissolved", "establishments.pending",
                "establishments.total", "establishments.licensed", "establishments.inspected", "establishments.violating", "teachers.foreign",
                "inspections.establishments", "inspections.centres", "violations", "sanctions", "fines")) {
            f.add(new Figure("oversight." + c, "figure.oversight." + c));
        }
        FIGURES = List.copyOf(f);
    }

    private final JdbcClient jdbc;

    OversightReportFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Figure> figures() {
        return FIGURES;
    }

    /** The unit's subtree as a condition on {@code u} (xhht_unit of the row); one place to swap for an orgunit scope function. */
    private static String inSubtree() {
        return " u.id in (select id from xhht_unit_subtree(:unit)) ";
    }

    @Override
    public Map<String, BigDecimal> values(long unitId, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> m = new HashMap<>();
        for (Establishment.Kind k : Establishment.Kind.values()) {
            m.put("oversight.establishments." + k.name().toLowerCase(java.util.Locale.ROOT), BigDecimal.ZERO);
        }
        for (String s : List.of("active", "suspended", "dissolved", "pending")) {
            m.put("oversight.establishments." + s, BigDecimal.ZERO);
        }
        jdbc.sql("""
                with st as (
                  select e.kind, (select a.kind from ovs_act a where a.establishment_id = e.id and a.issued_on <= :to
                                  order by (a.kind = 'DISSOLUTION') desc, a.issued_on desc, a.id desc limit 1) as last_act
                  from ovs_establishment e join xhht_unit u on u.id = e.unit_id
                  where e.created_at < cast(:to as date) + 1 and """ + inSubtree() + """
                )
                select kind, case when last_act is null then 'pending' when last_act = 'DISSOLUTION' then 'dissolved'
                                  when last_act = 'SUSPENSION' then 'suspended' else 'active' end as st, count(*) as n
                from st group by 1, 2
                """).param("unit", unitId).param("to", to).query((java.sql.ResultSet rs) -> {
            String st = rs.getString("st");
            BigDecimal n = rs.getBigDecimal("n");
            m.merge("oversight.establishments." + st, n, BigDecimal::add);
            if (!st.equals("dissolved") && !st.equals("pending")) {
                m.merge("oversight.establishments." + rs.getString("kind").toLowerCase(java.util.Locale.ROOT), n, BigDecimal::add);
            }
        });
        BigDecimal active = m.get("oversight.establishments.active");
        BigDecimal suspended = m.get("oversight.establishments.suspended");
        m.put("oversight.establishments.licensed", active.add(suspended));
        m.put("oversight.establishments.total", active.add(suspended).add(m.get("oversight.establishments.pending")));
        jdbc.sql("""
                select count(distinct i.establishment_id) as inspected,
                       count(distinct i.establishment_id) filter (where exists (select 1 from ovs_finding f where f.inspection_id = i.id
                                                                                and f.violation_code is not null)) as violating
                from ovs_inspection i join xhht_unit u on u.id = i.unit_id
                where i.subject_type = 'ESTABLISHMENT' and i.inspected_on between :from and :to and """ + inSubtree())
                .param("unit", unitId).param("from", from).param("to", to).query((java.sql.ResultSet rs) -> {
                    m.put("oversight.establishments.inspected", rs.getBigDecimal("inspected"));
                    m.put("oversight.establishments.violating", rs.getBigDecimal("violating"));
                });
        // teachers are kept as the current list, without history: the count is of today's records
        m.put("oversight.teachers.foreign", jdbc.sql("""
                select count(*) from ovs_teacher t join ovs_establishment e on e.id = t.establishment_id join xhht_unit u on u.id = e.unit_id
                where t.is_foreign and e.status <> 'DISSOLVED' and """ + inSubtree()).param("unit", unitId).query(BigDecimal.class).single());
        jdbc.sql("""
                select count(*) filter (where i.subject_type = 'ESTABLISHMENT') as ie,
                       count(*) filter (where i.subject_type = 'CENTRE') as ic,
                       coalesce(sum((select count(*) from ovs_finding f where f.inspection_id = i.id and f.violation_code is not null)), 0) as v
                from ovs_inspection i join xhht_unit u on u.id = i.unit_id
                where i.inspected_on between :from and :to and """ + inSubtree()).param("unit", unitId).param("from", from).param("to", to)
                .query((java.sql.ResultSet rs) -> {
                    m.put("oversight.inspections.establishments", rs.getBigDecimal("ie"));
                    m.put("oversight.inspections.centres", rs.getBigDecimal("ic"));
                    m.put("oversight.violations", rs.getBigDecimal("v"));
                });
        jdbc.sql("""
                select count(*) as n, coalesce(sum(s.fine_vnd), 0) as fines
                from ovs_sanction s join ovs_inspection i on i.id = s.inspection_id join xhht_unit u on u.id = i.unit_id
                where s.decided_on between :from and :to and """ + inSubtree()).param("unit", unitId).param("from", from).param("to", to)
                .query((java.sql.ResultSet rs) -> {
                    m.put("oversight.sanctions", rs.getBigDecimal("n"));
                    m.put("oversight.fines", rs.getBigDecimal("fines"));
                });
        return m;
    }
}
