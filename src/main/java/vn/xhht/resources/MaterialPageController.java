package vn.xhht.resources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.document.Downloads;
import vn.xhht.evidence.EvidenceFile;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;

/** The library of learning materials: search, add, edit, approve, link to an activity, download. */
@Controller
class MaterialPageController {

    private final LearningMaterials materials;
    private final MessageSource messages;

    MaterialPageController(LearningMaterials materials, MessageSource messages) {
        this.materials = materials;
        this.messages = messages;
    }

    @GetMapping("/materials")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String kind, Model model) {
        CurrentUser user = CurrentUsers.require();
        String k = kind == null || kind.isBlank() ? null : kind.strip();
        List<LearningMaterials.Material> found;
        try {
            found = materials.search(user, q, k, 200);
        } catch (InvalidInputProblem e) {
            found = materials.search(user, q, null, 200);
            k = null;
        }
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("kind", k);
        model.addAttribute("materials", found);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
            model.addAttribute("errors", Map.of());
            model.addAttribute("keptFiles", List.of());
        }
        return page(model, user);
    }

    @PostMapping("/materials")
    String create(@RequestParam Map<String, String> form, @RequestParam(required = false, name = "files") List<MultipartFile> files,
                  @RequestParam(required = false, name = "keptFile") List<Long> keptFiles, Model model, RedirectAttributes r) throws IOException {
        CurrentUser user = CurrentUsers.require();
        List<EvidenceStore.Upload> uploads = uploads(files);
        List<Long> kept = materials.pending(user, keptFiles).stream().map(EvidenceFile::id).toList();
        try {
            LearningMaterials.Material m = materials.create(user, form(form, user.unitId(), null), uploads, kept);
            r.addFlashAttribute("ok", text("material.saved", m.title()));
            return "redirect:/materials/" + m.id();
        } catch (InvalidInputProblem e) {
            keepTyped(model, user, form, e, uploads, kept);
            model.addAttribute("q", "");
            model.addAttribute("kind", null);
            model.addAttribute("materials", materials.search(user, null, null, 200));
            return page(model, user);
        }
    }

    @GetMapping("/materials/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        LearningMaterials.Material m = materials.require(user, id);
        if (!model.containsAttribute("form")) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("title", m.title());
            f.put("kind", m.kind().name());
            f.put("topic", m.topic());
            f.put("audience", m.audience());
            f.put("authorOrg", m.authorOrg());
            f.put("source", m.source());
            f.put("link", m.link());
            f.put("edition", m.edition());
            f.put("medium", m.medium() == null ? null : m.medium().name());
            f.put("copies", m.copies() == null ? null : String.valueOf(m.copies()));
            f.put("licence", m.licence());
            f.put("whoMayUse", m.whoMayUse());
            f.put("version", String.valueOf(m.version()));
            model.addAttribute("form", f);
            model.addAttribute("errors", Map.of());
            model.addAttribute("keptFiles", List.of());
        }
        return detail(model, user, m);
    }

    @PostMapping("/materials/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> form,
                  @RequestParam(required = false, name = "files") List<MultipartFile> files,
                  @RequestParam(required = false, name = "keptFile") List<Long> keptFiles, Model model, RedirectAttributes r) throws IOException {
        CurrentUser user = CurrentUsers.require();
        LearningMaterials.Material m = materials.require(user, id);
        List<EvidenceStore.Upload> uploads = uploads(files);
        List<Long> kept = materials.pending(user, keptFiles).stream().map(EvidenceFile::id).toList();
        Long version = null;
        try {
            version = form.get("version") == null || form.get("version").isBlank() ? null : Long.valueOf(form.get("version").strip());
        } catch (NumberFormatException e) {
            version = null;
        }
        try {
            LearningMaterials.Material saved = materials.update(user, id, form(form, m.unitId(), version), uploads, kept);
            r.addFlashAttribute("ok", text("material.saved", saved.title()));
            return "redirect:/materials/" + id;
        } catch (InvalidInputProblem e) {
            keepTyped(model, user, form, e, uploads, kept);
            return detail(model, user, m);
        } catch (ConcurrentEditProblem e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", Map.of());
            model.addAttribute("keptFiles", materials.pending(user, kept));
            model.addAttribute("error", text("material.concurrent"));
            return detail(model, user, materials.require(user, id));
        }
    }

    @PostMapping("/materials/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes r) {
        try {
            materials.approve(CurrentUsers.require(), id, comment);
            r.addFlashAttribute("ok", text("material.approved"));
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
        }
        return "redirect:/materials/" + id;
    }

    @PostMapping("/materials/{id}/return")
    String returnMaterial(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes r) {
        try {
            materials.returnWithComment(CurrentUsers.require(), id, comment);
            r.addFlashAttribute("ok", text("material.returned"));
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("decisionError", FormErrors.of(e, messages).values().iterator().next());
            r.addFlashAttribute("comment", comment);
        }
        return "redirect:/materials/" + id;
    }

    @PostMapping("/materials/{id}/uses")
    String link(@PathVariable long id, @RequestParam(required = false) String activityId, RedirectAttributes r) {
        try {
            Long a = activityId == null || activityId.isBlank() ? null : Long.valueOf(activityId.strip());
            materials.linkActivity(CurrentUsers.require(), id, a);
            r.addFlashAttribute("ok", text("material.linked"));
        } catch (NumberFormatException e) {
            r.addFlashAttribute("useError", text("material.activity.notYours"));
            r.addFlashAttribute("activityId", activityId);
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("useError", FormErrors.of(e, messages).values().iterator().next());
            r.addFlashAttribute("activityId", activityId);
        }
        return "redirect:/materials/" + id;
    }

    @GetMapping("/materials/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        EvidenceStore.Content c = materials.download(CurrentUsers.require(), id, fileId);
        return ResponseEntity.ok()
                .headers(Downloads.inline(MediaType.parseMediaType(c.file().contentType()).toString(), c.file().fileName()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(c.data());
    }

    private String page(Model model, CurrentUser user) {
        model.addAttribute("canCreate", materials.canKeep(user, user.unitId()));
        model.addAttribute("kinds", LearningMaterials.Kind.values());
        model.addAttribute("media", LearningMaterials.Medium.values());
        return "materials/list";
    }

    private String detail(Model model, CurrentUser user, LearningMaterials.Material m) {
        model.addAttribute("material", m);
        model.addAttribute("canEdit", materials.canKeep(user, m.unitId()));
        model.addAttribute("canDecide", materials.canDecide(user, m.id()));
        model.addAttribute("kinds", LearningMaterials.Kind.values());
        model.addAttribute("media", LearningMaterials.Medium.values());
        return "materials/material";
    }

    private void keepTyped(Model model, CurrentUser user, Map<String, String> form, InvalidInputProblem e,
                           List<EvidenceStore.Upload> uploads, List<Long> kept) {
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(e, messages));
        List<Long> pending = new ArrayList<>(kept);
        if (!errors.containsKey("files")) {
            materials.keepPending(user, user.unitId(), uploads).forEach(p -> pending.add(p.id()));
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("keptFiles", materials.pending(user, pending));
        model.addAttribute("error", text("form.fixErrors"));
    }

    private static LearningMaterials.Form form(Map<String, String> f, long unitId, Long version) {
        return new LearningMaterials.Form(unitId, f.get("title"), f.get("kind"), f.get("topic"), f.get("audience"), f.get("authorOrg"),
                f.get("source"), f.get("link"), f.get("edition"), f.get("medium"), f.get("copies"), f.get("licence"), f.get("whoMayUse"), version);
    }

    private static List<EvidenceStore.Upload> uploads(List<MultipartFile> files) throws IOException {
        List<EvidenceStore.Upload> out = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    out.add(new EvidenceStore.Upload(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        return out;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
