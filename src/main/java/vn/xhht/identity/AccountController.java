package vn.xhht.identity;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;

/** A user's own account: change password (required after an administrator reset it). */
@Controller
class AccountController {

    private final UserService users;
    private final MessageSource messages;
    private final SecurityContextRepository contexts;

    AccountController(UserService users, MessageSource messages, SecurityContextRepository contexts) {
        this.users = users;
        this.messages = messages;
        this.contexts = contexts;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("errors", Map.of());
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String newPassword,
                  @RequestParam(required = false) String confirmPassword, Model model, RedirectAttributes redirect,
                  HttpServletRequest request, HttpServletResponse response) {
        try {
            users.changeOwnPassword(CurrentUsers.require(), currentPassword, newPassword, confirmPassword);
        } catch (InvalidInputProblem e) {
            model.addAttribute("errors", FormErrors.of(e, messages));
            return "account/password";
        }
        // the session's principal no longer needs to change its password
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof XhhtPrincipal p) {
            SecurityContext ctx = SecurityContextHolder.createEmptyContext();
            ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p.withPasswordChanged(), null, auth.getAuthorities()));
            SecurityContextHolder.setContext(ctx);
            contexts.saveContext(ctx, request, response);
        }
        redirect.addFlashAttribute("ok", messages.getMessage("password.changed", null, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return "redirect:/";
    }
}
