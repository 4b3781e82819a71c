package org.partnerplatform.events.sales;

import java.util.List;

/**
 * A partner's request to refund lines of its confirmed order, on sales.requests.&lt;organisationId&gt; beside its sale
 * requests, told apart by the header {@code ce_type} = {@code org.partnerplatform.sales.RefundRequest.v1}. Key: the
 * idempotency key. No orderLineIds: every line not yet refunded. expectedVersion, when given, is an If-Match.
 */
public record RefundRequest(String idempotencyKey, String orderId, List<String> orderLineIds, Integer expectedVersion) {
}
