package org.partnerplatform.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.inject.Singleton;

/**
 * The service's clock in tests: Oslo time, moved forward on demand so that a test can let a future day come (a
 * scheduled price change takes effect). Replaces the default clock bean; every test that moves it moves it back.
 */
@Singleton
public class MovableClock extends Clock {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private volatile Duration offset = Duration.ZERO;

    public void moveForward(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return OSLO;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
