package vn.xhht.platform;

import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import vn.xhht.XhhtApplication;
import vn.xhht.support.Http;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database behave as one: a session started on one continues on the other (sessions are
 * in PostgreSQL), and a scheduled job's lock taken by one is seen by the other.
 */
@XhhtIntegrationTest
class TwoInstancesTest {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    LockProvider locks;

    @Test
    void aSessionStartedOnOneInstanceContinuesOnTheOther() {
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            assertThat(secondPort).isNotEqualTo(port);

            CookieManager cookies = new CookieManager();
            Http first = Http.session(port, cookies);
            assertThat(first.login("xa.canyen", "xhht-demo")).endsWith("/");

            Http other = Http.session(secondPort, cookies);
            HttpResponse<String> home = other.get("/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Xin chào, Giám đốc TTHTCĐ xã Cần Yên");
            assertThat(other.get("/api/v1/org-units?level=3").body()).contains("Xã Cần Yên");

            // a job lock held by this instance keeps the other instance's run of the same job out
            LockProvider otherLocks = second.getBean(LockProvider.class);
            LockConfiguration job = new LockConfiguration(Instant.now(), "two-instances-test", Duration.ofMinutes(1), Duration.ZERO);
            Optional<SimpleLock> held = locks.lock(job);
            assertThat(held).isPresent();
            assertThat(otherLocks.lock(job)).isEmpty();
            held.get().unlock();
            Optional<SimpleLock> afterRelease = otherLocks.lock(job);
            assertThat(afterRelease).isPresent();
            afterRelease.get().unlock();
        }
    }

    private ConfigurableApplicationContext startSecondInstance() {
        return new SpringApplicationBuilder(XhhtApplication.class)
                .run("--server.port=0",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--xhht.demo.enabled=true",
                        "--xhht.login.cleanup-cron=-",
                        "--spring.main.banner-mode=off");
    }
}
