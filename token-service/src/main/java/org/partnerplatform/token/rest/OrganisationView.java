package org.partnerplatform.token.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnerplatform.events.Environment;
import org.partnerplatform.token.repository.Certification;
import org.partnerplatform.token.repository.Organisation;
import org.partnerplatform.token.repository.OrganisationStatus;
import org.partnerplatform.token.repository.OrganisationType;

public record OrganisationView(
        long organisationId,
        String name,
        OrganisationType type,
        String codespace,
        OrganisationStatus status,
        String statusReason,
        Instant statusChangedAt,
        Certification certification,
        String certificationEvidenceReference,
        Instant certificationChangedAt,
        @Schema(description = "The environments it may have clients and get tokens in (PRODUCTION once CERTIFIED)") List<Environment> environments,
        Instant createdAt) {

    static OrganisationView of(Organisation o) {
        return new OrganisationView(o.organisationId, o.name, o.type, o.codespace, o.status, o.statusReason, o.statusChangedAt,
                o.certification, o.certificationEvidence, o.certificationChangedAt,
                o.certification.environments(), o.createdAt);
    }
}
