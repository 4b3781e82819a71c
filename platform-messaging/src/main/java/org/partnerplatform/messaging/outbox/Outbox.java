package org.partnerplatform.messaging.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventSchemas;
import org.partnerplatform.events.EventType;
import org.partnerplatform.messaging.config.MessagingConfig;
import org.partnerplatform.messaging.tracing.TraceContexts;

import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Stores events in the outbox table within the caller's current reactive transaction, so that an event exists
 * if and only if the change it describes was committed. {@link OutboxRelay} publishes them.
 */
@ApplicationScoped
public class Outbox {
    private static final String INSERT = "insert into outbox (event_id, topic, message_key, event_type, event_source, "
            + "event_subject, event_time, payload, correlation_id, trace_parent) "
            + "values (:id, :topic, :key, :type, :source, :subject, :time, :payload, :correlation, :traceParent)";

    private final MessagingConfig config;

    public Outbox(MessagingConfig config) {
        this.config = config;
    }

    /** Adds one event; returns its id (the CloudEvents ce_id). Must run inside a transaction. */
    public Uni<UUID> add(OutgoingEvent event) {
        EventType type = EventType.ofPayload(event.payload().getClass())
                .orElseThrow(() -> new IllegalArgumentException(event.payload().getClass() + " is not an event contract"));
        String json = EventJson.write(event.payload());
        if (config.validateOutgoing()) {
            EventSchemas.requireValid(type, json);
        }
        UUID id = UUID.randomUUID();
        String traceParent = TraceContexts.capture(Context.current());
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException("Outbox.add must run inside a transaction"))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", id)
                        .setParameter("topic", event.topic())
                        .setParameter("key", event.key())
                        .setParameter("type", type.ceType())
                        .setParameter("source", config.source())
                        .setParameter("subject", event.subject())
                        .setParameter("time", OffsetDateTime.now(ZoneOffset.UTC))
                        .setParameter("payload", json)
                        .setParameter("correlation", event.correlationId())
                        .setParameter("traceParent", traceParent)
                        .executeUpdate())
                .replaceWith(id);
    }

    /** Adds several events in order. */
    public Uni<Void> addAll(List<OutgoingEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OutgoingEvent event : events) {
            chain = chain.chain(() -> add(event)).replaceWithVoid();
        }
        return chain;
    }
}
