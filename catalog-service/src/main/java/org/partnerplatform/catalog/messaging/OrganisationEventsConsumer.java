package org.partnerplatform.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnerplatform.catalog.service.OperatorService;
import org.partnerplatform.catalog.service.PartyService;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.token.OrganisationCertificationChanged;
import org.partnerplatform.events.token.OrganisationRegistered;
import org.partnerplatform.events.token.OrganisationStatusChanged;
import org.partnerplatform.messaging.incoming.IdempotentConsumer;

import io.smallrye.mutiny.Uni;

/**
 * Organisation events from token-service: registrations create the party (and bind an operator's codespace), status
 * changes suspend or reinstate it, certification changes are recorded. Other event types are not the catalog's
 * business and are acknowledged without effect.
 */
@ApplicationScoped
public class OrganisationEventsConsumer {
    static final String CONSUMER = "catalog-operators";

    private final IdempotentConsumer consumer;
    private final OperatorService operators;
    private final PartyService parties;

    public OrganisationEventsConsumer(IdempotentConsumer consumer, OperatorService operators, PartyService parties) {
        this.consumer = consumer;
        this.operators = operators;
        this.parties = parties;
    }

    @Incoming("organisation-events")
    public Uni<Void> onOrganisationEvent(Message<String> message) {
        return consumer.process(message, CONSUMER, event -> {
            EventType type = event.eventType().orElse(null);
            if (type == EventType.ORGANISATION_REGISTERED) {
                OrganisationRegistered registered = event.payloadAs(OrganisationRegistered.class);
                return operators.register(registered).chain(() -> parties.registered(registered));
            }
            if (type == EventType.ORGANISATION_STATUS_CHANGED) {
                return parties.statusChanged(event.payloadAs(OrganisationStatusChanged.class));
            }
            if (type == EventType.ORGANISATION_CERTIFICATION_CHANGED) {
                return parties.certificationChanged(event.payloadAs(OrganisationCertificationChanged.class));
            }
            return Uni.createFrom().voidItem();
        });
    }
}
