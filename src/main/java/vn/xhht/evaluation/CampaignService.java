package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.Texts;
import vn.xhht.shared.VietnamClock;

/**
 * Campaigns (đợt đánh giá): an office opens one for a framework version and a year, with a timetable whose
 * defaults come from the framework's deadlines; draft evaluations are created for every unit concerned.
 */
@Service
@Transactional
public class CampaignService {

    public record Campaign(long id, long ownerUnitId, String ownerName, long frameworkVersionId, String frameworkCode,
                           int frameworkVersion, int year, String title, LocalDate selfFrom, LocalDate selfTo,
                           LocalDate dossierDue, LocalDate decisionDue, long version) {
    }

    /** Results of a campaign's evaluations, computed from their scores and evidence. */
    public record Line(long evaluationId, String subject, String unitName, String stage, BigDecimal total, String level,
                       boolean recognised, LocalDate validUntil) {
    }

    private final JdbcClient jdbc;
    private final FrameworkCatalog catalog;
    private final EvaluationService evaluations;
    private final OrgUnitDirectory units;
    private final EvidenceStore evidence;
    private final AuditTrail audit;
    private final Subjects subjects;
    private final vn.xhht.centre.CentreRegistry centres;
    private final VietnamClock clock;

    CampaignService(JdbcClient jdbc, FrameworkCatalog catalog, EvaluationService evaluations, OrgUnitDirectory units,
                    EvidenceStore evidence, AuditTrail audit, Subjects subjects, vn.xhht.centre.CentreRegistry centres, VietnamClock clock) {
        this.subjects = subjects;
        this.centres = centres;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.evaluations = evaluations;
        this.units = units;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
    }

    /** The default timetable of a framework for a year: self-assessment from 1 December, then its deadlines. */
    public static LocalDate[] defaults(Framework f, int year) {
        LocalDate dossier = null;
        LocalDate decision = null;
        for (Framework.Deadline d : f.deadlines()) {
            if (d.day() == null) {
                continue;
            }
            LocalDate date = LocalDate.of(year + d.yearOffset(), d.month(), d.day());
            if (d.step() == Framework.Step.SUBMIT) {
                dossier = date;
            } else if (d.step() == Framework.Step.DECIDE) {
                decision = date;
            }
        }
        LocalDate selfFrom = LocalDate.of(year, 12, 1);
        LocalDate selfTo = dossier != null ? dossier : decision != null ? decision.minusDays(30) : LocalDate.of(year + 1, 1, 31);
        if (selfTo.isBefore(selfFrom)) {
            selfFrom = selfTo.minusMonths(1);
        }
        return new LocalDate[]{selfFrom, selfTo, dossier, decision};
    }

