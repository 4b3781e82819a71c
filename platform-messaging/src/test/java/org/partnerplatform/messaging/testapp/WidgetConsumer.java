package org.partnerplatform.messaging.testapp;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnerplatform.events.token.ClientRevoked;
import org.partnerplatform.messaging.incoming.IdempotentConsumer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Applies ClientRevoked events by writing a row per event, through the shared idempotent consumer. */
@ApplicationScoped
public class WidgetConsumer {
    private final IdempotentConsumer consumer;

    public WidgetConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("widget-events")
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.process(message, "widget-applier", event -> {
            ClientRevoked revoked = event.payloadAs(ClientRevoked.class);
            return Panache.getSession().chain(s -> s.createNativeQuery("insert into widget_applied (event_id, client_id) values (:id, :client)")
                    .setParameter("id", event.id()).setParameter("client", revoked.clientId()).executeUpdate()).replaceWithVoid();
        });
    }
}
