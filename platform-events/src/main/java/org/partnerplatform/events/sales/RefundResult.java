package org.partnerplatform.events.sales;

import java.util.List;

/**
 * The answer to a refund request, on sales.results.&lt;organisationId&gt; (ce_type RefundResult.v1). Key: the
 * idempotency key. status REFUNDED carries the credit; REJECTED carries a problem code and detail.
 */
public record RefundResult(
        String idempotencyKey,
        String status,
        boolean replayed,
        String orderId,
        Integer orderVersion,
        String creditId,
        String totalCreditAmount,
        String totalCreditTaxAmount,
        String currency,
        List<String> affectedOrderLineIds,
        List<String> disabledTicketIds,
        String errorCode,
        String errorDetail) {

    public static RefundResult rejected(String idempotencyKey, String orderId, String code, String detail) {
        return new RefundResult(idempotencyKey, "REJECTED", false, orderId, null, null, null, null, null, null, null, code, detail);
    }
}
