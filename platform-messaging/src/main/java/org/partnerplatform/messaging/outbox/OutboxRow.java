package org.partnerplatform.messaging.outbox;

import java.time.OffsetDateTime;

import io.vertx.mutiny.sqlclient.Row;

/** An unpublished outbox row, as the relay reads it; with the trace context of the transaction that wrote it, if any. */
record OutboxRow(long position, String eventId, String topic, String key, String eventType, String source, String subject,
        OffsetDateTime time, String payload, String correlationId, String traceParent) {

    static OutboxRow of(Row row) {
        return new OutboxRow(row.getLong("position"), row.getUUID("event_id").toString(), row.getString("topic"),
                row.getString("message_key"), row.getString("event_type"), row.getString("event_source"), row.getString("event_subject"),
                row.getOffsetDateTime("event_time"), row.getString("payload"), row.getString("correlation_id"),
                row.getString("trace_parent"));
    }

    /** The unit of order: one key's rows on one topic. */
    String orderKey() {
        return topic + '\u0000' + key;
    }
}
