package vn.xhht.evaluation;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.xhht.document.DocumentRenderer;
import vn.xhht.document.OfficialDocument;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.VietnamClock;

@Controller
class EvaluationPageController {

    private final EvaluationService evaluations;
    private final SelfAssessment assessment;
    private final EvaluationSteps steps;
    private final EvaluationAccess access;
    private final FrameworkCatalog catalog;
    private final CampaignService campaigns;
    private final CampaignBoard campaignBoard;
    private final Subjects subjects;
    private final EvaluationDocuments documents;
    private final DocumentRenderer renderer;
    private final OrgUnitDirectory units;
    private final MessageSource messages;
    private final vn.xhht.audit.AuditTrail audit;
    private final VietnamClock clock;

    private final EvaluationProcedure procedure;

    EvaluationPageController(EvaluationService evaluations, SelfAssessment assessment, EvaluationSteps steps, EvaluationAccess access,
                             FrameworkCatalog catalog, CampaignService campaigns, CampaignBoard campaignBoard, Subjects subjects,
                             EvaluationDocuments documents, DocumentRenderer renderer, OrgUnitDirectory units, MessageSource messages,
                             vn.xhht.audit.AuditTrail audit, EvaluationProcedure procedure, VietnamClock clock) {
        this.procedure = procedure;
        this.audit = audit;
        this.evaluations = evaluations;
        this.assessment = assessment;
        this.steps = steps;
        this.access = access;
        this.catalog = catalog;
        this.campaigns = campaigns;
        this.campaignBoard = campaignBoard;
        this.subjects = subjects;
        this.documents = documents;
        this.renderer = renderer;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    /** The evaluations of the user's unit and below, the campaigns, and the form to start one. */
    @GetMapping("/evaluations")
    String list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        long unit = unitId == null ? user.unitId() : unitId;
        OrgUnit u = units.requireReadable(user, unit);
        model.addAttribute("unit", u);
        model.addAttribute("year", year);
        List<Evaluation> list = evaluations.listFor(user, unit, year);
        Map<Long, Framework> used = new java.util.HashMap<>();
        list.forEach(e -> used.computeIfAbsent(e.frameworkVersionId(), catalog::byVersionId));
        model.addAttribute("evaluations", list);
        model.addAttribute("fw", used);
        List<CampaignService.Campaign> visible = campaigns.visibleTo(user);
        model.addAttribute("campaigns", visible);
        // a commune sees its province's campaign but may not open the province's page: no link that answers 403
        model.addAttribute("openableCampaigns", visible.stream().filter(c -> units.canRead(user, c.ownerUnitId()))
                .map(CampaignService.Campaign::id).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("frameworks", catalog.latestVersions());
        model.addAttribute("canWrite", units.canWrite(user, unit));
        List<Subjects.Subject> registered = subjects.within(user, unit);
        if (registered.stream().anyMatch(x -> x.headName() != null)) {
            // heads of families and clans are personal data
            audit.access(vn.xhht.audit.AuditAction.READ, "EvaluationSubject", unit, unit, "Xem danh sách gia đình, dòng họ, đơn vị đăng ký đánh giá");
        }
        model.addAttribute("subjects", registered);
        model.addAttribute("communes", u.level() == OrgUnit.COMMUNE ? List.of(u)
                : units.search(user, clock.today(), OrgUnit.COMMUNE, unit, null, 300));
        model.addAttribute("hamlets", u.level() == OrgUnit.COMMUNE ? units.search(user, clock.today(), OrgUnit.HAMLET, unit, null, 300) : List.of());
        model.addAttribute("defaultYear", clock.today().getMonthValue() >= 10 ? clock.today().getYear() : clock.today().getYear() - 1);
        return "evaluations/list";
    }

    @PostMapping("/evaluations")
    String create(@RequestParam(required = false) String frameworkCode, @RequestParam(required = false) Long subjectUnitId,
                  @RequestParam(required = false) Long subjectId, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) Long unitId, RedirectAttributes r) {
        try {
            Evaluation e = evaluations.create(CurrentUsers.require(), frameworkCode, subjectUnitId, subjectId, year, null);
            return "redirect:/evaluations/" + e.id();
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
            return "redirect:/evaluations" + (unitId == null ? "" : "?unitId=" + unitId);
        }
    }

