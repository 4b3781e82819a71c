package org.partnerplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.partnerplatform.systemtests.PartnerPlatformApi.awaitConsumed;
import static org.partnerplatform.systemtests.PartnerPlatformApi.token;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.devinfra.Platform;
import org.partnerplatform.devinfra.Platform.Service;
import org.partnerplatform.events.Topics;
import org.partnerplatform.testsupport.KafkaTestClient;

import io.restassured.http.ContentType;

/**
 * Nothing accepted is lost when the broker goes away: with Kafka stopped, sales-service still takes sales over
 * REST (each order commits with its event in PostgreSQL, in the outbox); when the broker is back, the outbox relays
 * every order event and settlement-service records each order once, to the øre.
 */
class BrokerOutageIT {
    static final String PRODUCT = "ATB:SalesPackage:Enkeltbillett";
    static final int SALES = 40;
    static KafkaTestClient kafka;

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void salesTakenWhileTheBrokerIsDownAreSettledOnceItIsBack() {
        Platform platform = RunningPlatform.get();
        var seller = PartnerPlatformApi.onboardSeller("AtB", "ATB", "Bussbillett AS", "bussbillett-app", PRODUCT, "45.00");
        long partner = seller.partner();
        String partnerToken = token(seller.client());
        String financeToken = token(seller.finance());

        Set<String> orderIds = new LinkedHashSet<>();
        platform.kafka().stop();
        try {
            for (int i = 0; i < SALES; i++) {
                String orderId = given().auth().oauth2(partnerToken).header("Idempotency-Key", "outage-" + partner + "-" + i)
                        .contentType(ContentType.JSON)
                        .body(Map.of("lines", List.of(Map.of("productId", PRODUCT, "userProfile", "ADULT", "quantity", 1))))
                        .post(RunningPlatform.url(Service.SALES) + "/v1/sales")
                        .then().statusCode(201).body("totalAmount", equalTo("45.00")).extract().path("id");
                orderIds.add(orderId);
            }
            // Readiness is what a pod needs to answer, and the broker is not among it: the pods stay in their
            // Service. The broker's absence shows in the wellness check and the metric the alert reads.
            String sales = RunningPlatform.url(Service.SALES);
            given().get(sales + "/q/health/ready").then().statusCode(200);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(sales + "/q/health/well").then()
                    .statusCode(503).body("checks.find { it.name == 'Kafka brokers' }.status", equalTo("DOWN")));
            given().get(sales + "/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString("platform_kafka_broker_reachable 0.0"));
            // The orders are there to read while the broker is still away.
            given().auth().oauth2(partnerToken).get(RunningPlatform.url(Service.SALES) + "/v1/orders/{id}", orderIds.iterator().next())
                    .then().statusCode(200).body("status", equalTo("CONFIRMED"));
        } finally {
            platform.kafka().restart();
        }
        assertThat(orderIds).hasSize(SALES);

        kafka = new KafkaTestClient(platform.kafka().bootstrapServers());
        Set<String> published = kafka.readUntil(Topics.SALES_ORDER_EVENTS, r -> orderIds.contains(r.key()), SALES, Duration.ofSeconds(120))
                .stream().map(r -> r.key()).collect(Collectors.toSet());
        assertThat(published).isEqualTo(orderIds);

        // 40 × 45.00; VAT 4.82 each (12% included); commission 5% = 2.25 each; net to the operator 42.75 each.
        awaitConsumed("settlement-service", Set.of(Topics.SALES_ORDER_EVENTS), Duration.ofSeconds(120));
        given().auth().oauth2(financeToken).get(RunningPlatform.url(Service.SETTLEMENT) + "/v1/settlement/partners/{p}/summary", partner)
                .then().statusCode(200)
                .body("entries", equalTo(SALES))
                .body("grossAmount", equalTo("1800.00"))
                .body("vatAmount", equalTo("192.80"))
                .body("commissionAmount", equalTo("90.00"))
                .body("netToOperatorAmount", equalTo("1710.00"));
    }
}
