package vn.xhht.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

import vn.xhht.evidence.EvidenceStore;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;

/** The office's own publishing pages: write, submit, approve (the head), withdraw, and see every version. */
@Controller
class NewsController {

    private final Publishing publishing;
    private final MessageSource messages;

    NewsController(Publishing publishing, MessageSource messages) {
        this.publishing = publishing;
        this.messages = messages;
    }

    @GetMapping("/news")
    String list(@RequestParam(required = false) Long unitId, Model model) {
        CurrentUser user = CurrentUsers.require();
        return listPage(model, user, unitId == null ? user.unitId() : unitId, null, Map.of());
    }

    @PostMapping("/news")
    String create(@RequestParam long unitId, @RequestParam(required = false) String kind, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String summary, @RequestParam(required = false) String body,
                  @RequestParam(required = false) String subjectUnit, @RequestParam(required = false) String subjectYear,
                  @RequestParam(required = false, name = "photos") List<MultipartFile> photos,
                  @RequestParam(required = false, name = "keptPhoto") List<Long> keptPhotos, Model model, RedirectAttributes r) {
        CurrentUser user = CurrentUsers.require();
        Publishing.Draft d = new Publishing.Draft(kind, title, summary, body, subjectUnit, null);
        try {
            d = new Publishing.Draft(kind, title, summary, body, subjectUnit, year(subjectYear));
            Publishing.Item item = publishing.create(user, unitId, d, uploads(photos), kept(keptPhotos));
            r.addFlashAttribute("ok", text("publishing.saved"));
            return "redirect:/news/" + item.id();
        } catch (InvalidInputProblem e) {
            model.addAttribute("yearText", subjectYear);
            keepPhotos(model, user, unitId, photos, keptPhotos);
            return listPage(model, user, unitId, d, FormErrors.of(e, messages));
        }
    }

    @GetMapping("/news/{id}")
    String item(@PathVariable long id, Model model) {
        return itemPage(model, CurrentUsers.require(), id, null, Map.of());
    }

    @PostMapping("/news/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String kind, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String summary, @RequestParam(required = false) String body,
                  @RequestParam(required = false) String subjectUnit, @RequestParam(required = false) String subjectYear,
                  @RequestParam(required = false, name = "photos") List<MultipartFile> photos,
                  @RequestParam(required = false, name = "keptPhoto") List<Long> keptPhotos, @RequestParam(required = false) Integer version,
                  Model model, RedirectAttributes r) {
        CurrentUser user = CurrentUsers.require();
        Publishing.Draft d = new Publishing.Draft(kind, title, summary, body, subjectUnit, null);
        // a refused save shows the form again with the version the editor opened, so a later save is checked against it too
        model.addAttribute("formVersion", version);
        try {
            d = new Publishing.Draft(kind, title, summary, body, subjectUnit, year(subjectYear));
            publishing.update(user, id, d, uploads(photos), kept(keptPhotos), version);
            r.addFlashAttribute("ok", text("publishing.saved"));
            return "redirect:/news/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("yearText", subjectYear);
            keepPhotos(model, user, publishing.require(user, id).unitId(), photos, keptPhotos);
            return itemPage(model, user, id, d, FormErrors.of(e, messages));
        } catch (ConcurrentEditProblem e) {
            model.addAttribute("yearText", subjectYear);
            keepPhotos(model, user, publishing.require(user, id).unitId(), photos, keptPhotos);
            return itemPage(model, user, id, d, Map.of("version", text("w16.publishing.concurrentEdit")));
        }
    }

    @PostMapping("/news/{id}/republish")
    String republish(@PathVariable long id, @RequestParam(required = false) String note, Model model, RedirectAttributes r) {
        return act(id, model, r, "w16.publishing.republished", () -> publishing.republish(CurrentUsers.require(), id, note));
    }

    @PostMapping("/news/{id}/submit")
    String submit(@PathVariable long id, Model model, RedirectAttributes r) {
        return act(id, model, r, "publishing.submitted", () -> publishing.submit(CurrentUsers.require(), id));
    }

    @PostMapping("/news/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String comment, Model model, RedirectAttributes r) {
        return act(id, model, r, "publishing.published", () -> publishing.approve(CurrentUsers.require(), id, comment));
    }

    @PostMapping("/news/{id}/return")
    String sendBack(@PathVariable long id, @RequestParam(required = false) String comment, Model model, RedirectAttributes r) {
        return act(id, model, r, "publishing.returned", () -> publishing.sendBack(CurrentUsers.require(), id, comment));
    }

    @PostMapping("/news/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, Model model, RedirectAttributes r) {
        return act(id, model, r, "publishing.withdrawn", () -> publishing.withdraw(CurrentUsers.require(), id, reason));
    }

    private String act(long id, Model model, RedirectAttributes r, String okKey, Runnable action) {
        try {
            action.run();
            r.addFlashAttribute("ok", text(okKey));
            return "redirect:/news/" + id;
        } catch (InvalidInputProblem e) {
            return itemPage(model, CurrentUsers.require(), id, null, FormErrors.of(e, messages));
        }
    }

    private static List<Long> kept(List<Long> ids) {
        return ids == null ? List.of() : ids;
    }

    /** Photos chosen before a refusal stay chosen (kept pending), with those kept on an earlier try. */
    private void keepPhotos(Model model, CurrentUser user, long unitId, List<MultipartFile> photos, List<Long> keptBefore) {
        List<Long> ids = new ArrayList<>(kept(keptBefore));
        publishing.keepPhotos(user, unitId, uploads(photos)).forEach(f -> ids.add(f.id()));
        model.addAttribute("keptPhotos", publishing.pendingPhotos(user, ids));
    }

    private String listPage(Model model, CurrentUser user, long unitId, Publishing.Draft form, Map<String, String> errors) {
        model.addAttribute("items", publishing.ofUnit(user, unitId, 200));
        model.addAttribute("unitId", unitId);
        model.addAttribute("canWrite", publishing.canWrite(user, unitId));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", Publishing.Kind.values());
        return "news/list";
    }

    private String itemPage(Model model, CurrentUser user, long id, Publishing.Draft form, Map<String, String> errors) {
        Publishing.Item item = publishing.require(user, id);
        boolean canWrite = publishing.canWrite(user, item.unitId());
        model.addAttribute("item", item);
        model.addAttribute("review", publishing.review(id));
        model.addAttribute("versions", publishing.versions(user, id));
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("editable", canWrite && publishing.review(id).editable() && "DRAFT".equals(item.status()));
        model.addAttribute("canApprove", publishing.canApprove(user, id));
        model.addAttribute("form", form != null ? form
                : new Publishing.Draft(item.kind(), item.title(), item.summary(), item.body(), item.subjectUnit(), item.subjectYear()));
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", Publishing.Kind.values());
        if (!model.containsAttribute("formVersion")) {
            model.addAttribute("formVersion", item.version());
        }
        return "news/item";
    }

    private static Integer year(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputProblem("subjectYear", "publishing.year.invalid");
        }
    }

    private static List<EvidenceStore.Upload> uploads(List<MultipartFile> files) {
        List<EvidenceStore.Upload> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (MultipartFile f : files) {
            if (f != null && !f.isEmpty()) {
                try {
                    out.add(new EvidenceStore.Upload(f.getOriginalFilename(), f.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
