package org.partnerplatform.settlement.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.messaging.incoming.EventHandler;
import org.partnerplatform.messaging.incoming.IdempotentConsumer;
import org.partnerplatform.messaging.incoming.IncomingEvent;
import org.partnerplatform.messaging.tx.Work;
import org.partnerplatform.settlement.service.LedgerService;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Order events from sales-service become ledger entries, in batches (the channel is consumed with batch=true);
 * other order event types are not the ledger's business yet.
 */
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
    public Uni<Void> onOrderEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.processBatch(batch, CONSUMER, new EventHandler<OrderConfirmed>() {
            @Override
            public OrderConfirmed read(IncomingEvent event) {
                return EventType.ORDER_CONFIRMED.ceType().equals(event.type()) ? event.payloadAs(OrderConfirmed.class) : null;
            }

            @Override
            public Uni<Void> load(List<OrderConfirmed> orders, Work work) {
                return ledger.load(orders, work);
            }

            @Override
            public Uni<Void> apply(IncomingEvent event, OrderConfirmed order, Work work) {
                return ledger.recordSale(order, event.id(), event.correlationId(), work);
            }
        });
    }
}
