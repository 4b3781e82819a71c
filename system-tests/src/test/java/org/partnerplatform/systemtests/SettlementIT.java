package org.partnerplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.partnerplatform.systemtests.PartnerPlatformApi.token;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.devinfra.DeadLetterRedrive;
import org.partnerplatform.devinfra.EmbeddedPostgresServer;
import org.partnerplatform.devinfra.Platform.Service;
import org.partnerplatform.devinfra.ServiceProcess;
import org.partnerplatform.events.EventSchemas;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.Topics;
import org.partnerplatform.testsupport.KafkaTestClient;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A partner's day through the processes: REST sales and a refund, one sale held back from settlement by a fault in
 * its database (dead-lettered), finance closing the day on two replicas at once (one settlement: number 1),
 * sales-service's report of the day showing the missing sale as a mismatch, the dead letter redriven into a correction (number 2, referencing 1), and the
 * reconciliation matched; the operator's statement, the CSV and the clearing export as their readers get them.
 */
class SettlementIT {
    static final String PRODUCT = "BRA:SalesPackage:Dag";
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static KafkaTestClient kafka;
    static PartnerPlatformApi.Seller seller;

    @BeforeAll
    static void onboard() {
        kafka = new KafkaTestClient(RunningPlatform.get().kafka().bootstrapServers());
        seller = PartnerPlatformApi.onboardSeller("Brakar", "BRA", "Dagsoppgjør AS", "dagsoppgjor-app", PRODUCT, "250.00");
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aDayClosesWithAMismatchThatARedrivenDeadLetterCorrects() throws Exception {
        LocalDate today = awayFromMidnight();
        long partner = seller.partner();
        String partnerToken = token(seller.client());
        String finance = token(seller.finance());

        sell(partnerToken, 1);
        sell(partnerToken, 2);
        String refunded = sell(partnerToken, 1);
        given().auth().oauth2(partnerToken).contentType(ContentType.JSON).header("Idempotency-Key", "refund-" + UUID.randomUUID()).body("{}")
                .post(RunningPlatform.url(Service.SALES) + "/v1/orders/{id}/refunds", refunded).then().statusCode(201);
        awaitEntries(finance, partner, 4);

        String held;
        try (Connection db = settlementDatabase(); Statement s = db.createStatement()) {
            s.execute("""
                    create or replace function system_test_fault() returns trigger language plpgsql as $$
                    begin
                        if new.partner_organisation_id = %d then raise exception 'injected fault for partner %%', new.partner_organisation_id; end if;
                        return new;
                    end $$""".formatted(partner));
            s.execute("create trigger system_test_fault before insert on ledger_entry for each row execute function system_test_fault()");
            try {
                held = sell(partnerToken, 1);
                ConsumerRecord<String, String> dead = kafka.readUntil(Topics.deadLetter(Topics.SALES_ORDER_EVENTS), r -> held.equals(r.key()), 1,
                        Duration.ofSeconds(30)).get(0);
                assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).hasValueSatisfying(r -> assertThat(r).contains("injected fault"));
            } finally {
                s.execute("drop trigger system_test_fault on ledger_entry");
            }
        }

        // Finance closes the day (STAGING allows today) on two replicas at once: one settlement, the other finds nothing
        // left. 3 sales of 1000.00, 1 refund of 250.00, 5 % commission per line.
        JsonPath first = closeOnTwoReplicasAtOnce(finance, partner, today);
        assertThat(first.getLong("settlementNo")).isEqualTo(1);
        assertThat(first.getString("kind")).isEqualTo("ORDINARY");
        assertThat(first.getMap("totals")).containsEntry("saleCount", 3).containsEntry("saleAmount", "1000.00").containsEntry("refundCount", 1)
                .containsEntry("refundAmount", "250.00").containsEntry("grossAmount", "750.00").containsEntry("commissionAmount", "37.50")
                .containsEntry("netToOperatorAmount", "712.50");
        String firstId = first.getString("settlementId");

        // sales-service's own figures count the held sale: a mismatch of exactly that sale.
        publishDayTotals(finance, today);
        await().atMost(Duration.ofSeconds(60)).until(() -> "MISMATCH".equals(reconciliation(finance, partner).getString("[0].status")));
        JsonPath mismatch = reconciliation(finance, partner);
        assertThat(mismatch.getList("$")).hasSize(1);
        assertThat(mismatch.getMap("[0].reported")).containsEntry("saleCount", 4).containsEntry("saleAmount", "1250.00");
        assertThat(mismatch.getMap("[0].difference")).containsEntry("saleCount", -1).containsEntry("saleAmount", "-250.00")
                .containsEntry("refundCount", 0).containsEntry("refundAmount", "0.00");

        // The operators' redrive: the held sale reaches the ledger late, and the next close is a correction of number 1.
        Properties client = new Properties();
        client.put("bootstrap.servers", RunningPlatform.get().kafka().bootstrapServers());
        var redriven = new DeadLetterRedrive(client, Topics.deadLetter(Topics.SALES_ORDER_EVENTS), Set.of(held), false, Duration.ofSeconds(3))
                .run(System.out);
        assertThat(redriven.redrivenPerTopic()).isEqualTo(Map.of(Topics.SALES_ORDER_EVENTS, 1));
        awaitEntries(finance, partner, 5);
        JsonPath correction = closeToday(finance, partner, today, 201);
        assertThat(correction.getLong("settlementNo")).isEqualTo(2);
        assertThat(correction.getString("kind")).isEqualTo("CORRECTION");
        assertThat(correction.getString("correctedSettlementId")).isEqualTo(firstId);
        assertThat(correction.getMap("totals")).containsEntry("saleCount", 1).containsEntry("grossAmount", "250.00")
                .containsEntry("commissionAmount", "12.50").containsEntry("netToOperatorAmount", "237.50");
        await().atMost(Duration.ofSeconds(60)).until(() -> "MATCHED".equals(reconciliation(finance, partner).getString("[0].status")));
        closeToday(finance, partner, today, 409); // nothing left to close

        for (EventType type : List.of(EventType.SETTLEMENT_CLOSED, EventType.SETTLEMENT_CORRECTED, EventType.SETTLEMENT_RECONCILED)) {
            ConsumerRecord<String, String> event = kafka.readUntil(Topics.SETTLEMENT_EVENTS, r -> Long.toString(partner).equals(r.key())
                    && KafkaTestClient.header(r, "ce_type").orElse("").equals(type.ceType()), 1, Duration.ofSeconds(30)).get(0);
            assertThat(EventSchemas.violations(type, event.value())).as(type.name()).isEmpty();
        }
        readersSeeTheirFigures(partnerToken, finance, today, firstId, correction.getString("settlementId"));
    }

