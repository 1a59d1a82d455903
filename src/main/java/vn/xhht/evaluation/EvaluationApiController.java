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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.xhht.evaluation.EvaluationApiModels.*;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Đánh giá, công nhận / Evaluation")
class EvaluationApiController {

    private final FrameworkCatalog catalog;
    private final EvaluationService evaluations;
    private final SelfAssessment assessment;
    private final EvaluationSteps steps;
    private final MessageSource messages;

    EvaluationApiController(FrameworkCatalog catalog, EvaluationService evaluations, SelfAssessment assessment, EvaluationSteps steps,
                            MessageSource messages) {
        this.catalog = catalog;
        this.evaluations = evaluations;
        this.assessment = assessment;
        this.steps = steps;
        this.messages = messages;
    }

    /** Every framework with its versions, newest first. */
    @GetMapping("/evaluation-frameworks")
    @Operation(operationId = "listEvaluationFrameworks", summary = "Danh sách bộ tiêu chí đánh giá",
            description = "Every evaluation framework (latest version) with the list of its versions, newest first.")
    List<FrameworkInfo> frameworks() {
        CurrentUsers.require();
        return catalog.latestVersions().stream().map(latest -> {
            Framework f = catalog.byVersionId(latest.id());
            return new FrameworkInfo(f.code(), f.title(), f.subjectType(), f.scoring(), f.complete(), f.incompleteNote(),
                    f.legalBasis(), f.effectiveFrom(), f.effectiveTo(), catalog.versions(f.code()).stream()
                    .map(v -> new VersionInfo(v.id(), v.version(), v.source(), v.note(), v.createdBy(), v.createdAt())).toList());
        }).toList();
    }

    /** One version in full: criteria, items, levels, authorities, deadlines. */
    @GetMapping("/evaluation-frameworks/{code}/versions/{version}")
    @Operation(operationId = "getEvaluationFrameworkVersion", summary = "Xem một phiên bản bộ tiêu chí",
            description = "One framework version in full: criteria, items, levels, authorities, deadlines.")
    Framework framework(@PathVariable String code, @PathVariable int version) {
        CurrentUsers.require();
        return catalog.version(code, version).framework();
    }

