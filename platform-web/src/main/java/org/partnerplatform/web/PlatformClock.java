package org.partnerplatform.web;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.DefaultBean;

/**
 * Every service's one clock: the system clock in the platform's time zone ({@code platform.time-zone}, Europe/Oslo),
 * whose calendar decides "today" (validity dates, price changes, settlement days). A default bean, so that a test
 * can put a clock it moves in its place.
 */
public class PlatformClock {
    public static final String TIME_ZONE_KEY = "platform.time-zone";
    public static final String DEFAULT_TIME_ZONE = "Europe/Oslo";

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(@ConfigProperty(name = TIME_ZONE_KEY, defaultValue = DEFAULT_TIME_ZONE) ZoneId timeZone) {
        return Clock.system(timeZone);
    }
}
