package vn.xhht.legaldoc;

import java.time.LocalDate;
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

import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

@Controller
class LegalDocumentController {

    private final LegalDocumentRegister register;
    private final MessageSource messages;
    private final VietnamClock clock;

    LegalDocumentController(LegalDocumentRegister register, MessageSource messages, VietnamClock clock) {
        this.register = register;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/legal-documents")
    String list(@RequestParam(required = false) String q, Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("documents", register.list(user, q));
        model.addAttribute("q", q);
        model.addAttribute("today", clock.today());
        model.addAttribute("canCreate", user.role() == vn.xhht.shared.Role.SYSTEM_ADMIN || user.role() == vn.xhht.shared.Role.PROVINCE_OFFICER);
        return "legal/list";
    }

    @GetMapping("/legal-documents/new")
    String newForm(Model model) {
        return form(model, null, new LegalDocumentRegister.Form(LegalDocument.Type.THONG_TU, "", "", null, "", null, null,
                LegalDocument.Certainty.VERIFIED, "", false, null), Map.of(), true);
    }

    @GetMapping("/legal-documents/{id}")
    String edit(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        LegalDocument d = register.get(user, id);
        return form(model, d, new LegalDocumentRegister.Form(d.type(), d.numberSymbol(), d.title(), d.issuedOn(), d.issuer(),
                d.effectiveFrom(), d.effectiveTo(), d.certainty(), d.notes(), d.scopeUnitId() == null, d.version()), Map.of(),
                register.canEdit(user, d));
    }

    @PostMapping({"/legal-documents/new", "/legal-documents/{id}"})
    String save(@PathVariable(required = false) Long id, @RequestParam(required = false) LegalDocument.Type type,
                @RequestParam(required = false) String numberSymbol, @RequestParam(required = false) String title,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
                @RequestParam(required = false) String issuer,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveTo,
                @RequestParam(required = false) LegalDocument.Certainty certainty, @RequestParam(required = false) String notes,
                @RequestParam(defaultValue = "false") boolean national, @RequestParam(required = false) Long version,
                Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        LegalDocumentRegister.Form f = new LegalDocumentRegister.Form(type, numberSymbol, title, issuedOn, issuer, effectiveFrom,
                effectiveTo, certainty, notes, national, version);
        try {
            long saved = id == null ? register.create(user, f) : id;
            if (id != null) {
                register.update(user, id, f);
            }
            redirect.addFlashAttribute("ok", messages.getMessage("legal.saved", new Object[]{numberSymbol}, LocaleContextHolder.getLocale()));
            return "redirect:/legal-documents/" + saved;
        } catch (InvalidInputProblem e) {
            return form(model, id == null ? null : register.get(user, id), f, FormErrors.of(e, messages), true);
        }
    }

    private String form(Model model, LegalDocument doc, LegalDocumentRegister.Form f, Map<String, String> errors, boolean editable) {
        model.addAttribute("doc", doc);
        model.addAttribute("form", f);
        model.addAttribute("errors", errors);
        model.addAttribute("editable", editable);
        model.addAttribute("types", LegalDocument.Type.values());
        model.addAttribute("certainties", LegalDocument.Certainty.values());
        model.addAttribute("canNational", CurrentUsers.find().map(u -> register.canEdit(u, null)).orElse(false));
        return "legal/form";
    }
}