    @GetMapping("/evaluations/{id}")
    String evaluation(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        EvaluationService.View v = evaluations.view(user, id);
        model.addAttribute("v", v);
        model.addAttribute("e", v.evaluation());
        model.addAttribute("f", v.framework());
        model.addAttribute("r", v.result());
        model.addAttribute("canEdit", access.canEdit(user, v.evaluation()));
        model.addAttribute("canAccept", access.canAccept(user, v.evaluation()));
        model.addAttribute("canCheck", access.canCheck(user, v.evaluation()));
        model.addAttribute("canDecide", access.canDecide(user, v.evaluation()));
        model.addAttribute("canPlanCheck", access.canPlanCheck(user, v.evaluation()));
        model.addAttribute("steps", procedure.steps(user, id));
        model.addAttribute("authority", v.framework().authorityOn(clock.today()).orElse(null));
        model.addAttribute("today", clock.today());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "evaluations/evaluation";
    }

    /** The live result of the values in the form, not saved (htmx). */
    @PostMapping("/evaluations/{id}/preview")
    String preview(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        CurrentUser user = CurrentUsers.require();
        EvaluationService.View v = evaluations.view(user, id);
        Map<String, RuleEngine.Entry> entries = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Framework.Item i : v.framework().items().toList()) {
            EvaluationService.ScoreInput in = input(i, form, errors);
            entries.put(i.code(), new RuleEngine.Entry(in.points(), in.met(), in.value(), !v.files(i.code()).isEmpty()));
        }
        model.addAttribute("f", v.framework());
        model.addAttribute("r", RuleEngine.evaluate(v.framework(), entries));
        model.addAttribute("previewErrors", errors);
        return "evaluations/evaluation :: result";
    }

    /**
     * Saves every mark and comment on the page and, in the same request, the evidence files chosen for any item
     * ("Tải lên" and "Lưu" post the whole form): uploading never resets what was typed. On a value that is not a
     * number nothing is saved and the page shows everything typed again.
     */
    @PostMapping("/evaluations/{id}/scores")
    String scores(@PathVariable long id, @RequestParam Map<String, String> form, jakarta.servlet.http.HttpServletRequest request,
                  Model model, RedirectAttributes r) {
        String failed = saveAll(id, form, request, model);
        if (failed != null) {
            return failed;
        }
        r.addFlashAttribute("ok", messages.getMessage(uploads(request).isEmpty() ? "evaluation.saved" : "evaluation.savedAndUploaded",
                null, LocaleContextHolder.getLocale()));
        return "redirect:/evaluations/" + id;
    }

    /** Saves the scores and uploads of the form; null when saved, else the page to show again (with what was typed). */
    private String saveAll(long id, Map<String, String> form, jakarta.servlet.http.HttpServletRequest request, Model model) {
        CurrentUser user = CurrentUsers.require();
        EvaluationService.View v = evaluations.view(user, id);
        Map<String, EvaluationService.ScoreInput> in = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Framework.Item i : v.framework().items().toList()) {
            in.put(i.code(), input(i, form, errors));
        }
        try {
            if (!errors.isEmpty()) {
                List<InvalidInputProblem.Violation> list = new ArrayList<>();
                errors.forEach((k, m) -> list.add(new InvalidInputProblem.Violation(k, "evaluation.points.notNumber", m)));
                throw new InvalidInputProblem(list);
            }
            String ver = form.get("version");
            Long version;
            try {
                version = ver == null || ver.isBlank() ? null : Long.valueOf(ver);
            } catch (NumberFormatException ex) {
                throw new InvalidInputProblem("version", "error.versionRequired");
            }
            assessment.saveScores(user, id, in, version);
        } catch (InvalidInputProblem e) {
            Map<String, String> shown = FormErrors.of(e, messages);
            model.addAttribute("errors", shown);
            model.addAttribute("error", String.join(" ", shown.values()));
            model.addAttribute("typed", form);
            return evaluation(id, model);
        }
        // the marks are saved; a refused file is reported next to its item without losing them
        Map<String, String> fileErrors = new LinkedHashMap<>();
        uploads(request).forEach((code, uploads) -> {
            try {
                assessment.attachEvidence(user, id, code, uploads);
            } catch (InvalidInputProblem e) {
                FormErrors.of(e, messages).values().forEach(m -> fileErrors.putIfAbsent("file_" + code, m));
            }
        });
        if (!fileErrors.isEmpty()) {
            model.addAttribute("errors", fileErrors);
            model.addAttribute("error", String.join(" ", fileErrors.values()));
            return evaluation(id, model);
        }
        return null;
    }

    /** Files chosen per item code (inputs named files_<code>) in a multipart post; none for a plain form post. */
    private static Map<String, List<EvidenceStore.Upload>> uploads(jakarta.servlet.http.HttpServletRequest request) {
        Map<String, List<EvidenceStore.Upload>> out = new LinkedHashMap<>();
        if (request instanceof org.springframework.web.multipart.MultipartHttpServletRequest m) {
            m.getMultiFileMap().forEach((name, files) -> {
                if (name.startsWith("files_")) {
                    for (MultipartFile f : files) {
                        if (!f.isEmpty()) {
                            try {
                                out.computeIfAbsent(name.substring(6), k -> new ArrayList<>())
                                        .add(new EvidenceStore.Upload(f.getOriginalFilename(), f.getBytes()));
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    }
                }
            });
        }
        return out;
    }

    /** Reads one item's fields from the form; a value that is not a number is reported by field. */
    static EvaluationService.ScoreInput input(Framework.Item i, Map<String, String> form, Map<String, String> errors) {
        String key = "item_" + i.code();
        BigDecimal points = null;
        BigDecimal value = null;
        Boolean met = null;
        String raw = form.get(key + "_points");
        if (raw == null) {
            raw = form.get(key + "_value");
        }
        if (raw != null && !raw.isBlank()) {
            try {
                BigDecimal n = new BigDecimal(raw.strip().replace(',', '.'));
                if (i.type() == Framework.ItemType.POINTS) {
                    points = n;
                } else {
                    value = n;
                }
            } catch (NumberFormatException e) {
                errors.put(key, i.code());
            }
        }
        String m = form.get(key + "_met");
        if (m != null && !m.isBlank()) {
            met = "true".equals(m);
        }
        return new EvaluationService.ScoreInput(points, met, value, form.get(key + "_comment"));
    }

    @PostMapping("/evaluations/{id}/items/{code}/evidence")
    String evidence(@PathVariable long id, @PathVariable String code,
                    @RequestParam(required = false, name = "files") List<MultipartFile> files, RedirectAttributes r) {
        return act(id, r, () -> assessment.attachEvidence(CurrentUsers.require(), id, code, uploads(files)), "evaluation.evidence.saved");
    }

    /** The files chosen in one file field; the empty parts a browser sends for "no file" are left out. */
    private static List<EvidenceStore.Upload> uploads(List<MultipartFile> files) {
        List<EvidenceStore.Upload> out = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (!f.isEmpty()) {
                try {
                    out.add(new EvidenceStore.Upload(f.getOriginalFilename(), f.getBytes()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    /** "Nộp hồ sơ" saves the marks, comments and files on the page first, then submits. */
    @PostMapping("/evaluations/{id}/submit")
    String submit(@PathVariable long id, @RequestParam Map<String, String> form, jakarta.servlet.http.HttpServletRequest request,
                  Model model, RedirectAttributes r) {
        if (form.containsKey("version")) {
            String failed = saveAll(id, form, request, model);
            if (failed != null) {
                return failed;
            }
        }
        return act(id, r, () -> steps.submit(CurrentUsers.require(), id), "evaluation.submitted");
    }

    @PostMapping("/evaluations/{id}/accept")
    String accept(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes r) {
        return act(id, r, () -> steps.accept(CurrentUsers.require(), id, comment), "evaluation.accepted");
    }

    @PostMapping("/evaluations/{id}/return")
    String returnDossier(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes r) {
        return act(id, r, () -> steps.returnWithReasons(CurrentUsers.require(), id, comment), "evaluation.returned");
    }

    @PostMapping("/evaluations/{id}/check")
    String check(@PathVariable long id, @RequestParam Map<String, String> form,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkDate, RedirectAttributes r) {
        CurrentUser user = CurrentUsers.require();
        return act(id, r, () -> {
            EvaluationService.View v = evaluations.view(user, id);
            Map<String, EvaluationService.ScoreInput> findings = new LinkedHashMap<>();
            Map<String, String> errors = new LinkedHashMap<>();
            for (Framework.Item i : v.framework().items().toList()) {
                Map<String, String> renamed = new LinkedHashMap<>();
                form.forEach((k, val) -> {
                    if (k.startsWith("check_" + i.code() + "_")) {
                        renamed.put("item_" + k.substring("check_".length()), val);
                    }
                });
                if (!renamed.isEmpty()) {
                    findings.put(i.code(), input(i, renamed, errors));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputProblem("check_" + errors.values().iterator().next(), "evaluation.points.notNumber",
                        errors.values().iterator().next());
            }
            steps.check(user, id, form.get("team"), checkDate, findings, form.get("note"));
        }, "evaluation.checked");
    }

    @PostMapping("/evaluations/{id}/self-plan")
    String selfPlan(@PathVariable long id, @RequestParam(required = false) String selfPlanNumber,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate selfPlanDate,
                    @RequestParam(required = false) String selfPlanApprover, RedirectAttributes r) {
        return act(id, r, () -> procedure.saveSelfPlan(CurrentUsers.require(), id, selfPlanNumber, selfPlanDate, selfPlanApprover),
                "evaluation.selfPlan.saved");
    }

    @PostMapping("/evaluations/{id}/dossier/{position}")
    String dossierFile(@PathVariable long id, @PathVariable int position,
                       @RequestParam(required = false, name = "files") List<MultipartFile> files, RedirectAttributes r) {
        return act(id, r, () -> procedure.attachDossierFile(CurrentUsers.require(), id, position, uploads(files)), "evaluation.dossier.saved");
    }

    /** The approved check plan with its team: member_{i}_name / _organisation / _position / _criteria (codes, comma-separated). */
    @PostMapping("/evaluations/{id}/check-plan")
    String checkPlan(@PathVariable long id, @RequestParam Map<String, String> form,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkPlanDate, RedirectAttributes r) {
        List<EvaluationProcedure.Member> members = new ArrayList<>();
        for (int i = 0; i < 30 && form.containsKey("member_" + i + "_name"); i++) {
            String crit = form.getOrDefault("member_" + i + "_criteria", "");
            members.add(new EvaluationProcedure.Member(form.get("member_" + i + "_name"), form.get("member_" + i + "_organisation"),
                    form.get("member_" + i + "_position"), List.of(crit.split("[,;]"))));
        }
        return act(id, r, () -> procedure.approveCheckPlan(CurrentUsers.require(), id, form.get("checkPlanNumber"), checkPlanDate,
                form.get("checkPlanApprover"), members), "evaluation.checkPlan.saved");
    }

    @PostMapping("/evaluations/{id}/propose")
    String propose(@PathVariable long id, @RequestParam(required = false) String level, RedirectAttributes r) {
        return act(id, r, () -> steps.propose(CurrentUsers.require(), id, level), "evaluation.proposed");
    }

    @PostMapping("/evaluations/{id}/decide")
    String decide(@PathVariable long id, @RequestParam(required = false) String decisionNumber,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
                  @RequestParam(required = false) String decisionSigner, RedirectAttributes r) {
        return act(id, r, () -> steps.decide(CurrentUsers.require(), id, decisionNumber, decisionDate, decisionSigner), "evaluation.decided");
    }

    @PostMapping("/evaluations/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes r) {
        return act(id, r, () -> steps.publish(CurrentUsers.require(), id), "evaluation.published");
    }

    /** request | report | minutes | decision, as pdf or docx. */
    @GetMapping("/evaluations/{id}/documents/{kind}.{format}")
    void document(@PathVariable long id, @PathVariable String kind, @PathVariable String format, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        EvaluationService.View v = evaluations.view(user, id);
        Evaluation e = v.evaluation();
        OfficialDocument doc = switch (kind) {
            case "request" -> documents.requestLetter(v);
            case "report" -> documents.selfAssessmentReport(v);
            case "minutes" -> documents.checkMinutes(v);
            case "decision" -> {
                if (e.decisionNumber() == null) {
                    throw new NotFoundProblem("evaluation.decision.none", id);
                }
                yield documents.decision(v.framework(), units.require(e.reviewerUnitId()), e.year(), e.decisionNumber(), e.decisionDate(),
                        e.decisionSigner(), List.of(new EvaluationDocuments.AnnexLine(e.subjectName(), e.ownerName(),
                                v.levelTitle(e.levelCode()), e.validUntil())));
            }
            default -> throw new NotFoundProblem("error.404.text");
        };
        String what = switch (kind) {
            case "request" -> "Công văn đề nghị công nhận";
            case "report" -> "Báo cáo tự đánh giá";
            case "minutes" -> "Biên bản kiểm tra";
            default -> "Quyết định công nhận";
        };
        write(doc, vn.xhht.document.VietnameseNames.fileName(what, e.subjectName(), String.valueOf(e.year())), format, response);
    }

    void write(OfficialDocument doc, String name, String format, HttpServletResponse response) throws IOException {
        renderer.download(doc, format, name, response);
    }

    // ---------------------------------------------------------------- frameworks

    @GetMapping("/evaluations/frameworks")
    String frameworks(Model model) {
        CurrentUsers.require();
        List<Map.Entry<FrameworkCatalog.VersionInfo, Framework>> list = new ArrayList<>();
        for (FrameworkCatalog.VersionInfo v : catalog.latestVersions()) {
            list.add(Map.entry(v, catalog.byVersionId(v.id())));
        }
        model.addAttribute("frameworks", list);
        model.addAttribute("loadErrors", catalog.loadErrors());
        return "evaluations/frameworks";
    }

    @GetMapping("/evaluations/frameworks/{code}")
    String framework(@PathVariable String code, @RequestParam(required = false) Integer version, Model model) {
        CurrentUser user = CurrentUsers.require();
        FrameworkCatalog.Versioned fv = version == null ? catalog.latest(code) : catalog.version(code, version);
        model.addAttribute("f", fv.framework());
        model.addAttribute("versionId", fv.id());
        model.addAttribute("versions", catalog.versions(code));
        model.addAttribute("isAdmin", user.isAdmin());
        if (!model.containsAttribute("yaml")) {
            model.addAttribute("yaml", catalog.yaml(fv.id()));
        }
        return "evaluations/framework";
    }

    @PostMapping("/evaluations/frameworks/{code}")
    String editFramework(@PathVariable String code, @RequestParam(required = false) String yaml, @RequestParam(required = false) String note,
                         RedirectAttributes r) {
        try {
            FrameworkCatalog.Versioned saved = catalog.saveEdit(CurrentUsers.require(), code, yaml, note);
            r.addFlashAttribute("ok", messages.getMessage("evaluation.framework.saved", new Object[]{saved.framework().version()},
                    LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("errors", FormErrors.of(e, messages));
            r.addFlashAttribute("yaml", yaml);
        }
        return "redirect:/evaluations/frameworks/" + code;
    }

    @PostMapping("/evaluations/frameworks/{code}/items")
    String editItem(@PathVariable String code, @RequestParam(required = false) String criterion, @RequestParam(required = false) String itemCode,
                    @RequestParam(required = false) String itemTitle, @RequestParam(required = false) String itemType,
                    @RequestParam(required = false) BigDecimal maxPoints, @RequestParam(required = false) String unit,
                    @RequestParam(required = false) BigDecimal minValue, @RequestParam(defaultValue = "false") boolean evidence,
                    @RequestParam(required = false) String note, RedirectAttributes r) {
        return structured(code, r, () -> catalog.editItem(CurrentUsers.require(), code, criterion, itemCode, itemTitle, itemType, maxPoints,
                unit, minValue, evidence, note));
    }

    @PostMapping("/evaluations/frameworks/{code}/levels")
    String editLevel(@PathVariable String code, @RequestParam(required = false) String level, @RequestParam(required = false) BigDecimal minTotal,
                     @RequestParam(defaultValue = "false") boolean known, @RequestParam(required = false) String note, RedirectAttributes r) {
        return structured(code, r, () -> catalog.editLevel(CurrentUsers.require(), code, level, minTotal, known, note));
    }

    private String structured(String code, RedirectAttributes r, Supplier<FrameworkCatalog.Versioned> edit) {
        try {
            FrameworkCatalog.Versioned saved = edit.get();
            r.addFlashAttribute("ok", messages.getMessage("evaluation.framework.saved", new Object[]{saved.framework().version()},
                    LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("formErrors", FormErrors.of(e, messages));
        }
        return "redirect:/evaluations/frameworks/" + code;
    }

    // ---------------------------------------------------------------- campaigns

    @PostMapping("/evaluations/campaigns")
    String openCampaign(@RequestParam long unitId, @RequestParam(required = false) String frameworkCode,
                        @RequestParam(required = false) Integer year, @RequestParam(required = false) String title, RedirectAttributes r) {
        try {
            CampaignService.Campaign c = campaigns.open(CurrentUsers.require(), unitId, frameworkCode, year, title, null, null, null, null);
            return "redirect:/evaluations/campaigns/" + c.id();
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
            return "redirect:/evaluations?unitId=" + unitId;
        }
    }

    @GetMapping("/evaluations/campaigns/{id}")
    String campaign(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        CampaignService.Campaign c = campaigns.require(user, id);
        model.addAttribute("c", c);
        model.addAttribute("f", catalog.byVersionId(c.frameworkVersionId()));
        model.addAttribute("lines", campaigns.computeResults(user, id));
        model.addAttribute("canEdit", units.canWrite(user, c.ownerUnitId()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "evaluations/campaign";
    }

    /** Who has submitted the campaign's dossiers, who is late (review's one board, as for plans and reports). */
    @GetMapping("/evaluations/campaigns/{id}/board")
    String campaignBoard(@PathVariable long id, Model model) {
        model.addAttribute("board", campaignBoard.board(CurrentUsers.require(), id, clock.today()));
        return "evaluations/campaign-board";
    }

    @PostMapping("/evaluations/campaigns/{id}/timetable")
    String timetable(@PathVariable long id, @RequestParam long version,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate selfFrom,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate selfTo,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dossierDue,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDue, RedirectAttributes r) {
        try {
            campaigns.updateTimetable(CurrentUsers.require(), id, selfFrom, selfTo, dossierDue, decisionDue, version);
            r.addFlashAttribute("ok", messages.getMessage("evaluation.saved", null, LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("errors", FormErrors.of(e, messages));
        }
        return "redirect:/evaluations/campaigns/" + id;
    }

    /** One decision for the campaign, with the annexed list of every subject recognised. */
    @GetMapping("/evaluations/campaigns/{id}/decision.{format}")
    void campaignDecision(@PathVariable long id, @PathVariable String format, @RequestParam(required = false) String number,
                          HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        CampaignService.Campaign c = campaigns.require(user, id);
        Framework f = catalog.byVersionId(c.frameworkVersionId());
        OfficialDocument doc = documents.decision(f, units.require(c.ownerUnitId()), c.year(), number == null ? "      /QĐ" : number,
                clock.today(), user.fullName(), campaigns.annex(user, id, true));
        write(doc, "quyet-dinh-dot-" + id, format, response);
    }

    // ---------------------------------------------------------------- families, clans, units

    @PostMapping("/evaluations/subjects")
    String register(@RequestParam(required = false) String kind, @RequestParam(required = false) String name,
                    @RequestParam(required = false) String headName, @RequestParam(required = false) Integer memberCount,
                    @RequestParam(required = false) Long hamletId, @RequestParam long unitId, RedirectAttributes r) {
        try {
            subjects.register(CurrentUsers.require(), kind, name, headName, memberCount, hamletId == null ? unitId : hamletId);
            r.addFlashAttribute("ok", messages.getMessage("evaluation.subject.saved", null, LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
        }
        return "redirect:/evaluations?unitId=" + unitId;
    }

    private String act(long id, RedirectAttributes r, Runnable action, String okKey) {
        try {
            action.run();
            r.addFlashAttribute("ok", messages.getMessage(okKey, null, LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            Map<String, String> errors = FormErrors.of(e, messages);
            r.addFlashAttribute("errors", errors);
            r.addFlashAttribute("error", String.join(" ", errors.values()));
        }
        return "redirect:/evaluations/" + id;
    }

}
