package org.partnerplatform.settlement.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.messaging.incoming.IdempotentConsumer;
import org.partnerplatform.settlement.service.LedgerService;

import io.smallrye.mutiny.Uni;

/** Order events from sales-service become ledger entries; other order event types are not the ledger's business yet. */
@ApplicationScoped
public class OrderEventsConsumer {
    static final String CONSUMER = "settlement-ledger";

    private final IdempotentConsumer consumer;
    private final LedgerService ledger;

    public OrderEventsConsumer(IdempotentConsumer consumer, LedgerService ledger) {
        this.consumer = consumer;
        this.ledger = ledger;
    }

    @Incoming("order-events")
    public Uni<Void> onOrderEvent(Message<String> message) {
        return consumer.process(message, CONSUMER, event -> {
            if (EventType.ORDER_CONFIRMED.ceType().equals(event.type())) {
                return ledger.recordSale(event.payloadAs(OrderConfirmed.class), event.id(), event.correlationId());
            }
            return Uni.createFrom().voidItem();
        });
    }
}
