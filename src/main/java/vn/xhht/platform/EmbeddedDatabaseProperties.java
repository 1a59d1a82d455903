package vn.xhht.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no SPRING_DATASOURCE_URL is given.
 *
 * @param dir   data directory (kept across restarts)
 * @param clean start from an empty directory (tests)
 * @param port  0 picks a free port
 */
@ConfigurationProperties("xhht.embedded-db")
public record EmbeddedDatabaseProperties(@DefaultValue("./data/pg") String dir,
                                         @DefaultValue("false") boolean clean,
                                         @DefaultValue("0") int port) {
}
