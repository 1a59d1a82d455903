package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Đánh giá, công nhận / Evaluation")
class EvaluationApiController {

    record Create(String frameworkCode, Long subjectUnitId, Long subjectId, Integer year, Long campaignId) {
    }

    record Score(BigDecimal points, Boolean met, BigDecimal value, String comment) {
    }

    record Comment(String comment) {
    }

    record Check(String team, LocalDate date, Map<String, Score> findings, String note) {
    }

    record Propose(String level) {
    }

    record Decide(String number, LocalDate date, String signer) {
    }

    private final FrameworkCatalog catalog;
    private final EvaluationService evaluations;
    private final MessageSource messages;

    EvaluationApiController(FrameworkCatalog catalog, EvaluationService evaluations, MessageSource messages) {
        this.catalog = catalog;
        this.evaluations = evaluations;
        this.messages = messages;
    }

    /** Every framework with its versions, newest first. */
    @GetMapping("/evaluation-frameworks")
    List<Map<String, Object>> frameworks() {
        CurrentUsers.require();
        return catalog.latestVersions().stream().map(latest -> {
            Framework f = catalog.byVersionId(latest.id());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", f.code());
            m.put("title", f.title());
            m.put("subjectType", f.subjectType());
            m.put("scoring", f.scoring());
            m.put("complete", f.complete());
            m.put("incompleteNote", f.incompleteNote());
            m.put("legalBasis", f.legalBasis());
            m.put("effectiveFrom", f.effectiveFrom());
            m.put("effectiveTo", f.effectiveTo());
            m.put("versions", catalog.versions(f.code()).stream().map(v -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("id", v.id());
                x.put("version", v.version());
                x.put("source", v.source());
                x.put("note", v.note());
                x.put("createdBy", v.createdBy());
                x.put("createdAt", v.createdAt());
                return x;
            }).toList());
            return m;
        }).toList();
    }

    /** One version in full: criteria, items, levels, authorities, deadlines. */
    @GetMapping("/evaluation-frameworks/{code}/versions/{version}")
    Framework framework(@PathVariable String code, @PathVariable int version) {
        CurrentUsers.require();
        return catalog.version(code, version).framework();
    }

    @GetMapping("/evaluations")
    List<Map<String, Object>> list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year) {
        CurrentUser user = CurrentUsers.require();
        return evaluations.listFor(user, unitId == null ? user.unitId() : unitId, year).stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("subject", e.subjectName());
            m.put("year", e.year());
            m.put("stage", e.stage());
            m.put("total", e.total());
            m.put("level", e.levelCode());
            return m;
        }).toList();
    }

    @PostMapping("/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody Create body) {
        CurrentUser user = CurrentUsers.require();
        Evaluation e = evaluations.create(user, body.frameworkCode(), body.subjectUnitId(), body.subjectId(), body.year(), body.campaignId());
        return detail(evaluations.view(user, e.id()));
    }

    @GetMapping("/evaluations/{id}")
    Map<String, Object> get(@PathVariable long id) {
        return detail(evaluations.view(CurrentUsers.require(), id));
    }

    @PutMapping("/evaluations/{id}/scores")
    Map<String, Object> scores(@PathVariable long id, @RequestBody Map<String, Score> body,
                               @RequestParam(required = false) Long version) {
        return detail(evaluations.saveScores(CurrentUsers.require(), id, inputs(body), version));
    }

    @PostMapping("/evaluations/{id}/submit")
    Map<String, Object> submit(@PathVariable long id) {
        CurrentUser user = CurrentUsers.require();
        evaluations.submit(user, id);
        return detail(evaluations.view(user, id));
    }

    @PostMapping("/evaluations/{id}/accept")
    Map<String, Object> accept(@PathVariable long id, @RequestBody(required = false) Comment body) {
        CurrentUser user = CurrentUsers.require();
        evaluations.accept(user, id, body == null ? null : body.comment());
        return detail(evaluations.view(user, id));
    }

    @PostMapping("/evaluations/{id}/return")
    Map<String, Object> returnDossier(@PathVariable long id, @RequestBody(required = false) Comment body) {
        CurrentUser user = CurrentUsers.require();
        evaluations.returnWithReasons(user, id, body == null ? null : body.comment());
        return detail(evaluations.view(user, id));
    }

    @PostMapping("/evaluations/{id}/check")
    Map<String, Object> check(@PathVariable long id, @RequestBody Check body) {
        CurrentUser user = CurrentUsers.require();
        evaluations.check(user, id, body.team(), body.date(), body.findings() == null ? Map.of() : inputs(body.findings()), body.note());
        return detail(evaluations.view(user, id));
    }

    @PostMapping("/evaluations/{id}/propose")
    Map<String, Object> propose(@PathVariable long id, @RequestBody(required = false) Propose body) {
        CurrentUser user = CurrentUsers.require();
        evaluations.propose(user, id, body == null ? null : body.level());
        return detail(evaluations.view(user, id));
    }

    @PostMapping("/evaluations/{id}/decide")
    Map<String, Object> decide(@PathVariable long id, @RequestBody Decide body) {
        CurrentUser user = CurrentUsers.require();
        evaluations.decide(user, id, body.number(), body.date(), body.signer());
        return detail(evaluations.view(user, id));
    }

    @PostMapping("/evaluations/{id}/publish")
    Map<String, Object> publish(@PathVariable long id) {
        CurrentUser user = CurrentUsers.require();
        evaluations.publish(user, id);
        return detail(evaluations.view(user, id));
    }

    static Map<String, EvaluationService.ScoreInput> inputs(Map<String, Score> body) {
        Map<String, EvaluationService.ScoreInput> in = new LinkedHashMap<>();
        body.forEach((k, v) -> in.put(k, v == null ? new EvaluationService.ScoreInput(null, null, null, null)
                : new EvaluationService.ScoreInput(v.points(), v.met(), v.value(), v.comment())));
        return in;
    }

    private Map<String, Object> detail(EvaluationService.View v) {
        Evaluation e = v.evaluation();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("frameworkCode", v.framework().code());
        m.put("frameworkVersion", v.framework().version());
        m.put("frameworkComplete", v.framework().complete());
        m.put("subjectUnitId", e.subjectUnitId());
        m.put("subjectId", e.subjectId());
        m.put("subject", e.subjectName());
        m.put("year", e.year());
        m.put("stage", e.stage());
        m.put("total", v.result().total());
        m.put("maxTotal", v.result().maxTotal());
        m.put("level", v.result().levelCode());
        m.put("levelTitle", v.result().level() == null ? null : v.result().level().title());
        m.put("recognised", v.result().recognised());
        m.put("nextLevel", v.result().nextLevel() == null ? null : v.result().nextLevel().code());
        m.put("missingForNextLevel", v.result().missingForNextLevel().stream()
                .map(g -> messages.getMessage(g.messageKey(), g.argsArray(), LocaleContextHolder.getLocale())).toList());
        m.put("deadline", v.deadline());
        m.put("checkedLevel", e.checkedLevel());
        m.put("decisionNumber", e.decisionNumber());
        m.put("decisionDate", e.decisionDate());
        m.put("decidedLevel", e.stage() == Evaluation.Stage.DECIDED || e.stage() == Evaluation.Stage.PUBLISHED ? e.levelCode() : null);
        m.put("validUntil", e.validUntil());
        m.put("version", e.version());
        m.put("items", v.scores().stream().map(s -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", s.itemCode());
            x.put("points", s.points());
            x.put("met", s.met());
            x.put("value", s.value());
            x.put("comment", s.comment());
            x.put("evidenceFiles", v.files(s.itemCode()).size());
            x.put("missingEvidence", v.result().items().get(s.itemCode()).missingEvidence());
            x.put("checkPoints", s.checkPoints());
            x.put("checkMet", s.checkMet());
            return x;
        }).toList());
        return m;
    }
}
