package org.partnerplatform.events.token;

import java.time.Instant;

/** A client was revoked: every token it holds that was issued before revokedAt stops working. Key: clientId. */
public record ClientRevoked(
        String clientId,
        long organisationId,
        Instant revokedAt) {
}
