package org.partnerplatform.events.token;

import java.time.Instant;

/** An organisation (partner, operator or the platform itself) was registered. Key: organisationId. */
public record OrganisationRegistered(
        long organisationId,
        String name,
        String type,
        String codespace,
        String status,
        String certification,
        Instant occurredAt) {
}
