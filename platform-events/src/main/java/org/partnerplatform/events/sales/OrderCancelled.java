package org.partnerplatform.events.sales;

import java.time.Instant;

/** A draft that was never confirmed was cancelled by its partner; it has no settlement effect. Key: orderId. */
public record OrderCancelled(String orderId, long version, long organisationId, Instant cancelledAt) {
}
