package org.partnerplatform.token.service.oauth;

import java.util.Set;

import org.partnerplatform.events.Environment;
import org.partnerplatform.token.repository.Certification;
import org.partnerplatform.token.repository.ClientGrantRecord;
import org.partnerplatform.token.repository.OrganisationStatus;
import org.partnerplatform.token.repository.Role;

/** A client whose secret has been verified, with what the grant decision needs to know of its organisation. */
public record AuthenticatedClient(
        String clientId,
        long organisationId,
        Set<Role> roles,
        Environment environment,
        OrganisationStatus organisationStatus,
        Certification certification) {

    static AuthenticatedClient of(ClientGrantRecord client) {
        return new AuthenticatedClient(client.clientId(), client.organisationId(), client.roles(), client.environment(),
                client.organisationStatus(), client.certification());
    }
}
