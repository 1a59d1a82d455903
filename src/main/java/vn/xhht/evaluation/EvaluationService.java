package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.calendar.WorkingDays;
import vn.xhht.evaluation.Evaluation.Stage;
import vn.xhht.evaluation.Framework.Item;
import vn.xhht.evaluation.Framework.ItemType;
import vn.xhht.evidence.EvidenceFile;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.evidence.FileKind;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.review.ReviewWorkflow;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.Texts;
import vn.xhht.shared.VietnamClock;

/**
 * Evaluations from self-assessment to published decision. Submission, acceptance and return go through the shared
 * review workflow; the check, the proposal, the decision and publication are this module's steps. Every step is an
 * event of the evaluation and in the audit trail.
 */
@Service
@Transactional
public class EvaluationService {

    static final String SUBJECT = "Evaluation";
    static final String SCORE_OWNER = "EvaluationScore";
    static final Set<Role> OFFICERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER);
    static final Set<Role> CHECKERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_OFFICER, Role.DISTRICT_OFFICER, Role.ASSOCIATION_EVALUATOR);
    static final Set<FileKind> EVIDENCE_KINDS = EnumSet.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG, FileKind.WEBP);

    /** What was entered for one item (page or API). */
    public record ScoreInput(BigDecimal points, Boolean met, BigDecimal value, String comment) {
    }

    /** Everything a page or the API shows of an evaluation. */
    public record View(Evaluation evaluation, Framework framework, List<Evaluation.Score> scores,
                       Map<String, List<EvidenceFile>> evidence, RuleEngine.Result result, RuleEngine.Result checkedResult,
                       Evaluation.Deadline deadline, List<Evaluation.Event> history) {
        public Evaluation.Score score(String itemCode) {
            return scores.stream().filter(s -> s.itemCode().equals(itemCode)).findFirst().orElse(null);
        }

        public List<EvidenceFile> files(String itemCode) {
            return evidence.getOrDefault(itemCode, List.of());
        }

        public String levelTitle(String code) {
            return code == null ? null : framework.level(code).map(Framework.Level::title).orElse(code);
        }
    }

    private final JdbcClient jdbc;
    private final FrameworkCatalog catalog;
    private final OrgUnitDirectory units;
    private final ReviewWorkflow reviews;
    private final EvidenceStore evidence;
    private final AuditTrail audit;
    private final WorkingDays workingDays;
    private final Subjects subjects;
    // the procedure's steps use this service; it is looked up when a submission or check needs it
    private final org.springframework.beans.factory.ObjectProvider<EvaluationProcedure> procedure;
    private final VietnamClock clock;

    EvaluationService(JdbcClient jdbc, FrameworkCatalog catalog, OrgUnitDirectory units, ReviewWorkflow reviews,
                      EvidenceStore evidence, AuditTrail audit, WorkingDays workingDays, Subjects subjects,
                      org.springframework.beans.factory.ObjectProvider<EvaluationProcedure> procedure, VietnamClock clock) {
        this.procedure = procedure;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.units = units;
        this.reviews = reviews;
        this.evidence = evidence;
        this.audit = audit;
        this.workingDays = workingDays;
        this.subjects = subjects;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- create

    /** Starts an evaluation of an org unit (commune, hamlet) or a registered subject for a year. */
    public Evaluation create(CurrentUser user, String frameworkCode, Long subjectUnitId, Long subjectId, Integer year, Long campaignId) {
        if (year == null || year < 2010 || year > clock.today().getYear() + 1) {
            throw new InvalidInputProblem("year", "evaluation.year.invalid");
        }
        FrameworkCatalog.Versioned fv = campaignId == null ? catalog.latest(frameworkCode) : campaignFramework(campaignId);
        return create(user, fv, subjectUnitId, subjectId, year, campaignId, clock.today());
    }

    private FrameworkCatalog.Versioned campaignFramework(long campaignId) {
        long id = jdbc.sql("select framework_version_id from eval_campaign where id = :id").param("id", campaignId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundProblem("evaluation.campaign.notFound", campaignId));
        return new FrameworkCatalog.Versioned(id, catalog.byVersionId(id));
    }

    /**
     * A dossier joins a campaign only when the campaign covers this subject: the same
     * framework and year, opened by the subject's unit or a unit above it. The id in the body is checked like a path id.
     */
    private void checkCampaign(long campaignId, OrgUnit owner, FrameworkCatalog.Versioned fv, int year) {
        record Scope(long ownerUnitId, long frameworkVersionId, int year, boolean covers) {
        }
        Scope c = jdbc.sql("""
                select c.owner_unit_id, c.framework_version_id, c.eval_year,
                       cast(:subject as bigint) in (select id from xhht_unit_subtree(c.owner_unit_id)) as covers
                  from eval_campaign c where c.id = :id
                """).param("id", campaignId).param("subject", owner.id())
                .query((rs, n) -> new Scope(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4))).optional()
                .orElseThrow(() -> new NotFoundProblem("evaluation.campaign.notFound", campaignId));
        // the subject is in the caller's area (checked before), so a campaign that covers it is one of the caller's
        // area or of a unit above it — the ones its campaign list shows
        if (!c.covers()) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        if (c.frameworkVersionId() != fv.id() || c.year() != year) {
            throw new InvalidInputProblem("campaignId", "evaluation.campaign.mismatch");
        }
    }

    Evaluation create(CurrentUser user, FrameworkCatalog.Versioned fv, Long subjectUnitId, Long subjectId, int year,
                      Long campaignId, LocalDate today) {
        Framework f = fv.framework();
        if (!f.appliesTo(year)) {
            throw new InvalidInputProblem("year", "evaluation.framework.notInForce", f.title(), year);
        }
        String subjectName;
        OrgUnit owner;
        if (f.subjectType().isOrgUnit()) {
            if (subjectUnitId == null) {
                throw new InvalidInputProblem("subjectUnitId", "evaluation.subject.required");
            }
            if (subjectId != null && !units.canWrite(user, subjects.require(subjectId).unitId())) {
                // not used by this framework (the page sends both lists), but never an id out of the caller's area
                throw new AccessDeniedProblem("error.unitOutOfScope");
            }
            owner = units.require(subjectUnitId);
            int expected = switch (f.subjectType()) {
                case PROVINCE -> OrgUnit.PROVINCE;
                case DISTRICT -> OrgUnit.DISTRICT;
                case HAMLET -> OrgUnit.HAMLET;
                default -> OrgUnit.COMMUNE;
            };
            if (owner.level() != expected) {
                throw new InvalidInputProblem("subjectUnitId", "evaluation.subject.wrongLevel");
            }
            subjectName = owner.name();
            subjectId = null;
        } else {
            if (subjectId == null) {
                throw new InvalidInputProblem("subjectId", "evaluation.subject.required");
            }
            if (subjectUnitId != null && !units.canWrite(user, subjectUnitId)) {
                throw new AccessDeniedProblem("error.unitOutOfScope");
            }
            Subjects.Subject s = subjects.require(subjectId);
            if (!s.kind().equals(f.subjectType().name())) {
                throw new InvalidInputProblem("subjectId", "evaluation.subject.wrongKind");
            }
            owner = units.require(s.unitId());
            subjectName = s.name();
            subjectUnitId = null;
        }
        if (!units.canWrite(user, owner.id())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        if (campaignId != null) {
            checkCampaign(campaignId, owner, fv, year);
        }
        if (!owner.validOn(today) && owner.validTo() != null && owner.validTo().getYear() < year) {
            throw new InvalidInputProblem("subjectUnitId", "evaluation.subject.closed");
        }
        // a unit closed by the reform is handled in the structure it belonged to (its district, before 1/7/2025)
        LocalDate when = owner.validTo() != null && owner.validTo().isBefore(today) ? owner.validTo() : today;
        Framework.Authority authority = f.authorityOn(when).orElseThrow(
                () -> new InvalidInputProblem("frameworkCode", "evaluation.authority.unknown", when));
        OrgUnit reviewer = reviewerOf(owner, authority.reviewerLevel());
        Integer exists = jdbc.sql("""
                select count(*) from evaluation where framework_version_id in (select id from eval_framework_version where code = :code)
                  and coalesce(subject_unit_id, 0) = :su and coalesce(subject_id, 0) = :sid and eval_year = :y
                """).param("code", f.code()).param("su", subjectUnitId == null ? 0 : subjectUnitId)
                .param("sid", subjectId == null ? 0 : subjectId).param("y", year).query(Integer.class).single();
        if (exists > 0) {
            throw new InvalidInputProblem("year", "evaluation.exists", subjectName, year);
        }
        long province = owner.provinceId() == null ? owner.id() : owner.provinceId();
        long id = jdbc.sql("""
                insert into evaluation (framework_version_id, campaign_id, subject_unit_id, subject_id, subject_name, owner_unit_id,
                       reviewer_unit_id, province_id, eval_year, stage, total, created_by)
                values (:fv, :camp, :su, :sid, :name, :owner, :reviewer, :prov, :y, 'DRAFT', 0, :by) returning id
                """).param("fv", fv.id()).param("camp", campaignId).param("su", subjectUnitId).param("sid", subjectId)
                .param("name", subjectName).param("owner", owner.id()).param("reviewer", reviewer.id()).param("prov", province)
                .param("y", year).param("by", user.username()).query(Long.class).single();
        for (Item i : f.items().toList()) {
            jdbc.sql("insert into evaluation_score (evaluation_id, item_code) values (:e, :c)").param("e", id).param("c", i.code()).update();
        }
        Evaluation.Deadline due = deadline(find(id), f);
        // the review records the creation event; the audit row is this one
        reviews.open(user, SUBJECT, id, owner.id(), reviewer.id(), due == null ? null : due.date());
        audit.change(AuditAction.CREATE, SUBJECT, id, owner.id(), null,
                Map.of("framework", f.code() + " v" + f.version(), "subject", subjectName, "year", year),
                "Tạo hồ sơ đánh giá " + subjectName + " năm " + year);
        recompute(id);
        return find(id);
    }

    /** The unit that receives and decides, by the authority's level, in the structure valid today. */
    OrgUnit reviewerOf(OrgUnit owner, String level) {
        List<OrgUnit> chain = units.ancestors(owner);
        int wanted = switch (level) {
            case "district" -> OrgUnit.DISTRICT;
            case "province" -> OrgUnit.PROVINCE;
            case "commune" -> OrgUnit.COMMUNE;
            default -> -1;
        };
        if (wanted < 0) {
            return chain.isEmpty() ? owner : chain.get(chain.size() - 1);
        }
        return chain.stream().filter(u -> u.level() == wanted).findFirst()
                .orElseThrow(() -> new InvalidInputProblem("subjectUnitId", "evaluation.authority.noUnit"));
    }

    // ---------------------------------------------------------------- read

    @Transactional(readOnly = true)
    public Evaluation require(CurrentUser user, long id) {
        Evaluation e = find(id);
        if (!units.canRead(user, e.ownerUnitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return e;
    }

    @Transactional(readOnly = true)
    public View view(CurrentUser user, long id) {
        Evaluation e = require(user, id);
        return view(e);
    }

    View view(Evaluation e) {
        Framework f = catalog.byVersionId(e.frameworkVersionId());
        List<Evaluation.Score> scores = scores(e.id());
        Map<String, List<EvidenceFile>> files = new HashMap<>();
        for (Evaluation.Score s : scores) {
            List<EvidenceFile> list = evidence.list(SCORE_OWNER, s.id());
            if (!list.isEmpty()) {
                files.put(s.itemCode(), list);
            }
        }
        RuleEngine.Result result = RuleEngine.evaluate(f, entries(scores, files.keySet(), false));
        RuleEngine.Result checked = e.checkedAt() == null ? null : RuleEngine.evaluate(f, entries(scores, files.keySet(), true));
        return new View(e, f, scores, files, result, checked, deadline(e, f), history(e.id()));
    }

    static Map<String, RuleEngine.Entry> entries(List<Evaluation.Score> scores, Set<String> withEvidence, boolean checked) {
        Map<String, RuleEngine.Entry> out = new LinkedHashMap<>();
        for (Evaluation.Score s : scores) {
            out.put(s.itemCode(), checked
                    ? new RuleEngine.Entry(s.checkPoints(), s.checkMet(), s.checkValue(), withEvidence.contains(s.itemCode()))
                    : new RuleEngine.Entry(s.points(), s.met(), s.value(), withEvidence.contains(s.itemCode())));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public List<Evaluation> listFor(CurrentUser user, long unitId, Integer year) {
        units.requireReadable(user, unitId);
        return jdbc.sql(SELECT + """
                 where (e.owner_unit_id in (select id from xhht_read_scope(:unit))
                        or e.reviewer_unit_id = :unit)
                   and (cast(:y as integer) is null or e.eval_year = :y)
                 order by e.eval_year desc, e.subject_name limit 500
                """).param("unit", unitId).param("y", year).query(EvaluationService::map).list();
    }

    Evaluation find(long id) {
        return jdbc.sql(SELECT + " where e.id = :id").param("id", id).query(EvaluationService::map).optional()
                .orElseThrow(() -> new NotFoundProblem("evaluation.notFound", id));
    }

    List<Evaluation.Score> scores(long evaluationId) {
        return jdbc.sql("select * from evaluation_score where evaluation_id = :e order by id").param("e", evaluationId)
                .query(EvaluationService::mapScore).list();
    }

    /**
     * The review's events, with the steps older dossiers wrote to their own table before the review carried them
     * (the review already has their creation, submission, acceptance and return).
     */
    List<Evaluation.Event> history(long id) {
        List<Evaluation.Event> out = new ArrayList<>(reviews.history(SUBJECT, id).stream()
                .map(r -> new Evaluation.Event("APPROVE".equals(r.action()) ? "ACCEPT" : r.action(), r.actor(), r.comment(), r.occurredAt())).toList());
        out.addAll(jdbc.sql("""
                select action, actor, comment, occurred_at from evaluation_event
                 where evaluation_id = :id and action not in ('CREATE', 'SUBMIT', 'ACCEPT', 'RETURN') order by id
                """).param("id", id).query((rs, n) -> new Evaluation.Event(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class))).list());
        out.sort(java.util.Comparator.comparing(Evaluation.Event::occurredAt));
        return out;
    }

    // ---------------------------------------------------------------- self-assessment

    /**
     * Saves the self-assessment of several items at once. Every value is checked first; one bad value saves
     * nothing. {@code version} guards against a concurrent edit (null: no check, API without version).
     */
    public View saveScores(CurrentUser user, long id, Map<String, ScoreInput> inputs, Long version) {
        Evaluation e = require(user, id);
        if (!isOwnerSide(user, e)) {
            throw new AccessDeniedProblem("evaluation.cannotSubmit");
        }
        if (!e.stage().editable()) {
            throw new InvalidInputProblem("stage", "evaluation.locked");
        }
        Framework f = catalog.byVersionId(e.frameworkVersionId());
        List<InvalidInputProblem.Violation> errors = new ArrayList<>();
        for (String code : inputs.keySet()) {
            if (f.item(code).isEmpty()) {
                errors.add(new InvalidInputProblem.Violation("item_" + code, "evaluation.item.unknown", new Object[]{code}));
            }
        }
        for (Item item : f.items().filter(i -> inputs.containsKey(i.code())).toList()) {
            String field = "item_" + item.code();
            ScoreInput s = inputs.get(item.code());
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
        bumpVersion(e, version);
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (var in : inputs.entrySet()) {
            Item item = f.item(in.getKey()).orElseThrow();
            ScoreInput s = in.getValue();
            jdbc.sql("""
                    update evaluation_score set points = :p, met = :m, value = :v, comment = :c
                     where evaluation_id = :e and item_code = :code
                    """).param("p", item.type() == ItemType.POINTS ? s.points() : null)
                    .param("m", item.type() == ItemType.PASSFAIL ? s.met() : null)
                    .param("v", item.type() == ItemType.MEASURE ? s.value() : null)
                    .param("c", Texts.orNull(s.comment())).param("e", id).param("code", item.code()).update();
            after.put(item.code(), s.points() != null ? s.points() : s.met() != null ? s.met() : s.value());
        }
        reviews.record(user, SUBJECT, id, null, "SCORE", null, before, after, "Tự đánh giá " + e.subjectName());
        recompute(id);
        return view(find(id));
    }

    public List<EvidenceFile> attachEvidence(CurrentUser user, long id, String itemCode, List<EvidenceStore.Upload> uploads) {
        Evaluation e = require(user, id);
        if (!isOwnerSide(user, e)) {
            throw new AccessDeniedProblem("evaluation.cannotSubmit");
        }
        if (!e.stage().editable()) {
            throw new InvalidInputProblem("stage", "evaluation.locked");
        }
        if (uploads.isEmpty()) {
            throw new InvalidInputProblem("file_" + itemCode, "evaluation.evidence.none");
        }
        Evaluation.Score s = scores(id).stream().filter(x -> x.itemCode().equals(itemCode)).findFirst()
                .orElseThrow(() -> new InvalidInputProblem("item", "evaluation.item.unknown", itemCode));
        List<EvidenceFile> stored = evidence.storeAll(user, SCORE_OWNER, s.id(), e.ownerUnitId(), uploads, EVIDENCE_KINDS, "file_" + itemCode);
        // the evidence store audits the file itself: the review only keeps the event
        reviews.record(user, SUBJECT, id, null, "EVIDENCE", itemCode, null, null, null);
        recompute(id);
        return stored;
    }

    /** Recomputes the stored total and level (for lists and statistics) from the scores and evidence. */
    void recompute(long id) {
        Evaluation e = find(id);
        Framework f = catalog.byVersionId(e.frameworkVersionId());
        List<Evaluation.Score> scores = scores(id);
        Set<Long> withFiles = evidence.ownersWithFiles(SCORE_OWNER, scores.stream().map(Evaluation.Score::id).toList());
        Set<String> codes = scores.stream().filter(s -> withFiles.contains(s.id())).map(Evaluation.Score::itemCode).collect(Collectors.toSet());
        RuleEngine.Result r = RuleEngine.evaluate(f, entries(scores, codes, false));
        jdbc.sql("update evaluation set total = :t, level_code = :l where id = :id").param("t", r.total()).param("l", r.levelCode())
                .param("id", id).update();
    }

    // ---------------------------------------------------------------- workflow

    public Evaluation submit(CurrentUser user, long id) {
        View v = view(user, id);
        Evaluation e = v.evaluation();
        if (!isOwnerSide(user, e)) {
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
        procedure.getObject().checkBeforeSubmit(e, v.framework());
        checkUpgradeInterval(e, v.framework(), v.result(), clock.today());
        // the review records the submission (one event, one audit row); the stage column follows it
        reviews.submit(user, SUBJECT, id);
        setStage(e, Stage.SUBMITTED, "submitted_at = now(), requested_level = :extra", v.result().levelCode());
        return find(id);
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

    private Set<Role> reviewerRoles(Evaluation e) {
        OrgUnit reviewer = units.require(e.reviewerUnitId());
        if (reviewer.level() == OrgUnit.COMMUNE) {
            Set<Role> roles = EnumSet.copyOf(OFFICERS);
            roles.add(Role.COMMUNE_OFFICER);
            return roles;
        }
        return OFFICERS;
    }

    public Evaluation accept(CurrentUser user, long id, String comment) {
        Evaluation e = require(user, id);
        reviews.approve(user, SUBJECT, id, comment, reviewerRoles(e));
        setStage(e, Stage.ACCEPTED, "accepted_at = now()", null);
        return find(id);
    }

    public Evaluation returnWithReasons(CurrentUser user, long id, String reasons) {
        Evaluation e = require(user, id);
        reviews.returnWithComment(user, SUBJECT, id, reasons, reviewerRoles(e));
        setStage(e, Stage.RETURNED, "accepted_at = null", null);
        return find(id);
    }

    /** The check team's findings, item by item, beside the self-assessment. */
    public Evaluation check(CurrentUser user, long id, String team, LocalDate date, Map<String, ScoreInput> findings, String note) {
        Evaluation e = require(user, id);
        requireChecker(user, e);
        Framework fw = catalog.byVersionId(e.frameworkVersionId());
        if (!checkable(e, fw)) {
            throw new InvalidInputProblem("stage", fw.procedure().checkPlan() && e.stage() == Stage.ACCEPTED
                    ? "evaluation.check.noPlan" : "evaluation.check.notAccepted");
        }
        String t = Texts.orNull(team);
        if (t == null && fw.procedure().checkPlan()) {
            // the team of the approved check plan, members and organisations
            t = Texts.orNull(EvaluationProcedure.teamText(procedure.getObject().steps(e, fw).members()));
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
        for (Evaluation.Score s : scores(id)) {
            ScoreInput in = findings.get(s.itemCode());
            // an item the team did not state keeps the self-assessed value: the team confirmed it
            jdbc.sql("update evaluation_score set check_points = :p, check_met = :m, check_value = :v, check_comment = :c where id = :id")
                    .param("p", in == null ? s.points() : in.points()).param("m", in == null ? s.met() : in.met())
                    .param("v", in == null ? s.value() : in.value()).param("c", in == null ? null : Texts.orNull(in.comment()))
                    .param("id", s.id()).update();
        }
        List<Evaluation.Score> scores = scores(id);
        Set<Long> withFiles = evidence.ownersWithFiles(SCORE_OWNER, scores.stream().map(Evaluation.Score::id).toList());
        Set<String> codes = scores.stream().filter(x -> withFiles.contains(x.id())).map(Evaluation.Score::itemCode).collect(Collectors.toSet());
        RuleEngine.Result checked = RuleEngine.evaluate(f, entries(scores, codes, true));
        jdbc.sql("""
                update evaluation set check_team = :t, check_date = :d, check_note = :n, checked_total = :tot, checked_level = :l
                 where id = :id""").param("t", t).param("d", date).param("n", Texts.orNull(note))
                .param("tot", checked.total()).param("l", checked.levelCode()).param("id", id).update();
        move(user, e, Stage.CHECKED, "CHECK", t, "checked_at = now()", null);
        return find(id);
    }

    public Evaluation propose(CurrentUser user, long id, String levelCode) {
        Evaluation e = require(user, id);
        requireDecider(user, e);
        if (e.stage() != Stage.CHECKED && e.stage() != Stage.PROPOSED) {
            throw new InvalidInputProblem("stage", "evaluation.decide.notChecked");
        }
        Framework f = catalog.byVersionId(e.frameworkVersionId());
        String level = levelCode == null || levelCode.isBlank() ? e.checkedLevel() : levelCode;
        if (level == null || f.level(level).isEmpty()) {
            throw new InvalidInputProblem("level", "evaluation.level.unknownCode", level);
        }
        move(user, e, Stage.PROPOSED, "PROPOSE", f.level(level).map(Framework.Level::title).orElse(level), "proposed_level = :extra", level);
        return find(id);
    }

    /** The decision recognising (or not) the proposed or checked level; refused before the check. */
    public Evaluation decide(CurrentUser user, long id, String number, LocalDate date, String signer) {
        Evaluation e = require(user, id);
        requireDecider(user, e);
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
            throw new ConcurrentEditProblem(SUBJECT + " " + id);
        }
        reviews.record(user, SUBJECT, id, Stage.DECIDED.name(), "DECIDE", n, Map.of("stage", e.stage().name()),
                Map.of("stage", "DECIDED", "decision", n, "level", level == null ? "" : level), "Quyết định " + n + " · " + e.subjectName());
        return find(id);
    }

    public Evaluation publish(CurrentUser user, long id) {
        Evaluation e = require(user, id);
        requireDecider(user, e);
        if (e.stage() != Stage.DECIDED) {
            throw new InvalidInputProblem("stage", "evaluation.publish.notDecided");
        }
        move(user, e, Stage.PUBLISHED, "PUBLISH", null, "published_at = now()", null);
        return find(id);
    }

    void requireChecker(CurrentUser user, Evaluation e) {
        boolean role = CHECKERS.contains(user.role()) || reviewerRoles(e).contains(user.role());
        if (!role || user.unitId() == e.ownerUnitId() || !units.canWrite(user, e.reviewerUnitId())) {
            throw new AccessDeniedProblem("evaluation.cannotCheck");
        }
    }

    void requireDecider(CurrentUser user, Evaluation e) {
        if (!reviewerRoles(e).contains(user.role()) || user.unitId() == e.ownerUnitId() || !units.canWrite(user, e.reviewerUnitId())) {
            throw new AccessDeniedProblem("evaluation.cannotDecide");
        }
    }

    public boolean canEdit(CurrentUser user, Evaluation e) {
        return e.stage().editable() && isOwnerSide(user, e);
    }

    /**
     * The owner's side prepares the dossier: users who may write the owner unit, but not the office that receives
     * it (an office never fills in the dossier it will judge), except a commune for its hamlets' families and clans.
     */
    boolean isOwnerSide(CurrentUser user, Evaluation e) {
        if (!units.canWrite(user, e.ownerUnitId()) || user.role() == Role.ASSOCIATION_EVALUATOR) {
            return false;
        }
        return user.unitId() != e.reviewerUnitId() || units.require(e.reviewerUnitId()).level() == OrgUnit.COMMUNE;
    }

    public boolean canAccept(CurrentUser user, Evaluation e) {
        return e.stage() == Stage.SUBMITTED && reviewerRoles(e).contains(user.role()) && user.unitId() != e.ownerUnitId()
                && units.canWrite(user, e.reviewerUnitId());
    }

    /** The check follows acceptance, or the approved check plan when the framework asks for one. */
    boolean checkable(Evaluation e, Framework f) {
        return e.stage() == Stage.CHECKED || (f.procedure().checkPlan() ? e.stage() == Stage.PLANNED : e.stage() == Stage.ACCEPTED);
    }

    public boolean canPlanCheck(CurrentUser user, Evaluation e) {
        return e.stage() == Stage.ACCEPTED && catalog.byVersionId(e.frameworkVersionId()).procedure().checkPlan() && canDecide(user, e);
    }

    public boolean canCheck(CurrentUser user, Evaluation e) {
        try {
            requireChecker(user, e);
            return checkable(e, catalog.byVersionId(e.frameworkVersionId()));
        } catch (AccessDeniedProblem x) {
            return false;
        }
    }

    public boolean canDecide(CurrentUser user, Evaluation e) {
        try {
            requireDecider(user, e);
            return true;
        } catch (AccessDeniedProblem x) {
            return false;
        }
    }

    private void bumpVersion(Evaluation e, Long version) {
        int n = jdbc.sql("update evaluation set version = version + 1 where id = :id and version = :v")
                .param("id", e.id()).param("v", version == null ? e.version() : version).update();
        if (n == 0) {
            throw new ConcurrentEditProblem(SUBJECT + " " + e.id());
        }
    }

    /** A step after acceptance: the stage column follows, and the review records the action once (event and audit). */
    private void move(CurrentUser user, Evaluation e, Stage to, String action, String comment, String extraSet, String extra) {
        setStage(e, to, extraSet, extra);
        reviews.record(user, SUBJECT, e.id(), to.name(), action, comment, Map.of("stage", e.stage().name()),
                comment == null ? Map.of("stage", to.name()) : Map.of("stage", to.name(), "comment", comment),
                action + " · " + e.subjectName() + " " + e.year());
    }

    /**
     * The evaluation's stage column, kept for this module's lists and statistics; it never records anything itself:
     * the review workflow holds the events and the audit rows.
     */
    void setStage(Evaluation e, Stage to, String extraSet, String extra) {
        int n = jdbc.sql("update evaluation set stage = :to, version = version + 1, " + extraSet + " where id = :id and version = :v")
                .param("to", to.name()).param("id", e.id()).param("v", e.version()).params(extraSet.contains(":extra")
                        ? Map.of("extra", extra == null ? "" : extra) : Map.of()).update();
        if (n == 0) {
            throw new ConcurrentEditProblem(SUBJECT + " " + e.id());
        }
    }

    // ---------------------------------------------------------------- deadlines

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
        List<Evaluation> list = jdbc.sql(SELECT + """
                 where (e.owner_unit_id = :u and e.stage in ('DRAFT', 'RETURNED'))
                    or (e.reviewer_unit_id = :u and e.stage in ('SUBMITTED', 'ACCEPTED', 'PLANNED', 'CHECKED', 'PROPOSED', 'DECIDED'))
                 order by e.id limit 200
                """).param("u", unitId).query(EvaluationService::map).list();
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
        List<Evaluation> list = jdbc.sql(SELECT + """
                 where (e.owner_unit_id = :u and e.stage in ('DRAFT', 'RETURNED'))
                    or (e.reviewer_unit_id = :u and e.stage in ('SUBMITTED', 'ACCEPTED', 'PLANNED', 'CHECKED', 'PROPOSED', 'DECIDED'))
                 order by e.id limit 200
                """).param("u", unitId).query(EvaluationService::map).list();
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

    // ---------------------------------------------------------------- mapping

    static final String SELECT = """
            select e.*, o.name as owner_name, r.name as reviewer_name, not fv.complete as provisional from evaluation e
              join xhht_unit o on o.id = e.owner_unit_id join xhht_unit r on r.id = e.reviewer_unit_id
              join eval_framework_version fv on fv.id = e.framework_version_id
            """;

    static Evaluation map(ResultSet rs, int n) throws SQLException {
        return new Evaluation(rs.getLong("id"), rs.getLong("framework_version_id"), (Long) rs.getObject("campaign_id", Long.class),
                rs.getObject("subject_unit_id", Long.class), rs.getObject("subject_id", Long.class), rs.getString("subject_name"),
                rs.getLong("owner_unit_id"), rs.getString("owner_name"), rs.getLong("reviewer_unit_id"), rs.getString("reviewer_name"),
                rs.getLong("province_id"), rs.getInt("eval_year"), Stage.valueOf(rs.getString("stage")), rs.getBigDecimal("total"),
                rs.getString("level_code"), rs.getBoolean("recognised"), rs.getString("requested_level"), rs.getBigDecimal("checked_total"),
                rs.getString("checked_level"), rs.getString("check_team"), rs.getObject("check_date", LocalDate.class),
                rs.getString("check_note"), rs.getString("proposed_level"), rs.getString("decision_number"),
                rs.getObject("decision_date", LocalDate.class), rs.getString("decision_signer"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getObject("accepted_at", OffsetDateTime.class),
                rs.getObject("checked_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class),
                rs.getObject("published_at", OffsetDateTime.class), rs.getLong("version"), rs.getBoolean("provisional"));
    }

    static Evaluation.Score mapScore(ResultSet rs, int n) throws SQLException {
        return new Evaluation.Score(rs.getLong("id"), rs.getString("item_code"), rs.getBigDecimal("points"),
                (Boolean) rs.getObject("met"), rs.getBigDecimal("value"), rs.getString("comment"), rs.getBigDecimal("check_points"),
                (Boolean) rs.getObject("check_met"), rs.getBigDecimal("check_value"), rs.getString("check_comment"));
    }
}
