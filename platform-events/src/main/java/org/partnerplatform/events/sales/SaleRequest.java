package org.partnerplatform.events.sales;

import java.util.List;

/**
 * What a partner publishes on its topic sales.requests.&lt;organisationId&gt;, with its access token in the
 * record header "Authorization" ("Bearer ..."). Record key: the idempotency key.
 * The same key with the same body returns the first result; the same key with another body is refused.
 */
public record SaleRequest(
        String idempotencyKey,
        String distributionChannelId,
        List<Line> lines,
        String externalReference) {

    public record Line(String productId, String userProfile, int quantity) {
    }
}
