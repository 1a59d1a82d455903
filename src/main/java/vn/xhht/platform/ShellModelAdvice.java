package vn.xhht.platform;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;

/** Puts the signed-in user and its navigation into every page's model (the layout needs them). */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice {
    private final Navigation navigation;

    ShellModelAdvice(Navigation navigation) {
        this.navigation = navigation;
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return CurrentUsers.find().orElse(null);
    }

    @ModelAttribute("nav")
    List<NavItem> nav() {
        return CurrentUsers.find().map(navigation::forUser).orElse(List.of());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
