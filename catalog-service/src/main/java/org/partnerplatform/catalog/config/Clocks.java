package org.partnerplatform.catalog.config;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.DefaultBean;

/**
 * The clock whose calendar decides "today": the system clock in the deployment's time zone. A default bean, so that
 * a test can put a clock it moves in its place (a price change takes effect on a future day).
 */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(@ConfigProperty(name = "platform.time-zone", defaultValue = "Europe/Oslo") ZoneId timeZone) {
        return Clock.system(timeZone);
    }
}