    void readersSeeTheirFigures(String partnerToken, String finance, LocalDate today, String firstId, String correctionId) {
        String settlements = RunningPlatform.url(Service.SETTLEMENT) + "/v1/settlements";
        given().auth().oauth2(partnerToken).get(settlements).then().statusCode(200).body("items", hasSize(2))
                .body("items.settlementNo", org.hamcrest.Matchers.containsInAnyOrder(1, 2));
        String admin = PartnerPlatformApi.adminToken();
        long stranger = PartnerPlatformApi.registerOrganisation(admin, "Fremmed Partner AS", "PARTNER", null);
        String strangerToken = token(PartnerPlatformApi.createClient(admin, stranger, "fremmed-app", "PARTNER"));
        given().auth().oauth2(strangerToken).get(settlements + "/{id}", firstId).then().statusCode(404);

        String operatorToken = token(PartnerPlatformApi.createClient(admin, seller.operator(), "brakar-okonomi", "OPERATOR"));
        JsonPath statement = given().auth().oauth2(operatorToken)
                .get(RunningPlatform.url(Service.SETTLEMENT) + "/v1/operator-statements/{o}/{d}", seller.operator(), today.toString())
                .then().statusCode(200).extract().jsonPath();
        assertThat(statement.getList("settlements")).hasSize(2);
        assertThat(statement.getMap("totals")).containsEntry("grossAmount", "1000.00").containsEntry("netToOperatorAmount", "950.00");

        byte[] csv = given().auth().oauth2(finance).get(settlements + "/{id}/entries.csv", firstId).then().statusCode(200).extract().asByteArray();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        List<String> rows = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(rows).hasSize(1 + 4); // header and the four entries of number 1
        assertThat(rows.stream().filter(r -> r.contains("-250,00"))).hasSize(1);
        JsonPath clearing = given().auth().oauth2(finance).get(settlements + "/{id}/clearing", correctionId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(clearing.getLong("settlementNo")).isEqualTo(2);
        assertThat(clearing.getString("correctedSettlementId")).isEqualTo(firstId);
        assertThat(clearing.getList("transactions")).hasSize(1);
    }

    /** Sells the product in one REST call; answers the order's id. */
    static String sell(String partnerToken, int quantity) {
        return given().auth().oauth2(partnerToken).contentType(ContentType.JSON).header("Idempotency-Key", "sale-" + UUID.randomUUID())
                .body(Map.of("lines", List.of(Map.of("productId", PRODUCT, "userProfile", "ADULT", "quantity", quantity))))
                .post(RunningPlatform.url(Service.SALES) + "/v1/sales").then().statusCode(201).extract().path("id");
    }

    static void awaitEntries(String finance, long partner, int count) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(finance)
                .get(RunningPlatform.url(Service.SETTLEMENT) + "/v1/settlement/partners/{p}/entries", partner)
                .then().statusCode(200).body("$", hasSize(count)));
    }

    static JsonPath closeOnTwoReplicasAtOnce(String finance, long partner, LocalDate today) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ServiceProcess second = RunningPlatform.get().startExtra(Service.SETTLEMENT, "settlement-service-2", Map.of())) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ExtractableResponse<Response>>> closes = new ArrayList<>();
            for (String url : List.of(RunningPlatform.url(Service.SETTLEMENT), second.baseUrl())) {
                closes.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(finance).contentType(ContentType.JSON)
                            .body(Map.of("partnerOrganisationId", partner, "settlementDate", today.toString()))
                            .post(url + "/v1/settlements/closings").then().extract();
                }));
            }
            start.countDown();
            List<ExtractableResponse<Response>> answers = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> close : closes) {
                answers.add(close.get(60, TimeUnit.SECONDS));
            }
            assertThat(answers.stream().map(ExtractableResponse::statusCode)).containsExactlyInAnyOrder(201, 409);
            ExtractableResponse<Response> lost = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
            assertThat(lost.jsonPath().getString("type")).endsWith("/nothing-to-close");
            return answers.stream().filter(a -> a.statusCode() == 201).findFirst().orElseThrow().jsonPath();
        } finally {
            pool.shutdownNow();
        }
    }

    static JsonPath closeToday(String finance, long partner, LocalDate today, int status) {
        return given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body(Map.of("partnerOrganisationId", partner, "settlementDate", today.toString()))
                .post(RunningPlatform.url(Service.SETTLEMENT) + "/v1/settlements/closings").then().statusCode(status).extract().jsonPath();
    }

    static void publishDayTotals(String finance, LocalDate today) {
        given().auth().oauth2(finance).contentType(ContentType.JSON).body(Map.of("salesDate", today.toString()))
                .post(RunningPlatform.url(Service.SALES) + "/v1/sales-day-totals/publications").then().statusCode(202);
    }

    static JsonPath reconciliation(String finance, long partner) {
        return given().auth().oauth2(finance).queryParam("partner", partner).get(RunningPlatform.url(Service.SETTLEMENT) + "/v1/reconciliations")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The settlement database as its superuser, to install a fault as a bad migration or a bug would. */
    static Connection settlementDatabase() throws SQLException {
        return DriverManager.getConnection(RunningPlatform.get().postgres().jdbcUrl(Service.SETTLEMENT.database), EmbeddedPostgresServer.SUPERUSER, "");
    }

    /** Today in Oslo, after waiting out the last minutes before midnight (the test's sales and closes are of one day). */
    static LocalDate awayFromMidnight() throws InterruptedException {
        ZonedDateTime now = ZonedDateTime.now(OSLO);
        if (now.toLocalTime().isAfter(LocalTime.of(23, 50))) {
            Thread.sleep(Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(OSLO).plusSeconds(5)).toMillis());
        }
        return LocalDate.now(OSLO);
    }
}
