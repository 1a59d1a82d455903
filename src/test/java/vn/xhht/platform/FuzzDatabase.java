package vn.xhht.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The application on a database of its own for the tests that send every kind of input: what they create (their
 * accepted requests change data freely) is seen by no other test. The tests with this annotation share it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "xhht.embedded-db.dir=target/pg-fuzz",
        "xhht.embedded-db.clean=true",
        "xhht.login.cleanup-cron=-",
        "xhht.public.cleanup-cron=-",
        "xhht.public.max-submissions-per-10min=1000000"
})
// every test context uses the pinnable clock: the input horizon (InputRules) follows the clock of the context started
// last, and a system clock here would undo the pins of the tests that run after the fuzz
@Import(vn.xhht.support.TestClockConfig.class)
@interface FuzzDatabase {
}
