package org.partnerplatform.events.sales;

import java.util.List;

/**
 * The answer to a sale request, on the partner's topic sales.results.&lt;organisationId&gt;. Key: the idempotency key.
 * status CONFIRMED carries the order; REJECTED carries a problem code and detail.
 */
public record SaleResult(
        String idempotencyKey,
        String status,
        boolean replayed,
        String orderId,
        String totalAmount,
        String totalTaxAmount,
        String currency,
        List<OrderLine> lines,
        List<String> ticketIds,
        String errorCode,
        String errorDetail) {

    public static SaleResult rejected(String idempotencyKey, String code, String detail) {
        return new SaleResult(idempotencyKey, "REJECTED", false, null, null, null, null, null, null, code, detail);
    }
}
