package vn.xhht.identity;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Two filter chains: /api/** (HTTP Basic or the browser session; answers 401/403 as problem+json) and the web
 * pages (form login). CSRF protects every browser form; a scripted client sending its own Authorization
 * header cannot be forged cross-site, so CSRF is not asked of it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    static final String[] PUBLIC = {"/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
            "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
            "/public", "/public/**", "/sitemap.xml"};

    @Bean
    PasswordEncoder passwordEncoder() {
        String id = "argon2";
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(id, Map.of(
                id, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
        return encoder;
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
        http.securityMatcher("/api/**");
        securityHeaders(http);
        http
                .authorizeHttpRequests(a -> a.requestMatchers(vn.xhht.shared.PublicApi.PUBLIC).permitAll()
                        // working-day arithmetic holds no personal data; other systems may use it without an account
                        .requestMatchers(org.springframework.http.HttpMethod.GET, vn.xhht.shared.PublicApi.WORKING_DAYS).permitAll()
                        // the API guide page is for anyone about to write a client
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> problem(res, HttpStatus.UNAUTHORIZED,
                        "Cần đăng nhập (phiên đăng nhập hoặc HTTP Basic).", true)))
                .securityContext(s -> s.securityContextRepository(contexts))
                // the public API (residents, no login) carries no session to forge; a scripted client with its own
                // Authorization header cannot be forged cross-site either
                .csrf(c -> c.ignoringRequestMatchers(new RequestHeaderRequestMatcher("Authorization"))
                        .ignoringRequestMatchers(vn.xhht.shared.PublicApi.PUBLIC))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(res, HttpStatus.UNAUTHORIZED,
                                "Cần đăng nhập (phiên đăng nhập hoặc HTTP Basic).", true))
                        // also reached by a POST without CSRF token: anonymous callers get 401, signed-in ones 403
                        .accessDeniedHandler((req, res, ex) -> {
                            var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
                            if (auth == null || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
                                problem(res, HttpStatus.UNAUTHORIZED, "Cần đăng nhập (phiên đăng nhập hoặc HTTP Basic).", true);
                            } else {
                                problem(res, HttpStatus.FORBIDDEN, "Bạn không có quyền thực hiện thao tác này.", false);
                            }
                        }));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
        securityHeaders(http);
        http.authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        // the home is the public portal for a visitor without an account (HomeController decides)
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/").permitAll()
                        .requestMatchers("/admin/**").hasRole("SYSTEM_ADMIN")
                        .anyRequest().authenticated())
                .securityContext(s -> s.securityContextRepository(contexts))
                // an error page rendered for a failed POST (e.g. an upload over the limit) must not re-read the body
                .csrf(c -> c.ignoringRequestMatchers(request -> request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR))
                .formLogin(f -> f.loginPage("/login").permitAll().defaultSuccessUrl("/", false).failureHandler(failureHandler()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }

    /**
     * Scripts only from the app itself (htmx and static/js; templates carry no inline script or on* handler), so an
     * injected tag cannot run. Inline styles stay allowed: templates use style attributes for widths and bars, and
     * htmx inserts its indicator style; styles cannot run code. Referrer limited so that ids in our URLs do not
     * leak to other sites; device features the app never uses are switched off.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    private static void securityHeaders(HttpSecurity http) throws Exception {
        http.headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                        .ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new org.springframework.security.web.header.writers.StaticHeadersWriter(
                        "Permissions-Policy", PERMISSIONS_POLICY)));
    }

    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String reason = exception instanceof LockedException ? "locked"
                    : exception instanceof DisabledException ? "disabled" : "bad";
            String username = request.getParameter("username");
            String u = username == null ? "" : java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8);
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason + "&username=" + u);
        };
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse res, HttpStatus status, String detail, boolean basic)
            throws java.io.IOException {
        res.setStatus(status.value());
        if (basic) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"XHHT\", charset=\"UTF-8\"");
        }
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
