package org.partnerplatform.messaging.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.partnerplatform.events.token.ClientRevoked;
import org.partnerplatform.messaging.incoming.EventHandler;
import org.partnerplatform.messaging.incoming.IdempotentConsumer;
import org.partnerplatform.messaging.incoming.IncomingEvent;
import org.partnerplatform.messaging.tx.MultiRowInsert;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.messaging.tx.Work;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Applies ClientRevoked events in batches through the shared batch mechanism, writing a row per event. */
@ApplicationScoped
public class WidgetBatchConsumer {
    private static final Pattern DATABASE_OUTAGE = Pattern.compile("db-outage-(\\d+)-.*");
    private static final MultiRowInsert APPLIED = MultiRowInsert.into("widget_batch_applied")
            .column("event_id", "text").column("client_id", "text").column("event_key", "text").build();
    /** Where an event whose clientId starts with "traced-" is published again (its trace must follow). */
    public static final String TRACED_TOPIC = "test.widgets.traced";
    /** Attempts per event id at apply. */
    public static final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    private final IdempotentConsumer consumer;

    public WidgetBatchConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("widget-batches")
    public Uni<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return consumer.processBatch(batch, "widget-batch-applier", new EventHandler<ClientRevoked>() {
            @Override
            public ClientRevoked read(IncomingEvent event) {
                return event.payloadAs(ClientRevoked.class);
            }

            @Override
            public Uni<Void> apply(IncomingEvent event, ClientRevoked revoked, Work work) {
                int attempt = attempts.merge(event.id(), 1, Integer::sum);
                Matcher outage = DATABASE_OUTAGE.matcher(revoked.clientId());
                if (outage.matches() && attempt <= Integer.parseInt(outage.group(1))) {
                    // PostgreSQL ends the session (SQLSTATE 57P01), as in a restart.
                    return work.sql().query("select pg_terminate_backend(pg_backend_pid())").execute().replaceWithVoid();
                }
                if (revoked.clientId().startsWith("bug-")) {
                    return Uni.createFrom().failure(new IllegalStateException("a bug in the handler"));
                }
                work.insert(APPLIED, event.id(), revoked.clientId(), event.key());
                if (revoked.clientId().startsWith("traced-")) {
                    work.publish(OutgoingEvent.of(TRACED_TOPIC, event.key(), revoked));
                }
                return Uni.createFrom().voidItem();
            }
        });
    }
}
