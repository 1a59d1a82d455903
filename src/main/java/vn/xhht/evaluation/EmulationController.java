package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/** Emulation plans, clusters, briefings and results (R27). */
@Controller
class EmulationController {

    private final EmulationClusters emulation;
    private final OrgUnitDirectory units;
    private final MessageSource messages;
    private final VietnamClock clock;
    private final vn.xhht.document.XlsxExport xlsx;
    private final vn.xhht.audit.AuditTrail audit;

    EmulationController(EmulationClusters emulation, OrgUnitDirectory units, MessageSource messages, VietnamClock clock,
                        vn.xhht.document.XlsxExport xlsx, vn.xhht.audit.AuditTrail audit) {
        this.xlsx = xlsx;
        this.audit = audit;
        this.emulation = emulation;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/evaluations/emulation")
    String plans(@RequestParam(required = false) Long unitId, Model model) {
        CurrentUser user = CurrentUsers.require();
        long unit = unitId == null ? user.unitId() : unitId;
        OrgUnit u = units.requireReadable(user, unit);
        List<EmulationClusters.Plan> plans = emulation.plans(user, unit);
        Map<Long, List<EmulationClusters.ClusterLine>> clusters = new LinkedHashMap<>();
        plans.forEach(p -> clusters.put(p.id(), emulation.clusters(p.id())));
        model.addAttribute("unit", u);
        model.addAttribute("plans", plans);
        model.addAttribute("clusters", clusters);
        model.addAttribute("canWrite", units.canWrite(user, unit));
        model.addAttribute("children", units.canWrite(user, unit) ? units.search(user, clock.today(), u.level() + 1, unit, null, 300) : List.of());
        model.addAttribute("thisYear", clock.year());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "evaluations/emulation";
    }

    @PostMapping("/evaluations/emulation/plans")
    String createPlan(@RequestParam long unitId, @RequestParam(required = false) Integer year, @RequestParam(required = false) String title,
                      @RequestParam(required = false) String issuer, @RequestParam(required = false) String criteria, RedirectAttributes r) {
        return act("redirect:/evaluations/emulation?unitId=" + unitId, r, () -> emulation.createPlan(CurrentUsers.require(), unitId, year, title, issuer, criteria),
                Map.of("year", year == null ? "" : String.valueOf(year), "title", nz(title), "issuer", nz(issuer), "criteria", nz(criteria)));
    }

    @PostMapping("/evaluations/emulation/plans/{id}/clusters")
    String createCluster(@PathVariable long id, @RequestParam long unitId, @RequestParam(required = false) String name,
                         @RequestParam(required = false, name = "memberUnitIds") List<Long> members, RedirectAttributes r) {
        return act("redirect:/evaluations/emulation?unitId=" + unitId, r, () -> emulation.createCluster(CurrentUsers.require(), id, name, members),
                Map.of("name", nz(name)));
    }

    @GetMapping("/evaluations/emulation/clusters/{id}")
    String cluster(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        EmulationClusters.Cluster c = emulation.cluster(user, id);
        model.addAttribute("c", c);
        List<EmulationClusters.Result> results = emulation.results(user, id);
        Map<Long, EmulationClusters.Result> byUnit = new LinkedHashMap<>();
        results.forEach(x -> byUnit.put(x.unitId(), x));
        model.addAttribute("results", results);
        model.addAttribute("byUnit", byUnit);
        boolean canManage = emulation.canManage(user, c);
        model.addAttribute("canManage", canManage);
        List<Long> memberIds = c.members().stream().map(EmulationClusters.Member::unitId).toList();
        model.addAttribute("memberIds", memberIds);
        if (canManage) {
            // the units the plan's owner may put in a cluster, and the current members even if no longer among them
            OrgUnit owner = units.require(c.plan().ownerUnitId());
            List<EmulationClusters.Member> candidates = new ArrayList<>();
            units.search(user, clock.today(), owner.level() + 1, owner.id(), null, 300)
                    .forEach(u -> candidates.add(new EmulationClusters.Member(u.id(), u.name())));
            c.members().stream().filter(m -> candidates.stream().noneMatch(x -> x.unitId() == m.unitId())).forEach(candidates::add);
            model.addAttribute("candidates", candidates);
        } else {
            model.addAttribute("candidates", List.of());
        }
        model.addAttribute("missingQuarters", c.quartersWithoutBriefing(clock.today()));
        model.addAttribute("today", clock.today());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "evaluations/cluster";
    }

    @PostMapping("/evaluations/emulation/clusters/{id}/briefings")
    String briefing(@PathVariable long id, @RequestParam(required = false) Integer quarter,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                    @RequestParam(required = false) String note, RedirectAttributes r) {
        return act("redirect:/evaluations/emulation/clusters/" + id, r, () -> emulation.addBriefing(CurrentUsers.require(), id, quarter, heldOn, note),
                Map.of("note", nz(note)));
    }

    /** One member's points: score_{criterion id}; a value that is not a number is refused with its field, nothing saved. */
    @PostMapping("/evaluations/emulation/clusters/{id}/scores")
    String scores(@PathVariable long id, @RequestParam long unitId, @RequestParam Map<String, String> form, RedirectAttributes r) {
        return act("redirect:/evaluations/emulation/clusters/" + id, r, () -> {
            Map<Long, BigDecimal> points = new LinkedHashMap<>();
            List<InvalidInputProblem.Violation> bad = new ArrayList<>();
            form.forEach((k, v) -> {
                if (!k.startsWith("score_")) {
                    return;
                }
                long item;
                try {
                    item = Long.parseLong(k.substring("score_".length()));
                } catch (NumberFormatException e) {
                    return;
                }
                String s = v == null ? "" : v.strip().replace(',', '.');
                try {
                    points.put(item, s.isEmpty() ? null : new BigDecimal(s));
                } catch (NumberFormatException e) {
                    bad.add(new InvalidInputProblem.Violation(k, "emulation.score.notNumber", new Object[]{v}));
                }
            });
            if (!bad.isEmpty()) {
                throw new InvalidInputProblem(bad);
            }
            emulation.saveScores(CurrentUsers.require(), id, unitId, points);
        }, form);
    }

    @PostMapping("/evaluations/emulation/plans/{id}/edit")
    String editPlan(@PathVariable long id, @RequestParam long unitId, @RequestParam(required = false) Long version,
                    @RequestParam(required = false) String title, @RequestParam(required = false) String issuer, RedirectAttributes r) {
        return act("redirect:/evaluations/emulation?unitId=" + unitId, r, () -> emulation.updatePlan(CurrentUsers.require(), id, version, title, issuer),
                Map.of("planId", String.valueOf(id), "title", nz(title), "issuer", nz(issuer)));
    }

    @PostMapping("/evaluations/emulation/plans/{id}/delete")
    String deletePlan(@PathVariable long id, @RequestParam long unitId, @RequestParam(required = false) Long version, RedirectAttributes r) {
        return act("redirect:/evaluations/emulation?unitId=" + unitId, r, () -> emulation.deletePlan(CurrentUsers.require(), id, version), Map.of());
    }

    @PostMapping("/evaluations/emulation/clusters/{id}/edit")
    String editCluster(@PathVariable long id, @RequestParam(required = false) Long version, @RequestParam(required = false) String name,
                       @RequestParam(required = false, name = "memberUnitIds") List<Long> members, RedirectAttributes r) {
        return act("redirect:/evaluations/emulation/clusters/" + id, r,
                () -> emulation.updateCluster(CurrentUsers.require(), id, version, name, members), Map.of("name", nz(name)));
    }

    /** Deleting a cluster leads back to its plan's page; a refusal stays on the cluster with the reason. */
    @PostMapping("/evaluations/emulation/clusters/{id}/delete")
    String deleteCluster(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes r) {
        CurrentUser user = CurrentUsers.require();
        long owner = emulation.cluster(user, id).plan().ownerUnitId();
        String back = act("redirect:/evaluations/emulation/clusters/" + id, r, () -> emulation.deleteCluster(user, id, version), Map.of());
        return r.getFlashAttributes().containsKey("error") ? back : "redirect:/evaluations/emulation?unitId=" + owner;
    }

    /** The cluster's ranked results as .xlsx: rank, member, points per criterion, total, complete or not. */
    @GetMapping("/evaluations/emulation/clusters/{id}/results.xlsx")
    void resultsXlsx(@PathVariable long id, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        CurrentUser user = CurrentUsers.require();
        EmulationClusters.Cluster c = emulation.cluster(user, id);
        List<EmulationClusters.Result> results = emulation.results(user, id);
        List<vn.xhht.document.XlsxExport.Column> cols = new ArrayList<>();
        cols.add(new vn.xhht.document.XlsxExport.Column("Hạng", vn.xhht.document.XlsxExport.ColumnType.INTEGER, 8));
        cols.add(new vn.xhht.document.XlsxExport.Column("Đơn vị", vn.xhht.document.XlsxExport.ColumnType.TEXT, 30));
        for (EmulationClusters.PlanItem i : c.plan().items()) {
            cols.add(new vn.xhht.document.XlsxExport.Column(i.criterionNo() + ". " + i.criterionTitle() + " (tối đa "
                    + RuleEngine.plain(i.maxPoints()) + ")", vn.xhht.document.XlsxExport.ColumnType.DECIMAL, 14));
        }
        cols.add(new vn.xhht.document.XlsxExport.Column("Tổng (tối đa " + RuleEngine.plain(c.plan().maxTotal()) + ")",
                vn.xhht.document.XlsxExport.ColumnType.DECIMAL, 14));
        cols.add(new vn.xhht.document.XlsxExport.Column("Ghi chú", vn.xhht.document.XlsxExport.ColumnType.TEXT, 18));
        vn.xhht.document.Downloads.attachment(response, vn.xhht.document.Downloads.Format.XLSX, "ket-qua-thi-dua-cum-" + id);
        audit.access(vn.xhht.audit.AuditAction.EXPORT, "EmulationCluster", id, c.plan().ownerUnitId(), "Xuất kết quả thi đua cụm " + c.name());
        xlsx.write(response.getOutputStream(), "Kết quả thi đua", c.name() + " — " + c.plan().title() + " — năm " + c.plan().year(), cols, sink -> {
            for (EmulationClusters.Result res : results) {
                List<Object> row = new ArrayList<>();
                row.add(res.rank());
                row.add(res.name());
                // a criterion not scored yet stays empty, not 0
                c.plan().items().forEach(i -> row.add(res.points().get(i.id())));
                row.add(res.total());
                row.add(res.complete() ? "" : "chưa chấm đủ");
                sink.row(row.toArray());
            }
        });
    }

    private String act(String back, RedirectAttributes r, Runnable action, Map<String, String> typed) {
        try {
            action.run();
            r.addFlashAttribute("ok", messages.getMessage("evaluation.saved", null, LocaleContextHolder.getLocale()));
        } catch (vn.xhht.shared.ConcurrentEditProblem e) {
            r.addFlashAttribute("error", messages.getMessage("s14fig.emulation.concurrent", null, LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            Map<String, String> errors = FormErrors.of(e, messages);
            r.addFlashAttribute("errors", errors);
            r.addFlashAttribute("error", String.join(" ", errors.values()));
            // what was typed comes back with the message (nothing lost)
            r.addFlashAttribute("typed", typed);
        }
        return back;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