    public Campaign open(CurrentUser user, long ownerUnitId, String frameworkCode, Integer year, String title,
                         LocalDate selfFrom, LocalDate selfTo, LocalDate dossierDue, LocalDate decisionDue) {
        OrgUnit owner = units.requireReadable(user, ownerUnitId);
        if (!units.canWrite(user, ownerUnitId) || !EvaluationAccess.OFFICERS.contains(user.role()) && user.role() != Role.COMMUNE_OFFICER) {
            throw new AccessDeniedProblem("evaluation.campaign.cannotOpen");
        }
        if (year == null || year < 2010 || year > clock.today().getYear() + 1) {
            throw new InvalidInputProblem("year", "evaluation.year.invalid");
        }
        FrameworkCatalog.Versioned fv = catalog.latest(frameworkCode);
        Framework f = fv.framework();
        if (!f.appliesTo(year)) {
            throw new InvalidInputProblem("frameworkCode", "evaluation.framework.notInForce", f.title(), year);
        }
        LocalDate[] d = defaults(f, year);
        LocalDate from = selfFrom != null ? selfFrom : d[0];
        LocalDate to = selfTo != null ? selfTo : d[1];
        if (to.isBefore(from)) {
            throw new InvalidInputProblem("selfTo", "evaluation.campaign.window");
        }
        LocalDate dossier = dossierDue != null ? dossierDue : d[2];
        LocalDate decision = decisionDue != null ? decisionDue : d[3];
        if (dossier != null && decision != null && decision.isBefore(dossier)) {
            throw new InvalidInputProblem("decisionDue", "evaluation.campaign.decisionBeforeDossier");
        }
        if (title != null && title.strip().length() > TextLimits.EVAL_CAMPAIGN__TITLE) {
            throw new InvalidInputProblem("title", "error.tooLong", TextLimits.EVAL_CAMPAIGN__TITLE);
        }
        String t = Texts.orNull(title);
        if (t == null) {
            t = f.title() + " năm " + year;
        }
        long province = owner.provinceId() == null ? owner.id() : owner.provinceId();
        long id = jdbc.sql("""
                insert into eval_campaign (owner_unit_id, province_id, framework_version_id, eval_year, title, self_from, self_to,
                       dossier_due, decision_due, created_by)
                values (:o, :p, :fv, :y, :t, :sf, :st, :dd, :de, :by) returning id
                """).param("o", ownerUnitId).param("p", province).param("fv", fv.id()).param("y", year).param("t", t)
                .param("sf", from).param("st", to).param("dd", dossier).param("de", decision).param("by", user.username())
                .query(Long.class).single();
        audit.change(AuditAction.CREATE, "EvaluationCampaign", id, ownerUnitId, null, Map.of("title", t, "framework", f.code()), t);
        if (f.subjectType().isOrgUnit() || f.subjectType() == Framework.SubjectType.CENTRE) {
            int level = f.subjectType() == Framework.SubjectType.HAMLET ? OrgUnit.HAMLET : OrgUnit.COMMUNE;
            List<Long> concerned = jdbc.sql("""
                    select u.id from xhht_unit u where u.id in (select id from xhht_unit_subtree(:o)) and u.level = :l
                       and (u.valid_from is null or u.valid_from <= :today) and (u.valid_to is null or u.valid_to >= :today)
                     order by u.name
                    """).param("o", ownerUnitId).param("l", level).param("today", clock.today()).query(Long.class).list();
            for (Long unit : concerned) {
                jdbc.sql("insert into eval_campaign_unit (campaign_id, unit_id) values (:c, :u)").param("c", id).param("u", unit).update();
                if (f.subjectType() == Framework.SubjectType.CENTRE) {
                    // the annual rating covers every centre of the area (R26)
                    var centre = centres.ofCommune(unit);
                    if (centre.isPresent()) {
                        Subjects.Subject s = subjects.centreSubject(user, unit, centre.get().name());
                        boolean rated = jdbc.sql("""
                                select exists (select 1 from evaluation e join eval_framework_version v on v.id = e.framework_version_id
                                                where v.code = :code and e.subject_id = :s and e.eval_year = :y)
                                """).param("code", f.code()).param("s", s.id()).param("y", year).query(Boolean.class).single();
                        if (!rated) {
                            evaluations.create(user, fv, null, s.id(), year, id, clock.today());
                        }
                    }
                    continue;
                }
                boolean exists = jdbc.sql("""
                        select exists (select 1 from evaluation e join eval_framework_version v on v.id = e.framework_version_id
                                        where v.code = :code and e.subject_unit_id = :u and e.eval_year = :y)
                        """).param("code", f.code()).param("u", unit).param("y", year).query(Boolean.class).single();
                if (!exists) {
                    evaluations.create(user, fv, unit, null, year, id, clock.today());
                }
            }
        }
        return require(user, id);
    }

