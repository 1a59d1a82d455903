package vn.xhht.identity;

import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Role;
import vn.xhht.shared.VietnamClock;
import vn.xhht.document.Downloads;

/** /admin/users: list, create, edit, disable accounts and reset passwords (system administrators only). */
@Controller
class UserAdminController {

    static final int PAGE = 50;

    private final UserService users;
    private final OrgUnitDirectory units;
    private final MessageSource messages;
    private final UserExport export;
    private final AuditTrail audit;
    private final VietnamClock clock;

    UserAdminController(UserService users, OrgUnitDirectory units, MessageSource messages, UserExport export, AuditTrail audit, VietnamClock clock) {
        this.export = export;
        this.audit = audit;
        this.users = users;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    /** The moment account locks are judged against on these pages. */
    @org.springframework.web.bind.annotation.ModelAttribute("now")
    java.time.Instant now() {
        return clock.instant();
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser admin = CurrentUsers.require();
        int p = Math.max(page, 0);
        var list = users.list(admin, q, PAGE + 1, p * PAGE);
        model.addAttribute("users", list.size() > PAGE ? list.subList(0, PAGE) : list);
        // names and e-mail addresses are personal data: every read is logged
        audit.access(AuditAction.READ, "AppUser", null, admin.unitId(),
                "Xem danh sách người dùng" + (q == null || q.isBlank() ? "" : " (tìm: " + q + ")"));
        model.addAttribute("hasNext", list.size() > PAGE);
        model.addAttribute("page", p);
        model.addAttribute("q", q);
        return "admin/users";
    }

    @GetMapping("/admin/users/export.xlsx")
    void exportUsers(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        CurrentUser admin = CurrentUsers.require();
        Downloads.attachment(response, Downloads.Format.XLSX, "nguoi-dung");
        export.write(admin, response.getOutputStream());
    }

    @GetMapping("/admin/users/new")
    String newForm(Model model) {
        model.addAttribute("form", new UserService.UserForm("", "", "", Role.COMMUNE_OFFICER, null, true, "", null));
        return form(model, null, null, Map.of());
    }

    @PostMapping("/admin/users/new")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String fullName,
                  @RequestParam(required = false) String email, @RequestParam(required = false) Role role,
                  @RequestParam(required = false) Long unitId, @RequestParam(required = false) String password,
                  Model model, RedirectAttributes redirect) {
        UserService.UserForm f = new UserService.UserForm(username, fullName, email, role, unitId, true, password, null);
        try {
            long id = users.create(CurrentUsers.require(), f);
            redirect.addFlashAttribute("ok", text("user.created", username));
            return "redirect:/admin/users/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("form", new UserService.UserForm(username, fullName, email, role, unitId, true, "", null));
            return form(model, null, null, FormErrors.of(e, messages));
        }
    }

    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable long id, Model model) {
        UserAccount a = users.get(CurrentUsers.require(), id);
        audit.access(AuditAction.READ, "AppUser", id, a.unitId(), "Xem tài khoản " + a.username());
        model.addAttribute("form", new UserService.UserForm(a.username(), a.fullName(), a.email(), a.role(), a.unitId(),
                a.enabled(), "", a.version()));
        return form(model, id, a, Map.of());
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String fullName,
                  @RequestParam(required = false) String email, @RequestParam(required = false) Role role,
                  @RequestParam(required = false) Long unitId, @RequestParam(defaultValue = "false") boolean enabled,
                  @RequestParam(required = false) Long version,
                  @RequestParam(defaultValue = "false") boolean literacyAccess, Model model, RedirectAttributes redirect) {
        CurrentUser admin = CurrentUsers.require();
        UserAccount a = users.get(admin, id);
        UserService.UserForm f = new UserService.UserForm(a.username(), fullName, email, role, unitId, enabled, null, version);
        try {
            users.update(admin, id, f);
            users.setLiteracyAccess(admin, id, literacyAccess);
            redirect.addFlashAttribute("ok", text("user.saved", a.username()));
            return "redirect:/admin/users/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("form", f);
            return form(model, id, a, FormErrors.of(e, messages));
        }
    }

    @PostMapping("/admin/users/{id}/password")
    String reset(@PathVariable long id, @RequestParam(required = false) String password, Model model,
                 RedirectAttributes redirect) {
        CurrentUser admin = CurrentUsers.require();
        UserAccount a = users.get(admin, id);
        try {
            users.resetPassword(admin, id, password);
            redirect.addFlashAttribute("ok", text("user.passwordReset", a.username()));
            return "redirect:/admin/users/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("form", new UserService.UserForm(a.username(), a.fullName(), a.email(), a.role(), a.unitId(),
                    a.enabled(), "", a.version()));
            return form(model, id, a, FormErrors.of(e, messages));
        }
    }

    private String form(Model model, Long id, UserAccount account, Map<String, String> errors) {
        UserService.UserForm f = (UserService.UserForm) model.getAttribute("form");
        model.addAttribute("userId", id);
        model.addAttribute("literacyAccess", id != null && users.literacyAccess(id));
        model.addAttribute("account", account);
        model.addAttribute("roles", Role.values());
        model.addAttribute("errors", errors);
        model.addAttribute("selectedUnit", f != null && f.unitId() != null ? units.find(f.unitId()).orElse(null) : null);
        return "admin/user-form";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
