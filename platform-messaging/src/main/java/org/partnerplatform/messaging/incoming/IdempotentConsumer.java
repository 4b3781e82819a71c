package org.partnerplatform.messaging.incoming;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.partnerplatform.events.CorrelationIds;
import org.partnerplatform.events.InvalidEventException;
import org.partnerplatform.messaging.inbox.Inbox;
import org.partnerplatform.messaging.inbox.InboxRows;
import org.partnerplatform.messaging.tracing.TraceContexts;
import org.partnerplatform.messaging.tx.Work;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Runs a consumer's handler for one CloudEvent record, exactly once per event id and consumer:
 * <ul>
 * <li>the handler's effect and the inbox entry commit in one transaction; a repeat is acknowledged and skipped;</li>
 * <li>a record that can never be processed ({@link InvalidEventException}: not a CloudEvent, bad JSON, schema
 * violation) goes straight to its dead-letter topic;</li>
 * <li>any other failure is retried with back-off, then dead-lettered ({@link ReliableHandling}).</li>
 * </ul>
 * {@link #process} handles one record in a Hibernate Reactive transaction; {@link #processBatch} a batch of them in
 * one transaction of the reactive client ({@link BatchConsumer}), the way for channels that carry volume.
 */
@ApplicationScoped
public class IdempotentConsumer {
    /** The MDC key platform-web's request logging uses too, so that one log query finds both. */
    static final String CORRELATION_ID = CorrelationIds.MDC_KEY;
    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final Inbox inbox;
    private final ReliableHandling handling;
    private final BatchConsumer batches;

    public IdempotentConsumer(Inbox inbox, ReliableHandling handling, BatchConsumer batches) {
        this.inbox = inbox;
        this.handling = handling;
        this.batches = batches;
    }

    private record Delivery<T>(IncomingEvent event, T payload) {
    }

    /** A batch of CloudEvents, each applied once per consumer: the inbox rows of all of them are one statement. */
    public <T> Uni<Void> processBatch(KafkaRecordBatch<String, String> batch, String consumer, EventHandler<T> handler) {
        return batches.consume(batch, new BatchHandler<Delivery<T>>() {
            @Override
            public Uni<Delivery<T>> prepare(KafkaRecord<String, String> record) {
                IncomingEvent event = IncomingEvent.from(record);
                T payload = handler.read(event);
                return Uni.createFrom().item(payload == null ? null : new Delivery<>(event, payload));
            }

            @Override
            public Uni<Void> load(List<Delivery<T>> items, Work work) {
                return InboxRows.recordFirstDeliveries(work, consumer, items.stream().map(d -> d.event().id()).toList())
                        .chain(first -> {
                            work.local(Delivery.class, () -> first);
                            return handler.load(items.stream().filter(d -> first.contains(d.event().id())).map(Delivery::payload).toList(), work);
                        });
            }

            @Override
            public String correlationId(Delivery<T> item) {
                return item.event().correlationId();
            }

            @Override
            public Uni<Void> apply(Delivery<T> item, Work work) {
                Set<String> first = work.local(Delivery.class, Set::of);
                // Removed once applied: the same event twice in one batch is applied once.
                return first.remove(item.event().id()) ? handler.apply(item.event(), item.payload(), work)
                        : skipRepeat(consumer, item.event());
            }
        });
    }

    public Uni<Void> process(Message<String> message, String consumer, Function<IncomingEvent, Uni<Void>> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(message);
        } catch (InvalidEventException e) {
            return handling.deadLetter(message, e);
        }
        // In the record's trace: the events the handler adds to the outbox continue it (Outbox takes the current one).
        return TraceContexts.within(TraceContexts.of(message), () -> {
            correlate(event);
            return handling.handle(message, () -> Panache.withTransaction(() -> inbox.recordFirstDelivery(consumer, event.id())
                    .chain(first -> first ? handler.apply(event).invoke(() -> LOG.debugf("applied the record %s-%d@%d", event.topic(), event.partition(),
                            event.offset())) : skipRepeat(consumer, event))));
        }).eventually(() -> MDC.remove(CORRELATION_ID));
    }

    /** The event's correlation id on the log lines written while it is applied (the MDC of its Vert.x context). */
    private static void correlate(IncomingEvent event) {
        if (event.correlationId() != null) {
            MDC.put(CORRELATION_ID, event.correlationId());
        } else {
            MDC.remove(CORRELATION_ID);
        }
    }

    private static Uni<Void> skipRepeat(String consumer, IncomingEvent event) {
        LOG.debugf("%s already applied event %s; skipping the repeat", consumer, event.id());
        return Uni.createFrom().voidItem();
    }
}
