package org.partnerplatform.events.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A partner notification on catalog.notifications.&lt;partnerOrganisationId&gt;: the products of an agreement are
 * ready for use in an environment. Key: agreementId.
 */
public record ProductsReadyForUse(
        String agreementId,
        long partnerOrganisationId,
        long operatorOrganisationId,
        String environment,
        List<String> productIds,
        Instant occurredAt) {
}
