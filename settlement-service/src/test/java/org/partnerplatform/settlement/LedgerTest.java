package org.partnerplatform.settlement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventSchemas;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.events.sales.OrderLine;
import org.partnerplatform.events.settlement.SettlementEntryRecorded;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.OidcTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;
import org.partnerplatform.testsupport.TestOidcServer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
class LedgerTest {
    static final AtomicLong PARTNERS = new AtomicLong(1000 + (System.nanoTime() % 1000) * 1000);
    static KafkaTestClient kafka;
    static final TestOidcServer OIDC = TestOidcServer.get();

    @BeforeAll
    static void client() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void closeClient() {
        kafka.close();
    }

    static OrderConfirmed order(long partner, String total, String tax, int bps) {
        String orderId = UUID.randomUUID().toString();
        OrderLine line = new OrderLine("l1", "VYG:SalesPackage:Standard", "ADULT", 2, "399.00", total, tax, "TRANSPORT_AND_TICKETS_VAT", "12");
        return new OrderConfirmed(orderId, 1, partner, 7, "agr-1", bps, "WEB", "AGENT", "NOK", total, tax,
                Instant.parse("2026-11-25T10:00:00Z"), List.of(line), List.of("t-1", "t-2"));
    }

    static String finance() {
        return OIDC.token("finance-app", 1, "FINANCE");
    }

    @Test
    void aConfirmedOrderBecomesOneLedgerEntryAndOneSettlementEvent() {
        long partner = PARTNERS.incrementAndGet();
        OrderConfirmed order = order(partner, "798.00", "85.50", 500);
        kafka.sendCloudEvent(Topics.SALES_ORDER_EVENTS, order.orderId(), EventType.ORDER_CONFIRMED.ceType(), EventJson.write(order));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(finance())
                .get("/v1/settlement/partners/{p}/entries", partner).then().statusCode(200).body("$", hasSize(1)));
        given().auth().oauth2(finance()).get("/v1/settlement/partners/{p}/entries", partner).then()
                .body("[0].orderId", equalTo(order.orderId()))
                .body("[0].grossAmount", equalTo("798.00"))
                .body("[0].vatAmount", equalTo("85.50"))
                .body("[0].commissionAmount", equalTo("39.90"))
                .body("[0].netToOperatorAmount", equalTo("758.10"))
                .body("[0].currency", equalTo("NOK"));

