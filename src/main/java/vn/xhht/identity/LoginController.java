package vn.xhht.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.xhht.shared.CurrentUsers;

@Controller
class LoginController {

    private final DemoMode demoMode;

    LoginController(DemoMode demoMode) {
        this.demoMode = demoMode;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String username, Model model) {
        if (CurrentUsers.find().isPresent() && error == null) {
            return "redirect:/";
        }
        model.addAttribute("error", error);
        model.addAttribute("username", username);
        model.addAttribute("demo", demoMode.enabled());
        return "login";
    }
}
