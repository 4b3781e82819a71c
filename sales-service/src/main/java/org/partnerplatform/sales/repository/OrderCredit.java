package org.partnerplatform.sales.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The refund of some lines of a confirmed order; it made the order's version {@code orderVersion}. */
public record OrderCredit(UUID id, UUID orderId, int orderVersion, BigDecimal totalAmount, BigDecimal totalTaxAmount, String currency,
        String status, Instant createdAt) {
    /** The partner refunds its customer itself (payment type AGENT): the credit is booked as it is made. */
    public static final String CREDITED = "CREDITED";
}
