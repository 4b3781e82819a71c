package org.partnerplatform.settlement.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.events.sales.OrderRefunded;
import org.partnerplatform.events.sales.SalesDayTotals;
import org.partnerplatform.messaging.incoming.EventHandler;
import org.partnerplatform.messaging.incoming.IdempotentConsumer;
import org.partnerplatform.messaging.incoming.IncomingEvent;
import org.partnerplatform.messaging.tx.Work;
import org.partnerplatform.settlement.service.LedgerService;
import org.partnerplatform.settlement.service.ReconciliationService;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Order events from sales-service, in batches (the channel is consumed with batch=true): confirmed orders and refunds
 * become ledger entries, sales-service's day totals are reconciled; the other order events (drafts cancelled or
 * expired) are not settlement's business.
 */
@ApplicationScoped
public class OrderEventsConsumer {
    static final String CONSUMER = "settlement-ledger";

    private final IdempotentConsumer consumer;
    private final LedgerService ledger;
    private final ReconciliationService reconciliations;
    private final Clock clock;

    public OrderEventsConsumer(IdempotentConsumer consumer, LedgerService ledger, ReconciliationService reconciliations, Clock clock) {
        this.consumer = consumer;
        this.ledger = ledger;
        this.reconciliations = reconciliations;
        this.clock = clock;
    }

    @Incoming("order-events")
    public Uni<Void> onOrderEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.processBatch(batch, CONSUMER, new EventHandler<Object>() {
            @Override
            public Object read(IncomingEvent event) {
                return event.eventType().filter(t -> t == EventType.ORDER_CONFIRMED || t == EventType.ORDER_REFUNDED
                        || t == EventType.SALES_DAY_TOTALS).map(t -> event.payloadAs(t.payloadType())).orElse(null);
            }

            @Override
            public Uni<Void> load(List<Object> payloads, Work work) {
                return ledger.load(only(payloads, OrderConfirmed.class), only(payloads, OrderRefunded.class), work);
            }

            @Override
            public Uni<Void> apply(IncomingEvent event, Object payload, Work work) {
                if (payload instanceof SalesDayTotals totals) {
                    return reconciliations.report(totals, work, Instant.now(clock));
                }
                if (payload instanceof OrderRefunded refund) {
                    ledger.recordRefund(refund, event.id(), event.correlationId(), work);
                } else {
                    ledger.recordSale((OrderConfirmed) payload, event.id(), event.correlationId(), work);
                }
                return Uni.createFrom().voidItem();
            }
        });
    }

    private static <T> List<T> only(List<Object> payloads, Class<T> type) {
        return payloads.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
