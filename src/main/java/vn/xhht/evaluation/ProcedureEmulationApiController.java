package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.xhht.evaluation.ProcedureEmulationApiModels.*;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/** The procedure steps of a dossier (TT 44/2014, seed 004) and the emulation plans and clusters (R27) over the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Đánh giá, công nhận / Evaluation")
class ProcedureEmulationApiController {

    private final EvaluationProcedure procedure;
    private final EmulationClusters emulation;
    private final VietnamClock clock;

    ProcedureEmulationApiController(EvaluationProcedure procedure, EmulationClusters emulation, VietnamClock clock) {
        this.procedure = procedure;
        this.emulation = emulation;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- procedure steps

    @GetMapping("/evaluations/{id}/procedure")
    @Operation(operationId = "getEvaluationProcedure", summary = "Xem các bước thủ tục của hồ sơ",
            description = "The procedure steps the framework asks for (TT 44/2014): self-check plan, dossier documents with their files, check plan and team.")
    Steps steps(@PathVariable long id) {
        return steps(id, procedure.steps(CurrentUsers.require(), id));
    }

    @PutMapping("/evaluations/{id}/procedure/self-plan")
    @Operation(operationId = "saveEvaluationSelfPlan", summary = "Ghi kế hoạch tự kiểm tra (bước 1)",
            description = "Step 1: the self-check plan approved by the subject's chairman; by the owner side before submission.")
    Steps selfPlan(@PathVariable long id, @RequestBody Plan body) {
        CurrentUser user = CurrentUsers.require();
        procedure.saveSelfPlan(user, id, body.number(), body.date(), body.approver());
        return steps(id, procedure.steps(user, id));
    }

    @PutMapping("/evaluations/{id}/procedure/check-plan")
    @Operation(operationId = "approveEvaluationCheckPlan", summary = "Ghi kế hoạch kiểm tra và đoàn kiểm tra (bước 3)",
            description = "Step 3: the check plan the receiving office approved, with a team whose members together cover every criterion.")
    Steps checkPlan(@PathVariable long id, @RequestBody CheckPlanRequest body) {
        CurrentUser user = CurrentUsers.require();
        List<EvaluationProcedure.Member> members = new ArrayList<>();
        if (body.team() != null) {
            for (TeamMember m : body.team()) {
                if (m == null) {
                    continue;
                }
                members.add(new EvaluationProcedure.Member(m.name(), m.organisation(), m.position(),
                        m.criteria() == null ? List.of() : m.criteria()));
            }
        }
        procedure.approveCheckPlan(user, id, body.number(), body.date(), body.approver(), members);
        return steps(id, procedure.steps(user, id));
    }

    private static Steps steps(long id, EvaluationProcedure.Steps s) {
        Framework.Procedure p = s.procedure();
        return new Steps(id, p.selfCheckPlan(), p.dossierFiles(), p.checkPlan(), p.checkTeamByCriteria(), p.source(), p.certainty(),
                s.selfPlan() == null ? null : new Plan(s.selfPlan().number(), s.selfPlan().date(), s.selfPlan().approver()),
                s.checkPlan() == null ? null : new Plan(s.checkPlan().number(), s.checkPlan().date(), s.checkPlan().approver()),
                s.members().stream().map(m -> new TeamMember(m.name(), m.organisation(), m.position(), m.criteria())).toList(),
                s.documents().stream().map(d -> new Document(d.position(), d.title(), d.files().size())).toList(),
                s.dossierComplete());
    }

    // ---------------------------------------------------------------- emulation

    @GetMapping("/evaluations/emulation/plans")
    @Operation(operationId = "listEmulationPlans", summary = "Danh sách kế hoạch thi đua",
            description = "The emulation plans of a unit and of the units above it that it competes under (default: the caller's unit), with their clusters.")
    List<EmulationPlan> plans(@RequestParam(required = false) Long unitId) {
        CurrentUser user = CurrentUsers.require();
        return emulation.plans(user, unitId == null ? user.unitId() : unitId).stream().map(this::plan).toList();
    }

    @PostMapping("/evaluations/emulation/plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createEmulationPlan", summary = "Tạo kế hoạch thi đua",
            description = "A plan of contents and criteria with their maximum points; one bad criterion saves nothing and is named.")
    EmulationPlan createPlan(@RequestBody PlanCreate body) {
        CurrentUser user = CurrentUsers.require();
        if (body.unitId() == null) {
            throw new InvalidInputProblem("unitId", "s14fig.emulation.unitRequired");
        }
        StringBuilder lines = new StringBuilder();
        List<CriterionRequest> criteria = body.criteria() == null ? List.of() : body.criteria();
        for (int n = 0; n < criteria.size(); n++) {
            CriterionRequest c = criteria.get(n);
            // the service reads "content; criterion; points" lines: a separator inside a text would shift the fields
            if (c == null || c.maxPoints() == null || unsafe(c.content()) || unsafe(c.criterion())) {
                throw new InvalidInputProblem("criteria", "emulation.plan.line.invalid", n + 1);
            }
            lines.append(c.content()).append(';').append(c.criterion()).append(';').append(c.maxPoints().toPlainString()).append('\n');
        }
        return plan(emulation.createPlan(user, body.unitId(), body.year(), body.title(), body.issuer(), lines.toString()));
    }

    private static boolean unsafe(String s) {
        return s == null || s.indexOf(';') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    @PutMapping("/evaluations/emulation/plans/{id}")
    @Operation(operationId = "updateEmulationPlan", summary = "Sửa kế hoạch thi đua",
            description = "Changes the title and issuer; send the version you read (a stale version answers 409).")
    EmulationPlan updatePlan(@PathVariable long id, @RequestBody PlanUpdate body) {
        return plan(emulation.updatePlan(CurrentUsers.require(), id, body.version(), body.title(), body.issuer()));
    }

    @DeleteMapping("/evaluations/emulation/plans/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteEmulationPlan", summary = "Xóa kế hoạch thi đua",
            description = "Deletes the plan with its clusters and briefings; refused (400) once a member has points under it.")
    void deletePlan(@PathVariable long id,
                    @Parameter(description = "Phiên bản đã đọc; phiên bản cũ trả 409. / The version you read; a stale one answers 409.")
                    @RequestParam(required = false) Long version) {
        emulation.deletePlan(CurrentUsers.require(), id, version);
    }

    @PostMapping("/evaluations/emulation/plans/{id}/clusters")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createEmulationCluster", summary = "Tạo cụm thi đua",
            description = "A cluster of units below the plan's owner; every member id is checked against the owner's area.")
    EmulationCluster createCluster(@PathVariable long id, @RequestBody ClusterWrite body) {
        CurrentUser user = CurrentUsers.require();
        return cluster(user, emulation.createCluster(user, id, body.name(), body.memberUnitIds()).id());
    }

    @GetMapping("/evaluations/emulation/clusters/{id}")
    @Operation(operationId = "getEmulationCluster", summary = "Xem cụm thi đua và kết quả xếp hạng",
            description = "A cluster with its members, briefings, the past quarters without a briefing and the ranked results.")
    EmulationCluster getCluster(@PathVariable long id) {
        return cluster(CurrentUsers.require(), id);
    }

    @PutMapping("/evaluations/emulation/clusters/{id}")
    @Operation(operationId = "updateEmulationCluster", summary = "Sửa cụm thi đua",
            description = "Renames the cluster and sets its members (a member with points cannot be removed); send the version you read.")
    EmulationCluster updateCluster(@PathVariable long id, @RequestBody ClusterWrite body) {
        CurrentUser user = CurrentUsers.require();
        emulation.updateCluster(user, id, body.version(), body.name(), body.memberUnitIds());
        return cluster(user, id);
    }

    @DeleteMapping("/evaluations/emulation/clusters/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteEmulationCluster", summary = "Xóa cụm thi đua",
            description = "Deletes the cluster and its briefings; refused (400) once a member has points.")
    void deleteCluster(@PathVariable long id,
                       @Parameter(description = "Phiên bản đã đọc; phiên bản cũ trả 409. / The version you read; a stale one answers 409.")
                       @RequestParam(required = false) Long version) {
        emulation.deleteCluster(CurrentUsers.require(), id, version);
    }

    @PostMapping("/evaluations/emulation/clusters/{id}/briefings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "addEmulationBriefing", summary = "Ghi giao ban của cụm",
            description = "A quarterly briefing; its date must lie in that quarter of the plan's year and not in the future.")
    EmulationCluster briefing(@PathVariable long id, @RequestBody BriefingCreate body) {
        CurrentUser user = CurrentUsers.require();
        emulation.addBriefing(user, id, body.quarter(), body.heldOn(), body.note());
        return cluster(user, id);
    }

    @PutMapping("/evaluations/emulation/clusters/{id}/members/{unitId}/scores")
    @Operation(operationId = "saveEmulationScores", summary = "Chấm điểm một đơn vị trong cụm",
            description = "A member's points by criterion; points above a criterion's maximum are refused with the field named; null clears.")
    EmulationCluster scores(@PathVariable long id, @PathVariable long unitId, @RequestBody Scores body) {
        CurrentUser user = CurrentUsers.require();
        Map<Long, BigDecimal> points = new LinkedHashMap<>();
        if (body.points() != null) {
            body.points().stream().filter(java.util.Objects::nonNull).forEach(p -> points.put(p.itemId(), p.points()));
        }
        emulation.saveScores(user, id, unitId, points);
        return cluster(user, id);
    }

    private EmulationPlan plan(EmulationClusters.Plan p) {
        return new EmulationPlan(p.id(), p.ownerUnitId(), p.ownerName(), p.year(), p.title(), p.issuer(), p.maxTotal(), p.version(),
                p.items().stream().map(i -> new EmulationItem(i.id(), i.contentNo(), i.contentTitle(), i.criterionNo(), i.criterionTitle(),
                        i.maxPoints())).toList(),
                emulation.clusters(p.id()).stream().map(c -> new EmulationClusterLine(c.id(), c.name(), c.memberCount(), c.briefingCount()))
                        .toList());
    }

    private EmulationCluster cluster(CurrentUser user, long id) {
        EmulationClusters.Cluster c = emulation.cluster(user, id);
        List<Result> results = emulation.results(user, id).stream().map(r -> new Result(r.unitId(), r.name(), r.rank(), r.total(),
                r.complete(), r.points().entrySet().stream().map(e -> new Point(e.getKey(), e.getValue())).toList())).toList();
        return new EmulationCluster(c.id(), c.plan().id(), c.plan().title(), c.plan().year(), c.name(), c.version(),
                c.members().stream().map(m -> new Member(m.unitId(), m.name())).toList(),
                c.briefings().stream().map(b -> new Briefing(b.id(), b.quarter(), b.heldOn(), b.note())).toList(),
                c.quartersWithoutBriefing(clock.today()), results);
    }
}
