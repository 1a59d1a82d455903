package vn.xhht.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.evidence.EvidenceFile;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.Texts;
import vn.xhht.shared.VietnamClock;

/**
 * The steps of the procedure a framework asks for around self-assessment and check (seed 004, TT 44/2014): the
 * self-check plan approved by the subject's chairman, the dossier's documents each with its file, the check plan the
 * receiving office approves, and a check team whose members cover every criterion. Each action is recorded once by
 * the review workflow (one event, one audit row).
 */
@Service
@Transactional
public class EvaluationProcedure {

    static final String DOSSIER_OWNER = "EvaluationDossier";

    /** Step 1: the self-check plan (number, date, the chairman who approved it). */
    public record SelfPlan(String number, LocalDate date, String approver) {
    }

    /** Step 3: the check plan the receiving office's head approved. */
    public record CheckPlan(String number, LocalDate date, String approver) {
    }

    /** A check team member: who, from which organisation, for which criteria (codes). */
    public record Member(String name, String organisation, String position, List<String> criteria) {
    }

    /** A document the dossier must contain, with its files. */
    public record DossierDocument(long id, int position, String title, List<EvidenceFile> files) {
    }

    public record Steps(Framework.Procedure procedure, SelfPlan selfPlan, CheckPlan checkPlan, List<Member> members,
                        List<DossierDocument> documents) {
        public boolean dossierComplete() {
            return documents.stream().allMatch(d -> !d.files().isEmpty());
        }
    }

    private final JdbcClient jdbc;
    private final EvaluationService evaluations;
    private final EvaluationAccess access;
    private final FrameworkCatalog catalog;
    private final EvidenceStore evidence;
    private final ReviewWorkflow reviews;
    private final VietnamClock clock;

    EvaluationProcedure(JdbcClient jdbc, EvaluationService evaluations, EvaluationAccess access, FrameworkCatalog catalog,
                        EvidenceStore evidence, ReviewWorkflow reviews, VietnamClock clock) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
        this.access = access;
        this.catalog = catalog;
        this.evidence = evidence;
        this.reviews = reviews;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Steps steps(CurrentUser user, long id) {
        Evaluation e = evaluations.require(user, id);
        return steps(e, catalog.byVersionId(e.frameworkVersionId()));
    }

