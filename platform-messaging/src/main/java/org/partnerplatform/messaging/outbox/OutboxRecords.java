package org.partnerplatform.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.partnerplatform.messaging.tracing.TraceContexts;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;

/** What the relay sends for an outbox row: the Kafka record, and the span of its publish. */
final class OutboxRecords {
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Tracer tracer;

    OutboxRecords(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * The row's publish as a PRODUCER span of the trace of the transaction that wrote it; none for a row written
     * outside any trace or in one that is not recorded (its traceparent then travels as it was stored).
     */
    Span publishSpan(OutboxRow row) {
        if (!TraceContexts.sampled(row.traceParent())) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(row.topic() + " publish").setSpanKind(SpanKind.PRODUCER)
                .setParent(TraceContexts.restore(row.traceParent()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "publish")
                .setAttribute("messaging.destination.name", row.topic())
                .setAttribute("messaging.message.id", row.eventId())
                .setAttribute("messaging.kafka.message.key", row.key())
                .setAttribute("cloudevents.event_type", row.eventType())
                .startSpan();
    }

    /**
     * The record in CloudEvents binary mode, as consumers read it (IncomingEvent): ce_* headers, the JSON body; and
     * the traceparent of its publish span (or the stored one, when there is no span).
     */
    static ProducerRecord<String, String> toRecord(OutboxRow row, Span publish) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", row.eventId());
        header(headers, "ce_type", row.eventType());
        header(headers, "ce_source", row.source());
        if (row.subject() != null) {
            header(headers, "ce_subject", row.subject());
        }
        header(headers, "ce_time", RFC_3339.format(row.time()));
        header(headers, "content-type", "application/json");
        if (row.correlationId() != null) {
            header(headers, "X-Correlation-Id", row.correlationId());
        }
        if (publish.getSpanContext().isValid()) {
            TraceContexts.inject(publish.getSpanContext(), headers);
        } else if (row.traceParent() != null) {
            TraceContexts.inject(Span.fromContext(TraceContexts.restore(row.traceParent())).getSpanContext(), headers);
        }
        return new ProducerRecord<>(row.topic(), null, row.key(), row.payload(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
