package org.partnerplatform.events.sales;

import java.time.Instant;

/** A draft was not confirmed by its expireAt and expired; it has no settlement effect. Key: orderId. */
public record OrderExpired(String orderId, long version, long organisationId, Instant expireAt, Instant expiredAt) {
}
