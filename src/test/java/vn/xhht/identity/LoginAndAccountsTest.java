package vn.xhht.identity;

import java.net.CookieManager;
import java.net.http.HttpResponse;
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

@XhhtIntegrationTest
class LoginAndAccountsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    String createUser(Role role, String unitCode, int level, String date, String password) {
        String username = "t" + UUID.randomUUID().toString().substring(0, 8);
        accounts.insert(username, "Người dùng thử " + username, null, encoder.encode(password), role,
                TestUsers.unitId(jdbc, unitCode, level, date), false, false);
        return username;
    }

    @Test
    void passwordsAreStoredAsArgon2Hashes() {
        String hash = jdbc.sql("select password_hash from app_user where username = 'xa.canyen'").query(String.class).single();
        assertThat(hash).startsWith("{argon2}$argon2id$");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenForTheRightPassword() {
        String user = createUser(Role.COMMUNE_OFFICER, "01366", OrgUnit.COMMUNE, "2025-07-01", "Mat-khau-dung-1");
        Http browser = Http.session(port, new CookieManager());
        for (int i = 0; i < 5; i++) {
            assertThat(browser.login(user, "sai-mat-khau-" + i)).contains("/login?error=bad");
        }
        assertThat(browser.login(user, "Mat-khau-dung-1")).contains("/login?error=locked");
        assertThat(Http.basic(port, user, "Mat-khau-dung-1").get("/api/v1/org-units/1").statusCode()).isEqualTo(401);
        String page = browser.get("/login?error=locked").body();
        assertThat(page).contains("Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần");
        assertThat(jdbc.sql("select count(*) from audit_event where actor = :u and action = 'LOGIN_FAILED'").param("u", user)
                .query(Long.class).single()).isGreaterThanOrEqualTo(5L);
    }

    @Test
    void wrongPasswordShowsAVietnameseMessageAndTheRightOneOpensTheHome() {
        Http browser = Http.session(port, new CookieManager());
        assertThat(browser.login("xa.canyen", "khong-dung")).contains("error=bad");
        assertThat(browser.get("/login?error=bad").body()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
        assertThat(browser.login("xa.canyen", "xhht-demo")).endsWith("/");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Xin chào, Giám đốc TTHTCĐ xã Cần Yên", "Xã Cần Yên");
        // a commune officer's navigation offers no administration
        assertThat(home.body()).doesNotContain("/admin/users");
        // logout needs the CSRF token and ends the session
        String token = browser.csrfToken("/");
        browser.postForm("/logout", Map.of("_csrf", token));
        // signed out, "/" is the public portal (issue 16) with the login button, and signed-in pages go to the login page
        HttpResponse<String> publicHome = browser.get("/");
        assertThat(publicHome.statusCode()).isEqualTo(200);
        assertThat(publicHome.body()).contains("Tìm trung tâm học tập gần bạn", "id=\"login-button\"")
                .doesNotContain("Xin chào, Giám đốc TTHTCĐ xã Cần Yên");
        assertThat(browser.get("/units").statusCode()).isEqualTo(302);
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefused() {
        Http browser = Http.session(port, new CookieManager());
        browser.login("xa.canyen", "xhht-demo");
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        HttpResponse<String> r = browser.postForm("/units/" + canYen + "/hamlets", Map.of("name", "Xóm Không Token", "type", "Xóm"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from org_unit where name = 'Xóm Không Token'").query(Long.class).single()).isZero();
    }

    @Test
    void anAdministratorOfAProvinceSeesAndManagesOnlyItsProvincesUsers() {
        String caoBangAdmin = createUser(Role.SYSTEM_ADMIN, "04", OrgUnit.PROVINCE, "2025-07-01", "Quan-tri-cao-bang");
        String haNoiUser = createUser(Role.COMMUNE_OFFICER, "00004", OrgUnit.COMMUNE, "2025-07-01", "Nguoi-dung-ha-noi");
        long haNoiUserId = jdbc.sql("select id from app_user where username = :u").param("u", haNoiUser).query(Long.class).single();

        Http admin = Http.session(port, new CookieManager());
        admin.login(caoBangAdmin, "Quan-tri-cao-bang");
        String list = admin.get("/admin/users?q=").body();
        assertThat(list).contains("xa.canyen", "so.caobang").doesNotContain(haNoiUser);
        assertThat(admin.get("/admin/users/" + haNoiUserId).statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/users/export.xlsx").statusCode()).isEqualTo(200);
    }

    @Test
    void theAdministratorCreatesAUserWhoMustChangeThePassword() {
        Http admin = Http.session(port, new CookieManager());
        admin.login("admin", "xhht-demo");
        String token = admin.csrfToken("/admin/users/new");
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        String username = "cb" + UUID.randomUUID().toString().substring(0, 6);

        HttpResponse<String> weak = admin.postForm("/admin/users/new", Map.of("_csrf", token, "username", username,
                "fullName", "Nông Thị Hoa", "role", "COMMUNE_OFFICER", "unitId", String.valueOf(canYen), "password", "123"));
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body()).contains("Mật khẩu phải có ít nhất 10 ký tự.");
        assertThat(accounts.exists(username)).isFalse();

        HttpResponse<String> ok = admin.postForm("/admin/users/new", Map.of("_csrf", token, "username", username,
                "fullName", "Nông Thị Hoa", "role", "COMMUNE_OFFICER", "unitId", String.valueOf(canYen), "password", "Tam-thoi-2026"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(accounts.findByUsername(username)).hasValueSatisfying(a -> {
            assertThat(a.fullName()).isEqualTo("Nông Thị Hoa");
            assertThat(a.role()).isEqualTo(Role.COMMUNE_OFFICER);
            assertThat(a.mustChangePassword()).isTrue();
        });
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'AppUser' and action = 'CREATE' and after_data ->> 'username' = :u")
                .param("u", username).query(Long.class).single()).isEqualTo(1L);

        Http user = Http.session(port, new CookieManager());
        user.login(username, "Tam-thoi-2026");
        HttpResponse<String> home = user.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/account/password");
        String t = user.csrfToken("/account/password");
        HttpResponse<String> changed = user.postForm("/account/password", Map.of("_csrf", t, "currentPassword", "Tam-thoi-2026",
                "newPassword", "Hoa-Can-Yen-2026", "confirmPassword", "Hoa-Can-Yen-2026"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(user.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void readingTheUserListIsLoggedAsAccessToPersonalData() {
        Http admin = Http.session(port, new CookieManager());
        admin.login("admin", "xhht-demo");
        long before = jdbc.sql("select count(*) from audit_event where action = 'READ' and entity_type = 'AppUser' and actor = 'admin'")
                .query(Long.class).single();
        assertThat(admin.get("/admin/users?q=canyen").body()).contains("xa.canyen");
        long after = jdbc.sql("select count(*) from audit_event where action = 'READ' and entity_type = 'AppUser' and actor = 'admin'")
                .query(Long.class).single();
        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    void anOversizedUploadGetsAVietnameseMessageAndChangesNothing() {
        Http browser = Http.session(port, new CookieManager());
        browser.login("xa.canyen", "xhht-demo");
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        String token = browser.csrfToken("/units/" + canYen);
        long hamlets = jdbc.sql("select count(*) from org_unit where parent_id = :p").param("p", canYen).query(Long.class).single();
        String boundary = "----xhht" + UUID.randomUUID();
        byte[] big = new byte[11 * 1024 * 1024]; // over the 10 MB business limit, under the server's hard limit
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(big);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> r = browser.send(browser.request("/units/" + canYen + "/hamlets/import?_csrf=" + Http.enc(token))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Tệp quá lớn (tối đa 10 MB).");
        assertThat(jdbc.sql("select count(*) from org_unit where parent_id = :p").param("p", canYen).query(Long.class).single()).isEqualTo(hamlets);
    }

    @Test
    void anUploadOverTheServersHardLimitGetsTheFriendlyErrorPage() {
        Http browser = Http.session(port, new CookieManager());
        browser.login("xa.canyen", "xhht-demo");
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        String token = browser.csrfToken("/units/" + canYen);
        String boundary = "----xhht" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.xlsx\"\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(new byte[32 * 1024 * 1024]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> r = browser.send(browser.request("/units/" + canYen + "/hamlets/import?_csrf=" + Http.enc(token))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("Tệp hoặc biểu mẫu quá lớn");
    }
}
