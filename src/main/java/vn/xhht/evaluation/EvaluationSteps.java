package vn.xhht.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.evaluation.Evaluation.Stage;
import vn.xhht.evaluation.Framework.Item;
import vn.xhht.evaluation.Framework.ItemType;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Texts;
import vn.xhht.shared.VietnamClock;

/**
 * The steps of an evaluation after the self-assessment: submission, acceptance and return through the shared review
 * workflow; the check, the proposal, the decision and publication recorded once by the review (event and audit row),
 * with this module's stage column following.
 */
@Service
@Transactional
public class EvaluationSteps {

    private final JdbcClient jdbc;
    private final FrameworkCatalog catalog;
    private final ReviewWorkflow reviews;
    private final EvidenceStore evidence;
    private final EvaluationService evaluations;
    private final EvaluationAccess access;
    private final EvaluationProcedure procedure;
    private final VietnamClock clock;

    EvaluationSteps(JdbcClient jdbc, FrameworkCatalog catalog, ReviewWorkflow reviews, EvidenceStore evidence,
                    EvaluationService evaluations, EvaluationAccess access, EvaluationProcedure procedure, VietnamClock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.reviews = reviews;
        this.evidence = evidence;
        this.evaluations = evaluations;
        this.access = access;
        this.procedure = procedure;
        this.clock = clock;
    }