    @Transactional(readOnly = true)
    public Campaign require(CurrentUser user, long id) {
        Campaign c = jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(CampaignService::map).optional()
                .orElseThrow(() -> new NotFoundProblem("evaluation.campaign.notFound", id));
        if (!units.canRead(user, c.ownerUnitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return c;
    }

    /** A campaign's title, without access check: for naming a link another module already holds. */
    @Transactional(readOnly = true)
    Optional<String> title(long id) {
        return jdbc.sql("select title from eval_campaign where id = :id").param("id", id).query(String.class).optional();
    }

    @Transactional(readOnly = true)
    public List<Campaign> visibleTo(CurrentUser user) {
        return jdbc.sql(SELECT + """
                 where (c.owner_unit_id in (select id from xhht_unit_subtree(:u)) or c.owner_unit_id in (select id from xhht_unit_line(:u)))
                 order by c.eval_year desc, c.id desc limit 100
                """).param("u", user.unitId()).query(CampaignService::map).list();
    }

    public Campaign updateTimetable(CurrentUser user, long id, LocalDate selfFrom, LocalDate selfTo, LocalDate dossierDue,
                                    LocalDate decisionDue, long version) {
        Campaign c = require(user, id);
        units.checkWritable(user, c.ownerUnitId());
        if (selfFrom != null && selfTo != null && selfTo.isBefore(selfFrom)) {
            throw new InvalidInputProblem("selfTo", "evaluation.campaign.window");
        }
        if (dossierDue != null && decisionDue != null && decisionDue.isBefore(dossierDue)) {
            throw new InvalidInputProblem("decisionDue", "evaluation.campaign.decisionBeforeDossier");
        }
        int n = jdbc.sql("""
                update eval_campaign set self_from = :sf, self_to = :st, dossier_due = :dd, decision_due = :de, version = version + 1
                 where id = :id and version = :v
                """).param("sf", selfFrom).param("st", selfTo).param("dd", dossierDue).param("de", decisionDue)
                .param("id", id).param("v", version).update();
        if (n == 0) {
            throw new vn.xhht.shared.ConcurrentEditProblem("EvaluationCampaign " + id);
        }
        audit.change(AuditAction.UPDATE, "EvaluationCampaign", id, c.ownerUnitId(),
                Map.of("dossierDue", String.valueOf(c.dossierDue()), "decisionDue", String.valueOf(c.decisionDue())),
                Map.of("dossierDue", String.valueOf(dossierDue), "decisionDue", String.valueOf(decisionDue)), "Sửa lịch " + c.title());
        return require(user, id);
    }

    /**
     * The results of all evaluations of a campaign, computed from their scores and evidence with two queries and
     * the rule engine (the stored totals and levels are refreshed in one batch).
     */
    public List<Line> computeResults(CurrentUser user, long id) {
        Campaign c = require(user, id);
        Framework f = catalog.byVersionId(c.frameworkVersionId());
        List<Evaluation> list = jdbc.sql(EvaluationService.SELECT + " where e.campaign_id = :c order by o.name")
                .param("c", id).query(EvaluationService::map).list();
        Map<Long, List<Evaluation.Score>> scores = new HashMap<>();
        jdbc.sql("select s.* from evaluation_score s join evaluation e on e.id = s.evaluation_id where e.campaign_id = :c order by s.id")
                .param("c", id).query((rs, n) -> {
                    scores.computeIfAbsent(rs.getLong("evaluation_id"), k -> new ArrayList<>()).add(EvaluationService.mapScore(rs, n));
                    return null;
                }).list();
        Set<Long> withFiles = evidence.ownersWithFiles(EvaluationService.SCORE_OWNER,
                scores.values().stream().flatMap(List::stream).map(Evaluation.Score::id).toList());
        List<Line> out = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Evaluation e : list) {
            List<Evaluation.Score> s = scores.getOrDefault(e.id(), List.of());
            Set<String> codes = new java.util.HashSet<>();
            s.stream().filter(x -> withFiles.contains(x.id())).forEach(x -> codes.add(x.itemCode()));
            RuleEngine.Result r = RuleEngine.evaluate(f, EvaluationService.entries(s, codes, false));
            boolean decided = e.stage() == Evaluation.Stage.DECIDED || e.stage() == Evaluation.Stage.PUBLISHED;
            String level = decided ? e.levelCode() : r.levelCode();
            out.add(new Line(e.id(), e.subjectName(), e.ownerName(), e.stage().name(), r.total(),
                    level == null ? null : f.level(level).map(Framework.Level::title).orElse(level),
                    decided ? e.recognised() : r.recognised(), e.validUntil()));
            if (!decided) {
                updates.add(new Object[]{r.total(), r.levelCode(), e.id()});
            }
        }
        if (!updates.isEmpty()) {
            jdbc.sql("""
                    update evaluation e set total = x.total, level_code = x.level
                      from unnest(cast(:totals as numeric[]), cast(:levels as text[]), cast(:ids as bigint[])) as x(total, level, id)
                     where e.id = x.id
                    """).param("totals", updates.stream().map(u -> u[0]).toArray(BigDecimal[]::new))
                    .param("levels", updates.stream().map(u -> u[1]).toArray(String[]::new))
                    .param("ids", updates.stream().map(u -> u[2]).toArray(Long[]::new)).update();
        }
        return out;
    }

    /** The decided evaluations of a campaign as the annex of one decision. */
    @Transactional(readOnly = true)
    public List<EvaluationDocuments.AnnexLine> annex(CurrentUser user, long id, boolean recognisedOnly) {
        Campaign c = require(user, id);
        Framework f = catalog.byVersionId(c.frameworkVersionId());
        return jdbc.sql("""
                select e.subject_name, p.name as parent_name, e.level_code, e.valid_until from evaluation e
                  join xhht_unit o on o.id = e.owner_unit_id left join xhht_unit p on p.id = o.parent_id
                 where e.campaign_id = :c and (not :only or e.recognised) order by o.name
                """).param("c", id).param("only", recognisedOnly)
                .query((rs, n) -> {
                    String code = rs.getString("level_code");
                    return new EvaluationDocuments.AnnexLine(rs.getString("subject_name"), rs.getString("parent_name"),
                            code == null ? "" : f.level(code).map(Framework.Level::title).orElse(code), rs.getObject("valid_until", LocalDate.class));
                }).list();
    }

    private static final String SELECT = """
            select c.*, o.name as owner_name, v.code as framework_code, v.version as framework_version from eval_campaign c
              join xhht_unit o on o.id = c.owner_unit_id join eval_framework_version v on v.id = c.framework_version_id
            """;

    private static Campaign map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Campaign(rs.getLong("id"), rs.getLong("owner_unit_id"), rs.getString("owner_name"), rs.getLong("framework_version_id"),
                rs.getString("framework_code"), rs.getInt("framework_version"), rs.getInt("eval_year"), rs.getString("title"),
                rs.getObject("self_from", LocalDate.class), rs.getObject("self_to", LocalDate.class),
                rs.getObject("dossier_due", LocalDate.class), rs.getObject("decision_due", LocalDate.class), rs.getLong("version"));
    }
}
