package vn.xhht.identity;

import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.shared.Role;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Proxies, login throttling, the forced password change, sessions after a password change, security headers. */
@XhhtIntegrationTest
class TrustTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    vn.xhht.audit.AuditTrail audit;

    String createUser(String password, boolean mustChange) {
        String username = "tr" + UUID.randomUUID().toString().substring(0, 8);
        accounts.insert(username, "Người dùng thử " + username, null, encoder.encode(password), Role.COMMUNE_OFFICER,
                TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01"), mustChange, false);
        return username;
    }

    @Test
    void aForgedForwardedForFromAnUntrustedClientIsIgnored() {
        String name = "spoof" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> r = Http.basic(port, name, "sai-mat-khau").send(Http.basic(port, name, "sai-mat-khau")
                .request("/api/v1/topics").header("X-Forwarded-For", "203.0.113.77").GET().build());
        assertThat(r.statusCode()).isEqualTo(401);
        List<String> addresses = jdbc.sql("select remote_addr from audit_event where actor = :u and action = 'LOGIN_FAILED'")
                .param("u", name).query(String.class).list();
        assertThat(addresses).hasSize(1);
        assertThat(addresses.get(0)).isNotEqualTo("203.0.113.77").matches("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1");
    }

    @Test
    void trustedProxiesAreWalkedFromTheRight() {
        var none = new vn.xhht.platform.ClientAddress("");
        assertThat(none.resolve("10.0.0.5", List.of("203.0.113.9"))).isEqualTo("10.0.0.5");
        var proxies = new vn.xhht.platform.ClientAddress("10.0.0.0/8, 192.0.2.10");
        // the client wrote 198.51.100.1 itself; the proxy appended the address it saw
        assertThat(proxies.resolve("10.0.0.5", List.of("198.51.100.1, 203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxies.resolve("10.0.0.5", List.of("203.0.113.9, 192.0.2.10"))).isEqualTo("203.0.113.9");
        assertThat(proxies.resolve("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
        assertThat(proxies.resolve("10.0.0.5", List.of("not-an-address"))).isEqualTo("10.0.0.5");
        assertThat(proxies.resolve("198.51.100.3", List.of("203.0.113.9"))).isEqualTo("198.51.100.3");
    }

    @Test
    void wrongPasswordsFromOneAddressDoNotLockTheOwnerOutElsewhere() {
        String user = createUser("Mat-khau-dung-1", false);
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(user, "198.51.100.7");
        }
        assertThat(throttle.blocked(user, "198.51.100.7")).isTrue();
        assertThat(throttle.blocked(user, "198.51.100.8")).isFalse();
        // the owner, signing in from this machine, is not affected
        assertThat(Http.session(port, new CookieManager()).login(user, "Mat-khau-dung-1")).endsWith("/");
    }

    @Test
    void oneAddressCannotSprayGuessesOverManyNames() {
        // the tests raise the per-address limit (they all sign in from one address); here it is the default, 30
        LoginThrottle defaults = new LoginThrottle(jdbc, accounts, audit, 5, 15, 30);
        String address = "198.51.100." + (10 + (int) (Math.random() * 200));
        for (int i = 0; i < 29; i++) {
            defaults.recordFailure("ten-" + i + "-" + UUID.randomUUID(), address);
        }
        assertThat(defaults.blocked("xa.canyen", address)).isFalse();
        defaults.recordFailure("ten-cuoi-" + UUID.randomUUID(), address);
        assertThat(defaults.blocked("xa.canyen", address)).isTrue();
        assertThat(defaults.blocked("xa.canyen", "198.51.100.250")).isFalse();
    }

    @Test
    void anUnknownNameAndAnExistingOneGetTheSameAnswers() {
        String known = createUser("Mat-khau-dung-2", false);
        String unknown = "khongco" + UUID.randomUUID().toString().substring(0, 6);
        for (String name : List.of(known, unknown)) {
            Http browser = Http.session(port, new CookieManager());
            for (int i = 0; i < 5; i++) {
                assertThat(browser.login(name, "sai-mat-khau-" + i)).as(name).contains("/login?error=bad");
            }
            assertThat(browser.login(name, "sai-mat-khau-x")).as(name).contains("/login?error=locked");
            HttpResponse<String> basic = Http.basic(port, name, "sai-mat-khau-y").get("/api/v1/topics");
            assertThat(basic.statusCode()).as(name).isEqualTo(401);
        }
    }

    @Test
    void theApiRefusesAnAccountThatMustChangeItsPassword() {
        String user = createUser("Tam-thoi-2026-x", true);
        HttpResponse<String> r = Http.basic(port, user, "Tam-thoi-2026-x").get("/api/v1/literacy/persons?size=2");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("Cần đổi mật khẩu");
        jdbc.sql("update app_user set must_change_password = false where username = :u").param("u", user).update();
        assertThat(Http.basic(port, user, "Tam-thoi-2026-x").get("/api/v1/topics").statusCode()).isEqualTo(200);
    }

    @Test
    void changingThePasswordEndsTheAccountsOtherSessions() {
        String user = createUser("Mat-khau-cu-2026", false);
        Http first = Http.session(port, new CookieManager());
        Http second = Http.session(port, new CookieManager());
        assertThat(first.login(user, "Mat-khau-cu-2026")).endsWith("/");
        assertThat(second.login(user, "Mat-khau-cu-2026")).endsWith("/");
        assertThat(first.get("/").statusCode()).isEqualTo(200);

        String token = second.csrfToken("/account/password");
        HttpResponse<String> changed = second.postForm("/account/password", Map.of("_csrf", token,
                "currentPassword", "Mat-khau-cu-2026", "newPassword", "Mat-khau-moi-2026", "confirmPassword", "Mat-khau-moi-2026"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(second.get("/").statusCode()).isEqualTo(200);
        // "/" is the public portal for a visitor without a session (issue 16): an ended session shows on a signed-in page
        HttpResponse<String> old = first.get("/units");
        assertThat(old.statusCode()).isEqualTo(302);
        assertThat(old.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void anAdministratorsResetEndsEverySessionOfTheAccount() {
        String user = createUser("Mat-khau-cu-2027", false);
        long id = jdbc.sql("select id from app_user where username = :u").param("u", user).query(Long.class).single();
        Http session = Http.session(port, new CookieManager());
        assertThat(session.login(user, "Mat-khau-cu-2027")).endsWith("/");
        Http admin = Http.session(port, new CookieManager());
        admin.login("admin", "xhht-demo");
        String token = admin.csrfToken("/admin/users/" + id);
        HttpResponse<String> reset = admin.postForm("/admin/users/" + id + "/password", Map.of("_csrf", token, "password", "Dat-lai-2026-x"));
        assertThat(reset.statusCode()).isEqualTo(302);
        assertThat(session.get("/units").statusCode()).isEqualTo(302);
    }

    @Autowired
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

    @Test
    void aNodeStartedWithoutTheDemoFlagKeepsTheDemoAccountsOfADemoDatabase() {
        assertThat(jdbc.sql("select value from app_setting where key = 'demo_mode'").query(String.class).single()).isEqualTo("true");
        try (var node = new org.springframework.boot.builder.SpringApplicationBuilder(vn.xhht.XhhtApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--xhht.login.cleanup-cron=-", "--xhht.backup.cron=-", "--spring.main.banner-mode=off")) {
            int nodePort = ((org.springframework.boot.web.server.context.WebServerApplicationContext) node).getWebServer().getPort();
            assertThat(Http.basic(nodePort, "xa.canyen", "xhht-demo").get("/api/v1/topics").statusCode()).isEqualTo(200);
        }
        assertThat(jdbc.sql("select count(*) from app_user where demo").query(Long.class).single()).isEqualTo(5L);
        assertThat(Http.basic(port, "xa.canyen", "xhht-demo").get("/api/v1/topics").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesAndTheApiCarryTheSecurityHeaders() {
        for (HttpResponse<String> r : List.of(Http.anonymous(port).get("/login"),
                Http.basic(port, "xa.canyen", "xhht-demo").get("/api/v1/topics"))) {
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("default-src 'self'", "script-src 'self';", "img-src 'self' data:").doesNotContain("script-src 'self' 'unsafe-inline'");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(r.headers().firstValue("Permissions-Policy").orElse("")).contains("camera=()", "microphone=()", "geolocation=()");
        }
    }

    @Test
    void noTemplateHasAnInlineScriptOrEventHandler() throws Exception {
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/templates"))) {
            for (var f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = java.nio.file.Files.readString(f);
                assertThat(html).as(f.toString()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                        .doesNotContainPattern("\\son[a-z]+=\"").doesNotContain("javascript:");
            }
        }
    }
}
