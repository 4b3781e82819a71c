package org.partnerplatform.settlement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.events.sales.OrderConfirmed;
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

/** The CSV downloads and the clearing export read back field by field, and who may read which figures. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement"))
class SettlementReportsTest {
    static final TestOidcServer OIDC = TestOidcServer.get();
    static final LocalDate DAY = LocalDate.parse("2026-11-13");
    static KafkaTestClient kafka;
    static long partner;
    static long operatorA;
    static long operatorB;
    static Settlement closed;
    static Settlement correction;

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

    /** One partner's day with two operators, a refund, an odd amount and a correction; made once for the class. */
    synchronized void day() {
        if (closed != null) {
            return;
        }
        partner = Fixtures.newPartner();
        operatorA = partner + 100_000_000;
        operatorB = operatorA + 1;
        OrderConfirmed a = Fixtures.sale(partner, operatorA, Instant.parse("2026-11-13T07:30:00Z"), 750,
                Fixtures.line("a1", "1234.50", "132.27"), Fixtures.line("a2", "33.33", "3.57"));
        Fixtures.send(kafka, a);
        Fixtures.send(kafka, Fixtures.sale(partner, operatorB, Instant.parse("2026-11-13T11:00:00Z"), 750, Fixtures.line("b1", "0.99", "0.11")));
        Fixtures.send(kafka, Fixtures.refund(a, Instant.parse("2026-11-13T15:00:00Z"), a.lines().get(1)));
        SettlementTest.awaitEntries(partner, 3);
        closed = closer.close(new PartnerDay(partner, DAY)).await().atMost(Duration.ofSeconds(30)).orElseThrow();
        Fixtures.send(kafka, Fixtures.sale(partner, operatorB, Instant.parse("2026-11-13T20:00:00Z"), 750, Fixtures.line("c1", "250.00", "26.79")));
        SettlementTest.awaitEntries(partner, 4);
        correction = closer.close(new PartnerDay(partner, DAY)).await().atMost(Duration.ofSeconds(30)).orElseThrow();
    }

    static List<String[]> csv(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").endsWith("\r\n");
        return Arrays.stream(text.substring(1).split("\r\n")).map(line -> line.split(";", -1)).toList();
    }

    static BigDecimal amount(String csvField) {
        assertThat(csvField).matches("-?[0-9]+,[0-9]{2}");
        return new BigDecimal(csvField.replace(',', '.'));
    }

    @Test
    void theSettlementCsvAndTheClearingExportHoldTheSameEntriesAsTheSettlement() {
        day();
        byte[] body = given().auth().oauth2(Fixtures.finance()).get("/v1/settlements/{id}/entries.csv", closed.id()).then().statusCode(200)
                .contentType("text/csv").header("Content-Disposition", org.hamcrest.Matchers.containsString(".csv")).extract().asByteArray();
        List<String[]> rows = csv(body);
        List<String> header = List.of(rows.get(0));
        assertThat(header).contains("settlementNo", "entryId", "grossAmount", "netToOperatorAmount");
        assertThat(rows).hasSize(1 + 3);

        JsonPath clearing = given().auth().oauth2(Fixtures.finance()).get("/v1/settlements/{id}/clearing", closed.id()).then().statusCode(200).extract().jsonPath();
        assertThat(clearing.getString("settlementDate")).isEqualTo("2026-11-13");
        assertThat(clearing.getLong("settlementNo")).isEqualTo(closed.settlementNo());
        assertThat(clearing.getString("posRef")).isEqualTo(Long.toString(partner));
        assertThat(clearing.getString("distributionChannelRef")).isEqualTo("PARTNERPLATFORM");
        assertThat(clearing.getString("correctedSettlementId")).isNull();
        List<Map<String, Object>> transactions = clearing.getList("transactions");
        assertThat(transactions).hasSize(3);

        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal commission = BigDecimal.ZERO;
        for (int i = 1; i < rows.size(); i++) {
            String[] row = rows.get(i);
            Map<String, Object> t = transactions.get(i - 1);
            @SuppressWarnings("unchecked")
            Map<String, String> parameters = (Map<String, String>) t.get("parameters");
            assertThat(row[header.indexOf("settlementNo")]).isEqualTo(Long.toString(closed.settlementNo()));
            assertThat(row[header.indexOf("settlementDate")]).isEqualTo("2026-11-13");
            assertThat(row[header.indexOf("entryId")]).isEqualTo(t.get("transactionRef"));
            assertThat(row[header.indexOf("entryType")]).isEqualTo(t.get("transactionType"));
            assertThat(row[header.indexOf("orderId")]).isEqualTo(t.get("orderRef"));
            assertThat(amount(row[header.indexOf("grossAmount")])).isEqualByComparingTo((String) t.get("amount"));
            assertThat(amount(row[header.indexOf("vatAmount")])).isEqualByComparingTo((String) t.get("vatAmount"));
            assertThat(amount(row[header.indexOf("commissionAmount")])).isEqualByComparingTo(parameters.get("commissionAmount"));
            assertThat(amount(row[header.indexOf("netToOperatorAmount")])).isEqualByComparingTo(parameters.get("netToOperatorAmount"));
            assertThat(row[header.indexOf("operatorOrganisationId")]).isEqualTo(parameters.get("operatorOrganisationId"));
            gross = gross.add(amount(row[header.indexOf("grossAmount")]));
            commission = commission.add(amount(row[header.indexOf("commissionAmount")]));
        }
        // 1234.50 + 33.33 + 0.99 - 33.33; commission 7.5 % per line: 92.59 + 2.50 + 0.07 - 2.50.
        assertThat(gross).isEqualByComparingTo("1235.49");
        assertThat(commission).isEqualByComparingTo("92.66");
        JsonPath json = SettlementTest.settlement(closed.id().toString());
        assertThat(json.getString("totals.grossAmount")).isEqualTo("1235.49");
        assertThat(json.getString("totals.commissionAmount")).isEqualTo("92.66");

        JsonPath correctionClearing = given().auth().oauth2(Fixtures.finance()).get("/v1/settlements/{id}/clearing", correction.id()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(correctionClearing.getString("correctedSettlementId")).isEqualTo(closed.id().toString());
        assertThat(correctionClearing.getLong("settlementNo")).isEqualTo(closed.settlementNo() + 1);
    }

    @Test
    void anOperatorStatementSumsWhatEachSettlementOfTheDayOwesTheOperator() {
        day();
        String operator = OIDC.token("operator-app", operatorB, "OPERATOR");
        JsonPath statement = given().auth().oauth2(operator).get("/v1/operator-statements/{o}/{d}", operatorB, DAY.toString()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(statement.getList("settlements.settlementNo")).containsExactly((int) closed.settlementNo(), (int) correction.settlementNo());
        // 0.99 (commission 0.07) in the settlement, 250.00 (commission 18.75) in its correction.
        assertThat(statement.getString("totals.grossAmount")).isEqualTo("250.99");
        assertThat(statement.getString("totals.commissionAmount")).isEqualTo("18.82");
        assertThat(statement.getString("totals.netToOperatorAmount")).isEqualTo("232.17");

        byte[] body = given().auth().oauth2(operator).get("/v1/operator-statements/{o}/{d}/statement.csv", operatorB, DAY.toString()).then().statusCode(200)
                .contentType("text/csv").extract().asByteArray();
        List<String[]> rows = csv(body);
        List<String> header = List.of(rows.get(0));
        assertThat(rows).hasSize(3);
        for (int i = 1; i < rows.size(); i++) {
            String[] row = rows.get(i);
            String prefix = "settlements[" + (i - 1) + "].";
            assertThat(row[header.indexOf("settlementNo")]).isEqualTo(statement.getString(prefix + "settlementNo"));
            assertThat(row[header.indexOf("kind")]).isEqualTo(statement.getString(prefix + "kind"));
            assertThat(row[header.indexOf("partnerOrganisationId")]).isEqualTo(Long.toString(partner));
            for (String field : List.of("saleAmount", "refundAmount", "grossAmount", "vatAmount", "commissionAmount", "netToOperatorAmount")) {
                assertThat(amount(row[header.indexOf(field)])).as(field).isEqualByComparingTo(statement.getString(prefix + "figures." + field));
            }
            assertThat(row[header.indexOf("saleCount")]).isEqualTo(statement.getString(prefix + "figures.saleCount"));
        }
        // The operator's part only: operator A's figures are not in B's statement.
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("1234,50");
    }

    @Test
    void financeReadsEverythingAPartnerItsOwnAnOperatorItsStatementsAndStrangersNothing() {
        day();
        String id = closed.id().toString();
        String own = OIDC.token("p", partner, "PARTNER");
        String otherPartner = OIDC.token("q", partner + 1, "PARTNER");
        String operator = OIDC.token("o", operatorA, "OPERATOR");
        String otherOperator = OIDC.token("o2", operatorB + 5, "OPERATOR");

        given().get("/v1/settlements/{id}", id).then().statusCode(401);
        given().auth().oauth2(Fixtures.finance()).get("/v1/settlements/{id}", id).then().statusCode(200);
        given().auth().oauth2(own).get("/v1/settlements/{id}", id).then().statusCode(200).body("partnerOrganisationId", equalTo((int) partner));
        given().auth().oauth2(own).get("/v1/settlements/{id}/entries.csv", id).then().statusCode(200);
        given().auth().oauth2(own).get("/v1/settlements").then().statusCode(200).body("totalItems", equalTo(2));
        for (String path : List.of("/v1/settlements/" + id, "/v1/settlements/" + id + "/entries.csv", "/v1/settlements/" + id + "/clearing")) {
            given().auth().oauth2(otherPartner).get(path).then().statusCode(404).contentType("application/problem+json");
        }
        given().auth().oauth2(otherPartner).queryParam("partner", partner).get("/v1/settlements").then().statusCode(404);
        given().auth().oauth2(otherPartner).get("/v1/settlements").then().statusCode(200).body("totalItems", equalTo(0));
        // An operator reads its statements, not the partners' settlements; a stranger's statement is not there.
        given().auth().oauth2(operator).get("/v1/settlements/{id}", id).then().statusCode(403);
        given().auth().oauth2(operator).get("/v1/operator-statements/{o}/{d}", operatorA, DAY.toString()).then().statusCode(200)
                .body("totals.grossAmount", equalTo("1234.50"));
        given().auth().oauth2(otherOperator).get("/v1/operator-statements/{o}/{d}", operatorA, DAY.toString()).then().statusCode(404);
        given().auth().oauth2(otherOperator).get("/v1/operator-statements/{o}/{d}/statement.csv", operatorA, DAY.toString()).then().statusCode(404);
        given().auth().oauth2(own).get("/v1/operator-statements/{o}/{d}", operatorA, DAY.toString()).then().statusCode(403);
        given().auth().oauth2(OIDC.token("admin", partner, "KLIENTADMINISTRATOR")).get("/v1/settlements/{id}", id).then().statusCode(403);
        // A person of the partner with FINANCE_READER (the portal) reads its settlements and their CSV, a reader of
        // another organisation nothing, and a reader closes nothing.
        String reader = OIDC.token("person", partner, "FINANCE_READER");
        given().auth().oauth2(reader).get("/v1/settlements").then().statusCode(200).body("totalItems", equalTo(2));
        given().auth().oauth2(reader).get("/v1/settlements/{id}/entries.csv", id).then().statusCode(200);
        given().auth().oauth2(OIDC.token("person", partner + 1, "FINANCE_READER")).get("/v1/settlements/{id}", id).then().statusCode(404);
        given().auth().oauth2(OIDC.token("person", partner, "SALES_READER")).get("/v1/settlements/{id}", id).then().statusCode(403);
        given().auth().oauth2(reader).contentType("application/json").body("{\"partnerOrganisationId\":" + partner + ",\"settlementDate\":\"2026-11-13\"}")
                .post("/v1/settlements/closings").then().statusCode(403);
        given().auth().oauth2(Fixtures.finance()).get("/v1/operator-statements/{o}/{d}", operatorA, DAY.toString()).then().statusCode(200);
        given().auth().oauth2(Fixtures.finance()).get("/v1/reconciliations").then().statusCode(200);
        given().auth().oauth2(own).get("/v1/reconciliations").then().statusCode(403);
        // Only finance closes by hand; a day with nothing left to close is a conflict.
        String body = "{\"partnerOrganisationId\":" + partner + ",\"settlementDate\":\"2026-11-13\"}";
        given().auth().oauth2(own).contentType("application/json").body(body).post("/v1/settlements/closings").then().statusCode(403);
        given().auth().oauth2(Fixtures.finance()).contentType("application/json").body(body).post("/v1/settlements/closings").then().statusCode(409)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("nothing-to-close"));
    }
}
