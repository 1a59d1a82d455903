package vn.xhht.outreach;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.centre.Campaigns;
import vn.xhht.document.Downloads;
import vn.xhht.document.XlsxExport;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/** The communication plan of an office for a year: the list with a form for a new item, one item, marking it, the .xlsx. */
@Controller
class CommunicationPlanPageController {

    private final CommunicationPlans plans;
    private final Campaigns campaigns;
    private final vn.xhht.evaluation.EvaluationCampaigns evalCampaigns;
    private final OrgUnitDirectory units;
    private final XlsxExport xlsx;
    private final MessageSource messages;
    private final VietnamClock clock;

    CommunicationPlanPageController(CommunicationPlans plans, Campaigns campaigns, OrgUnitDirectory units, XlsxExport xlsx,
                                    MessageSource messages, VietnamClock clock, vn.xhht.evaluation.EvaluationCampaigns evalCampaigns) {
        this.evalCampaigns = evalCampaigns;
        this.plans = plans;
        this.campaigns = campaigns;
        this.units = units;
        this.xlsx = xlsx;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/outreach/communication")
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long unitId, Model model) {
        CurrentUser user = CurrentUsers.require();
        return listPage(model, user, year == null ? clock.year() : year, unitId == null ? user.unitId() : unitId, Map.of(), Map.of());
    }

    @PostMapping("/outreach/communication")
    String create(@RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Long unitId = user.unitId();
        Integer year = null;
        try {
            unitId = Typed.id("unitId", p.get("unitId")) == null ? user.unitId() : Typed.id("unitId", p.get("unitId"));
            year = Typed.integer("year", p.get("year"));
            long id = plans.create(user, form(p, unitId, year, null));
            redirect.addFlashAttribute("ok", text("outreach.comm.saved"));
            return "redirect:/outreach/communication?year=" + year + "&unitId=" + unitId + "#item-" + id;
        } catch (InvalidInputProblem e) {
            return listPage(model, user, year == null ? clock.year() : year, unitId, p, FormErrors.of(e, messages));
        }
    }

    @GetMapping("/outreach/communication/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        return itemPage(model, user, plans.get(user, id), Map.of(), Map.of(), "");
    }

    @PostMapping("/outreach/communication/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        CommunicationPlans.Item i = plans.get(user, id);
        try {
            plans.update(user, id, form(p, i.unitId(), Typed.integer("year", p.get("year")), Typed.id("version", p.get("version"))));
            redirect.addFlashAttribute("ok", text("outreach.comm.saved"));
            return "redirect:/outreach/communication/" + id;
        } catch (InvalidInputProblem e) {
            return itemPage(model, user, i, p, FormErrors.of(e, messages), "edit");
        }
    }

