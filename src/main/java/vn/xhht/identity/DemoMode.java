package vn.xhht.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode is a property of the database, decided once by the first instance that starts on it (row
 * {@code demo_mode} of {@code app_setting}): on by default when that instance ran on its embedded database (no
 * SPRING_DATASOURCE_URL), off otherwise; {@code xhht.demo.enabled} overrides that first decision. Later instances
 * follow the database whatever their own configuration, so one node started without the flag cannot delete the
 * demo accounts every other node uses. In demo mode the documented demo accounts exist.
 */
@Component
class DemoMode {

    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);

    private final Environment env;
    private final JdbcClient jdbc;
    private volatile Boolean enabled;

    DemoMode(Environment env, JdbcClient jdbc) {
        this.env = env;
        this.jdbc = jdbc;
    }

    boolean enabled() {
        Boolean e = enabled;
        if (e == null) {
            e = decide();
            enabled = e;
        }
        return e;
    }

    private boolean decide() {
        boolean embedded = env.getProperty("spring.datasource.url", "").isBlank();
        Boolean configured = env.getProperty("xhht.demo.enabled", Boolean.class);
        boolean wanted = configured != null ? configured : embedded;
        jdbc.sql("insert into app_setting (key, value) values ('demo_mode', :v) on conflict (key) do nothing")
                .param("v", Boolean.toString(wanted)).update();
        boolean stored = Boolean.parseBoolean(jdbc.sql("select value from app_setting where key = 'demo_mode'")
                .query(String.class).single());
        if (configured != null && configured != stored) {
            log.warn("xhht.demo.enabled={} ignored: this database was created {} demo mode, which every instance follows",
                    configured, stored ? "in" : "outside");
        }
        return stored;
    }
}
