package vn.xhht.identity;

import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.XhhtApplication;
import vn.xhht.support.Http;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside demo mode (an external database): no demo account, no start without a strong administrator
 * password, and the first administrator comes from configuration. Runs against a fresh database of its own.
 */
@XhhtIntegrationTest
class ProductionBootstrapTest {

    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theAppRefusesWeakAdminPasswordsAndCreatesTheFirstAdministratorFromConfiguration() {
        String db = "prod_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        jdbc.sql("create database " + db).update();
        String url = postgres.getJdbcUrl("postgres", db);

        for (String weak : new String[]{"", "xhht-demo", "admin", "short"}) {
            assertThatThrownBy(() -> start(url, weak).close())
                    .as("password '%s'", weak)
                    .hasStackTraceContaining("XHHT refuses to start");
        }

        try (ConfigurableApplicationContext app = start(url, "Mat-khau-quan-tri-2026")) {
            JdbcClient prod = app.getBean(JdbcClient.class);
            assertThat(prod.sql("select count(*) from app_user where demo").query(Long.class).single()).isZero();
            assertThat(prod.sql("select must_change_password from app_user where username = 'quantri' and role = 'SYSTEM_ADMIN'")
                    .query(Boolean.class).single()).isTrue();
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(Http.basic(port, "xa.canyen", "xhht-demo").get("/api/v1/org-units").statusCode()).isEqualTo(401);
            // the configured password is only a first one: the API too is closed until it is changed
            var first = Http.basic(port, "quantri", "Mat-khau-quan-tri-2026").get("/api/v1/org-units?level=1");
            assertThat(first.statusCode()).isEqualTo(403);
            assertThat(first.body()).contains("đổi mật khẩu");
            assertThat(Http.anonymous(port).get("/login").body()).doesNotContain("xhht-demo");
        }
    }

    private static ConfigurableApplicationContext start(String url, String adminPassword) {
        return new SpringApplicationBuilder(XhhtApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres", "--xhht.admin.username=quantri",
                        "--xhht.admin.password=" + adminPassword, "--xhht.login.cleanup-cron=-", "--spring.main.banner-mode=off");
    }
}
