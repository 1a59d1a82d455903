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
import vn.xhht.evaluation.Evaluation.Stage;
import vn.xhht.evaluation.Framework.Item;
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
import vn.xhht.shared.VietnamClock;

/**
 * Evaluation dossiers: started for a unit or a registered subject (alone or in a campaign), read with their scores,
 * evidence, result and history, listed for an area; their stored total, level and stage. The self-assessment is
 * {@link SelfAssessment}, the steps after it {@link EvaluationSteps}, who may do what {@link EvaluationAccess}, and
 * when each step is due {@link EvaluationDeadlines}.
 */
@Service
@Transactional
public class EvaluationService {

    static final String SUBJECT = "Evaluation";
    static final String SCORE_OWNER = "EvaluationScore";
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
    private final Subjects subjects;
    private final EvaluationDeadlines deadlines;
    private final VietnamClock clock;

    EvaluationService(JdbcClient jdbc, FrameworkCatalog catalog, OrgUnitDirectory units, ReviewWorkflow reviews,
                      EvidenceStore evidence, AuditTrail audit, Subjects subjects, EvaluationDeadlines deadlines,
                      VietnamClock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.units = units;
        this.reviews = reviews;
        this.evidence = evidence;
        this.audit = audit;
        this.subjects = subjects;
        this.deadlines = deadlines;
        this.clock = clock;
    }

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
        Evaluation.Deadline due = deadlines.deadline(find(id), f);
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
        return new View(e, f, scores, files, result, checked, deadlines.deadline(e, f), history(e.id()));
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

    void bumpVersion(Evaluation e, Long version) {
        int n = jdbc.sql("update evaluation set version = version + 1 where id = :id and version = :v")
                .param("id", e.id()).param("v", version == null ? e.version() : version).update();
        if (n == 0) {
            throw new ConcurrentEditProblem(SUBJECT + " " + e.id());
        }
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
