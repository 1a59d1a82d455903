package vn.xhht.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * The one "today" of XHHT. Deadlines, lateness and "yesterday" defaults are Vietnamese dates whatever zone the server
 * runs in (a UTC server is a day behind between 00:00 and 07:00 Vietnam time), so every module asks this clock instead
 * of {@code LocalDate.now()}. Tests pin it by providing their own {@link Clock} bean.
 */
@Component
public class VietnamClock implements org.springframework.beans.factory.SmartInitializingSingleton,
        org.springframework.beans.factory.DisposableBean {
    /** The zone id as text, for annotations ({@code @Scheduled(zone = …)}) and SQL {@code at time zone}. */
    public static final String ZONE_ID = "Asia/Ho_Chi_Minh";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private final Clock clock;

    public VietnamClock(Clock clock) {
        this.clock = clock.withZone(ZONE);
    }

    /** The application's clock (the Spring bean, not {@link #system()}) also dates the horizon of {@link InputRules#latestDate()}. */
    @Override
    public void afterSingletonsInstantiated() {
        InputRules.useClock(this);
    }

    /** A closed application (a second one started in the same JVM) hands the horizon back to the one still running. */
    @Override
    public void destroy() {
        InputRules.releaseClock(this);
    }

    /** A clock for code outside Spring (static helpers, tests). */
    public static VietnamClock system() {
        return new VietnamClock(Clock.system(ZONE));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public LocalDateTime localNow() {
        return LocalDateTime.now(clock);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public Instant instant() {
        return clock.instant();
    }

    public int year() {
        return today().getYear();
    }

    public Clock clock() {
        return clock;
    }
}
