package org.partnerplatform.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnerplatform.catalog.service.OperatorService;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.token.OrganisationRegistered;
import org.partnerplatform.messaging.incoming.IdempotentConsumer;

import io.smallrye.mutiny.Uni;

/** Organisation events from token-service register operators' codespaces; other organisation events are not the catalog's business. */
@ApplicationScoped
public class OrganisationEventsConsumer {
    static final String CONSUMER = "catalog-operators";

    private final IdempotentConsumer consumer;
    private final OperatorService operators;

    public OrganisationEventsConsumer(IdempotentConsumer consumer, OperatorService operators) {
        this.consumer = consumer;
        this.operators = operators;
    }

    @Incoming("organisation-events")
    public Uni<Void> onOrganisationEvent(Message<String> message) {
        return consumer.process(message, CONSUMER, event -> {
            if (EventType.ORGANISATION_REGISTERED.ceType().equals(event.type())) {
                return operators.register(event.payloadAs(OrganisationRegistered.class));
            }
            return Uni.createFrom().voidItem();
        });
    }
}
