package org.partnerplatform.events.catalog;

import java.time.Instant;

/**
 * A partner notification on catalog.notifications.&lt;partnerOrganisationId&gt;: the products of an agreement are no
 * longer ready for use in an environment. Key: agreementId.
 */
public record ProductsReadinessWithdrawn(
        String agreementId,
        long partnerOrganisationId,
        long operatorOrganisationId,
        String environment,
        Instant occurredAt) {
}
