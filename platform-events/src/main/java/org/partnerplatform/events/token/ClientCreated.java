package org.partnerplatform.events.token;

import java.time.Instant;
import java.util.List;

/** A client was created for an organisation. Carries no secret. Key: clientId. */
public record ClientCreated(
        String clientId,
        long organisationId,
        String name,
        List<String> roles,
        String environment,
        Instant occurredAt) {
}
