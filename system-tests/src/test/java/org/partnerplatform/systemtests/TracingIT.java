package org.partnerplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.devinfra.Platform.Service;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.SaleRequest;
import org.partnerplatform.events.sales.SaleResult;
import org.partnerplatform.systemtests.OtlpReceiver.ReceivedSpan;
import org.partnerplatform.testsupport.KafkaTestClient;

import io.restassured.http.ContentType;

/**
 * One trace follows a partner's sale from its Kafka request to its settlement entry and its result, across
 * sales-service, the outbox relays and settlement-service, as the services export it over OTLP to a collector (the
 * test's {@link OtlpReceiver}); and the log lines of each service on the way carry the trace id and the request's
 * correlation id. A REST sale's trace goes on the same way from the caller's traceparent.
 */
class TracingIT {
    static final String PRODUCT = "INN:SalesPackage:Traced";
    static PartnerPlatformApi.Seller seller;
    static KafkaTestClient kafka;

    @BeforeAll
    static void onboard() {
        seller = PartnerPlatformApi.onboardSeller("Innlandstrafikk", "INN", "Sporbar Reise AS", "sporbar-app", PRODUCT, "38.00");
        kafka = new KafkaTestClient(RunningPlatform.get().kafka().bootstrapServers());
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The partner's own span, as its traceparent names it. */
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
    void oneTraceSpansThePartnersKafkaRequestTheSaleTheRelaysTheSettlementEntryAndThePartnersResult() throws IOException {
        long partner = seller.partner();
        Caller caller = Caller.random();
        String key = "traced-" + UUID.randomUUID();
        String correlationId = "trace-test-" + UUID.randomUUID();
        ProducerRecord<String, String> request = new ProducerRecord<>(Topics.salesRequests(partner), key,
                EventJson.write(new SaleRequest(key, "WEB", List.of(new SaleRequest.Line(PRODUCT, "ADULT", 1)), null)));
        header(request, "Authorization", "Bearer " + PartnerPlatformApi.token(seller.client()));
        header(request, "X-Correlation-Id", correlationId);
        header(request, "traceparent", caller.traceparent());
        kafka.sendAll(List.of(request));

        ConsumerRecord<String, String> resultRecord = kafka.readUntil(Topics.salesResults(partner), r -> key.equals(r.key()), 1,
                Duration.ofSeconds(60)).get(0);
        SaleResult result = EventJson.read(resultRecord.value(), SaleResult.class);
        assertThat(result.status()).as(result.errorCode() + ": " + result.errorDetail()).isEqualTo("CONFIRMED");
        String orderId = result.orderId();
        ConsumerRecord<String, String> entryRecord = kafka.readUntil(Topics.SETTLEMENT_EVENTS, r -> r.value().contains(orderId), 1,
                Duration.ofSeconds(60)).get(0);
        // The records the partner and finance read carry the trace too.
        assertThat(KafkaTestClient.header(resultRecord, "traceparent")).hasValueSatisfying(v -> assertThat(v).startsWith("00-" + caller.traceId() + "-"));
        assertThat(KafkaTestClient.header(entryRecord, "traceparent")).hasValueSatisfying(v -> assertThat(v).startsWith("00-" + caller.traceId() + "-"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ReceivedSpan> trace = RunningPlatform.traces().trace(caller.traceId());
            ReceivedSpan received = span(trace, "sales-service", "CONSUMER", Topics.salesRequests(partner) + " receive", caller.spanId());
            ReceivedSpan order = span(trace, "sales-service", "PRODUCER", Topics.SALES_ORDER_EVENTS + " publish", received.spanId());
            span(trace, "sales-service", "PRODUCER", Topics.salesResults(partner) + " publish", received.spanId());
            ReceivedSpan settled = span(trace, "settlement-service", "CONSUMER", Topics.SALES_ORDER_EVENTS + " receive", order.spanId());
            span(trace, "settlement-service", "PRODUCER", Topics.SETTLEMENT_EVENTS + " publish", settled.spanId());
            assertThat(order.attributes()).containsEntry("messaging.kafka.message.key", orderId);
            assertNoRelayRound(trace);
        });

        // Each service's line for the record it applied names the trace and the correlation id.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (Service service : List.of(Service.SALES, Service.SETTLEMENT)) {
                List<String> lines = Files.readAllLines(RunningPlatform.log(service), StandardCharsets.UTF_8);
                assertThat(lines).as(service.module + "'s log")
                        .anyMatch(line -> line.contains("trace=" + caller.traceId()) && line.contains("corr=" + correlationId)
                                && line.contains("applied the record"))
                        // and no line of another request's work carries this trace (or the reverse): nothing is left behind.
                        .allMatch(line -> line.contains("trace=" + caller.traceId()) == line.contains("corr=" + correlationId));
            }
        });
    }

    @Test
    void aRestSalesTraceGoesOnFromTheCallersTraceparentToTheSettlementEntry() {
        Caller caller = Caller.random();
        String orderId = given().auth().oauth2(PartnerPlatformApi.token(seller.client())).header("traceparent", caller.traceparent())
                .header("Idempotency-Key", "traced-rest-" + UUID.randomUUID()).contentType(ContentType.JSON)
                .body(Map.of("lines", List.of(Map.of("productId", PRODUCT, "userProfile", "ADULT", "quantity", 1))))
                .post(RunningPlatform.url(Service.SALES) + "/v1/sales").then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ReceivedSpan> trace = RunningPlatform.traces().trace(caller.traceId());
            ReceivedSpan request = only(trace, s -> s.service().equals("sales-service") && s.kind().equals("SERVER")
                    && s.parentSpanId().equals(caller.spanId()));
            ReceivedSpan order = span(trace, "sales-service", "PRODUCER", Topics.SALES_ORDER_EVENTS + " publish", request.spanId());
            assertThat(order.attributes()).containsEntry("messaging.kafka.message.key", orderId);
            ReceivedSpan settled = span(trace, "settlement-service", "CONSUMER", Topics.SALES_ORDER_EVENTS + " receive", order.spanId());
            span(trace, "settlement-service", "PRODUCER", Topics.SETTLEMENT_EVENTS + " publish", settled.spanId());
            // The request's statements are in its trace.
            assertThat(trace).as("spans of the trace").anyMatch(s -> s.kind().equals("CLIENT") && s.parentSpanId().equals(request.spanId())
                    && (s.attributes().containsKey("db.system.name") || s.attributes().containsKey("db.system")));
            assertNoRelayRound(trace);
        });
    }

    /**
     * The relay publishes in the trace of each row, but its own rounds (the polls and their statements) belong to
     * no request: a round that ran on the context of the request or record that nudged it would take that trace
     * with it, and so would every round after it. Nor do they start traces of their own (TraceSampling drops a root
     * client span): no span any service exported is a relay's statement.
     */
    private static void assertNoRelayRound(List<ReceivedSpan> trace) {
        assertThat(trace).as("spans of the trace").noneMatch(TracingIT::isRelayStatement);
        assertThat(RunningPlatform.traces().all()).as("every span exported").isNotEmpty().noneMatch(TracingIT::isRelayStatement);
    }

    private static boolean isRelayStatement(ReceivedSpan span) {
        return span.attributes().values().stream().anyMatch(v -> v.contains("pg_try_advisory_xact_lock"));
    }

    private static ReceivedSpan span(List<ReceivedSpan> trace, String service, String kind, String name, String parent) {
        return only(trace, s -> s.service().equals(service) && s.kind().equals(kind) && s.name().equals(name) && s.parentSpanId().equals(parent));
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, Predicate<ReceivedSpan> filter) {
        List<ReceivedSpan> found = trace.stream().filter(filter).toList();
        assertThat(found).as("the span sought in the trace " + trace).hasSize(1);
        return found.get(0);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
