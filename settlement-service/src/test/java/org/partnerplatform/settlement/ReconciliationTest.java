package org.partnerplatform.settlement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventSchemas;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.events.settlement.SettlementReconciled;
import org.partnerplatform.settlement.repository.Settlements.PartnerDay;
import org.partnerplatform.settlement.service.ReconciliationService;
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
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The independent check: a sale held back from settlement by a fault shows as a mismatch with its exact amount; once
 * its dead letter is redriven, a correction settles it and the day reconciles.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
class ReconciliationTest {
    static final TestOidcServer OIDC = TestOidcServer.get();
    static final LocalDate DAY = LocalDate.parse("2026-11-12");
    static KafkaTestClient kafka;

    @Inject
    SettlementCloser closer;
    @Inject
    ReconciliationService reconciliations;
    @Inject
    Pool pool;

    @BeforeAll
    static void client() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void closeClient() {
        kafka.close();
    }

    /** A fault in settlement's database: inserting the entry of one order fails, as a bug or a bad migration would. */
    void injectFault(String orderId) {
        pool.query("""
                create or replace function test_fault() returns trigger language plpgsql as $$
                begin
                    if new.order_id = '%s' then raise exception 'injected fault for order %%', new.order_id; end if;
                    return new;
                end $$""".formatted(orderId)).execute().await().indefinitely();
        pool.query("create trigger test_fault before insert on ledger_entry for each row execute function test_fault()").execute().await().indefinitely();
    }

    void mendFault() {
        pool.query("drop trigger test_fault on ledger_entry").execute().await().indefinitely();
    }

    static JsonPath reconciliation(long partner) {
        return given().auth().oauth2(Fixtures.finance()).queryParam("partner", partner).get("/v1/reconciliations")
                .then().statusCode(200).extract().jsonPath();
    }

