package org.partnerplatform.events.sales;

import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * A line; its tickets are valid from {@code travelDate} (the start of that day in Europe/Oslo) or from
     * {@code validFrom}, at most one of them; neither: from the order's confirmation.
     */
    public record Line(String productId, String userProfile, int quantity, LocalDate travelDate, Instant validFrom) {
        public Line(String productId, String userProfile, int quantity) {
            this(productId, userProfile, quantity, null, null);
        }
    }
}
