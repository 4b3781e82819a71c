package org.partnerplatform.catalog.config;

import org.partnerplatform.events.Environment;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What this deployment is: the environment whose readiness the catalog honours, and the time zone whose calendar
 * decides which products and agreements are valid "today" (validity dates are Norwegian calendar dates).
 */
@ApplicationScoped
public class CatalogSettings {
    private final Environment environment;
    private final Clock clock;

    public CatalogSettings(@ConfigProperty(name = "platform.environment", defaultValue = "STAGING") Environment environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    public Environment environment() {
        return environment;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Now, to the microsecond: what PostgreSQL keeps, so that an event and a later read agree on the instant. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
