package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.platform.HomeAlert;
import vn.xhht.platform.HomeAlertSource;
import vn.xhht.platform.NavContribution;
import vn.xhht.platform.NavItem;
import vn.xhht.shared.ReportFigureSource;

/** What the evaluation module adds to the navigation, the home dashboard and the periodic reports. */
@Configuration
class EvaluationContributions {

    @Bean
    NavContribution evaluationNav() {
        return new NavContribution() {
            @Override
            public List<NavItem> items(vn.xhht.shared.CurrentUser user) {
                return List.of(new NavItem("/evaluations", "nav.evaluations"));
            }

            @Override
            public int order() {
                return 600;
            }
        };
    }

    /** Steps the user's unit owes: overdue, or due within 7 days. */
    @Bean
    HomeAlertSource evaluationAlerts(EvaluationDeadlines deadlines, org.springframework.context.MessageSource messages) {
        return (user, today) -> {
            List<HomeAlert> out = new ArrayList<>();
            for (var entry : deadlines.owedBy(user.unitId())) {
                Evaluation e = entry.getKey();
                Evaluation.Deadline d = entry.getValue();
                boolean overdue = today.isAfter(d.date());
                if (!overdue && d.date().isAfter(today.plusDays(7))) {
                    continue;
                }
                String step = messages.getMessage("evaluation.step." + d.step(), null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
                out.add(new HomeAlert(overdue ? HomeAlert.Severity.OVERDUE : HomeAlert.Severity.WARNING,
                        overdue ? "evaluation.alert.overdue" : "evaluation.alert.soon",
                        List.of(step, e.subjectName() + " " + e.year(), d.date().format(EvaluationDocuments.DMY)), "/evaluations/" + e.id()));
            }
            return out;
        };
    }

    /** Dossiers whose next step the user's unit owes: its own to submit or resubmit, the ones it receives to process. */
    @Bean
    vn.xhht.platform.HomeTaskSource evaluationTasks(EvaluationDeadlines deadlines, org.springframework.context.MessageSource messages) {
        return (user, today) -> {
            if (user.role() == vn.xhht.shared.Role.INSPECTOR) {
                return List.of();
            }
            List<vn.xhht.platform.HomeTask> out = new ArrayList<>();
            for (EvaluationDeadlines.OwedStep s : deadlines.stepsOwedBy(user.unitId())) {
                Evaluation e = s.evaluation();
                String step = messages.getMessage("evaluation.step." + s.step(), null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
                vn.xhht.platform.HomeTask.Action action = s.step() != Framework.Step.SUBMIT ? vn.xhht.platform.HomeTask.Action.REVIEW
                        : e.stage() == Evaluation.Stage.RETURNED ? vn.xhht.platform.HomeTask.Action.RESUBMIT : vn.xhht.platform.HomeTask.Action.SUBMIT;
                out.add(new vn.xhht.platform.HomeTask(vn.xhht.platform.HomeTask.Area.EVALUATION, action, "evaluation.task.step",
                        List.of(step, e.subjectName() + " " + e.year()), "/evaluations/" + e.id(), s.due()));
            }
            return out;
        };
    }

    /**
     * Counts over the unit's subtree (structure valid on {@code to}): recognitions valid on {@code to}; centre
     * ratings decided in the period.
     */
    @Bean
    ReportFigureSource evaluationFigures(JdbcClient jdbc) {
        return new ReportFigureSource() {
            @Override
            public List<Figure> figures() {
                return List.of(new Figure("evaluation.recognised.commune", "evaluation.figure.recognised.commune"),
                        new Figure("evaluation.recognised.unit", "evaluation.figure.recognised.unit"),
                        new Figure("evaluation.recognised.family", "evaluation.figure.recognised.family"),
                        new Figure("evaluation.recognised.clan", "evaluation.figure.recognised.clan"),
                        new Figure("evaluation.centre.rating.good", "evaluation.figure.centre.good"),
                        new Figure("evaluation.centre.rating.fair", "evaluation.figure.centre.fair"),
                        new Figure("evaluation.centre.rating.average", "evaluation.figure.centre.average"));
            }

            @Override
            public Map<String, BigDecimal> values(long unitId, LocalDate from, LocalDate to) {
                Map<String, BigDecimal> out = new LinkedHashMap<>();
                jdbc.sql("""
                        with scope as (select id from xhht_unit_subtree(:unit))
                        select case v.subject_type when 'COMMUNE' then 'evaluation.recognised.commune' when 'UNIT' then 'evaluation.recognised.unit'
                                    when 'FAMILY' then 'evaluation.recognised.family' when 'CLAN' then 'evaluation.recognised.clan' end as code,
                               count(*) as n
                          from evaluation e join eval_framework_version v on v.id = e.framework_version_id
                         where e.owner_unit_id in (select id from scope) and e.recognised and e.stage in ('DECIDED', 'PUBLISHED')
                           and v.subject_type in ('COMMUNE', 'UNIT', 'FAMILY', 'CLAN')
                           and e.valid_from <= :to and (e.valid_until is null or e.valid_until >= :to)
                         group by 1
                        union all
                        select case e.level_code when 'TOT' then 'evaluation.centre.rating.good' when 'KHA' then 'evaluation.centre.rating.fair'
                                    else 'evaluation.centre.rating.average' end, count(*)
                          from evaluation e join eval_framework_version v on v.id = e.framework_version_id
                         where e.owner_unit_id in (select id from scope) and v.subject_type = 'CENTRE' and e.stage in ('DECIDED', 'PUBLISHED')
                           and e.level_code in ('TOT', 'KHA', 'TRUNG_BINH') and e.decision_date between :from and :to
                         group by 1
                        """).param("unit", unitId).param("from", from).param("to", to)
                        .query((rs, n) -> out.put(rs.getString(1), BigDecimal.valueOf(rs.getLong(2)))).list();
                return out;
            }
        };
    }
}
