package org.partnerplatform.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.partnerplatform.sales.SalesTest.FLEX;
import static org.partnerplatform.sales.SalesTest.STANDARD;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventSchemas;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.TicketDisabled;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.OidcTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;
import org.partnerplatform.tickets.DisabledList;
import org.partnerplatform.tickets.TicketVerifier;
import org.partnerplatform.tickets.Verdict;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

/** Inspection on real PostgreSQL and Kafka: online verification for the inspector's operator, and the disabled list synced for offline checks. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class InspectionTest {
    static KafkaTestClient kafka;

    @Inject
    Pool pool;

    @BeforeAll
    static void catalog() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
        SalesFixtures.publishStandardAndFlex(kafka);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    static String inspector(long operator) {
        return SalesTest.OIDC.token("inspector-" + operator, operator, "INSPECTOR");
    }

    static ValidatableResponse verify(String token, String ticket) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("ticket", ticket)).post("/v1/tickets/verify")
                .then().statusCode(200);
    }

    /** Every page of the disabled list, as an inspector's device saves them. */
    static List<String> syncDisabled(String token) {
        List<String> pages = new ArrayList<>();
        String next = "/v1/tickets/disabled?limit=1";
        while (next != null) {
            String page = given().auth().oauth2(token).get(next).then().statusCode(200).extract().asString();
            pages.add(page);
            next = JsonPath.from(page).getString("next");
        }
        return pages;
    }

    @Test
    void aRefundedTicketIsRefusedOnlineAndOfflineAfterSyncAndOnlyTheOperatorsInspectorChecksIt() {
        long partner = OrdersTest.partner(kafka, pool, "SELL", "REFUND");
        var order = OrdersTest.confirmed(partner);
        String orderId = order.path("id");
        String standardLine = order.path("orderLines.find { it.productId == '" + STANDARD + "' }.lineId");
        TicketsTest.tickets(partner, orderId); // handed out (signed) first, refunded afterwards
        OrdersTest.as(partner).header("Idempotency-Key", SalesTest.key()).body("{\"orderLineIds\":[\"" + standardLine + "\"]}")
                .post("/v1/orders/{id}/refunds", orderId).then().statusCode(201);
        JsonPath tickets = TicketsTest.tickets(partner, orderId);
        assertThat(tickets.getString("find { it.orderLineId == '" + standardLine + "' }.status")).isEqualTo("DISABLED");
        OrdersTest.as(partner).get(tickets.getString("find { it.orderLineId == '" + standardLine + "' }.qrCode")).then().statusCode(404);
        String refunded = tickets.getString("find { it.orderLineId == '" + standardLine + "' }.signedTicket");
        String refundedId = tickets.getString("find { it.orderLineId == '" + standardLine + "' }.ticketId");
        String valid = tickets.getString("find { it.productId == '" + FLEX + "' }.signedTicket");
        String vy = inspector(SalesFixtures.OPERATOR);

        verify(vy, valid).body("valid", equalTo(true)).body("reason", equalTo("VALID")).body("claims.operatorCodespace", equalTo("VYG"));
        verify(vy, refunded).body("valid", equalTo(false)).body("reason", equalTo("DISABLED"));
        verify(inspector(SalesFixtures.OPERATOR + 1), valid).body("reason", equalTo("OTHER_OPERATOR"));
        verify(vy, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").body("reason", equalTo("ALGORITHM_NOT_ALLOWED"));
        OrdersTest.as(partner).body(Map.of("ticket", valid)).post("/v1/tickets/verify").then().statusCode(403);

        // Offline: the device syncs the disabled list (page by page) and the keys while online, then checks without a network.
        await().atMost(Duration.ofSeconds(20)).until(() -> DisabledList.union(syncDisabled(vy)).contains(refundedId));
        Set<String> disabled = DisabledList.union(syncDisabled(vy));
        assertThat(disabled).contains(refundedId).hasSizeGreaterThanOrEqualTo(2);
        String jwks = given().get("/.well-known/ticket-keys.json").then().statusCode(200).extract().asString();
        TicketVerifier offline = new TicketVerifier(TicketVerifier.keys(jwks), TicketsTest.ISSUER, disabled, TicketVerifier.DEFAULT_CLOCK_SKEW);
        assertThat(offline.verify(refunded, Instant.now(), Optional.of("VYG")).reason()).isEqualTo(Verdict.Reason.DISABLED);
        assertThat(offline.verify(valid, Instant.now(), Optional.of("VYG")).reason()).isEqualTo(Verdict.Reason.VALID);
        // Another operator's inspector does not get this operator's disabled tickets.
        assertThat(DisabledList.union(syncDisabled(inspector(SalesFixtures.OPERATOR + 1)))).doesNotContain(refundedId);
        OrdersTest.as(partner).get("/v1/tickets/disabled").then().statusCode(403);

        // Operators' systems: the compacted topic has each disabled ticket under its id.
        var records = kafka.readUntil(Topics.SALES_DISABLED_TICKETS, r -> r.value().contains(orderId), 2, Duration.ofSeconds(20));
        assertThat(records).extracting(r -> r.key()).contains(refundedId).doesNotHaveDuplicates();
        records.forEach(r -> assertThat(EventSchemas.violations(EventType.TICKET_DISABLED, r.value())).isEmpty());
        TicketDisabled event = EventJson.read(records.stream().filter(r -> refundedId.equals(r.key())).findFirst().orElseThrow().value(),
                TicketDisabled.class);
        assertThat(event.operatorOrganisationId()).isEqualTo(SalesFixtures.OPERATOR);
        assertThat(event.operatorCodespace()).isEqualTo("VYG");
        assertThat(event.validTo()).isEqualTo(Instant.parse(tickets.getString("find { it.ticketId == '" + refundedId + "' }.validTo")));
    }

    @Test
    void aTicketRefundedBeforeItWasHandedOutIsNeverSigned() {
        long partner = OrdersTest.partner(kafka, pool, "SELL", "REFUND");
        String orderId = OrdersTest.confirmed(partner).path("id");
        OrdersTest.as(partner).header("Idempotency-Key", SalesTest.key()).body("{}").post("/v1/orders/{id}/refunds", orderId).then().statusCode(201);
        JsonPath tickets = TicketsTest.tickets(partner, orderId);
        assertThat(tickets.getList("status")).containsOnly("DISABLED");
        assertThat(tickets.getList("signedTicket")).containsOnlyNulls();
    }

    @Test
    void theDisabledTicketsTopicIsCompacted() throws Exception {
        try (var admin = SharedInfrastructure.kafka().admin()) {
            var topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SALES_DISABLED_TICKETS);
            var config = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }
}
