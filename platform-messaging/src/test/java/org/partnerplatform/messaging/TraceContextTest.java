package org.partnerplatform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.token.ClientRevoked;
import org.partnerplatform.messaging.outbox.OutgoingEvent;
import org.partnerplatform.messaging.testapp.RecordedSpans;
import org.partnerplatform.messaging.testapp.WidgetBatchConsumer;
import org.partnerplatform.messaging.tracing.TraceContexts;
import org.partnerplatform.messaging.tx.Transactions;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The W3C trace context through the mechanism, against the real broker and database: a record's trace goes on into
 * the events its handler writes (in a batch and one record at a time), through the outbox, to the record the relay
 * publishes, as a PRODUCER span of that trace; an event written in a caller's trace carries it; one written outside
 * any trace carries none.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
class TraceContextTest {
    static KafkaTestClient kafka;

    @Inject
    RecordedSpans spans;
    @Inject
    Transactions transactions;
    @Inject
    Vertx vertx;

    @BeforeAll
    static void client() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void closeClient() {
        kafka.close();
    }

    record Caller(String traceId, String spanId) {
        static Caller random() {
            byte[] trace = new byte[16];
            byte[] span = new byte[8];
            ThreadLocalRandom.current().nextBytes(trace);
            ThreadLocalRandom.current().nextBytes(span);
            return new Caller(HexFormat.of().formatHex(trace), HexFormat.of().formatHex(span));
        }

        String traceparent() {
            return "00-" + traceId + "-" + spanId + "-01";
        }
    }

    @Test
    void aBatchedRecordsTraceGoesOnThroughTheOutboxToTheRecordTheRelayPublishes() {
        assertTheTraceFollows("test.widget-batches", "widget-batches");
    }

    @Test
    void aSingleRecordsTraceGoesOnThroughTheOutboxToTheRecordTheRelayPublishes() {
        assertTheTraceFollows("test.widgets", "widget-events");
    }

