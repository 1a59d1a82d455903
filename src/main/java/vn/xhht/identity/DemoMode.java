package vn.xhht.identity;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo mode: on by default when the app runs on its embedded database (no SPRING_DATASOURCE_URL), off
 * otherwise; {@code xhht.demo.enabled} overrides it. In demo mode the documented demo accounts exist.
 */
@Component
class DemoMode {
    private final boolean enabled;

    DemoMode(Environment env) {
        boolean embedded = env.getProperty("spring.datasource.url", "").isBlank();
        this.enabled = env.getProperty("xhht.demo.enabled", Boolean.class, embedded);
    }

    boolean enabled() {
        return enabled;
    }
}
