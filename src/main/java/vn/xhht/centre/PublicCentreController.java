package vn.xhht.centre;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import vn.xhht.document.Downloads;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.InvalidInputProblem;

/**
 * Pages for residents, without login: find the centre of one's commune, see its upcoming activities (the public
 * schedule board, R6) and register what one wants to learn (R12). Shows only public information.
 */
@Controller
class PublicCentreController {

    private final PublicCentres centres;
    private final LearningNeeds needs;
    private final ReferenceLists lists;
    private final MessageSource messages;
    private final EvidenceStore evidence;

    PublicCentreController(PublicCentres centres, LearningNeeds needs, ReferenceLists lists, MessageSource messages, EvidenceStore evidence) {
        this.evidence = evidence;
        this.centres = centres;
        this.needs = needs;
        this.lists = lists;
        this.messages = messages;
    }

    @GetMapping("/public/centres")
    String find(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("centres", centres.find(q));
        return "public/find";
    }

    /** An activity photo without login: thumbnail (at most 320 px wide) unless {@code full}; cached a day. */
    @GetMapping("/public/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @RequestParam(required = false) String size) {
        EvidenceStore.Content c = evidence.image(ActivityService.EVIDENCE_OWNER, id)
                .orElseThrow(() -> new vn.xhht.shared.NotFoundProblem("evidence.notFound", id));
        EvidenceStore.Content out = "full".equals(size) ? c : evidence.thumbnail(c, 320);
        return ResponseEntity.ok().headers(Downloads.inline(out.file().contentType(), out.file().fileName()))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic()).body(out.data());
    }

    @GetMapping("/public/centres/{id}/needs")
    String needForm(@PathVariable long id, Model model) {
        return needPage(model, centres.require(id), Map.of(), null);
    }

    @PostMapping("/public/centres/{id}/needs")
    String submitNeed(@PathVariable long id, @RequestParam(required = false) String topic, @RequestParam(required = false) String detail,
                      @RequestParam(required = false) String ageGroup, @RequestParam(required = false) String sex,
                      @RequestParam(required = false) Long hamletId, @RequestParam(required = false) String phone,
                      HttpServletRequest request, Model model) {
        PublicCentres.PublicCentre c = centres.require(id);
        LearningNeeds.Need need = new LearningNeeds.Need(id, topic, detail, ageGroup, sex, hamletId, phone, null);
        try {
            needs.submitPublic(PublicCentres.clientKey(request), need);
            model.addAttribute("thanks", true);
            return needPage(model, c, Map.of(), null);
        } catch (InvalidInputProblem e) {
            return needPage(model, c, FormErrors.of(e, messages), need);
        }
    }

    private String needPage(Model model, PublicCentres.PublicCentre c, Map<String, String> errors, LearningNeeds.Need form) {
        model.addAttribute("centre", c);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("topics", lists.topics(LocaleContextHolder.getLocale()));
        model.addAttribute("ageGroups", LearningNeeds.AgeGroup.values());
        model.addAttribute("hamlets", centres.hamlets(c.id()));
        return "public/needs";
    }
}