    private void assertTheTraceFollows(String topic, String channel) {
        Caller caller = Caller.random();
        String key = "traced-" + UUID.randomUUID();
        ProducerRecord<String, String> record = KafkaTestClient.cloudEvent(topic, key, UUID.randomUUID().toString(), EventType.CLIENT_REVOKED.ceType(),
                EventJson.write(new ClientRevoked(key, 42, Instant.now())));
        record.headers().add("traceparent", caller.traceparent().getBytes(StandardCharsets.UTF_8));
        kafka.sendAll(List.of(record));

        ConsumerRecord<String, String> published = kafka.readUntil(WidgetBatchConsumer.TRACED_TOPIC, r -> key.equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        String traceparent = KafkaTestClient.header(published, "traceparent").orElseThrow();
        assertThat(traceparent).startsWith("00-" + caller.traceId() + "-").endsWith("-01").doesNotContain(caller.spanId());

        // The consumer span (the connector's, a child of the caller's) is the parent of the relay's publish span,
        // whose id is the one the published record carries.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> trace = spans.inTrace(caller.traceId());
            SpanData receive = trace.stream().filter(s -> s.getKind() == SpanKind.CONSUMER && s.getParentSpanId().equals(caller.spanId()))
                    .findFirst().orElseThrow(() -> new AssertionError("no consumer span under the caller's in " + trace));
            assertThat(receive.getName()).isEqualTo(topic + " receive");
            SpanData publish = trace.stream().filter(s -> s.getKind() == SpanKind.PRODUCER && s.getParentSpanId().equals(receive.getSpanId()))
                    .findFirst().orElseThrow(() -> new AssertionError("no publish span under the consumer span in " + trace));
            assertThat(publish.getName()).isEqualTo(WidgetBatchConsumer.TRACED_TOPIC + " publish");
            assertThat(publish.getAttributes().asMap().toString()).contains("messaging.destination.name=" + WidgetBatchConsumer.TRACED_TOPIC);
            assertThat(traceparent).isEqualTo("00-" + caller.traceId() + "-" + publish.getSpanId() + "-01");
        });
    }

    /** Two records of one batch, each in its own trace: each item's events continue its record's, not the batch's first or last. */
    @Test
    void eachRecordOfABatchGoesOnInItsOwnTrace() {
        List<Caller> callers = List.of(Caller.random(), Caller.random(), Caller.random());
        List<String> keys = new java.util.ArrayList<>();
        List<ProducerRecord<String, String>> records = new java.util.ArrayList<>();
        for (Caller caller : callers) {
            String key = "traced-" + UUID.randomUUID();
            keys.add(key);
            ProducerRecord<String, String> record = KafkaTestClient.cloudEvent("test.widget-batches", key, UUID.randomUUID().toString(),
                    EventType.CLIENT_REVOKED.ceType(), EventJson.write(new ClientRevoked(key, 42, Instant.now())));
            record.headers().add("traceparent", caller.traceparent().getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        kafka.sendAll(records);
        List<ConsumerRecord<String, String>> published = kafka.readUntil(WidgetBatchConsumer.TRACED_TOPIC, r -> keys.contains(r.key()), 3,
                Duration.ofSeconds(30));
        for (int i = 0; i < callers.size(); i++) {
            String key = keys.get(i);
            String trace = callers.get(i).traceId();
            ConsumerRecord<String, String> out = published.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
            assertThat(KafkaTestClient.header(out, "traceparent")).as(key).hasValueSatisfying(v -> assertThat(v).startsWith("00-" + trace + "-"));
        }
    }

    /**
     * After work in a record's trace, the log lines of its Vert.x context carry no trace id: Quarkus restores the
     * context before it, and leaves the MDC as it was when that one has no span.
     */
    @Test
    void theTraceIdLeavesTheLogLinesWithTheWork() throws Exception {
        Caller caller = Caller.random();
        Context parent = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(caller.traceId(), caller.spanId(), TraceFlags.getSampled(),
                TraceState.getDefault())));
        CompletableFuture<List<Object>> seen = new CompletableFuture<>();
        io.vertx.core.Context duplicated = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        duplicated.runOnContext(v -> {
            // A context without a span already current (as the batch's), which Quarkus restores without clearing the MDC.
            Context.root().with(io.opentelemetry.context.ContextKey.named("unrelated"), "value").makeCurrent();
            Object[] during = new Object[1];
            TraceContexts.within(parent, () -> {
                during[0] = MDC.get("traceId");
                return Uni.createFrom().voidItem();
            }).subscribe().with(ok -> seen.complete(java.util.Arrays.asList(during[0], MDC.get("traceId"), Span.current().getSpanContext().isValid())),
                    seen::completeExceptionally);
        });
        List<Object> observed = seen.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(observed.get(0)).as("during").isEqualTo(caller.traceId());
        assertThat(observed.get(1)).as("after").isNull();
        assertThat(observed.get(2)).as("a span current after").isEqualTo(false);
    }

    @Test
    void onlyTheTraceparentIsKeptAndItsSampledFlagRead() {
        Caller caller = Caller.random();
        Context parent = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(caller.traceId(), caller.spanId(), TraceFlags.getSampled(),
                TraceState.builder().put("vendor", "partner-text").build())));
        String stored = TraceContexts.capture(parent);
        assertThat(stored).isEqualTo(caller.traceparent());
        assertThat(TraceContexts.sampled(stored)).isTrue();
        assertThat(TraceContexts.sampled("00-" + caller.traceId() + "-" + caller.spanId() + "-00")).isFalse();
        assertThat(TraceContexts.sampled("not a traceparent")).isFalse();
        assertThat(TraceContexts.capture(Context.root())).isNull();
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add("tracestate", "partner=text".getBytes(StandardCharsets.UTF_8));
        TraceContexts.inject(Span.fromContext(parent).getSpanContext(), headers);
        assertThat(headers.lastHeader("tracestate")).isNull();
        assertThat(new String(headers.lastHeader("traceparent").value(), StandardCharsets.UTF_8)).isEqualTo(caller.traceparent());
    }

    @Test
    void anEventWrittenInACallersTraceCarriesItAndOneWrittenOutsideAnyCarriesNone() {
        Caller caller = Caller.random();
        String traced = "in-trace-" + UUID.randomUUID();
        String untraced = "no-trace-" + UUID.randomUUID();
        Context parent = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(caller.traceId(), caller.spanId(), TraceFlags.getSampled(),
                TraceState.getDefault())));
        try (Scope ignored = parent.makeCurrent()) {
            write(traced).await().atMost(Duration.ofSeconds(10));
        }
        write(untraced).await().atMost(Duration.ofSeconds(10));

        ConsumerRecord<String, String> withTrace = kafka.readUntil(WidgetBatchConsumer.TRACED_TOPIC, r -> traced.equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        assertThat(KafkaTestClient.header(withTrace, "traceparent")).hasValueSatisfying(
                value -> assertThat(value).startsWith("00-" + caller.traceId() + "-").doesNotContain(caller.spanId()));
        ConsumerRecord<String, String> withoutTrace = kafka.readUntil(WidgetBatchConsumer.TRACED_TOPIC, r -> untraced.equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0);
        assertThat(KafkaTestClient.header(withoutTrace, "traceparent")).isEmpty();
    }

    private Uni<Void> write(String key) {
        return transactions.inTransaction(work -> {
            work.publish(OutgoingEvent.of(WidgetBatchConsumer.TRACED_TOPIC, key, new ClientRevoked(key, 42, Instant.now())));
            return Uni.createFrom().voidItem();
        });
    }
}
