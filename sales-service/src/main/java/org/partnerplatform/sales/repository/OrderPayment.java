package org.partnerplatform.sales.repository;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order's payment: type AGENT (the partner collected the money), the whole balance of version 1, once; kept on the
 * order's row (payment_type, payment_reference, paid_at).
 */
public record OrderPayment(int orderVersion, String type, BigDecimal amount, String currency, String reference, Instant createdAt) {
    public static final String AGENT = "AGENT";
}
