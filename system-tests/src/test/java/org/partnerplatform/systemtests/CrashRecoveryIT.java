package org.partnerplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerplatform.systemtests.PartnerPlatformApi.awaitConsumed;
import static org.partnerplatform.systemtests.PartnerPlatformApi.token;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.devinfra.Platform;
import org.partnerplatform.devinfra.Platform.Service;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.events.sales.SaleRequest;
import org.partnerplatform.events.sales.SaleResult;
import org.partnerplatform.testsupport.KafkaTestClient;

/**
 * Nothing accepted is lost and nothing is counted twice when services crash: sales-service and
 * settlement-service are killed (SIGKILL) in the middle of a stream of sale requests and started again; every
 * request gets its one order, and the ledger holds exactly one entry per order, to the øre.
 */
class CrashRecoveryIT {
    static final String PRODUCT = "RUT:SalesPackage:SingleZone";
    static final int REQUESTS = 200;
    static KafkaTestClient kafka;

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void killedServicesLoseNothingAndCountNothingTwice() throws Exception {
        Platform platform = RunningPlatform.get();
        kafka = new KafkaTestClient(platform.kafka().bootstrapServers());
        var seller = PartnerPlatformApi.onboardSeller("Ruter", "RUT", "Krasj og Gjenstart AS", "krasj-app", PRODUCT, "44.00");
        long partner = seller.partner();
        var finance = seller.finance();
        String partnerToken = token(seller.client());

        // A first batch, then sales-service dies while it works through it.
        CompletableFuture<Void> firstBatch = CompletableFuture.runAsync(() -> send(partner, partnerToken, 0, 150));
        kafka.readUntil(Topics.salesResults(partner), r -> true, 20, Duration.ofSeconds(60));
        platform.service(Service.SALES).kill();
        firstBatch.get();
        // More requests arrive while it is down; settlement-service dies too.
        send(partner, partnerToken, 150, REQUESTS);
        platform.service(Service.SETTLEMENT).kill();
        platform.restart(Service.SALES);
        platform.restart(Service.SETTLEMENT);

        // Every request is answered, each key always with the same order.
        List<SaleResult> results = kafka.readUntil(Topics.salesResults(partner), r -> true, REQUESTS, Duration.ofSeconds(180)).stream()
                .map(r -> EventJson.read(r.value(), SaleResult.class)).toList();
        Map<String, Set<String>> ordersPerKey = new HashMap<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (ordersPerKey.size() < REQUESTS && Instant.now().isBefore(deadline)) {
            ordersPerKey.clear();
            for (ConsumerRecord<String, String> r : kafka.readAll(Topics.salesResults(partner), Duration.ofSeconds(30))) {
                SaleResult result = EventJson.read(r.value(), SaleResult.class);
                assertThat(result.status()).as(result.errorCode() + " " + result.errorDetail()).isEqualTo("CONFIRMED");
                ordersPerKey.computeIfAbsent(result.idempotencyKey(), k -> new HashSet<>()).add(result.orderId());
            }
            Thread.sleep(500);
        }
        assertThat(results).isNotEmpty();
        assertThat(ordersPerKey).hasSize(REQUESTS);
        assertThat(ordersPerKey.values()).allSatisfy(orders -> assertThat(orders).hasSize(1));
        Set<String> orderIds = ordersPerKey.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(orderIds).hasSize(REQUESTS);

        // The order events may repeat (at least once), but they name exactly these orders.
        Set<String> published = kafka.readAll(Topics.SALES_ORDER_EVENTS, Duration.ofSeconds(30)).stream()
                .filter(r -> orderIds.contains(r.key()))
                .map(r -> EventJson.read(r.value(), OrderConfirmed.class).orderId()).collect(Collectors.toSet());
        assertThat(published).isEqualTo(orderIds);

        // The ledger counts each order once: 200 × 44.00, VAT 4.71 each, commission 2.20 each.
        awaitConsumed("settlement-service", Set.of(Topics.SALES_ORDER_EVENTS), Duration.ofSeconds(120));
        given().auth().oauth2(token(finance)).get(RunningPlatform.url(Service.SETTLEMENT) + "/v1/settlement/partners/{p}/summary", partner)
                .then().statusCode(200)
                .body("entries", org.hamcrest.Matchers.equalTo(REQUESTS))
                .body("grossAmount", org.hamcrest.Matchers.equalTo("8800.00"))
                .body("vatAmount", org.hamcrest.Matchers.equalTo("942.00"))
                .body("commissionAmount", org.hamcrest.Matchers.equalTo("440.00"))
                .body("netToOperatorAmount", org.hamcrest.Matchers.equalTo("8360.00"));
    }

    private static void send(long partner, String token, int from, int to) {
        for (int i = from; i < to; i++) {
            String key = "crash-" + partner + "-" + String.format("%04d", i);
            kafka.send(Topics.salesRequests(partner), key,
                    EventJson.write(new SaleRequest(key, null, List.of(new SaleRequest.Line(PRODUCT, "ADULT", 1)), null)),
                    "Authorization", "Bearer " + token);
        }
    }
}
