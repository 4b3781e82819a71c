package org.partnerplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerplatform.systemtests.PartnerPlatformApi.awaitConsumed;
import static org.partnerplatform.systemtests.PartnerPlatformApi.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * Nothing accepted is lost and nothing is counted twice when services crash in the middle of batches under load: sale
 * requests stream in, in bursts of 100; sales-service is killed (SIGKILL) while it applies them, restarted, and then
 * settlement-service is killed and restarted while orders keep coming; every request gets its one order, and the
 * ledger holds exactly one entry per order, to the øre.
 */
class CrashRecoveryIT {
    static final String PRODUCT = "RUT:SalesPackage:SingleZone";
    static final int REQUESTS = 3000;
    static final int BURST = 100;
    static KafkaTestClient kafka;

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void servicesKilledInTheMiddleOfBatchesLoseNothingAndCountNothingTwice() throws Exception {
        Platform platform = RunningPlatform.get();
        kafka = new KafkaTestClient(platform.kafka().bootstrapServers());
        var seller = PartnerPlatformApi.onboardSeller("Ruter", "RUT", "Krasj og Gjenstart AS", "krasj-app", PRODUCT, "44.00");
        long partner = seller.partner();
        String partnerToken = token(seller.client());
        String results = Topics.salesResults(partner);

        // A stream of about 200 requests a second, in bursts, for 15 seconds: both services die in the middle of it.
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int from = 0; from < REQUESTS; from += BURST) {
                kafka.sendAll(burst(partner, partnerToken, from, Math.min(REQUESTS, from + BURST)));
                pause(500);
            }
        });
        kafka.readUntil(results, r -> true, 300, Duration.ofSeconds(60));
        platform.service(Service.SALES).kill();
        pause(1000);
        platform.restart(Service.SALES);
        kafka.readUntil(results, r -> true, 1500, Duration.ofSeconds(90));
        platform.service(Service.SETTLEMENT).kill();
        pause(500);
        platform.restart(Service.SETTLEMENT);
        stream.get();

        // Every request is answered, each key always with the same order (an answer may come twice: at least once).
        Map<String, Set<String>> ordersPerKey = new HashMap<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (ordersPerKey.size() < REQUESTS && Instant.now().isBefore(deadline)) {
            ordersPerKey.clear();
            for (ConsumerRecord<String, String> r : kafka.readAll(results, Duration.ofSeconds(5))) {
                SaleResult result = EventJson.read(r.value(), SaleResult.class);
                assertThat(result.status()).as(result.errorCode() + " " + result.errorDetail()).isEqualTo("CONFIRMED");
                ordersPerKey.computeIfAbsent(result.idempotencyKey(), k -> new HashSet<>()).add(result.orderId());
            }
        }
        assertThat(ordersPerKey).hasSize(REQUESTS);
        assertThat(ordersPerKey.values()).allSatisfy(orders -> assertThat(orders).hasSize(1));
        Set<String> orderIds = ordersPerKey.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(orderIds).hasSize(REQUESTS);

        // The order events may repeat (at least once), but they name exactly these orders.
        Set<String> published = kafka.readAll(Topics.SALES_ORDER_EVENTS, Duration.ofSeconds(10)).stream()
                .filter(r -> orderIds.contains(r.key()))
                .map(r -> EventJson.read(r.value(), OrderConfirmed.class).orderId()).collect(Collectors.toSet());
        assertThat(published).isEqualTo(orderIds);

        // The ledger counts each order once: 3,000 × 44.00, VAT 4.71 each, commission 2.20 each.
        awaitConsumed("settlement-service", Set.of(Topics.SALES_ORDER_EVENTS), Duration.ofSeconds(120));
        given().auth().oauth2(token(seller.finance()))
                .get(RunningPlatform.url(Service.SETTLEMENT) + "/v1/settlement/partners/{p}/summary", partner)
                .then().statusCode(200)
                .body("entries", org.hamcrest.Matchers.equalTo(REQUESTS))
                .body("grossAmount", org.hamcrest.Matchers.equalTo("132000.00"))
                .body("vatAmount", org.hamcrest.Matchers.equalTo("14130.00"))
                .body("commissionAmount", org.hamcrest.Matchers.equalTo("6600.00"))
                .body("netToOperatorAmount", org.hamcrest.Matchers.equalTo("125400.00"));
    }

    private static List<ProducerRecord<String, String>> burst(long partner, String token, int from, int to) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String key = "crash-" + partner + "-" + String.format("%05d", i);
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.salesRequests(partner), key,
                    EventJson.write(new SaleRequest(key, null, List.of(new SaleRequest.Line(PRODUCT, "ADULT", 1)), null)));
            record.headers().add("Authorization", ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        return records;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
