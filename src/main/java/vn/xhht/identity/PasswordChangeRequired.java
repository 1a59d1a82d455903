package vn.xhht.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A user whose password was set by an administrator (or the first administrator, from XHHT_ADMIN_PASSWORD) must
 * choose its own before using anything: pages redirect to the change form, the API answers 403 problem+json
 * (otherwise a password known to the administrator would keep working over HTTP Basic).
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeRequired implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth != null && auth.getPrincipal() instanceof XhhtPrincipal p && p.mustChangePassword()) {
                    if (request.getServletPath().startsWith("/api/")) {
                        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                        response.setContentType("application/problem+json");
                        response.setCharacterEncoding("UTF-8");
                        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                                + "\"detail\":\"Cần đổi mật khẩu trước khi dùng hệ thống: mật khẩu hiện tại do quản trị viên đặt. "
                                + "Hãy đăng nhập trên trang web và đổi mật khẩu tại /account/password.\"}");
                        return false;
                    }
                    response.sendRedirect(request.getContextPath() + "/account/password");
                    return false;
                }
                return true;
            }
        }).excludePathPatterns("/account/password", "/logout", "/login", "/css/**", "/js/**", "/webjars/**", "/error");
    }
}