    @PostMapping("/outreach/communication/{id}/mark")
    String mark(@PathVariable long id, @RequestParam Map<String, String> p,
                @RequestParam(required = false, name = "files") List<MultipartFile> files,
                @RequestParam(required = false, name = "keptFile") List<Long> keptFiles, Model model, RedirectAttributes redirect) throws IOException {
        CurrentUser user = CurrentUsers.require();
        CommunicationPlans.Item i = plans.get(user, id);
        List<EvidenceStore.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    uploads.add(new EvidenceStore.Upload(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        try {
            String done = p.get("done");
            Boolean d = "true".equals(done) ? Boolean.TRUE : "false".equals(done) ? Boolean.FALSE : null;
            plans.mark(user, id, new CommunicationPlans.Mark(d, InputRules.date("markedOn", p.get("markedOn")), p.get("note"),
                    Typed.id("version", p.get("version"))), uploads, keptFiles == null ? List.of() : keptFiles);
            redirect.addFlashAttribute("ok", text("outreach.comm.marked"));
            return "redirect:/outreach/communication/" + id;
        } catch (InvalidInputProblem e) {
            // the files chosen stay chosen (kept pending), with those kept on an earlier try
            List<Long> kept = new ArrayList<>(keptFiles == null ? List.of() : keptFiles);
            plans.keepFiles(user, i.unitId(), uploads).forEach(f -> kept.add(f.id()));
            model.addAttribute("keptFiles", plans.pendingFiles(user, kept));
            return itemPage(model, user, i, p, FormErrors.of(e, messages), "mark");
        }
    }

    @GetMapping("/outreach/communication.xlsx")
    void export(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long unitId, HttpServletResponse response)
            throws IOException {
        CurrentUser user = CurrentUsers.require();
        int y = year == null ? clock.year() : year;
        long unit = unitId == null ? user.unitId() : unitId;
        List<CommunicationPlans.Item> items = plans.list(user, unit, y);
        String unitName = units.require(unit).name();
        Downloads.attachment(response, Downloads.Format.XLSX, text("outreach.comm.file", y));
        xlsx.write(response.getOutputStream(), text("outreach.comm.sheet"), text("outreach.comm.exportTitle", unitName, y), List.of(
                        new XlsxExport.Column(text("outreach.comm.plannedOn"), XlsxExport.ColumnType.DATE, 12),
                        new XlsxExport.Column(text("outreach.comm.channel"), XlsxExport.ColumnType.TEXT, 26),
                        new XlsxExport.Column(text("outreach.comm.topic"), XlsxExport.ColumnType.TEXT, 50),
                        new XlsxExport.Column(text("outreach.comm.responsible"), XlsxExport.ColumnType.TEXT, 30),
                        new XlsxExport.Column(text("outreach.comm.campaign"), XlsxExport.ColumnType.TEXT, 30),
                        new XlsxExport.Column(text("outreach.comm.status"), XlsxExport.ColumnType.TEXT, 16),
                        new XlsxExport.Column(text("outreach.comm.markedOn"), XlsxExport.ColumnType.DATE, 12),
                        new XlsxExport.Column(text("outreach.comm.note"), XlsxExport.ColumnType.TEXT, 40)),
                sink -> items.forEach(i -> sink.row(i.plannedOn(), i.channelName(), i.topic(), i.responsibleUnit(), i.campaignName(),
                        text(i.done() == null ? "outreach.comm.status.open" : i.done() ? "outreach.comm.status.done" : "outreach.comm.status.notDone"),
                        i.markedOn(), i.outcomeNote())));
    }

    private CommunicationPlans.Form form(Map<String, String> p, Long unitId, Integer year, Long version) {
        return new CommunicationPlans.Form(unitId, year, p.get("channelCode"), p.get("topic"), InputRules.date("plannedOn", p.get("plannedOn")),
                p.get("responsibleUnit"), Typed.id("campaignId", p.get("campaignId")), Typed.id("evalCampaignId", p.get("evalCampaignId")), version);
    }

    private String listPage(Model model, CurrentUser user, int year, long unitId, Map<String, String> typed, Map<String, String> errors) {
        List<CommunicationPlans.Item> items = plans.list(user, unitId, year);
        model.addAttribute("year", year);
        model.addAttribute("unit", units.require(unitId));
        model.addAttribute("items", items);
        model.addAttribute("done", items.stream().filter(i -> Boolean.TRUE.equals(i.done())).count());
        model.addAttribute("notDone", items.stream().filter(i -> Boolean.FALSE.equals(i.done())).count());
        model.addAttribute("canEdit", units.canWrite(user, unitId));
        model.addAttribute("channels", plans.channels());
        model.addAttribute("campaigns", campaigns.all());
        model.addAttribute("evalCampaigns", evalCampaigns.visibleTo(user));
        model.addAttribute("t", typed);
        model.addAttribute("errors", errors);
        return "outreach/communication";
    }

    private String itemPage(Model model, CurrentUser user, CommunicationPlans.Item i, Map<String, String> typed, Map<String, String> errors,
                            String failed) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("year", String.valueOf(i.year()));
        t.put("channelCode", i.channelCode());
        t.put("topic", i.topic());
        t.put("plannedOn", String.valueOf(i.plannedOn()));
        t.put("responsibleUnit", i.responsibleUnit());
        t.put("campaignId", i.campaignId() == null ? "" : String.valueOf(i.campaignId()));
        t.put("evalCampaignId", i.evalCampaignId() == null ? "" : String.valueOf(i.evalCampaignId()));
        t.put("done", i.done() == null ? "" : String.valueOf(i.done()));
        t.put("markedOn", i.markedOn() == null ? clock.today().toString() : i.markedOn().toString());
        t.put("note", Typed.nz(i.outcomeNote()));
        t.putAll(typed);
        model.addAttribute("i", i);
        model.addAttribute("canEdit", plans.canEdit(user, i));
        model.addAttribute("files", plans.evidence(i.id()));
        model.addAttribute("channels", plans.channels());
        model.addAttribute("campaigns", campaigns.all());
        model.addAttribute("evalCampaigns", evalCampaigns.visibleTo(user));
        model.addAttribute("t", t);
        model.addAttribute("errors", errors);
        model.addAttribute("failed", failed);
        return "outreach/communication-item";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
