package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.evaluation.Framework.Item;
import vn.xhht.evaluation.Framework.ItemType;
import vn.xhht.evidence.EvidenceFile;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Texts;

/**
 * The owner's self-assessment of a dossier: scores of several items saved all-or-nothing, each checked against its
 * item, evidence files per item; the stored total and level follow.
 */
@Service
@Transactional
public class SelfAssessment {

    private final JdbcClient jdbc;
    private final FrameworkCatalog catalog;
    private final ReviewWorkflow reviews;
    private final EvidenceStore evidence;
    private final EvaluationService evaluations;
    private final EvaluationAccess access;

    SelfAssessment(JdbcClient jdbc, FrameworkCatalog catalog, ReviewWorkflow reviews, EvidenceStore evidence,
                   EvaluationService evaluations, EvaluationAccess access) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.reviews = reviews;
        this.evidence = evidence;
        this.evaluations = evaluations;
        this.access = access;
    }

    /**
     * Saves the self-assessment of several items at once. Every value is checked first; one bad value saves
     * nothing. {@code version} guards against a concurrent edit (null: no check, API without version).
     */
    public EvaluationService.View saveScores(CurrentUser user, long id, Map<String, EvaluationService.ScoreInput> inputs, Long version) {
        Evaluation e = evaluations.require(user, id);
        access.checkPreparing(user, e);
        Framework f = catalog.byVersionId(e.frameworkVersionId());
        List<InvalidInputProblem.Violation> errors = new ArrayList<>();
        for (String code : inputs.keySet()) {
            if (f.item(code).isEmpty()) {
                errors.add(new InvalidInputProblem.Violation("item_" + code, "evaluation.item.unknown", new Object[]{code}));
            }
        }
        for (Item item : f.items().filter(i -> inputs.containsKey(i.code())).toList()) {
            String field = "item_" + item.code();
            EvaluationService.ScoreInput s = inputs.get(item.code());
            if (s == null) {
                continue;
            }
            if (item.type() == ItemType.POINTS && s.points() != null) {
                if (item.maxPoints() == null) {
                    errors.add(new InvalidInputProblem.Violation(field, "evaluation.points.noMax", new Object[]{item.code()}));
                } else if (s.points().signum() < 0) {
                    errors.add(new InvalidInputProblem.Violation(field, "evaluation.points.negative", new Object[]{item.code()}));
                } else if (item.maxPoints() != null && s.points().compareTo(item.maxPoints()) > 0) {
                    errors.add(new InvalidInputProblem.Violation(field, "evaluation.points.tooHigh",
                            new Object[]{item.code(), RuleEngine.plain(item.maxPoints())}));
                } else if (s.points().scale() > 2) {
                    errors.add(new InvalidInputProblem.Violation(field, "evaluation.points.decimals", new Object[]{item.code()}));
                }
            }
            if (item.type() == ItemType.MEASURE && s.value() != null && (s.value().signum() < 0 || s.value().compareTo(BigDecimal.valueOf(100000)) > 0)) {
                errors.add(new InvalidInputProblem.Violation(field, "evaluation.value.invalid", new Object[]{item.code()}));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        evaluations.bumpVersion(e, version);
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (var in : inputs.entrySet()) {
            Item item = f.item(in.getKey()).orElseThrow();
            EvaluationService.ScoreInput s = in.getValue();
            jdbc.sql("""
                    update evaluation_score set points = :p, met = :m, value = :v, comment = :c
                     where evaluation_id = :e and item_code = :code
                    """).param("p", item.type() == ItemType.POINTS ? s.points() : null)
                    .param("m", item.type() == ItemType.PASSFAIL ? s.met() : null)
                    .param("v", item.type() == ItemType.MEASURE ? s.value() : null)
                    .param("c", Texts.orNull(s.comment())).param("e", id).param("code", item.code()).update();
            after.put(item.code(), s.points() != null ? s.points() : s.met() != null ? s.met() : s.value());
        }
        reviews.record(user, EvaluationService.SUBJECT, id, null, "SCORE", null, before, after, "Tự đánh giá " + e.subjectName());
        evaluations.recompute(id);
        return evaluations.view(evaluations.find(id));
    }

    public List<EvidenceFile> attachEvidence(CurrentUser user, long id, String itemCode, List<EvidenceStore.Upload> uploads) {
        Evaluation e = evaluations.require(user, id);
        access.checkPreparing(user, e);
        if (uploads.isEmpty()) {
            throw new InvalidInputProblem("file_" + itemCode, "evaluation.evidence.none");
        }
        Evaluation.Score s = evaluations.scores(id).stream().filter(x -> x.itemCode().equals(itemCode)).findFirst()
                .orElseThrow(() -> new InvalidInputProblem("item", "evaluation.item.unknown", itemCode));
        List<EvidenceFile> stored = evidence.storeAll(user, EvaluationService.SCORE_OWNER, s.id(), e.ownerUnitId(), uploads, EvaluationService.EVIDENCE_KINDS, "file_" + itemCode);
        // the evidence store audits the file itself: the review only keeps the event
        reviews.record(user, EvaluationService.SUBJECT, id, null, "EVIDENCE", itemCode, null, null, null);
        evaluations.recompute(id);
        return stored;
    }
}
