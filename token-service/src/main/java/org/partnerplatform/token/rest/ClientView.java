package org.partnerplatform.token.rest;

import java.time.Instant;
import java.util.List;

import org.partnerplatform.events.Environment;
import org.partnerplatform.token.repository.Client;
import org.partnerplatform.token.repository.ClientStatus;
import org.partnerplatform.token.repository.Role;

/**
 * A client as read back: never its secret, nor the secret's hash. lastRotatedAt is when its secret was last replaced;
 * gracePeriodEndsAt, until when the one before keeps working (null without a grace period).
 */
public record ClientView(
        String clientId,
        String name,
        List<String> roles,
        long organisationId,
        Environment environment,
        ClientStatus status,
        Instant createdAt,
        Instant revokedAt,
        Instant lastRotatedAt,
        Instant gracePeriodEndsAt) {

    static ClientView of(Client c) {
        return new ClientView(c.clientId, c.name, Role.claimValues(c.roles), c.organisationId, c.environment, c.status, c.createdAt, c.revokedAt,
                c.secretRotatedAt, c.previousSecretValidUntil);
    }
}
