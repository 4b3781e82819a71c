package org.partnerplatform.messaging.testapp;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.events.token.ClientRevoked;
import org.partnerplatform.messaging.outbox.Outbox;
import org.partnerplatform.messaging.outbox.OutgoingEvent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A business change plus its event, in one transaction; optionally failing after both were written. */
@ApplicationScoped
public class WidgetService {
    private final Outbox outbox;

    public WidgetService(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> create(String id, String topic, boolean failAfterWriting) {
        return Panache.withTransaction(() -> {
            Widget widget = new Widget();
            widget.id = id;
            widget.name = "widget " + id;
            return widget.persist()
                    .chain(() -> outbox.add(OutgoingEvent.of(topic, id, new ClientRevoked(id, 42, Instant.now())).withCorrelationId("corr-" + id)))
                    .chain(() -> failAfterWriting ? Uni.createFrom().failure(new IllegalStateException("boom")) : Uni.createFrom().voidItem());
        });
    }
}
