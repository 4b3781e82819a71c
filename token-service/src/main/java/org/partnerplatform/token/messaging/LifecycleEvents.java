package org.partnerplatform.token.messaging;

import java.time.Instant;

import org.partnerplatform.events.Topics;
import org.partnerplatform.events.token.ClientCreated;
import org.partnerplatform.events.token.ClientRevoked;
import org.partnerplatform.events.token.ClientSecretRotated;
import org.partnerplatform.events.token.OrganisationCertificationChanged;
import org.partnerplatform.events.token.OrganisationRegistered;
import org.partnerplatform.events.token.OrganisationStatusChanged;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.token.repository.Client;
import org.partnerplatform.token.repository.Organisation;
import org.partnerplatform.token.repository.Role;

/**
 * The organisation and client lifecycle events token-service publishes (through the outbox), keyed by the
 * aggregate's id so that one organisation's or one client's events stay in order. None carries a secret.
 */
public final class LifecycleEvents {

    private LifecycleEvents() {
    }

    public static OutgoingEvent registered(Organisation o) {
        return OutgoingEvent.of(Topics.ORGANISATION_EVENTS, Long.toString(o.organisationId),
                new OrganisationRegistered(o.organisationId, o.name, o.type.name(), o.codespace, o.status.name(),
                        o.certification.name(), o.createdAt));
    }

    public static OutgoingEvent created(Client c) {
        return OutgoingEvent.of(Topics.CLIENT_EVENTS, c.clientId,
                new ClientCreated(c.clientId, c.organisationId, c.name, Role.claimValues(c.roles),
                        c.environment.name(), c.createdAt));
    }

    public static OutgoingEvent revoked(Client c, Instant revokedAt) {
        return OutgoingEvent.of(Topics.CLIENT_EVENTS, c.clientId, new ClientRevoked(c.clientId, c.organisationId, revokedAt));
    }

    public static OutgoingEvent statusChanged(Organisation o) {
        return OutgoingEvent.of(Topics.ORGANISATION_EVENTS, Long.toString(o.organisationId),
                new OrganisationStatusChanged(o.organisationId, o.status.name(), o.statusReason, o.statusChangedBy, o.statusChangedAt));
    }

    public static OutgoingEvent certificationChanged(Organisation o) {
        return OutgoingEvent.of(Topics.ORGANISATION_EVENTS, Long.toString(o.organisationId),
                new OrganisationCertificationChanged(o.organisationId, o.certification.name(), o.certificationEvidence,
                        o.certificationChangedBy, o.certificationChangedAt));
    }

    public static OutgoingEvent secretRotated(Client c) {
        Instant previousValidUntil = c.previousSecretValidUntil == null ? c.secretRotatedAt : c.previousSecretValidUntil;
        return OutgoingEvent.of(Topics.CLIENT_EVENTS, c.clientId,
                new ClientSecretRotated(c.clientId, c.organisationId, c.secretRotatedAt, previousValidUntil));
    }
}
