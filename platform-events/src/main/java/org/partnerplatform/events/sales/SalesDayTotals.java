package org.partnerplatform.events.sales;

import java.time.Instant;
import java.time.LocalDate;

/**
 * sales-service's own figures for a partner's day, published once the day is over: the orders confirmed on it
 * (counted at their confirmation) and the refunds made on it, amounts VAT included and positive. settlement-service
 * reconciles its settlement of the day against them. Key: organisationId.
 */
public record SalesDayTotals(
        long organisationId,
        LocalDate salesDate,
        String currency,
        int saleCount,
        String saleAmount,
        int refundCount,
        String refundAmount,
        Instant computedAt) {
}
