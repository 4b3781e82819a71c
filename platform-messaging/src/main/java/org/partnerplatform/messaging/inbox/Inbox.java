package org.partnerplatform.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records that a consumer has applied an event, in the caller's transaction. Because the record commits with the
 * effect, an event is applied at most once per consumer however often it is delivered.
 */
@ApplicationScoped
public class Inbox {
    private static final String RECORD = "insert into inbox (consumer, event_id) values (:consumer, :id) on conflict do nothing";

    /** True when this is the first time the consumer sees this event id; false for a repeat. */
    public Uni<Boolean> recordFirstDelivery(String consumer, String eventId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD)
                        .setParameter("consumer", consumer)
                        .setParameter("id", eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
