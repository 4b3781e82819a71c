package org.partnerplatform.messaging.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnerplatform.events.token.ClientRevoked;
import org.partnerplatform.messaging.incoming.IdempotentConsumer;
import org.partnerplatform.messaging.outbox.Outbox;
import org.partnerplatform.messaging.outbox.OutgoingEvent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Applies ClientRevoked events by writing a row per event, through the shared idempotent consumer. */
@ApplicationScoped
public class WidgetConsumer {
    /** clientId "db-outage-N-...": the database fails the first N attempts at the event. */
    private static final Pattern DATABASE_OUTAGE = Pattern.compile("db-outage-(\\d+)-.*");
    /** Attempts per event id, for the events above. */
    public static final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    private final IdempotentConsumer consumer;
    private final Outbox outbox;

    public WidgetConsumer(IdempotentConsumer consumer, Outbox outbox) {
        this.consumer = consumer;
        this.outbox = outbox;
    }

    @Incoming("widget-events")
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.process(message, "widget-applier", event -> {
            ClientRevoked revoked = event.payloadAs(ClientRevoked.class);
            Matcher outage = DATABASE_OUTAGE.matcher(revoked.clientId());
            if (outage.matches() && attempts.merge(event.id(), 1, Integer::sum) <= Integer.parseInt(outage.group(1))) {
                // A real database failure: PostgreSQL ends this session's connection (SQLSTATE 57P01), as in a restart.
                return Panache.getSession().chain(s -> s.createNativeQuery("select pg_terminate_backend(pg_backend_pid())").getSingleResult())
                        .replaceWithVoid();
            }
            if (revoked.clientId().startsWith("bug-")) {
                attempts.merge(event.id(), 1, Integer::sum);
                return Uni.createFrom().failure(new IllegalStateException("a bug in the handler"));
            }
            Uni<Void> applied = Panache.getSession().chain(s -> s.createNativeQuery("insert into widget_applied (event_id, client_id) values (:id, :client)")
                    .setParameter("id", event.id()).setParameter("client", revoked.clientId()).executeUpdate()).replaceWithVoid();
            return revoked.clientId().startsWith("traced-")
                    ? applied.chain(() -> outbox.add(OutgoingEvent.of(WidgetBatchConsumer.TRACED_TOPIC, event.key(), revoked))).replaceWithVoid()
                    : applied;
        });
    }
}
