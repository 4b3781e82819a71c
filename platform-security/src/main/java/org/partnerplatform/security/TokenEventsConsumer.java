package org.partnerplatform.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.token.ClientRevoked;
import org.partnerplatform.events.token.OrganisationStatusChanged;
import org.partnerplatform.messaging.incoming.IncomingEvent;
import org.partnerplatform.messaging.incoming.ReliableHandling;

import io.smallrye.mutiny.Uni;

/** Feeds {@link RevocationRegistry} from token-service's client and organisation events. */
@ApplicationScoped
public class TokenEventsConsumer {
    private final ReliableHandling handling;
    private final RevocationRegistry revocations;

    public TokenEventsConsumer(ReliableHandling handling, RevocationRegistry revocations) {
        this.handling = handling;
        this.revocations = revocations;
    }

    @Incoming("platform-token-events")
    public Uni<Void> onTokenEvent(Message<String> message) {
        return handling.handle(message, () -> {
            IncomingEvent event = IncomingEvent.from(message);
            if (EventType.CLIENT_REVOKED.ceType().equals(event.type())) {
                ClientRevoked revoked = event.payloadAs(ClientRevoked.class);
                revocations.clientRevoked(revoked.clientId(), revoked.revokedAt());
            } else if (EventType.ORGANISATION_STATUS_CHANGED.ceType().equals(event.type())) {
                OrganisationStatusChanged change = event.payloadAs(OrganisationStatusChanged.class);
                if ("SUSPENDED".equals(change.status())) {
                    revocations.organisationSuspended(change.organisationId(), change.occurredAt());
                } else {
                    revocations.organisationReinstated(change.organisationId());
                }
            }
            return Uni.createFrom().voidItem();
        });
    }
}
