package org.partnerplatform.sales.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** One clock for the rules that depend on today's date, so that tests can reason about validity. */
public class ClockProducer {
    @Produces
    @ApplicationScoped
    Clock clock(SalesConfig config) {
        return Clock.system(config.zone());
    }
}
