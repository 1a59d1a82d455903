package vn.xhht.outreach;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.centre.ActivityDisruptions;
import vn.xhht.centre.Bookcases;
import vn.xhht.shared.ReportFigureSource;

/**
 * Figures of communication plans (items planned, done, not done in the period), joint border models (children and
 * households supported; absent when no model reported them), contingency (activations, and planned activities
 * postponed, moved online or to another venue, counted apart) and reading culture, over the unit's subtree.
 */
@Component
@Transactional(readOnly = true)
class OutreachReportFigures implements ReportFigureSource {

    static final List<Figure> FIGURES = List.of(
            new Figure("outreach.comm.planned", "figure.outreach.comm.planned"),
            new Figure("outreach.comm.done", "figure.outreach.comm.done"),
            new Figure("outreach.comm.notDone", "figure.outreach.comm.notDone"),
            new Figure("outreach.coop.children", "figure.outreach.coop.children"),
            new Figure("outreach.coop.households", "figure.outreach.coop.households"),
            new Figure("outreach.contingency.activations", "figure.outreach.contingency.activations"),
            new Figure("outreach.contingency.postponed", "figure.outreach.contingency.postponed"),
            new Figure("outreach.contingency.online", "figure.outreach.contingency.online"),
            new Figure("outreach.contingency.moved", "figure.outreach.contingency.moved"),
            new Figure("outreach.reading.activities", "figure.outreach.reading.activities"),
            new Figure("outreach.reading.bookDay", "figure.outreach.reading.bookDay"));

    private final JdbcClient jdbc;
    private final ActivityDisruptions disruptions;
    private final Bookcases bookcases;

    OutreachReportFigures(JdbcClient jdbc, ActivityDisruptions disruptions, Bookcases bookcases) {
        this.jdbc = jdbc;
        this.disruptions = disruptions;
        this.bookcases = bookcases;
    }

    @Override
    public List<Figure> figures() {
        return FIGURES;
    }

    @Override
    public Map<String, BigDecimal> values(long unitId, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> m = new HashMap<>();
        jdbc.sql("""
                select count(*) as planned, count(*) filter (where done) as done, count(*) filter (where done = false) as not_done
                from comm_plan_item where unit_id in (select id from xhht_unit_subtree(:unit)) and planned_on between :from and :to
                """).param("unit", unitId).param("from", from).param("to", to).query((java.sql.ResultSet rs) -> {
            m.put("outreach.comm.planned", rs.getBigDecimal("planned"));
            m.put("outreach.comm.done", rs.getBigDecimal("done"));
            m.put("outreach.comm.notDone", rs.getBigDecimal("not_done"));
        });
        // a model counts in the years it reports; blank counts stay out of the sum and the figure is absent when all are blank
        jdbc.sql("""
                select sum(m.children) as ch, sum(m.households) as hh from coop_model m join coop_programme p on p.id = m.programme_id
                where p.unit_id in (select id from xhht_unit_subtree(:unit)) and m.model_year between :fy and :ty
                """).param("unit", unitId).param("fy", from.getYear()).param("ty", to.getYear()).query((java.sql.ResultSet rs) -> {
            if (rs.getBigDecimal("ch") != null) {
                m.put("outreach.coop.children", rs.getBigDecimal("ch"));
            }
            if (rs.getBigDecimal("hh") != null) {
                m.put("outreach.coop.households", rs.getBigDecimal("hh"));
            }
        });
        m.put("outreach.contingency.activations", jdbc.sql("""
                select count(*) from contingency_activation a join contingency_scenario s on s.id = a.scenario_id
                where s.unit_id in (select id from xhht_unit_subtree(:unit)) and a.starts_on <= :to and a.ends_on >= :from
                """).param("unit", unitId).param("from", from).param("to", to).query(BigDecimal.class).single());
        Map<ActivityDisruptions.Action, Long> d = disruptions.counts(unitId, from, to);
        m.put("outreach.contingency.postponed", BigDecimal.valueOf(d.getOrDefault(ActivityDisruptions.Action.POSTPONE, 0L)));
        m.put("outreach.contingency.online", BigDecimal.valueOf(d.getOrDefault(ActivityDisruptions.Action.ONLINE, 0L)));
        m.put("outreach.contingency.moved", BigDecimal.valueOf(d.getOrDefault(ActivityDisruptions.Action.MOVE_VENUE, 0L)));
        Bookcases.ReadingActivities r = bookcases.readingActivities(unitId, from, to);
        m.put("outreach.reading.activities", BigDecimal.valueOf(r.readingActivities()));
        m.put("outreach.reading.bookDay", BigDecimal.valueOf(r.bookDayActivities()));
        return m;
    }
}
