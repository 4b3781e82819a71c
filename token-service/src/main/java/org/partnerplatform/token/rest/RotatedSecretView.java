package org.partnerplatform.token.rest;

import java.time.Instant;

import org.partnerplatform.token.repository.Client;
import org.partnerplatform.token.service.NewClient;

/**
 * The answer to a secret rotation: the new secret, shown this once, and until when the previous one works
 * (equal to rotatedAt without a grace period).
 */
public record RotatedSecretView(
        String clientId,
        String clientSecret,
        long organisationId,
        Instant rotatedAt,
        Instant previousSecretValidUntil) {

    static RotatedSecretView of(NewClient rotated) {
        Client c = rotated.client();
        return new RotatedSecretView(c.clientId, rotated.secret(), c.organisationId, c.secretRotatedAt,
                c.previousSecretValidUntil == null ? c.secretRotatedAt : c.previousSecretValidUntil);
    }

    @Override
    public String toString() {
        return "RotatedSecretView[clientId=" + clientId + ", clientSecret=***]";
    }
}
