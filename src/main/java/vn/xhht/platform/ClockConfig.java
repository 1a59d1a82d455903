package vn.xhht.platform;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xhht.shared.VietnamClock;

/** The system clock in Vietnam's zone; a test replaces it with a pinned one. */
@Configuration(proxyBeanMethods = false)
class ClockConfig {
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.system(VietnamClock.ZONE);
    }
}
