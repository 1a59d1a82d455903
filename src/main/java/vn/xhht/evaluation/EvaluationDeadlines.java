package vn.xhht.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.calendar.WorkingDays;
import vn.xhht.shared.VietnamClock;

/**
 * When the next step of an evaluation is owed and by whom: the campaign's dates first, else the framework's rules (a
 * date in the year, or working days after an event); and the steps a unit owes, for its home page.
 */
@Service
@Transactional
public class EvaluationDeadlines {

    private final JdbcClient jdbc;
    private final FrameworkCatalog catalog;
    private final WorkingDays workingDays;
    private final VietnamClock clock;

    EvaluationDeadlines(JdbcClient jdbc, FrameworkCatalog catalog, WorkingDays workingDays, VietnamClock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** The deadline of the step owed next, from the framework's rules (campaign dates take precedence). */
    public Evaluation.Deadline deadline(Evaluation e, Framework f) {
        return deadline(e, f, new HashMap<>());
    }

    /** {@code campaignDates} caches the campaigns' dossier and decision deadlines across calls. */
    Evaluation.Deadline deadline(Evaluation e, Framework f, Map<Long, LocalDate[]> campaignDates) {
        Framework.Step step = e.nextStep(f);
        if (step == null) {
            return null;
        }
        LocalDate date = null;
        if (e.campaignId() != null) {
            LocalDate[] c = campaignDates.computeIfAbsent(e.campaignId(), id -> jdbc.sql("select dossier_due, decision_due from eval_campaign where id = :id")
                    .param("id", id).query((rs, n) -> new LocalDate[]{rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)}).single());
            date = step == Framework.Step.SUBMIT ? c[0] : step == Framework.Step.PUBLISH ? null : c[1];
        }
        if (date == null) {
            date = ruleDate(e, f, step);
        }
        // a step without its own rule must still be done before the decision deadline
        if (date == null && step != Framework.Step.PUBLISH) {
            date = ruleDate(e, f, Framework.Step.DECIDE);
        }
        if (date == null) {
            return null;
        }
        long owedBy = step == Framework.Step.SUBMIT ? e.ownerUnitId() : e.reviewerUnitId();
        return new Evaluation.Deadline(step, date, owedBy, vn.xhht.review.Review.late(date, null, clock.today()));
    }

    LocalDate ruleDate(Evaluation e, Framework f, Framework.Step step) {
        for (Framework.Deadline d : f.deadlines()) {
            if (d.step() != step) {
                continue;
            }
            if (d.workingDays() != null) {
                OffsetDateTime event = switch (d.afterEvent()) {
                    case "SUBMITTED" -> e.submittedAt();
                    case "ACCEPTED" -> e.acceptedAt();
                    case "CHECKED" -> e.checkedAt();
                    default -> e.decidedAt();
                };
                if (event != null) {
                    return workingDays.add(event.atZoneSameInstant(VietnamClock.ZONE).toLocalDate(), d.workingDays());
                }
            } else {
                return LocalDate.of(e.year() + d.yearOffset(), d.month(), d.day());
            }
        }
        return null;
    }

    /** Evaluations whose next step the unit owes, with their deadline (for the home dashboard). */
    @Transactional(readOnly = true)
    public List<Map.Entry<Evaluation, Evaluation.Deadline>> owedBy(long unitId) {
        List<Evaluation> list = waitingOn(unitId);
        List<Map.Entry<Evaluation, Evaluation.Deadline>> out = new ArrayList<>();
        Map<Long, LocalDate[]> campaignDates = new HashMap<>();
        for (Evaluation e : list) {
            Evaluation.Deadline d = deadline(e, catalog.byVersionId(e.frameworkVersionId()), campaignDates);
            if (d != null && d.owedByUnitId() == unitId) {
                out.add(Map.entry(e, d));
            }
        }
        return out;
    }

    /** A step of an evaluation that a unit owes next, with its deadline if the framework or campaign sets one. */
    public record OwedStep(Evaluation evaluation, Framework.Step step, LocalDate due) {
    }

    /** Every evaluation whose next step the unit owes, deadline or not (the home page's to-do list). */
    @Transactional(readOnly = true)
    public List<OwedStep> stepsOwedBy(long unitId) {
        List<Evaluation> list = waitingOn(unitId);
        List<OwedStep> out = new ArrayList<>();
        Map<Long, LocalDate[]> campaignDates = new HashMap<>();
        for (Evaluation e : list) {
            Framework fw = catalog.byVersionId(e.frameworkVersionId());
            Framework.Step step = e.nextStep(fw);
            if (step == null || (step == Framework.Step.SUBMIT ? e.ownerUnitId() : e.reviewerUnitId()) != unitId) {
                continue;
            }
            Evaluation.Deadline d = deadline(e, fw, campaignDates);
            out.add(new OwedStep(e, step, d == null ? null : d.date()));
        }
        return out;
    }

    /** The dossiers at a stage where the unit acts next: its own drafts and returns, or those it received. */
    private List<Evaluation> waitingOn(long unitId) {
        return jdbc.sql(EvaluationService.SELECT + """
                 where (e.owner_unit_id = :u and e.stage in ('DRAFT', 'RETURNED'))
                    or (e.reviewer_unit_id = :u and e.stage in ('SUBMITTED', 'ACCEPTED', 'PLANNED', 'CHECKED', 'PROPOSED', 'DECIDED'))
                 order by e.id limit 200
                """).param("u", unitId).query(EvaluationService::map).list();
    }
}