        ConsumerRecord<String, String> record = kafka.readUntil(Topics.SETTLEMENT_EVENTS,
                r -> r.value().contains(order.orderId()), 1, Duration.ofSeconds(20)).get(0);
        assertThat(record.key()).isEqualTo(Long.toString(partner));
        assertThat(KafkaTestClient.header(record, "ce_type")).contains(EventType.SETTLEMENT_ENTRY_RECORDED.ceType());
        assertThat(EventSchemas.violations(EventType.SETTLEMENT_ENTRY_RECORDED, record.value())).isEmpty();
        SettlementEntryRecorded event = EventJson.read(record.value(), SettlementEntryRecorded.class);
        assertThat(event.grossAmount()).isEqualTo("798.00");
        assertThat(event.commissionAmount()).isEqualTo("39.90");
        assertThat(event.netToOperatorAmount()).isEqualTo("758.10");
        assertThat(event.partnerOrganisationId()).isEqualTo(partner);
    }

    @Test
    void anOrderIsCountedOnceHoweverOftenItArrives() {
        long partner = PARTNERS.incrementAndGet();
        OrderConfirmed order = order(partner, "120.00", "12.86", 1000);
        String json = EventJson.write(order);
        String eventId = UUID.randomUUID().toString();
        kafka.sendCloudEvent(Topics.SALES_ORDER_EVENTS, order.orderId(), eventId, EventType.ORDER_CONFIRMED.ceType(), json);
        kafka.sendCloudEvent(Topics.SALES_ORDER_EVENTS, order.orderId(), eventId, EventType.ORDER_CONFIRMED.ceType(), json);
        // The same order republished under a new event id, as after a relay crash between publish and commit.
        kafka.sendCloudEvent(Topics.SALES_ORDER_EVENTS, order.orderId(), EventType.ORDER_CONFIRMED.ceType(), json);
        OrderConfirmed marker = order(partner, "10.00", "1.07", 1000);
        kafka.sendCloudEvent(Topics.SALES_ORDER_EVENTS, marker.orderId(), EventType.ORDER_CONFIRMED.ceType(), EventJson.write(marker));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(finance())
                .get("/v1/settlement/partners/{p}/summary", partner).then().statusCode(200).body("entries", equalTo(2)));
        given().auth().oauth2(finance()).get("/v1/settlement/partners/{p}/summary", partner).then()
                .body("grossAmount", equalTo("130.00"))
                .body("vatAmount", equalTo("13.93"))
                .body("commissionAmount", equalTo("13.00"))
                .body("netToOperatorAmount", equalTo("117.00"));
    }

    @Test
    void recordsThatCannotBeProcessedAreDeadLetteredAndTheNextOneIsStillApplied() {
        long partner = PARTNERS.incrementAndGet();
        String run = UUID.randomUUID().toString();
        kafka.send(Topics.SALES_ORDER_EVENTS, "garbage-" + run, "%%% not json", "ce_specversion", "1.0", "ce_id", run,
                "ce_type", EventType.ORDER_CONFIRMED.ceType(), "ce_source", "/test");
        kafka.sendCloudEvent(Topics.SALES_ORDER_EVENTS, "invalid-" + run, EventType.ORDER_CONFIRMED.ceType(), "{\"orderId\":\"x\"}");
        OrderConfirmed good = order(partner, "50.00", "5.36", 500);
        kafka.sendCloudEvent(Topics.SALES_ORDER_EVENTS, good.orderId(), EventType.ORDER_CONFIRMED.ceType(), EventJson.write(good));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(finance())
                .get("/v1/settlement/partners/{p}/entries", partner).then().statusCode(200).body("$", hasSize(1)));
        var dead = kafka.readUntil(Topics.deadLetter(Topics.SALES_ORDER_EVENTS), r -> r.key() != null && r.key().endsWith(run), 2, Duration.ofSeconds(20));
        assertThat(dead).allSatisfy(r -> assertThat(KafkaTestClient.header(r, "dead-letter-reason")).isPresent());
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("garbage-" + run, "invalid-" + run);
    }

    @Test
    void theLedgerNeedsAValidTokenAndPartnersSeeOnlyTheirOwn() {
        long partner = PARTNERS.incrementAndGet();
        OrderConfirmed order = order(partner, "99.00", "10.61", 500);
        kafka.sendCloudEvent(Topics.SALES_ORDER_EVENTS, order.orderId(), EventType.ORDER_CONFIRMED.ceType(), EventJson.write(order));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(finance())
                .get("/v1/settlement/partners/{p}/entries", partner).then().statusCode(200).body("$", hasSize(1)));

        String path = "/v1/settlement/partners/" + partner + "/entries";
        given().get(path).then().statusCode(401);
        given().auth().oauth2(OIDC.expiredToken("p", partner, "PARTNER")).get(path).then().statusCode(401);
        given().auth().oauth2(OIDC.forgedToken("p", partner, "PARTNER")).get(path).then().statusCode(401);
        given().auth().oauth2(OIDC.tokenForAudience("https://api.other.example", "p", partner, "PARTNER")).get(path).then().statusCode(401);

        given().auth().oauth2(OIDC.token("p", partner, "PARTNER")).get(path).then().statusCode(200).body("$", hasSize(1));
        given().auth().oauth2(OIDC.token("other", partner + 1, "PARTNER")).get(path).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(OIDC.token("other", partner + 1, "PARTNER")).queryParam("orderId", order.orderId())
                .get("/v1/settlement/entries").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(OIDC.token("p", partner, "KLIENTADMINISTRATOR")).get(path).then().statusCode(403);
    }
}
