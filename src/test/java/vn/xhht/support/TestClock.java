package vn.xhht.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import vn.xhht.shared.VietnamClock;

/**
 * The application's clock in tests: the system clock until a test pins it. The Spring context (and so this bean) is
 * shared by every test class, so a test that pins it resets it afterwards ({@link #reset()}).
 */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> pinned;
    private final ZoneId zone;

    /**
     * One pin for the whole test run: module slice tests start contexts of their own, and the date horizon of
     * {@code InputRules} follows whichever context started last, so every context's clock must tell the same time.
     */
    private static final AtomicReference<Instant> PINNED = new AtomicReference<>();

    public TestClock() {
        this(PINNED, VietnamClock.ZONE);
    }

    private TestClock(AtomicReference<Instant> pinned, ZoneId zone) {
        this.pinned = pinned;
        this.zone = zone;
    }

    /** Stops time at this instant (every view of this clock, whatever its zone, follows). */
    public void pin(Instant at) {
        pinned.set(at);
    }

    /** Stops time at noon of this Vietnamese date. */
    public void pin(LocalDate vietnamDate) {
        pin(vietnamDate.atTime(LocalTime.NOON).atZone(VietnamClock.ZONE).toInstant());
    }

    /** Back to real time. */
    public void reset() {
        pinned.set(null);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        // the same pin, seen from another zone: VietnamClock wraps the bean with withZone
        return new TestClock(pinned, z);
    }

    @Override
    public Instant instant() {
        Instant p = pinned.get();
        return p != null ? p : Clock.systemUTC().instant();
    }
}
