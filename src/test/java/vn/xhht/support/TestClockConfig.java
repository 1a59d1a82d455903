package vn.xhht.support;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts the pinnable {@link TestClock} in place of the system clock for every integration test. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {
    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
