package org.partnerplatform.events.token;

import java.time.Instant;

/** An organisation was suspended (status SUSPENDED) or reinstated (ACTIVE). Key: organisationId. */
public record OrganisationStatusChanged(
        long organisationId,
        String status,
        String reason,
        String changedBy,
        Instant occurredAt) {
}