    @GetMapping("/evaluations")
    @Operation(operationId = "listEvaluations", summary = "Danh sách hồ sơ đánh giá",
            description = "Dossiers owned or reviewed within a unit's subtree (default: the caller's unit), optionally of one year.")
    List<Line> list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year) {
        CurrentUser user = CurrentUsers.require();
        return evaluations.listFor(user, unitId == null ? user.unitId() : unitId, year).stream()
                .map(e -> new Line(e.id(), e.subjectName(), e.year(), e.stage(), e.total(), e.levelCode(), e.provisional())).toList();
    }

    @PostMapping("/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createEvaluation", summary = "Tạo hồ sơ tự đánh giá", description = "Creates a self-assessment dossier for a subject and year under a framework.")
    Detail create(@RequestBody Create body) {
        CurrentUser user = CurrentUsers.require();
        Evaluation e = evaluations.create(user, body.frameworkCode(), body.subjectUnitId(), body.subjectId(), body.year(), body.campaignId());
        return detail(evaluations.view(user, e.id()));
    }

    @GetMapping("/evaluations/{id}")
    @Operation(operationId = "getEvaluation", summary = "Xem hồ sơ đánh giá", description = "One dossier with its scores and the result computed by the framework rules.")
    Detail get(@PathVariable long id) {
        return detail(evaluations.view(CurrentUsers.require(), id));
    }

    @PutMapping("/evaluations/{id}/scores")
    @Operation(operationId = "saveEvaluationScores", summary = "Lưu điểm tự chấm", description = "Saves self-assessment scores by item code; send the version you read (a stale version answers 409).")
    Detail scores(@PathVariable long id, @RequestBody Map<String, Score> body,
                  @io.swagger.v3.oas.annotations.Parameter(description = "Phiên bản đã đọc; phiên bản cũ trả 409. / The version you read; a stale one answers 409.")
                  @RequestParam(required = false) Long version) {
        return detail(assessment.saveScores(CurrentUsers.require(), id, inputs(body), version));
    }

    @PostMapping("/evaluations/{id}/submit")
    @Operation(operationId = "submitEvaluation", summary = "Nộp hồ sơ đánh giá", description = "Submits the dossier to the reviewing unit.")
    Detail submit(@PathVariable long id) {
        return step(id, steps::submit);
    }

    @PostMapping("/evaluations/{id}/accept")
    @Operation(operationId = "acceptEvaluation", summary = "Tiếp nhận hồ sơ", description = "The reviewing unit accepts a submitted dossier.")
    Detail accept(@PathVariable long id, @RequestBody(required = false) Comment body) {
        return step(id, (user, i) -> steps.accept(user, i, body == null ? null : body.comment()));
    }

    @PostMapping("/evaluations/{id}/return")
    @Operation(operationId = "returnEvaluation", summary = "Trả lại hồ sơ để bổ sung", description = "The reviewing unit returns a dossier with reasons.")
    Detail returnDossier(@PathVariable long id, @RequestBody(required = false) Comment body) {
        return step(id, (user, i) -> steps.returnWithReasons(user, i, body == null ? null : body.comment()));
    }

    @PostMapping("/evaluations/{id}/check")
    @Operation(operationId = "recordEvaluationCheck", summary = "Ghi kết quả kiểm tra", description = "Records the check team's findings item by item.")
    Detail check(@PathVariable long id, @RequestBody Check body) {
        return step(id, (user, i) -> steps.check(user, i, body.team(), body.date(), body.findings() == null ? Map.of() : inputs(body.findings()),
                body.note()));
    }

    @PostMapping("/evaluations/{id}/propose")
    @Operation(operationId = "proposeEvaluationLevel", summary = "Đề nghị mức công nhận", description = "Proposes the level to recognise after the check.")
    Detail propose(@PathVariable long id, @RequestBody(required = false) Propose body) {
        return step(id, (user, i) -> steps.propose(user, i, body == null ? null : body.level()));
    }

    @PostMapping("/evaluations/{id}/decide")
    @Operation(operationId = "decideEvaluation", summary = "Ghi quyết định công nhận", description = "Records the recognition decision (number, date, signer).")
    Detail decide(@PathVariable long id, @RequestBody Decide body) {
        return step(id, (user, i) -> steps.decide(user, i, body.number(), body.date(), body.signer()));
    }

    @PostMapping("/evaluations/{id}/publish")
    @Operation(operationId = "publishEvaluation", summary = "Công bố kết quả", description = "Publishes the decided result.")
    Detail publish(@PathVariable long id) {
        return step(id, steps::publish);
    }

    /** A step of the procedure by the caller, answered with the dossier as it now stands. */
    private Detail step(long id, java.util.function.BiConsumer<CurrentUser, Long> action) {
        CurrentUser user = CurrentUsers.require();
        action.accept(user, id);
        return detail(evaluations.view(user, id));
    }

    static Map<String, EvaluationService.ScoreInput> inputs(Map<String, Score> body) {
        Map<String, EvaluationService.ScoreInput> in = new LinkedHashMap<>();
        body.forEach((k, v) -> in.put(k, v == null ? new EvaluationService.ScoreInput(null, null, null, null)
                : new EvaluationService.ScoreInput(v.points(), v.met(), v.value(), v.comment())));
        return in;
    }

    private Detail detail(EvaluationService.View v) {
        Evaluation e = v.evaluation();
        List<Item> items = v.scores().stream().map(s -> new Item(s.itemCode(), s.points(), s.met(), s.value(), s.comment(),
                v.files(s.itemCode()).size(), v.result().items().get(s.itemCode()).missingEvidence(), s.checkPoints(), s.checkMet())).toList();
        return new Detail(e.id(), v.framework().code(), v.framework().version(), v.framework().complete(), e.subjectUnitId(), e.subjectId(),
                e.subjectName(), e.year(), e.stage(), v.result().total(), v.result().maxTotal(), v.result().levelCode(),
                v.result().level() == null ? null : v.result().level().title(), v.result().recognised(),
                v.result().nextLevel() == null ? null : v.result().nextLevel().code(),
                v.result().missingForNextLevel().stream()
                        .map(g -> messages.getMessage(g.messageKey(), g.argsArray(), LocaleContextHolder.getLocale())).toList(),
                v.deadline(), e.checkedLevel(), e.decisionNumber(), e.decisionDate(),
                e.stage() == Evaluation.Stage.DECIDED || e.stage() == Evaluation.Stage.PUBLISHED ? e.levelCode() : null,
                e.validUntil(), e.version(), items, !v.framework().complete());
    }
}
