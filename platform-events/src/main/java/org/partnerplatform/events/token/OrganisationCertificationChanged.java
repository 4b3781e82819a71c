package org.partnerplatform.events.token;

import java.time.Instant;

/**
 * An organisation's certification changed (NOT_CERTIFIED, IN_CERTIFICATION, CERTIFIED), with a reference to the
 * evidence it rests on. Key: organisationId.
 */
public record OrganisationCertificationChanged(
        long organisationId,
        String certification,
        String evidenceReference,
        String changedBy,
        Instant occurredAt) {
}