    public Evaluation submit(CurrentUser user, long id) {
        EvaluationService.View v = evaluations.view(user, id);
        Evaluation e = v.evaluation();
        if (!access.isOwnerSide(user, e)) {
            throw new AccessDeniedProblem("evaluation.cannotSubmit");
        }
        if (!e.stage().editable()) {
            throw new InvalidInputProblem("stage", "evaluation.alreadySubmitted");
        }
        List<String> missing = v.result().items().values().stream().filter(RuleEngine.ItemResult::missingEvidence)
                .map(RuleEngine.ItemResult::code).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputProblem("evidence", "evaluation.submit.missingEvidence", String.join(", ", missing));
        }
        boolean anyEntry = v.scores().stream().anyMatch(s -> s.points() != null || s.met() != null || s.value() != null);
        if (!anyEntry && v.framework().itemCount() > 0) {
            throw new InvalidInputProblem("scores", "evaluation.submit.empty");
        }
        if (!v.result().recognised()) {
            // a request letter asks for recognition: none is sent for a result below the lowest recognised level
            throw new InvalidInputProblem("level", "evaluation.submit.notRecognised",
                    v.result().level() == null ? "chưa xác định" : v.result().level().title());
        }
        procedure.checkBeforeSubmit(e, v.framework());
        checkUpgradeInterval(e, v.framework(), v.result(), clock.today());
        // the review records the submission (one event, one audit row); the stage column follows it
        reviews.submit(user, EvaluationService.SUBJECT, id);
        evaluations.setStage(e, Stage.SUBMITTED, "submitted_at = now(), requested_level = :extra", v.result().levelCode());
        return evaluations.find(id);
    }

    /** "Upgrade not before N months": a subject recognised at a lower level asks for a higher one too early. */
    void checkUpgradeInterval(Evaluation e, Framework f, RuleEngine.Result r, LocalDate today) {
        if (f.upgradeAfterMonths() == null || r.level() == null || !r.level().recognised()) {
            return;
        }
        var prior = jdbc.sql("""
                select e.level_code, e.decision_date from evaluation e join eval_framework_version v on v.id = e.framework_version_id
                 where v.code = :code and e.id <> :id and e.stage in ('DECIDED', 'PUBLISHED') and e.recognised
                   and coalesce(e.subject_unit_id, 0) = :su and coalesce(e.subject_id, 0) = :sid
                   and (e.valid_until is null or e.valid_until >= :today)
                 order by e.decision_date desc limit 1
                """).param("code", f.code()).param("id", e.id())
                .param("su", e.subjectUnitId() == null ? 0 : e.subjectUnitId()).param("sid", e.subjectId() == null ? 0 : e.subjectId())
                .param("today", today).query((rs, n) -> new Object[]{rs.getString(1), rs.getObject(2, LocalDate.class)}).optional();
        if (prior.isEmpty()) {
            return;
        }
        String priorLevel = (String) prior.get()[0];
        LocalDate decided = (LocalDate) prior.get()[1];
        int priorIndex = f.level(priorLevel).map(f.levels()::indexOf).orElse(-1);
        int wanted = f.levels().indexOf(r.level());
        if (wanted <= priorIndex) {
            throw new InvalidInputProblem("level", "evaluation.alreadyRecognised", f.level(priorLevel).map(Framework.Level::title).orElse(priorLevel), decided.format(EvaluationDocuments.DMY));
        }
        LocalDate earliest = decided.plusMonths(f.upgradeAfterMonths());
        if (today.isBefore(earliest)) {
            throw new InvalidInputProblem("level", "evaluation.upgrade.tooEarly", f.upgradeAfterMonths(), earliest.format(EvaluationDocuments.DMY));
        }
    }

    public Evaluation accept(CurrentUser user, long id, String comment) {
        Evaluation e = evaluations.require(user, id);
        reviews.approve(user, EvaluationService.SUBJECT, id, comment, access.reviewerRoles(e));
        evaluations.setStage(e, Stage.ACCEPTED, "accepted_at = now()", null);
        return evaluations.find(id);
    }

    public Evaluation returnWithReasons(CurrentUser user, long id, String reasons) {
        Evaluation e = evaluations.require(user, id);
        reviews.returnWithComment(user, EvaluationService.SUBJECT, id, reasons, access.reviewerRoles(e));
        evaluations.setStage(e, Stage.RETURNED, "accepted_at = null", null);
        return evaluations.find(id);
    }

    /** The check team's findings, item by item, beside the self-assessment. */
    public Evaluation check(CurrentUser user, long id, String team, LocalDate date, Map<String, EvaluationService.ScoreInput> findings, String note) {
        Evaluation e = evaluations.require(user, id);
        access.requireChecker(user, e);
        Framework fw = catalog.byVersionId(e.frameworkVersionId());
        if (!access.checkable(e, fw)) {
            throw new InvalidInputProblem("stage", fw.procedure().checkPlan() && e.stage() == Stage.ACCEPTED
                    ? "evaluation.check.noPlan" : "evaluation.check.notAccepted");
        }
        String t = Texts.orNull(team);
        if (t == null && fw.procedure().checkPlan()) {
            // the team of the approved check plan, members and organisations
            t = Texts.orNull(EvaluationProcedure.teamText(procedure.steps(e, fw).members()));
        }
        if (t == null) {
            throw new InvalidInputProblem("team", "evaluation.check.team.required");
        }
        if (date == null) {
            throw new InvalidInputProblem("checkDate", "evaluation.check.date.required");
        }
        if (date.isAfter(clock.today())) {
            throw new InvalidInputProblem("checkDate", "evaluation.check.date.future");
        }
        if (e.submittedAt() != null && date.isBefore(e.submittedAt().atZoneSameInstant(VietnamClock.ZONE).toLocalDate())) {
            throw new InvalidInputProblem("checkDate", "evaluation.check.date.beforeSubmit");
        }
        Framework f = catalog.byVersionId(e.frameworkVersionId());
        List<InvalidInputProblem.Violation> errors = new ArrayList<>();
        for (var in : findings.entrySet()) {
            Item item = f.item(in.getKey()).orElse(null);
            if (item == null) {
                errors.add(new InvalidInputProblem.Violation("check_" + in.getKey(), "evaluation.item.unknown", new Object[]{in.getKey()}));
            } else if (item.type() == ItemType.POINTS && in.getValue().points() != null && item.maxPoints() == null) {
                errors.add(new InvalidInputProblem.Violation("check_" + in.getKey(), "evaluation.points.noMax", new Object[]{item.code()}));
            } else if (item.type() == ItemType.POINTS && in.getValue().points() != null
                    && (in.getValue().points().signum() < 0 || in.getValue().points().compareTo(item.maxPoints()) > 0)) {
                errors.add(new InvalidInputProblem.Violation("check_" + in.getKey(),
                        in.getValue().points().signum() < 0 ? "evaluation.points.negative" : "evaluation.points.tooHigh",
                        new Object[]{item.code(), RuleEngine.plain(item.maxPoints())}));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        for (Evaluation.Score s : evaluations.scores(id)) {
            EvaluationService.ScoreInput in = findings.get(s.itemCode());
            // an item the team did not state keeps the self-assessed value: the team confirmed it
            jdbc.sql("update evaluation_score set check_points = :p, check_met = :m, check_value = :v, check_comment = :c where id = :id")
                    .param("p", in == null ? s.points() : in.points()).param("m", in == null ? s.met() : in.met())
                    .param("v", in == null ? s.value() : in.value()).param("c", in == null ? null : Texts.orNull(in.comment()))
                    .param("id", s.id()).update();
        }
        List<Evaluation.Score> scores = evaluations.scores(id);
        Set<Long> withFiles = evidence.ownersWithFiles(EvaluationService.SCORE_OWNER, scores.stream().map(Evaluation.Score::id).toList());
        Set<String> codes = scores.stream().filter(x -> withFiles.contains(x.id())).map(Evaluation.Score::itemCode).collect(Collectors.toSet());
        RuleEngine.Result checked = RuleEngine.evaluate(f, EvaluationService.entries(scores, codes, true));
        jdbc.sql("""
                update evaluation set check_team = :t, check_date = :d, check_note = :n, checked_total = :tot, checked_level = :l
                 where id = :id""").param("t", t).param("d", date).param("n", Texts.orNull(note))
                .param("tot", checked.total()).param("l", checked.levelCode()).param("id", id).update();
        move(user, e, Stage.CHECKED, "CHECK", t, "checked_at = now()", null);
        return evaluations.find(id);
    }

    public Evaluation propose(CurrentUser user, long id, String levelCode) {
        Evaluation e = evaluations.require(user, id);
        access.requireDecider(user, e);
        if (e.stage() != Stage.CHECKED && e.stage() != Stage.PROPOSED) {
            throw new InvalidInputProblem("stage", "evaluation.decide.notChecked");
        }
        Framework f = catalog.byVersionId(e.frameworkVersionId());
        String level = levelCode == null || levelCode.isBlank() ? e.checkedLevel() : levelCode;
        if (level == null || f.level(level).isEmpty()) {
            throw new InvalidInputProblem("level", "evaluation.level.unknownCode", level);
        }
        move(user, e, Stage.PROPOSED, "PROPOSE", f.level(level).map(Framework.Level::title).orElse(level), "proposed_level = :extra", level);
        return evaluations.find(id);
    }

    /** The decision recognising (or not) the proposed or checked level; refused before the check. */
    public Evaluation decide(CurrentUser user, long id, String number, LocalDate date, String signer) {
        Evaluation e = evaluations.require(user, id);
        access.requireDecider(user, e);
        if (e.stage() != Stage.CHECKED && e.stage() != Stage.PROPOSED) {
            throw new InvalidInputProblem("stage", e.stage() == Stage.DECIDED || e.stage() == Stage.PUBLISHED
                    ? "evaluation.decide.already" : "evaluation.decide.notChecked");
        }
        String n = Texts.orNull(number);
        if (n == null) {
            throw new InvalidInputProblem("decisionNumber", "evaluation.decision.number.required");
        }
        String s = Texts.orNull(signer);
        if (s == null) {
            throw new InvalidInputProblem("decisionSigner", "evaluation.decision.signer.required");
        }
        if (date == null) {
            throw new InvalidInputProblem("decisionDate", "evaluation.decision.date.required");
        }
        if (e.checkDate() != null && date.isBefore(e.checkDate())) {
            throw new InvalidInputProblem("decisionDate", "evaluation.decision.date.beforeCheck");
        }
        Framework f = catalog.byVersionId(e.frameworkVersionId());
        String level = e.proposedLevel() != null ? e.proposedLevel() : e.checkedLevel();
        Framework.Level l = level == null ? null : f.level(level).orElse(null);
        boolean recognised = l != null && l.recognised();
        LocalDate until = !recognised ? null : f.validityRule() != null ? f.validityRule().until(date)
                : f.validityMonths() != null ? date.plusMonths(f.validityMonths()).minusDays(1) : null;
        int updated = jdbc.sql("""
                update evaluation set stage = 'DECIDED', decision_number = :n, decision_date = :d, decision_signer = :s, decided_at = now(),
                       recognised = :r, level_code = :l, valid_from = :from, valid_until = :until, version = version + 1
                 where id = :id and version = :v
                """).param("n", n).param("d", date).param("s", s).param("r", recognised).param("l", level)
                .param("from", recognised ? date : null).param("until", until).param("id", id).param("v", e.version()).update();
        if (updated == 0) {
            throw new ConcurrentEditProblem(EvaluationService.SUBJECT + " " + id);
        }
        reviews.record(user, EvaluationService.SUBJECT, id, Stage.DECIDED.name(), "DECIDE", n, Map.of("stage", e.stage().name()),
                Map.of("stage", "DECIDED", "decision", n, "level", level == null ? "" : level), "Quyết định " + n + " · " + e.subjectName());
        return evaluations.find(id);
    }

    public Evaluation publish(CurrentUser user, long id) {
        Evaluation e = evaluations.require(user, id);
        access.requireDecider(user, e);
        if (e.stage() != Stage.DECIDED) {
            throw new InvalidInputProblem("stage", "evaluation.publish.notDecided");
        }
        move(user, e, Stage.PUBLISHED, "PUBLISH", null, "published_at = now()", null);
        return evaluations.find(id);
    }

    /** A step after acceptance: the stage column follows, and the review records the action once (event and audit). */
    private void move(CurrentUser user, Evaluation e, Stage to, String action, String comment, String extraSet, String extra) {
        evaluations.setStage(e, to, extraSet, extra);
        reviews.record(user, EvaluationService.SUBJECT, e.id(), to.name(), action, comment, Map.of("stage", e.stage().name()),
                comment == null ? Map.of("stage", to.name()) : Map.of("stage", to.name(), "comment", comment),
                action + " · " + e.subjectName() + " " + e.year());
    }
}
