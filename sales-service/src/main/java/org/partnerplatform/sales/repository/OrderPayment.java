package org.partnerplatform.sales.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payment of an order version: type AGENT (the partner collected the money), for the whole balance. */
public record OrderPayment(UUID id, UUID orderId, int orderVersion, String type, BigDecimal amount, String currency, String reference,
        Instant createdAt) {
    public static final String AGENT = "AGENT";
}
