package org.partnerplatform.events.sales;

import java.time.Instant;

/**
 * A ticket no longer valid for travel (its line was refunded), on the compacted topic sales.disabled-tickets, key:
 * the ticket id. Operators' systems read the topic from the beginning to hold every disabled ticket still valid;
 * {@code validTo} says when the ticket would have expired anyway (null for tickets issued before tickets were signed).
 */
public record TicketDisabled(
        String ticketId,
        String orderId,
        long operatorOrganisationId,
        String operatorCodespace,
        Instant disabledAt,
        Instant validTo) {
}
