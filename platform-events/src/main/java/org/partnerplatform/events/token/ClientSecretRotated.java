package org.partnerplatform.events.token;

import java.time.Instant;

/**
 * A client's secret was replaced; the previous one keeps working until previousSecretValidUntil (equal to rotatedAt
 * when there is no grace period). Tokens already issued stay valid. Carries no secret. Key: clientId.
 */
public record ClientSecretRotated(
        String clientId,
        long organisationId,
        Instant rotatedAt,
        Instant previousSecretValidUntil) {
}
