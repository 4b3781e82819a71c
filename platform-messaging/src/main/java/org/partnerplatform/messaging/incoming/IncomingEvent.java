package org.partnerplatform.messaging.incoming;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnerplatform.events.CorrelationIds;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventSchemas;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.InvalidEventException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * A CloudEvent read from a Kafka record in binary mode (ce_* headers, JSON body), with where it came from.
 * Reading it checks what a consumer relies on; anything missing raises {@link InvalidEventException}.
 */
public record IncomingEvent(
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        String topic,
        int partition,
        long offset,
        String key,
        String payload,
        JsonNode body,
        String correlationId) {

    public static IncomingEvent from(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record"));
        Headers headers = kafka.getHeaders();
        String id = required(headers, "ce_id");
        String type = required(headers, "ce_type");
        String source = required(headers, "ce_source");
        String specVersion = required(headers, "ce_specversion");
        if (!"1.0".equals(specVersion)) {
            throw new InvalidEventException("unsupported CloudEvents spec version " + specVersion);
        }
        Instant time = header(headers, "ce_time").map(IncomingEvent::parseTime).orElse(null);
        String payload = message.getPayload();
        if (payload == null || payload.isBlank()) {
            throw new InvalidEventException("record " + id + " has no body");
        }
        JsonNode body;
        try {
            // Every event body must be JSON, whatever its type: a consumer that ignores a type still refuses garbage.
            body = EventJson.mapper().readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("record " + id + " is not JSON: " + e.getOriginalMessage());
        }
        Object key = kafka.getKey();
        return new IncomingEvent(id, type, source, header(headers, "ce_subject").orElse(null), time, kafka.getTopic(),
                kafka.getPartition(), kafka.getOffset(), key == null ? null : key.toString(), payload, body,
                CorrelationIds.plainOrNull(header(headers, CorrelationIds.HEADER).orElse(null)));
    }

    /** The contract type of this event, if it is one this platform defines. */
    public Optional<EventType> eventType() {
        return EventType.ofCeType(type);
    }

    /** The payload as its contract type, after checking it against the type's JSON Schema. */
    public <T> T payloadAs(Class<T> payloadType) {
        EventType expected = EventType.ofPayload(payloadType)
                .orElseThrow(() -> new IllegalArgumentException(payloadType + " is not an event contract"));
        if (!expected.ceType().equals(type)) {
            throw new InvalidEventException("expected " + expected.ceType() + " but the record is " + type);
        }
        List<String> violations = EventSchemas.violations(expected, body);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(expected.ceType() + " does not match its schema: " + String.join("; ", violations));
        }
        try {
            return EventJson.mapper().treeToValue(body, payloadType);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("payload is not a valid " + payloadType.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    private static Instant parseTime(String value) {
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("ce_time is not an RFC 3339 time: " + value);
        }
    }

    private static String required(Headers headers, String name) {
        return header(headers, name).filter(v -> !v.isBlank())
                .orElseThrow(() -> new InvalidEventException("record has no " + name + " header: not a CloudEvent in binary mode"));
    }

    static Optional<String> header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
