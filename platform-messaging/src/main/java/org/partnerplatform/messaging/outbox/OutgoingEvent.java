package org.partnerplatform.messaging.outbox;

import java.util.Objects;

/**
 * An event to publish: its topic, its record key (the aggregate's id, so that one aggregate's events stay in order),
 * its payload (one of the contract types in platform-events), and optionally a subject and a correlation id.
 */
public record OutgoingEvent(String topic, String key, Object payload, String subject, String correlationId) {

    public OutgoingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key: every record has a key");
        Objects.requireNonNull(payload, "payload");
    }

    public static OutgoingEvent of(String topic, String key, Object payload) {
        return new OutgoingEvent(topic, key, payload, key, null);
    }

    public OutgoingEvent withSubject(String subject) {
        return new OutgoingEvent(topic, key, payload, subject, correlationId);
    }

    public OutgoingEvent withCorrelationId(String correlationId) {
        return new OutgoingEvent(topic, key, payload, subject, correlationId);
    }
}
