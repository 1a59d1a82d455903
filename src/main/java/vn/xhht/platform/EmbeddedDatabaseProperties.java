package vn.xhht.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no SPRING_DATASOURCE_URL is given.
 *
 * @param dir   data directory (kept across restarts)
 * @param clean start from an empty directory (tests)
 * @param port  0 picks a free port
 * @param durable fsync, synchronous commit and full-page writes on (the default: a commune may keep its real data
 *                here). Off only for scratch databases in benchmarks, where a power cut may lose or corrupt data.
 */
@ConfigurationProperties("xhht.embedded-db")
@org.springframework.modulith.NamedInterface("api")
public record EmbeddedDatabaseProperties(@DefaultValue("./data/pg") String dir,
                                         @DefaultValue("false") boolean clean,
                                         @DefaultValue("0") int port,
                                         @DefaultValue("true") boolean durable) {
}
