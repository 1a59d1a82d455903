package vn.xhht.centre;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.platform.FormErrors;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;

/** /centres/{id}/public-info: opening hours and each club's "how to join", as residents read them on the public page. */
@Controller
class CentrePublicInfoController {

    private final CentrePublicInfo info;
    private final MessageSource messages;

    CentrePublicInfoController(CentrePublicInfo info, MessageSource messages) {
        this.info = info;
        this.messages = messages;
    }

    @GetMapping("/centres/{id}/public-info")
    String show(@PathVariable long id, Model model) {
        CentrePublicInfo.Page page = info.load(CurrentUsers.require(), id);
        Map<Long, String> joins = new LinkedHashMap<>();
        page.clubs().forEach(k -> joins.put(k.id(), k.howToJoin()));
        return form(model, page, new CentrePublicInfo.Form(page.openingHours(), joins, page.centre().version()), Map.of());
    }

    @PostMapping("/centres/{id}/public-info")
    String save(@PathVariable long id, @RequestParam(required = false) String openingHours, @RequestParam(required = false) Long version,
                @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        Map<Long, String> joins = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(CentrePublicInfo.HOW_TO_JOIN_FIELD)) {
                joins.put(clubId(name), values.isEmpty() ? null : values.get(0));
            }
        });
        CentrePublicInfo.Form f = new CentrePublicInfo.Form(openingHours, joins, version);
        try {
            info.save(user, id, f);
            redirect.addFlashAttribute("ok", messages.getMessage("w16.publicInfo.saved", null, LocaleContextHolder.getLocale()));
            return "redirect:/centres/" + id + "/public-info";
        } catch (InvalidInputProblem e) {
            return form(model, info.load(user, id), f, FormErrors.of(e, messages));
        } catch (ConcurrentEditProblem e) {
            // what the user typed stays on screen; the message says to reload and compare
            return form(model, info.load(user, id), f,
                    Map.of("version", messages.getMessage("error.concurrentEdit", null, LocaleContextHolder.getLocale())));
        }
    }

    /** A field name that does not end in a number names no club: -1, which the service refuses as unknown. */
    private static long clubId(String field) {
        try {
            return Long.parseLong(field.substring(CentrePublicInfo.HOW_TO_JOIN_FIELD.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String form(Model model, CentrePublicInfo.Page page, CentrePublicInfo.Form f, Map<String, String> errors) {
        model.addAttribute("page", page);
        model.addAttribute("centre", page.centre());
        model.addAttribute("form", f);
        model.addAttribute("errors", errors);
        return "centres/public-info";
    }
}
