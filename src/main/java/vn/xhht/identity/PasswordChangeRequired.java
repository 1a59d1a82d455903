package vn.xhht.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** A user whose password was set by an administrator must choose its own before using the pages. */
@Configuration(proxyBeanMethods = false)
class PasswordChangeRequired implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth != null && auth.getPrincipal() instanceof XhhtPrincipal p && p.mustChangePassword()) {
                    response.sendRedirect(request.getContextPath() + "/account/password");
                    return false;
                }
                return true;
            }
        }).excludePathPatterns("/account/password", "/logout", "/login", "/css/**", "/js/**", "/webjars/**", "/error", "/api/**");
    }
}