    static String mismatchGauge() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("settlement_reconciliation_mismatches")).findFirst().orElse("");
    }

    SettlementReconciled reconciledEvent(long partner, String status) {
        ConsumerRecord<String, String> record = kafka.readUntil(Topics.SETTLEMENT_EVENTS, r -> Long.toString(partner).equals(r.key())
                && KafkaTestClient.header(r, "ce_type").orElse("").equals(EventType.SETTLEMENT_RECONCILED.ceType())
                && r.value().contains("\"" + status + "\""), 1, Duration.ofSeconds(30)).get(0);
        assertThat(EventSchemas.violations(EventType.SETTLEMENT_RECONCILED, record.value())).isEmpty();
        return EventJson.read(record.value(), SettlementReconciled.class);
    }

    @Test
    void aSaleHeldBackByAFaultIsAMismatchUntilItsRedrivenDeadLetterIsSettledInACorrection() {
        long partner = Fixtures.newPartner();
        OrderConfirmed kept = Fixtures.sale(partner, 7, Instant.parse("2026-11-12T09:00:00Z"), 500, Fixtures.line("k", "100.00", "10.71"));
        OrderConfirmed held = Fixtures.sale(partner, 7, Instant.parse("2026-11-12T10:00:00Z"), 500, Fixtures.line("h", "250.00", "26.79"));
        injectFault(held.orderId());
        try {
            Fixtures.send(kafka, kept);
            Fixtures.send(kafka, held);
            Fixtures.send(kafka, Fixtures.refund(kept, Instant.parse("2026-11-12T11:00:00Z"), kept.lines().get(0)));
            SettlementTest.awaitEntries(partner, 2);
            ConsumerRecord<String, String> dead = kafka.readUntil(Topics.deadLetter(Topics.SALES_ORDER_EVENTS), r -> held.orderId().equals(r.key()), 1,
                    Duration.ofSeconds(30)).get(0);
            assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).hasValueSatisfying(reason -> assertThat(reason).contains("injected fault"));

            // sales-service's own figures of the day: two sales (350.00) and one refund (100.00).
            Fixtures.send(kafka, Fixtures.totals(partner, DAY, 2, "350.00", 1, "100.00"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "PENDING".equals(reconciliation(partner).getString("[0].status")));

            Settlement settlement = closer.close(new PartnerDay(partner, DAY)).await().atMost(Duration.ofSeconds(30)).orElseThrow();
            JsonPath mismatch = reconciliation(partner);
            assertThat(mismatch.getString("[0].status")).isEqualTo("MISMATCH");
            assertThat(mismatch.getMap("[0].difference")).containsEntry("saleCount", -1).containsEntry("saleAmount", "-250.00")
                    .containsEntry("refundCount", 0).containsEntry("refundAmount", "0.00");
            assertThat(mismatch.getMap("[0].settled")).containsEntry("saleCount", 1).containsEntry("saleAmount", "100.00");
            SettlementReconciled event = reconciledEvent(partner, "MISMATCH");
            assertThat(event.difference().saleAmount()).isEqualTo("-250.00");
            assertThat(mismatchGauge()).endsWith(" 1.0");

            mendFault();
            // The operators' redrive (./kafka.sh redrive): the dead letter goes back to its topic as it was.
            redrive(dead);
            SettlementTest.awaitEntries(partner, 3);
            Settlement correction = closer.close(new PartnerDay(partner, DAY)).await().atMost(Duration.ofSeconds(30)).orElseThrow();
            assertThat(correction.correctedSettlementId()).isEqualTo(settlement.id());
            assertThat(correction.settlementNo()).isEqualTo(settlement.settlementNo() + 1);

            JsonPath matched = reconciliation(partner);
            assertThat(matched.getString("[0].status")).isEqualTo("MATCHED");
            assertThat(matched.getMap("[0].difference")).containsEntry("saleCount", 0).containsEntry("saleAmount", "0.00");
            assertThat(reconciledEvent(partner, "MATCHED").settled().saleAmount()).isEqualTo("350.00");
            assertThat(mismatchGauge()).endsWith(" 0.0");
        } finally {
            pool.query("drop trigger if exists test_fault on ledger_entry").execute().await().indefinitely();
        }
    }

    @Test
    void aSettledDayThatSalesNeverReportedIsUnreportedUntilItsReportArrives() {
        long partner = Fixtures.newPartner();
        LocalDate day = LocalDate.parse("2026-11-14");
        Fixtures.send(kafka, Fixtures.sale(partner, 7, Instant.parse("2026-11-14T09:00:00Z"), 500, Fixtures.line("u", "80.00", "8.57")));
        SettlementTest.awaitEntries(partner, 1);
        reconciliations.refreshGauge().await().atMost(Duration.ofSeconds(10));
        double before = gauge("settlement_reconciliation_unreported");
        closer.close(new PartnerDay(partner, day)).await().atMost(Duration.ofSeconds(30)).orElseThrow();

        String mine = "find { it.partnerOrganisationId == " + partner + " }";
        given().auth().oauth2(Fixtures.finance()).get("/v1/reconciliations/unreported").then().statusCode(200)
                .body(mine + ".settlementDate", equalTo("2026-11-14")).body(mine + ".settlements", equalTo(1));
        assertThat(gauge("settlement_reconciliation_unreported")).isEqualTo(before + 1);
        assertThat(reconciliation(partner).getList("$")).isEmpty();

        Fixtures.send(kafka, Fixtures.totals(partner, day, 1, "80.00", 0, "0.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "MATCHED".equals(reconciliation(partner).getString("[0].status")));
        given().auth().oauth2(Fixtures.finance()).get("/v1/reconciliations/unreported").then().statusCode(200)
                .body(mine, nullValue());
        reconciliations.refreshGauge().await().atMost(Duration.ofSeconds(10));
        assertThat(gauge("settlement_reconciliation_unreported")).isEqualTo(before);
        given().auth().oauth2(TestOidcServer.get().token("partner-app", partner, "PARTNER")).get("/v1/reconciliations/unreported")
                .then().statusCode(403);
    }

    static double gauge(String name) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElseThrow();
    }

    private static void redrive(ConsumerRecord<String, String> dead) {
        List<Header> headers = new ArrayList<>();
        dead.headers().forEach(h -> {
            if (!h.key().startsWith("dead-letter-")) {
                headers.add(h);
            }
        });
        headers.add(new org.apache.kafka.common.header.internals.RecordHeader("redriven-from", "test".getBytes(StandardCharsets.UTF_8)));
        kafka.sendAll(List.of(new ProducerRecord<>(Topics.SALES_ORDER_EVENTS, null, dead.key(), dead.value(), headers)));
    }
}