    Steps steps(Evaluation e, Framework f) {
        SelfPlan self = jdbc.sql("select self_plan_number, self_plan_date, self_plan_approver from evaluation where id = :id")
                .param("id", e.id()).query((rs, n) -> rs.getString(1) == null ? null
                        : new SelfPlan(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3))).optional().orElse(null);
        CheckPlan plan = jdbc.sql("select check_plan_number, check_plan_date, check_plan_approver from evaluation where id = :id")
                .param("id", e.id()).query((rs, n) -> rs.getString(1) == null ? null
                        : new CheckPlan(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3))).optional().orElse(null);
        List<Member> members = jdbc.sql("select member_name, organisation, position, criteria from eval_check_member where evaluation_id = :id order by id")
                .param("id", e.id()).query((rs, n) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3),
                        List.of(rs.getString(4).split(",")))).list();
        List<DossierDocument> docs = new ArrayList<>();
        if (f.procedure().dossierFiles()) {
            // read-only: a line without a row yet has no file (rows are made when the first file comes)
            Map<Integer, Long> rows = new java.util.HashMap<>();
            jdbc.sql("select position, id from eval_dossier_document where evaluation_id = :e").param("e", e.id())
                    .query((rs, n) -> rows.put(rs.getInt(1), rs.getLong(2))).list();
            for (int i = 0; i < f.dossier().size(); i++) {
                Long rowId = rows.get(i + 1);
                docs.add(new DossierDocument(rowId == null ? 0 : rowId, i + 1, f.dossier().get(i),
                        rowId == null ? List.of() : evidence.list(DOSSIER_OWNER, rowId)));
            }
        }
        return new Steps(f.procedure(), self, plan, members, docs);
    }

    private record DocRow(long id, int position, String title) {
    }

    /** The dossier's lines, created from the framework's list the first time they are needed. */
    private List<DocRow> documentRows(Evaluation e, Framework f) {
        for (int i = 0; i < f.dossier().size(); i++) {
            jdbc.sql("""
                    insert into eval_dossier_document (evaluation_id, position, title) values (:e, :p, :t)
                    on conflict (evaluation_id, position) do nothing
                    """).param("e", e.id()).param("p", i + 1).param("t", f.dossier().get(i)).update();
        }
        return jdbc.sql("select id, position, title from eval_dossier_document where evaluation_id = :e order by position")
                .param("e", e.id()).query((rs, n) -> new DocRow(rs.getLong(1), rs.getInt(2), rs.getString(3))).list();
    }

    /** Step 1: the commune's self-check plan, approved by its chairman; recorded by the owner side before submission. */
    public void saveSelfPlan(CurrentUser user, long id, String number, LocalDate date, String approver) {
        Evaluation e = evaluations.require(user, id);
        access.checkPreparing(user, e);
        String n = required(number, "selfPlanNumber", "evaluation.selfPlan.number.required", TextLimits.EVALUATION__SELF_PLAN_NUMBER);
        String a = required(approver, "selfPlanApprover", "evaluation.selfPlan.approver.required", TextLimits.EVALUATION__SELF_PLAN_APPROVER);
        if (date == null) {
            throw new InvalidInputProblem("selfPlanDate", "evaluation.selfPlan.date.required");
        }
        if (date.isAfter(clock.today())) {
            throw new InvalidInputProblem("selfPlanDate", "evaluation.date.future");
        }
        jdbc.sql("update evaluation set self_plan_number = :n, self_plan_date = :d, self_plan_approver = :a where id = :id")
                .param("n", n).param("d", date).param("a", a).param("id", id).update();
        reviews.record(user, EvaluationService.SUBJECT, id, null, "SELF_PLAN", n, null,
                Map.of("selfPlan", n, "date", date.toString(), "approver", a), "Kế hoạch tự kiểm tra " + n + " · " + e.subjectName());
    }

    /** Step 2: a file (signed scan) for one of the dossier's documents. */
    public List<EvidenceFile> attachDossierFile(CurrentUser user, long id, int position, List<EvidenceStore.Upload> uploads) {
        Evaluation e = evaluations.require(user, id);
        access.checkPreparing(user, e);
        Framework f = catalog.byVersionId(e.frameworkVersionId());
        String field = "dossier_" + position;
        DocRow row = documentRows(e, f).stream().filter(d -> d.position() == position).findFirst()
                .orElseThrow(() -> new InvalidInputProblem(field, "evaluation.dossier.unknown", position));
        if (uploads.isEmpty()) {
            throw new InvalidInputProblem(field, "evaluation.evidence.none");
        }
        List<EvidenceFile> stored = evidence.storeAll(user, DOSSIER_OWNER, row.id(), e.ownerUnitId(), uploads, EvaluationService.EVIDENCE_KINDS, field);
        // the evidence store audits the file; the review keeps the event
        reviews.record(user, EvaluationService.SUBJECT, id, null, "DOSSIER", row.title(), null, null, null);
        return stored;
    }

    /** What must be in place before the dossier is sent (called by the submission). */
    void checkBeforeSubmit(Evaluation e, Framework f) {
        Steps s = steps(e, f);
        if (f.procedure().selfCheckPlan() && s.selfPlan() == null) {
            throw new InvalidInputProblem("selfPlanNumber", "evaluation.submit.noSelfPlan");
        }
        if (f.procedure().dossierFiles()) {
            List<InvalidInputProblem.Violation> missing = new ArrayList<>();
            for (DossierDocument d : s.documents()) {
                if (d.files().isEmpty()) {
                    missing.add(new InvalidInputProblem.Violation("dossier_" + d.position(), "evaluation.submit.missingDocument",
                            new Object[]{d.title()}));
                }
            }
            if (!missing.isEmpty()) {
                throw new InvalidInputProblem(missing);
            }
        }
    }

    /**
     * Step 3: the check plan approved by the receiving office's head, with the check team. Due within the framework's
     * working days of the acceptance (receipt of a complete, valid dossier). Step 4's rule: when the framework asks
     * for it, the members together cover every criterion.
     */
    public Evaluation approveCheckPlan(CurrentUser user, long id, String number, LocalDate date, String approver, List<Member> members) {
        Evaluation e = evaluations.require(user, id);
        access.requireDecider(user, e);
        Framework f = catalog.byVersionId(e.frameworkVersionId());
        if (!f.procedure().checkPlan() || e.stage() != Evaluation.Stage.ACCEPTED) {
            throw new InvalidInputProblem("stage", "evaluation.checkPlan.notAccepted");
        }
        String n = required(number, "checkPlanNumber", "evaluation.checkPlan.number.required", TextLimits.EVALUATION__CHECK_PLAN_NUMBER);
        String a = required(approver, "checkPlanApprover", "evaluation.checkPlan.approver.required", TextLimits.EVALUATION__CHECK_PLAN_APPROVER);
        if (date == null) {
            throw new InvalidInputProblem("checkPlanDate", "evaluation.checkPlan.date.required");
        }
        if (date.isAfter(clock.today())) {
            throw new InvalidInputProblem("checkPlanDate", "evaluation.date.future");
        }
        if (e.acceptedAt() != null && date.isBefore(e.acceptedAt().atZoneSameInstant(VietnamClock.ZONE).toLocalDate())) {
            throw new InvalidInputProblem("checkPlanDate", "evaluation.checkPlan.date.beforeAccept");
        }
        List<Member> clean = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        f.criteria().forEach(c -> codes.add(c.code()));
        List<InvalidInputProblem.Violation> errors = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String name = Texts.orNull(m.name());
            String org = Texts.orNull(m.organisation());
            List<String> crit = m.criteria() == null ? List.of() : m.criteria().stream().map(String::strip).filter(x -> !x.isEmpty()).distinct().toList();
            if (name == null && org == null && crit.isEmpty()) {
                continue;
            }
            String field = "member_" + i;
            if (name == null || name.length() > TextLimits.EVAL_CHECK_MEMBER__MEMBER_NAME) {
                errors.add(new InvalidInputProblem.Violation(field + "_name", "evaluation.member.name.required", new Object[]{i + 1}));
            }
            if (org == null || org.length() > TextLimits.EVAL_CHECK_MEMBER__ORGANISATION) {
                errors.add(new InvalidInputProblem.Violation(field + "_organisation", "evaluation.member.organisation.required", new Object[]{i + 1}));
            }
            for (String c : crit) {
                if (!codes.contains(c)) {
                    errors.add(new InvalidInputProblem.Violation(field + "_criteria", "evaluation.member.criterion.unknown", new Object[]{i + 1, c}));
                }
            }
            if (crit.isEmpty()) {
                errors.add(new InvalidInputProblem.Violation(field + "_criteria", "evaluation.member.criteria.required", new Object[]{i + 1}));
            }
            String pos = Texts.orNull(m.position());
            clean.add(new Member(name, org, pos == null ? null : pos.substring(0, Math.min(pos.length(), TextLimits.EVAL_CHECK_MEMBER__POSITION)), crit));
        }
        if (clean.isEmpty() && errors.isEmpty()) {
            errors.add(new InvalidInputProblem.Violation("member_0_name", "evaluation.member.none", new Object[0]));
        }
        if (errors.isEmpty() && f.procedure().checkTeamByCriteria()) {
            Set<String> uncovered = new LinkedHashSet<>(codes);
            clean.forEach(m -> m.criteria().forEach(uncovered::remove));
            if (!uncovered.isEmpty()) {
                errors.add(new InvalidInputProblem.Violation("members", "evaluation.member.uncovered", new Object[]{String.join(", ", uncovered)}));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        evaluations.setStage(e, Evaluation.Stage.PLANNED, "planned_at = now()", null);
        jdbc.sql("update evaluation set check_plan_number = :n, check_plan_date = :d, check_plan_approver = :a where id = :id")
                .param("n", n).param("d", date).param("a", a).param("id", id).update();
        jdbc.sql("delete from eval_check_member where evaluation_id = :id").param("id", id).update();
        for (Member m : clean) {
            jdbc.sql("""
                    insert into eval_check_member (evaluation_id, member_name, organisation, position, criteria)
                    values (:e, :n, :o, :p, :c)
                    """).param("e", id).param("n", m.name()).param("o", m.organisation()).param("p", m.position())
                    .param("c", String.join(",", m.criteria())).update();
        }
        reviews.record(user, EvaluationService.SUBJECT, id, Evaluation.Stage.PLANNED.name(), "CHECK_PLAN", n,
                Map.of("stage", e.stage().name()), Map.of("stage", "PLANNED", "checkPlan", n, "members", clean.size()),
                "Kế hoạch kiểm tra " + n + " · " + e.subjectName() + " " + e.year());
        return evaluations.find(id);
    }

    /** The team as the check's minutes name it: "Name (position, organisation) — criteria". */
    static String teamText(List<Member> members) {
        return String.join("; ", members.stream().map(m -> m.name() + " (" + (m.position() == null ? "" : m.position() + ", ")
                + m.organisation() + ") — " + String.join(", ", m.criteria())).toList());
    }

    private static String required(String value, String field, String key, int max) {
        String v = Texts.orNull(value);
        if (v == null) {
            throw new InvalidInputProblem(field, key);
        }
        if (v.length() > max) {
            throw new InvalidInputProblem(field, "error.tooLong", max);
        }
        return v;
    }
}
