package vn.xhht.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * An integration test on the real application with its embedded PostgreSQL (national data loaded by Flyway,
 * demo accounts seeded). Every test class uses the same properties, so they share one context and one
 * database; tests therefore create their own uniquely named data. Time is a {@link TestClock} that a test may pin
 * (and then resets).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(TestClockConfig.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "xhht.embedded-db.dir=target/pg-test",
        "xhht.embedded-db.clean=true",
        "xhht.login.cleanup-cron=-",
        "xhht.public.cleanup-cron=-",
        "xhht.public.max-submissions-per-10min=20",
        // every test signs in from the same address; the per-address limit is tested with other addresses
        "xhht.login.max-failures-per-address=100000",
        "xhht.backup.cron=-",
        "xhht.backup.dir=target/backups-test"
})
public @interface XhhtIntegrationTest {
}
