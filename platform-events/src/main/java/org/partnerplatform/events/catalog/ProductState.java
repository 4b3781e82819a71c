package org.partnerplatform.events.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Full state of a product (a NeTEx sales package) on the compacted topic catalog.products. Key: id.
 * A consumer that reads the topic from the beginning holds the current catalog.
 */
public record ProductState(
        String id,
        long operatorOrganisationId,
        String codespace,
        LocalizedText name,
        String status,
        long version,
        String vatGroup,
        String vatRate,
        List<ProductPrice> prices,
        List<String> distributionChannels,
        LocalDate validFrom,
        LocalDate validTo,
        /** How long a ticket for it is valid from its start, ISO-8601 (PT90M, P1D); absent in events from before it existed. */
        String ticketValidity,
        Instant updatedAt) {
}
