package org.partnerplatform.settlement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventSchemas;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.events.settlement.SettlementClosed;
import org.partnerplatform.events.settlement.SettlementCorrected;
import org.partnerplatform.settlement.repository.Settlements.PartnerDay;
import org.partnerplatform.settlement.service.Settlement;
import org.partnerplatform.settlement.service.SettlementCloser;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.OidcTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;
import org.partnerplatform.testsupport.TestOidcServer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Days of sales and refunds closed into numbered settlements, through Kafka and PostgreSQL. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
class SettlementTest {
    static final TestOidcServer OIDC = TestOidcServer.get();
    static final LocalDate DAY = LocalDate.parse("2026-11-10");
    static KafkaTestClient kafka;

    @Inject
    SettlementCloser closer;

    @BeforeAll
    static void client() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void closeClient() {
        kafka.close();
    }

    static void awaitEntries(long partner, int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Fixtures.finance())
                .get("/v1/settlement/partners/{p}/entries", partner).then().statusCode(200).body("$", hasSize(count)));
    }

    Settlement close(long partner, LocalDate day) {
        return closer.close(new PartnerDay(partner, day)).await().atMost(Duration.ofSeconds(30)).orElseThrow();
    }

    static JsonPath settlement(String id) {
        return given().auth().oauth2(Fixtures.finance()).get("/v1/settlements/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDayOfSalesAndRefundsClosesWithItsNumberAndItsTotalsPerOperator() {
        long partner = Fixtures.newPartner();
        OrderConfirmed a = Fixtures.sale(partner, 7, Instant.parse("2026-11-10T08:00:00Z"), 500,
                Fixtures.line("a1", "399.00", "42.75"), Fixtures.line("a2", "399.00", "42.75"));
        // 23:59:59 in Oslo, still the 10th; one second later is the 11th.
        OrderConfirmed b = Fixtures.sale(partner, 8, Instant.parse("2026-11-10T22:59:59Z"), 500, Fixtures.line("b1", "120.00", "12.86"));
        OrderConfirmed c = Fixtures.sale(partner, 7, Instant.parse("2026-11-10T23:00:00Z"), 500, Fixtures.line("c1", "50.00", "5.36"));
        Fixtures.send(kafka, a);
        Fixtures.send(kafka, b);
        Fixtures.send(kafka, c);
        Fixtures.send(kafka, Fixtures.refund(a, Instant.parse("2026-11-10T12:00:00Z"), a.lines().get(1)));
        awaitEntries(partner, 4);

        Settlement first = close(partner, DAY);
        Settlement second = close(partner, DAY.plusDays(1));
        assertThat(first.settlementNo()).isEqualTo(1);
        assertThat(second.settlementNo()).isEqualTo(2);

        JsonPath s1 = settlement(first.id().toString());
        assertThat(s1.getString("kind")).isEqualTo("ORDINARY");
        assertThat(s1.getString("settlementDate")).isEqualTo("2026-11-10");
        assertThat(s1.getInt("entryCount")).isEqualTo(3);
        assertThat(s1.getMap("totals")).containsEntry("saleCount", 2).containsEntry("saleAmount", "918.00").containsEntry("refundCount", 1)
                .containsEntry("refundAmount", "399.00").containsEntry("grossAmount", "519.00").containsEntry("vatAmount", "55.61")
                .containsEntry("commissionAmount", "25.95").containsEntry("netToOperatorAmount", "493.05");
        assertThat(s1.getList("operators.operatorOrganisationId")).containsExactly(7, 8);
        assertThat(s1.getMap("operators[0]")).containsEntry("saleAmount", "798.00").containsEntry("refundAmount", "399.00")
                .containsEntry("grossAmount", "399.00").containsEntry("vatAmount", "42.75").containsEntry("commissionAmount", "19.95")
                .containsEntry("netToOperatorAmount", "379.05");
        assertThat(s1.getMap("operators[1]")).containsEntry("saleCount", 1).containsEntry("grossAmount", "120.00")
                .containsEntry("commissionAmount", "6.00").containsEntry("netToOperatorAmount", "114.00");
        assertThat(settlement(second.id().toString()).getMap("totals")).containsEntry("saleCount", 1).containsEntry("grossAmount", "50.00")
                .containsEntry("commissionAmount", "2.50");

        ConsumerRecord<String, String> closed = kafka.readUntil(Topics.SETTLEMENT_EVENTS,
                r -> r.value().contains(first.id().toString()) && KafkaTestClient.header(r, "ce_type").orElse("").equals(EventType.SETTLEMENT_CLOSED.ceType()),
                1, Duration.ofSeconds(30)).get(0);
        assertThat(closed.key()).isEqualTo(Long.toString(partner));
        assertThat(EventSchemas.violations(EventType.SETTLEMENT_CLOSED, closed.value())).isEmpty();
        SettlementClosed event = EventJson.read(closed.value(), SettlementClosed.class);
        assertThat(event.settlementNo()).isEqualTo(1);
        assertThat(event.totals().netToOperatorAmount()).isEqualTo("493.05");
        assertThat(event.operators()).hasSize(2);

        // Nothing is left of the day: closing it again makes nothing, and the settlement stays as it was.
        assertThat(closer.close(new PartnerDay(partner, DAY)).await().indefinitely()).isEmpty();
        assertThat(settlement(first.id().toString()).getInt("entryCount")).isEqualTo(3);
    }

    @Test
    void anEntryAfterTheCloseGoesIntoACorrectionWithTheNextNumber() {
        long partner = Fixtures.newPartner();
        Fixtures.send(kafka, Fixtures.sale(partner, 8, Instant.parse("2026-11-10T09:00:00Z"), 1000, Fixtures.line("x", "120.00", "12.86")));
        awaitEntries(partner, 1);
        Settlement closed = close(partner, DAY);
        Fixtures.send(kafka, Fixtures.sale(partner, 8, Instant.parse("2026-11-11T09:00:00Z"), 1000, Fixtures.line("y", "30.00", "3.21")));
        awaitEntries(partner, 2);
        Settlement next = close(partner, DAY.plusDays(1));

        // A redriven sale of the 10th arrives after the 10th was closed.
        OrderConfirmed late = Fixtures.sale(partner, 8, Instant.parse("2026-11-10T21:00:00Z"), 1000, Fixtures.line("z", "10.00", "1.07"));
        Fixtures.send(kafka, late);
        awaitEntries(partner, 3);
        Settlement correction = close(partner, DAY);

        assertThat(List.of(closed.settlementNo(), next.settlementNo(), correction.settlementNo())).containsExactly(1L, 2L, 3L);
        JsonPath c = settlement(correction.id().toString());
        assertThat(c.getString("kind")).isEqualTo("CORRECTION");
        assertThat(c.getString("settlementDate")).isEqualTo("2026-11-10");
        assertThat(c.getString("correctedSettlementId")).isEqualTo(closed.id().toString());
        assertThat(c.getLong("correctedSettlementNo")).isEqualTo(1L);
        assertThat(c.getMap("totals")).containsEntry("saleCount", 1).containsEntry("grossAmount", "10.00").containsEntry("commissionAmount", "1.00");
        assertThat(settlement(closed.id().toString()).getMap("totals")).containsEntry("grossAmount", "120.00");

        ConsumerRecord<String, String> record = kafka.readUntil(Topics.SETTLEMENT_EVENTS, r -> r.value().contains(correction.id().toString())
                && KafkaTestClient.header(r, "ce_type").orElse("").equals(EventType.SETTLEMENT_CORRECTED.ceType()), 1, Duration.ofSeconds(30)).get(0);
        assertThat(EventSchemas.violations(EventType.SETTLEMENT_CORRECTED, record.value())).isEmpty();
        SettlementCorrected event = EventJson.read(record.value(), SettlementCorrected.class);
        assertThat(event.correctedSettlementId()).isEqualTo(closed.id().toString());
        assertThat(event.settlementNo()).isEqualTo(3);

        given().auth().oauth2(Fixtures.finance()).queryParam("partner", partner).queryParam("kind", "CORRECTION").get("/v1/settlements").then()
                .statusCode(200).body("totalItems", equalTo(1)).body("items[0].settlementNo", equalTo(3));
        given().auth().oauth2(Fixtures.finance()).queryParam("partner", partner).get("/v1/settlements").then()
                .statusCode(200).body("totalItems", equalTo(3)).body("items.settlementNo", org.hamcrest.Matchers.contains(2, 3, 1));
    }

    @Test
    void twoClosesRacingForOneDayMakeOneSettlement() throws Exception {
        long partner = Fixtures.newPartner();
        for (int i = 0; i < 5; i++) {
            Fixtures.send(kafka, Fixtures.sale(partner, 7, Instant.parse("2026-11-10T10:00:00Z").plusSeconds(i), 500, Fixtures.line("l" + i, "99.00", "10.61")));
        }
        awaitEntries(partner, 5);
        PartnerDay day = new PartnerDay(partner, DAY);
        for (int round = 0; round < 3; round++) {
            CompletableFuture<Optional<Settlement>> one = closer.close(day).subscribeAsCompletionStage();
            CompletableFuture<Optional<Settlement>> two = closer.close(day).subscribeAsCompletionStage();
            long made = List.of(one.get(), two.get()).stream().filter(Optional::isPresent).count();
            assertThat(made).isEqualTo(round == 0 ? 1 : 0);
        }
        given().auth().oauth2(Fixtures.finance()).queryParam("partner", partner).get("/v1/settlements").then()
                .statusCode(200).body("totalItems", equalTo(1)).body("items[0].settlementNo", equalTo(1)).body("items[0].entryCount", equalTo(5))
                .body("items[0].totals.grossAmount", equalTo("495.00"));
    }

    @Test
    void theDaylightSavingDaysHaveTheirOwnHours() {
        long partner = Fixtures.newPartner();
        // Spring: the 29th of March 2026 has 23 hours (CET until 01:00Z, CEST after).
        for (String at : List.of("2026-03-28T22:59:59Z", "2026-03-28T23:00:00Z", "2026-03-29T21:59:59Z", "2026-03-29T22:00:00Z",
                // Autumn: the 25th of October 2026 has 25 hours (CEST until 01:00Z, CET after).
                "2026-10-24T21:59:59Z", "2026-10-24T22:00:00Z", "2026-10-25T22:59:59Z", "2026-10-25T23:00:00Z")) {
            Fixtures.send(kafka, Fixtures.sale(partner, 7, Instant.parse(at), 500, Fixtures.line(at, "10.00", "1.07")));
        }
        awaitEntries(partner, 8);
        for (String day : List.of("2026-03-28", "2026-03-29", "2026-03-30", "2026-10-24", "2026-10-25", "2026-10-26")) {
            Settlement s = close(partner, LocalDate.parse(day));
            int expected = day.endsWith("29") || day.endsWith("25") ? 2 : 1;
            assertThat(s.figures().entryCount()).as(day).isEqualTo(expected);
        }
    }
}
