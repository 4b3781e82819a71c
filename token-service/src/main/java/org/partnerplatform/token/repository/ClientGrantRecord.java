package org.partnerplatform.token.repository;

import java.time.Instant;
import java.util.Set;

import org.partnerplatform.events.Environment;

/**
 * What a grant (or an introspection) needs to know of a client and its organisation, read in one query. Holds the
 * secret hashes, never a secret; toString leaves them out.
 */
public record ClientGrantRecord(
        String clientId,
        long organisationId,
        Set<Role> roles,
        Environment environment,
        ClientStatus status,
        int secretVersion,
        String secretHash,
        String previousSecretHash,
        Instant previousSecretValidUntil,
        OrganisationStatus organisationStatus,
        Certification certification) {

    public boolean active() {
        return status == ClientStatus.ACTIVE;
    }

    /** Whether the secret replaced by the last rotation is still within its grace period. */
    public boolean previousSecretValidAt(Instant now) {
        return previousSecretHash != null && previousSecretValidUntil != null && now.isBefore(previousSecretValidUntil);
    }

    @Override
    public String toString() {
        return "ClientGrantRecord[clientId=" + clientId + ", organisationId=" + organisationId + ", status=" + status
                + ", secretVersion=" + secretVersion + ", organisationStatus=" + organisationStatus + "]";
    }
}
