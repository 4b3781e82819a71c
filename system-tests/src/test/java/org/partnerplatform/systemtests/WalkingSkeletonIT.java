package org.partnerplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasSize;
import static org.partnerplatform.systemtests.PartnerPlatformApi.awaitConsumed;
import static org.partnerplatform.systemtests.PartnerPlatformApi.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.partnerplatform.devinfra.DeadLetterRedrive;
import org.partnerplatform.devinfra.Platform.Service;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventSchemas;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.events.sales.SaleRequest;
import org.partnerplatform.events.sales.SaleResult;
import org.partnerplatform.events.settlement.SettlementEntryRecorded;
import org.partnerplatform.testsupport.KafkaTestClient;

import io.restassured.http.ContentType;

/**
 * The thin path through the four services as separate processes, driven from outside as a platform operator,
 * a partner and finance would: tokens, the filtered catalog, a sale on the partner's Kafka topic, its order event,
 * the settlement entry and event, every amount to the øre, and the same sale request twice making one order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {
    static final String PRODUCT = "VYG:SalesPackage:Standard";
    static KafkaTestClient kafka;
    static String admin;
    static long operator;
    static long partner;
    static PartnerPlatformApi.Credentials partnerClient;
    static PartnerPlatformApi.Credentials finance;
    static String agreementId;

    @BeforeAll
    static void onboardAPartner() {
        RunningPlatform.get();
        kafka = new KafkaTestClient(RunningPlatform.get().kafka().bootstrapServers());
        admin = PartnerPlatformApi.adminToken();
        operator = PartnerPlatformApi.registerOrganisation(admin, "Vy", "OPERATOR", "VYG");
        partner = PartnerPlatformApi.registerOrganisation(admin, "Reiseportalen AS", "PARTNER", null);
        partnerClient = PartnerPlatformApi.createClient(admin, partner, "reiseportalen-web", "PARTNER");
        finance = PartnerPlatformApi.createClient(admin, 1, "platform-finance", "FINANCE");
        PartnerPlatformApi.createPublishedProduct(admin, PRODUCT, operator, Map.of("ADULT", "399.00", "CHILD", "199.50"));
        agreementId = PartnerPlatformApi.createActiveAgreement(admin, partner, operator, List.of(PRODUCT), 500, "STAGING");
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void tokenServiceIssuesES256SignedJwtsThatItsPublishedKeysVerify() throws Exception {
        String tokenUrl = RunningPlatform.url(Service.TOKEN);
        var discovery = given().get(tokenUrl + "/.well-known/openid-configuration").then().statusCode(200).extract().jsonPath();
        String jwksUri = discovery.getString("jwks_uri");
        // The issuer is the URL the document is served from (OpenID Connect Discovery 4.3).
        assertThat(discovery.getString("issuer")).isEqualTo(tokenUrl);
        assertThat(discovery.getString("token_endpoint")).endsWith("/oauth/token");

        // A standard OAuth 2.0 client: form body, HTTP Basic authentication.
        String basic = Base64.getEncoder().encodeToString((partnerClient.clientId() + ":" + partnerClient.clientSecret()).getBytes(StandardCharsets.UTF_8));
        String accessToken = given().header("Authorization", "Basic " + basic).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post(tokenUrl + "/oauth/token")
                .then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(86400)).extract().path("access_token");

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(accessToken);
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("ES256");
        assertThat(jws.getHeader("typ")).isEqualTo("at+jwt");
        JsonWebKeySet keys = new JsonWebKeySet(given().get(jwksUri).then().statusCode(200).extract().asString());
        jws.setKey(new VerificationJwkSelector().select(jws, keys.getJsonWebKeys()).getKey());
        assertThat(jws.verifySignature()).isTrue();
        JwtClaims claims = JwtClaims.parse(jws.getPayload());
        assertThat(claims.getAudience()).contains(RunningPlatform.AUDIENCE);
        assertThat(claims.getClaimValue("https://entur.io/organisationID")).isEqualTo(partner);
        assertThat(claims.getClaimValue("azp")).isEqualTo(partnerClient.clientId());
    }

    @Test
    @Order(2)
    void theCatalogAnswersOnlyAValidTokenAndShowsThePartnersProduct() {
        String catalog = RunningPlatform.url(Service.CATALOG) + "/v1/catalog";
        given().get(catalog).then().statusCode(401);
        given().auth().oauth2("not-a-token").get(catalog).then().statusCode(401);
        given().auth().oauth2(token(partnerClient)).get(catalog).then().statusCode(200).body(containsString(PRODUCT));
        // An organisation without agreements sees nothing.
        long other = PartnerPlatformApi.registerOrganisation(admin, "Annen Partner AS", "PARTNER", null);
        var otherClient = PartnerPlatformApi.createClient(admin, other, "annen-partner-app", "PARTNER");
        assertThat(given().auth().oauth2(token(otherClient)).get(catalog).then().statusCode(200).extract().asString()).doesNotContain(PRODUCT);
    }

    @Test
    @Order(3)
    void aSaleOnThePartnersTopicIsConfirmedPublishedAndSettledToTheOre() {
        awaitConsumed("sales-service-catalog", Set.of(Topics.CATALOG_PRODUCTS, Topics.CATALOG_AGREEMENTS), Duration.ofSeconds(60));
        String key = "sale-" + UUID.randomUUID();
        String request = EventJson.write(new SaleRequest(key, "WEB",
                List.of(new SaleRequest.Line(PRODUCT, "ADULT", 2), new SaleRequest.Line(PRODUCT, "CHILD", 1)), "booking-42"));
        String partnerToken = token(partnerClient);
        // Nobody created the partner's topics by hand, and this broker creates none on first use (as a cluster's):
        // token-service made them at the registration.
        assertThat(RunningPlatform.get().kafka().topicNames()).contains(Topics.salesRequests(partner), Topics.deadLetter(Topics.salesRequests(partner)),
                Topics.salesResults(partner), Topics.catalogNotifications(partner));
        kafka.send(Topics.salesRequests(partner), key, request, "Authorization", "Bearer " + partnerToken);

        SaleResult result = result(key, 1).get(0);
        assertThat(result.status()).as(result.errorCode() + ": " + result.errorDetail()).isEqualTo("CONFIRMED");
        assertThat(result.totalAmount()).isEqualTo("997.50");      // 2 × 399.00 + 199.50
        assertThat(result.totalTaxAmount()).isEqualTo("106.88");   // 12 % included: 85.50 + 21.38
        assertThat(result.ticketIds()).hasSize(3);
        String orderId = result.orderId();

        OrderConfirmed order = EventJson.read(kafka.readUntil(Topics.SALES_ORDER_EVENTS, r -> orderId.equals(r.key()), 1,
                Duration.ofSeconds(30)).get(0).value(), OrderConfirmed.class);
        assertThat(order.organisationId()).isEqualTo(partner);
        assertThat(order.operatorOrganisationId()).isEqualTo(operator);
        assertThat(order.agreementId()).isEqualTo(agreementId);
        assertThat(order.commissionBasisPoints()).isEqualTo(500);

        given().auth().oauth2(partnerToken).get(RunningPlatform.url(Service.SALES) + "/v1/orders/{id}", orderId).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("balance", equalTo("0.00")).body("totalAmount", equalTo("997.50"));

        String financeToken = token(finance);
        String entries = RunningPlatform.url(Service.SETTLEMENT) + "/v1/settlement/partners/{p}/entries";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(financeToken).get(entries, partner)
                .then().statusCode(200).body("$", hasSize(1)));
        given().auth().oauth2(financeToken).get(entries, partner).then()
                .body("[0].orderId", equalTo(orderId))
                .body("[0].grossAmount", equalTo("997.50"))
                .body("[0].vatAmount", equalTo("106.88"))
                .body("[0].commissionAmount", equalTo("49.88"))    // 5 % of 997.50 = 49.875, half up
                .body("[0].netToOperatorAmount", equalTo("947.62"))
                .body("[0].operatorOrganisationId", equalTo((int) operator));
        SettlementEntryRecorded settled = EventJson.read(kafka.readUntil(Topics.SETTLEMENT_EVENTS, r -> r.value().contains(orderId), 1,
                Duration.ofSeconds(30)).get(0).value(), SettlementEntryRecorded.class);
        assertThat(settled.grossAmount()).isEqualTo("997.50");
        assertThat(settled.vatAmount()).isEqualTo("106.88");
        assertThat(settled.commissionAmount()).isEqualTo("49.88");
        assertThat(settled.netToOperatorAmount()).isEqualTo("947.62");

        // The same request again: the first result is replayed; no second order, no second ledger entry.
        kafka.send(Topics.salesRequests(partner), key, request, "Authorization", "Bearer " + partnerToken);
        List<SaleResult> both = result(key, 2);
        assertThat(both.get(1).replayed()).isTrue();
        assertThat(both.get(1).orderId()).isEqualTo(orderId);
        awaitConsumed("settlement-service", Set.of(Topics.SALES_ORDER_EVENTS), Duration.ofSeconds(30));
        assertThat(kafka.readAll(Topics.SALES_ORDER_EVENTS, Duration.ofSeconds(10)).stream().filter(r -> orderId.equals(r.key()))).hasSize(1);
        given().auth().oauth2(financeToken).get(RunningPlatform.url(Service.SETTLEMENT) + "/v1/settlement/partners/{p}/summary", partner)
                .then().statusCode(200).body("entries", equalTo(1)).body("grossAmount", equalTo("997.50"));
    }

    @Test
    @Order(4)
    void recordsThatDoNotParseAreDeadLetteredOnEveryIncomingTopicAndTheNextRecordIsProcessed() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> incoming = List.of(Topics.salesRequests(partner), Topics.CATALOG_PRODUCTS, Topics.CATALOG_AGREEMENTS, Topics.SALES_ORDER_EVENTS);
        for (String topic : incoming) {
            kafka.send(topic, "garbage-" + run, "{ this is not json", "ce_specversion", "1.0", "ce_id", "garbage-" + run + topic,
                    "ce_type", "org.partnerplatform.unknown.Garbage.v1", "ce_source", "/system-test");
        }
        // Garbage without CloudEvents headers on the topics whose consumers require them.
        kafka.send(Topics.SALES_ORDER_EVENTS, "bare-" + run, "\u0000\u0001 binary");
        // token-service's topics: consumers skip event types that are not theirs, so the garbage claims a type they read.
        kafka.send(Topics.ORGANISATION_EVENTS, "garbage-" + run, "{ this is not json", "ce_specversion", "1.0", "ce_id", "garbage-org-" + run,
                "ce_type", EventType.ORGANISATION_REGISTERED.ceType(), "ce_source", "/system-test");
        kafka.send(Topics.CLIENT_EVENTS, "garbage-" + run, "{ this is not json", "ce_specversion", "1.0", "ce_id", "garbage-client-" + run,
                "ce_type", EventType.CLIENT_REVOKED.ceType(), "ce_source", "/system-test");

        String key = "sale-" + UUID.randomUUID();
        kafka.send(Topics.salesRequests(partner), key, EventJson.write(new SaleRequest(key, null, List.of(new SaleRequest.Line(PRODUCT, "ADULT", 1)), null)),
                "Authorization", "Bearer " + token(partnerClient));
        SaleResult result = result(key, 1).get(0);
        assertThat(result.status()).isEqualTo("CONFIRMED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token(finance))
                .queryParam("orderId", result.orderId()).get(RunningPlatform.url(Service.SETTLEMENT) + "/v1/settlement/entries")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].grossAmount", equalTo("399.00")));

        for (String topic : incoming) {
            ConsumerRecord<String, String> dead = kafka.readUntil(Topics.deadLetter(topic), r -> ("garbage-" + run).equals(r.key()), 1,
                    Duration.ofSeconds(30)).get(0);
            assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).as(topic).isPresent();
            assertThat(KafkaTestClient.header(dead, "dead-letter-topic")).contains(topic);
            assertThat(dead.value()).isEqualTo("{ this is not json");
        }
        assertThat(kafka.readUntil(Topics.deadLetter(Topics.SALES_ORDER_EVENTS), r -> ("bare-" + run).equals(r.key()), 1, Duration.ofSeconds(30))).hasSize(1);

        // After the garbage, catalog-service still binds a new operator from its registration event...
        long laterOperator = PartnerPlatformApi.registerOrganisation(admin, "Skyss", "OPERATOR", "SKY");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin).get(RunningPlatform.url(Service.CATALOG) + "/v1/admin/operators")
                .then().statusCode(200).body("find { it.organisationId == " + laterOperator + " }.name", equalTo("Skyss")));
        // ...and every resource server still applies revocations from token-service's client events.
        PartnerPlatformApi.Credentials doomed = PartnerPlatformApi.createClient(admin, partner, "reiseportalen-doomed", "PARTNER");
        String doomedToken = token(doomed);
        given().auth().oauth2(doomedToken).get(RunningPlatform.url(Service.CATALOG) + "/v1/catalog").then().statusCode(200);
        given().auth().oauth2(admin).post(RunningPlatform.url(Service.TOKEN) + "/v1/organisations/{o}/clients/{c}/revoke", partner, doomed.clientId())
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(doomedToken).get(RunningPlatform.url(Service.CATALOG) + "/v1/catalog").then().statusCode(401));
        for (String topic : List.of(Topics.ORGANISATION_EVENTS, Topics.CLIENT_EVENTS)) {
            ConsumerRecord<String, String> dead = kafka.readUntil(Topics.deadLetter(topic), r -> ("garbage-" + run).equals(r.key()), 1,
                    Duration.ofSeconds(30)).get(0);
            assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).as(topic).isPresent();
            assertThat(dead.value()).isEqualTo("{ this is not json");
        }

        // The operators' re-drive (./kafka.sh redrive) sends a dead letter back to its topic; garbage is still garbage,
        // so settlement-service dead-letters it again, now marked with where it was re-driven from.
        String orderEventsDlq = Topics.deadLetter(Topics.SALES_ORDER_EVENTS);
        Properties client = new Properties();
        client.put("bootstrap.servers", RunningPlatform.get().kafka().bootstrapServers());
        var redriven = new DeadLetterRedrive(client, orderEventsDlq, Set.of("garbage-" + run), false, Duration.ofSeconds(3)).run(System.out);
        assertThat(redriven.redrivenPerTopic()).isEqualTo(Map.of(Topics.SALES_ORDER_EVENTS, 1));
        ConsumerRecord<String, String> again = kafka.readUntil(orderEventsDlq,
                r -> ("garbage-" + run).equals(r.key()) && KafkaTestClient.header(r, "redriven-from").isPresent(), 1, Duration.ofSeconds(30)).get(0);
        assertThat(KafkaTestClient.header(again, "redriven-from")).hasValueSatisfying(from -> assertThat(from).startsWith(orderEventsDlq + "-"));
        assertThat(KafkaTestClient.header(again, "dead-letter-reason")).isPresent();
        assertThat(again.value()).isEqualTo("{ this is not json");
    }

    @Test
    @Order(5)
    void everyEventOnThePlatformsTopicsHasAKeyAndMatchesItsSchema() {
        List<String> topics = List.of(Topics.ORGANISATION_EVENTS, Topics.CLIENT_EVENTS, Topics.CATALOG_PRODUCTS, Topics.CATALOG_AGREEMENTS,
                Topics.catalogNotifications(partner), Topics.SALES_ORDER_EVENTS, Topics.salesResults(partner), Topics.SETTLEMENT_EVENTS);
        Set<String> typesSeen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (String topic : topics) {
            for (ConsumerRecord<String, String> record : kafka.readAll(topic, Duration.ofSeconds(20))) {
                String source = KafkaTestClient.header(record, "ce_source").orElse("");
                if (source.equals("/system-test") || record.key() != null && (record.key().startsWith("garbage-") || record.key().startsWith("bare-"))) {
                    continue; // what the dead-letter test sent on purpose
                }
                String type = KafkaTestClient.header(record, "ce_type").orElse(null);
                EventType eventType = type == null ? null : EventType.ofCeType(type).orElse(null);
                if (eventType == null) {
                    problems.add(topic + "@" + record.offset() + ": unknown ce_type " + type);
                    continue;
                }
                typesSeen.add(type);
                if (record.key() == null || record.key().isBlank()) {
                    problems.add(topic + "@" + record.offset() + ": no key");
                }
                if (KafkaTestClient.header(record, "ce_id").isEmpty()) {
                    problems.add(topic + "@" + record.offset() + ": no ce_id");
                }
                EventSchemas.violations(eventType, record.value()).forEach(v -> problems.add(topic + "@" + record.offset() + ": " + v));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(typesSeen).contains(EventType.ORGANISATION_REGISTERED.ceType(), EventType.CLIENT_CREATED.ceType(), EventType.PRODUCT.ceType(),
                EventType.AGREEMENT.ceType(), EventType.PRODUCTS_READY_FOR_USE.ceType(), EventType.ORDER_CONFIRMED.ceType(),
                EventType.SALE_RESULT.ceType(), EventType.SETTLEMENT_ENTRY_RECORDED.ceType());
    }

    @Test
    @Order(6)
    void everyServiceReportsHealthMetricsAndOpenApi() {
        for (Service service : Service.values()) {
            String url = RunningPlatform.url(service);
            // Readiness: the database, not the broker (a broker outage must not take the pods out of their Service).
            given().get(url + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                    .body(containsString("Database connections health check")).body(not(containsString("Kafka")));
            given().get(url + "/q/health/well").then().statusCode(200).body("checks.find { it.name == 'Kafka brokers' }.status", equalTo("UP"));
            given().get(url + "/q/health/live").then().statusCode(200);
            given().get(url + "/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
            given().get(url + "/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
        }
    }

    private List<SaleResult> result(String key, int expected) {
        return kafka.readUntil(Topics.salesResults(partner), r -> key.equals(r.key()), expected, Duration.ofSeconds(60)).stream()
                .map(r -> EventJson.read(r.value(), SaleResult.class)).toList();
    }
}
