package org.partnerplatform.sales.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a ticket is valid: from its start, in whole seconds (as a signed ticket states it), for its product's
 * validity as sold (ISO-8601; P1D, catalog's default, where the line predates it).
 */
public record TicketValidity(Instant from, Instant to) {
    public static final Duration DEFAULT = Duration.ofDays(1);

    public static TicketValidity of(Instant start, String productValidity) {
        Instant from = start.truncatedTo(ChronoUnit.SECONDS);
        return new TicketValidity(from, from.plus(productValidity == null ? DEFAULT : Duration.parse(productValidity)));
    }
}
