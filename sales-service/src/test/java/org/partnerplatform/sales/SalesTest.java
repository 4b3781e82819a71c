package org.partnerplatform.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.partnerplatform.sales.SalesFixtures.agreement;
import static org.partnerplatform.sales.SalesFixtures.product;
import static org.partnerplatform.sales.SalesFixtures.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventSchemas;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.catalog.AgreementState;
import org.partnerplatform.events.catalog.ProductPrice;
import org.partnerplatform.events.catalog.ProductState;
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.events.sales.SaleRequest;
import org.partnerplatform.events.sales.SaleResult;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.OidcTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;
import org.partnerplatform.testsupport.TestOidcServer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class SalesTest {
    static final AtomicLong PARTNERS = new AtomicLong(2000 + (System.nanoTime() % 1000) * 1000);
    static final TestOidcServer OIDC = TestOidcServer.get();
    static final String STANDARD = "VYG:SalesPackage:Standard";
    static final String FLEX = "VYG:SalesPackage:Flex";
    static final String DRAFT = "VYG:SalesPackage:Draft";
    static final String APP_ONLY = "VYG:SalesPackage:AppOnly";
    static KafkaTestClient kafka;

    @Inject
    Pool pool;

    @BeforeAll
    static void catalog() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
        publish(kafka, product(STANDARD, "PUBLISHED", 1, new ProductPrice("ADULT", "399.00", "NOK"), new ProductPrice("CHILD", "199.50", "NOK")));
        publish(kafka, product(FLEX, "PUBLISHED", 1, new ProductPrice("ADULT", "599.00", "NOK")));
        publish(kafka, product(DRAFT, "DRAFT", 1, new ProductPrice("ADULT", "10.00", "NOK")));
        publish(kafka, SalesFixtures.product(APP_ONLY, List.of("APP"), "PUBLISHED", 1, new ProductPrice("ADULT", "10.00", "NOK")));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    /** A partner with an active agreement for STANDARD (and FLEX), ready in STAGING. */
    long partnerWithAgreement() {
        long partner = PARTNERS.incrementAndGet();
        AgreementState a = agreement(partner, "ACTIVE", List.of(STANDARD, FLEX, DRAFT, APP_ONLY), List.of("SELL", "REFUND"), List.of("STAGING"), 1);
        publish(kafka, a);
        awaitProjected("agreement_projection", a.id(), 1);
        awaitProjected("product_projection", STANDARD, 1);
        awaitProjected("product_projection", FLEX, 1);
        awaitProjected("product_projection", DRAFT, 1);
        return partner;
    }

    void awaitProjected(String table, String id, long version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery("select version from " + table + " where id = $1")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(5))
                .stream().anyMatch(r -> r.getLong(0) >= version));
    }

    static String partnerToken(long partner) {
        return OIDC.token("partner-" + partner, partner, "PARTNER");
    }

    static String request(String key, String... productProfileQuantity) {
        var lines = new java.util.ArrayList<SaleRequest.Line>();
        for (int i = 0; i + 2 < productProfileQuantity.length + 1; i += 3) {
            lines.add(new SaleRequest.Line(productProfileQuantity[i], productProfileQuantity[i + 1], Integer.parseInt(productProfileQuantity[i + 2])));
        }
        return EventJson.write(new SaleRequest(key, null, lines, null));
    }

    void sendRequest(long partner, String key, String body, String token) {
        if (token == null) {
            kafka.send(Topics.salesRequests(partner), key, body);
        } else {
            kafka.send(Topics.salesRequests(partner), key, body, "Authorization", "Bearer " + token);
        }
    }

    List<SaleResult> results(long partner, String key, int expected) {
        return kafka.readUntil(Topics.salesResults(partner), r -> key.equals(r.key()), expected, Duration.ofSeconds(30)).stream()
                .peek(r -> assertThat(EventSchemas.violations(EventType.SALE_RESULT, r.value())).isEmpty())
                .map(r -> EventJson.read(r.value(), SaleResult.class)).toList();
    }

    static String key() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void aSaleRequestOnKafkaIsConfirmedPricedAndPublished() {
        long partner = partnerWithAgreement();
        String key = key();
        sendRequest(partner, key, request(key, STANDARD, "ADULT", "2", STANDARD, "CHILD", "1"), partnerToken(partner));

        SaleResult result = results(partner, key, 1).get(0);
        assertThat(result.status()).isEqualTo("CONFIRMED");
        assertThat(result.replayed()).isFalse();
        assertThat(result.totalAmount()).isEqualTo("997.50");
        assertThat(result.totalTaxAmount()).isEqualTo("106.88"); // 85.50 + 21.38
        assertThat(result.ticketIds()).hasSize(3);
        assertThat(result.lines()).extracting(l -> l.amount()).containsExactly("798.00", "199.50");

        ConsumerRecord<String, String> record = kafka.readUntil(Topics.SALES_ORDER_EVENTS, r -> result.orderId().equals(r.key()), 1,
                Duration.ofSeconds(20)).get(0);
        assertThat(KafkaTestClient.header(record, "ce_type")).contains(EventType.ORDER_CONFIRMED.ceType());
        assertThat(EventSchemas.violations(EventType.ORDER_CONFIRMED, record.value())).isEmpty();
        OrderConfirmed confirmed = EventJson.read(record.value(), OrderConfirmed.class);
        assertThat(confirmed.organisationId()).isEqualTo(partner);
        assertThat(confirmed.operatorOrganisationId()).isEqualTo(SalesFixtures.OPERATOR);
        assertThat(confirmed.commissionBasisPoints()).isEqualTo(500);
        assertThat(confirmed.totalAmount()).isEqualTo("997.50");
        assertThat(confirmed.paymentType()).isEqualTo("AGENT");

        given().auth().oauth2(partnerToken(partner)).get("/v1/orders/{id}", result.orderId()).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("balance", equalTo("0.00")).body("totalAmount", equalTo("997.50"))
                .body("tickets", hasSize(3)).body("payments[0].type", equalTo("AGENT"));
        given().auth().oauth2(partnerToken(partner + 100_000)).get("/v1/orders/{id}", result.orderId()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theSameRequestTwiceMakesOneOrderAndAnotherBodyUnderTheSameKeyIsRefused() throws Exception {
        long partner = partnerWithAgreement();
        String key = key();
        String body = request(key, STANDARD, "ADULT", "1");
        sendRequest(partner, key, body, partnerToken(partner));
        sendRequest(partner, key, body, partnerToken(partner));
        sendRequest(partner, key, request(key, FLEX, "ADULT", "1"), partnerToken(partner));

        List<SaleResult> results = results(partner, key, 3);
        assertThat(results.get(0).status()).isEqualTo("CONFIRMED");
        assertThat(results.get(1).status()).isEqualTo("CONFIRMED");
        assertThat(results.get(1).replayed()).isTrue();
        assertThat(results.get(1).orderId()).isEqualTo(results.get(0).orderId());
        assertThat(results.get(2).status()).isEqualTo("REJECTED");
        assertThat(results.get(2).errorCode()).isEqualTo("idempotency-key-reused");
        assertThat(count("select count(*) from sales_order where organisation_id = $1", partner)).isEqualTo(1);
        String orderId = results.get(0).orderId();
        kafka.readUntil(Topics.SALES_ORDER_EVENTS, r -> orderId.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(kafka.readAll(Topics.SALES_ORDER_EVENTS, Duration.ofSeconds(3)).stream().filter(r -> orderId.equals(r.key()))).hasSize(1);
    }

    @Test
    void requestsWithoutAValidTokenOfTheirOrganisationAreRejected() {
        long partner = partnerWithAgreement();
        String noToken = key();
        String expired = key();
        String forged = key();
        String otherOrganisation = key();
        String notPartner = key();
        sendRequest(partner, noToken, request(noToken, STANDARD, "ADULT", "1"), null);
        sendRequest(partner, expired, request(expired, STANDARD, "ADULT", "1"), OIDC.expiredToken("p", partner, "PARTNER"));
        sendRequest(partner, forged, request(forged, STANDARD, "ADULT", "1"), OIDC.forgedToken("p", partner, "PARTNER"));
        sendRequest(partner, otherOrganisation, request(otherOrganisation, STANDARD, "ADULT", "1"), partnerToken(partner + 1));
        sendRequest(partner, notPartner, request(notPartner, STANDARD, "ADULT", "1"), OIDC.token("p", partner, "FINANCE"));

        assertThat(results(partner, noToken, 1).get(0).errorCode()).isEqualTo("unauthorized");
        assertThat(results(partner, expired, 1).get(0).errorCode()).isEqualTo("invalid-token");
        assertThat(results(partner, forged, 1).get(0).errorCode()).isEqualTo("invalid-token");
        assertThat(results(partner, otherOrganisation, 1).get(0).errorCode()).isEqualTo("wrong-organisation");
        assertThat(results(partner, notPartner, 1).get(0).errorCode()).isEqualTo("forbidden");
        assertThat(count("select count(*) from sales_order where organisation_id = $1", partner)).isZero();
    }

    @Test
    void aRevokedClientsTokenOnARecordIsRefused() {
        long partner = partnerWithAgreement();
        String client = "revoked-" + UUID.randomUUID();
        String token = OIDC.token(client, partner, "PARTNER");
        String before = key();
        sendRequest(partner, before, request(before, STANDARD, "ADULT", "1"), token);
        assertThat(results(partner, before, 1).get(0).status()).isEqualTo("CONFIRMED");

        kafka.sendCloudEvent(Topics.CLIENT_EVENTS, client, EventType.CLIENT_REVOKED.ceType(),
                EventJson.write(new org.partnerplatform.events.token.ClientRevoked(client, partner, java.time.Instant.now())));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String after = key();
            sendRequest(partner, after, request(after, STANDARD, "ADULT", "1"), token);
            assertThat(results(partner, after, 1).get(0).errorCode()).isEqualTo("invalid-token");
        });
    }

    @Test
    void salesOutsideTheAgreementsAreRejectedWithTheReason() {
        long partner = partnerWithAgreement();
        long unready = PARTNERS.incrementAndGet();
        AgreementState notReady = agreement(unready, "ACTIVE", List.of(STANDARD), List.of("SELL"), List.of("PRODUCTION"), 1);
        long refundOnly = PARTNERS.incrementAndGet();
        AgreementState refund = agreement(refundOnly, "ACTIVE", List.of(STANDARD), List.of("REFUND"), List.of("STAGING"), 1);
        publish(kafka, notReady);
        publish(kafka, refund);
        awaitProjected("agreement_projection", notReady.id(), 1);
        awaitProjected("agreement_projection", refund.id(), 1);

        String unknown = key();
        String draft = key();
        String noPrice = key();
        String appOnly = key();
        awaitProjected("product_projection", APP_ONLY, 1);
        sendRequest(partner, appOnly, request(appOnly, APP_ONLY, "ADULT", "1"), partnerToken(partner));
        sendRequest(partner, unknown, request(unknown, "VYG:SalesPackage:Nope", "ADULT", "1"), partnerToken(partner));
        sendRequest(partner, draft, request(draft, DRAFT, "ADULT", "1"), partnerToken(partner));
        sendRequest(partner, noPrice, request(noPrice, FLEX, "SENIOR", "1"), partnerToken(partner));
        String k1 = key();
        String k2 = key();
        sendRequest(unready, k1, request(k1, STANDARD, "ADULT", "1"), partnerToken(unready));
        sendRequest(refundOnly, k2, request(k2, STANDARD, "ADULT", "1"), partnerToken(refundOnly));

        assertThat(results(partner, unknown, 1).get(0).errorCode()).isEqualTo("unknown-product");
        assertThat(results(partner, draft, 1).get(0).errorCode()).isEqualTo("product-not-available");
        assertThat(results(partner, noPrice, 1).get(0).errorCode()).isEqualTo("no-price-for-user-profile");
        assertThat(results(partner, appOnly, 1).get(0).errorCode()).isEqualTo("product-not-in-channel"); // the agreement is WEB
        assertThat(results(unready, k1, 1).get(0).errorCode()).isEqualTo("no-agreement");
        assertThat(results(refundOnly, k2, 1).get(0).errorCode()).isEqualTo("no-agreement");
    }

    @Test
    void aRejectionIsNotFinalForItsKeyTheSameRequestSucceedsOnceTheCatalogCaughtUp() {
        long partner = partnerWithAgreement();
        String late = "VYG:SalesPackage:Late" + PARTNERS.incrementAndGet();
        String key = key();
        String body = request(key, late, "ADULT", "1");
        sendRequest(partner, key, body, partnerToken(partner));
        assertThat(results(partner, key, 1).get(0).errorCode()).isEqualTo("unknown-product");

        publish(kafka, product(late, "PUBLISHED", 1, new ProductPrice("ADULT", "49.00", "NOK")));
        AgreementState covering = agreement(partner, "ACTIVE", List.of(late), List.of("SELL"), List.of("STAGING"), 1);
        publish(kafka, covering);
        awaitProjected("product_projection", late, 1);
        awaitProjected("agreement_projection", covering.id(), 1);
        sendRequest(partner, key, body, partnerToken(partner));
        List<SaleResult> both = results(partner, key, 2);
        assertThat(both.get(1).status()).isEqualTo("CONFIRMED");
        assertThat(both.get(1).replayed()).isFalse();
        assertThat(both.get(1).totalAmount()).isEqualTo("49.00");

        sendRequest(partner, key, body, partnerToken(partner)); // now final: replayed
        SaleResult third = results(partner, key, 3).get(2);
        assertThat(third.replayed()).isTrue();
        assertThat(third.orderId()).isEqualTo(both.get(1).orderId());
    }

    @Test
    void anOperatorsSuspensionStopsTheSaleOfItsProductsUntilItIsReinstated() {
        long operator = PARTNERS.incrementAndGet();
        long partner = PARTNERS.incrementAndGet();
        String product = "SJN:SalesPackage:Op" + operator;
        ProductState base = product(product, "PUBLISHED", 1, new ProductPrice("ADULT", "214.00", "NOK"));
        publish(kafka, new ProductState(product, operator, "SJN", base.name(), base.status(), 1, base.vatGroup(), base.vatRate(), base.prices(),
                base.distributionChannels(), base.validFrom(), null, base.ticketValidity(), Instant.now()));
        AgreementState a = new AgreementState("agr-" + UUID.randomUUID(), partner, operator, "ACTIVE", true, List.of(), List.of("SELL"), "WEB", 500,
                SalesFixtures.LONG_AGO, null, List.of("STAGING"), 1, Instant.now());
        publish(kafka, a);
        awaitProjected("product_projection", product, 1);
        awaitProjected("agreement_projection", a.id(), 1);
        String before = key();
        sendRequest(partner, before, request(before, product, "ADULT", "1"), partnerToken(partner));
        assertThat(results(partner, before, 1).get(0).status()).isEqualTo("CONFIRMED");

        statusChanged(operator, "SUSPENDED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String during = key();
            sendRequest(partner, during, request(during, product, "ADULT", "1"), partnerToken(partner));
            assertThat(results(partner, during, 1).get(0).errorCode()).isEqualTo("operator-suspended");
        });
        statusChanged(operator, "ACTIVE");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String after = key();
            sendRequest(partner, after, request(after, product, "ADULT", "1"), partnerToken(partner));
            assertThat(results(partner, after, 1).get(0).status()).isEqualTo("CONFIRMED");
        });
    }

    static void statusChanged(long organisation, String status) {
        kafka.sendCloudEvent(Topics.ORGANISATION_EVENTS, Long.toString(organisation), EventType.ORGANISATION_STATUS_CHANGED.ceType(),
                EventJson.write(new org.partnerplatform.events.token.OrganisationStatusChanged(organisation, status, "test", "admin", Instant.now())));
    }

    @Test
    void aSuspendedAgreementStopsSalesAndAnOlderStateNeverOverridesANewerOne() {
        long partner = PARTNERS.incrementAndGet();
        AgreementState active = agreement(partner, "ACTIVE", List.of(STANDARD), List.of("SELL"), List.of("STAGING"), 2);
        publish(kafka, active);
        awaitProjected("agreement_projection", active.id(), 2);
        publish(kafka, SalesFixtures.withVersion(active, "SUSPENDED", 3));
        publish(kafka, SalesFixtures.withVersion(active, "ACTIVE", 1)); // late and stale
        awaitProjected("agreement_projection", active.id(), 3);
        String marker = key();
        sendRequest(partner, marker, request(marker, STANDARD, "ADULT", "1"), partnerToken(partner));
        assertThat(results(partner, marker, 1).get(0).errorCode()).isEqualTo("no-agreement");
    }

    @Test
    void aRecordThatIsNotASaleRequestIsDeadLetteredAndTheNextOneIsServed() {
        long partner = partnerWithAgreement();
        String run = UUID.randomUUID().toString();
        kafka.send(Topics.salesRequests(partner), "garbage-" + run, "this is not json", "Authorization", "Bearer " + partnerToken(partner));
        kafka.send(Topics.salesRequests(partner), "invalid-" + run, "{\"idempotencyKey\":\"short\",\"lines\":[]}");
        String key = key();
        sendRequest(partner, key, request(key, STANDARD, "ADULT", "1"), partnerToken(partner));

        assertThat(results(partner, key, 1).get(0).status()).isEqualTo("CONFIRMED");
        var dead = kafka.readUntil(Topics.deadLetter(Topics.salesRequests(partner)), r -> r.key() != null && r.key().endsWith(run), 2,
                Duration.ofSeconds(20));
        assertThat(dead).allSatisfy(r -> assertThat(KafkaTestClient.header(r, "dead-letter-reason").orElse("")).contains("SaleRequest.v1"));
    }

    @Test
    void aBrokenCatalogRecordIsDeadLettered() {
        String run = UUID.randomUUID().toString();
        kafka.sendCloudEvent(Topics.CATALOG_PRODUCTS, "broken-" + run, EventType.PRODUCT.ceType(), "{\"id\":\"VYG:SalesPackage:Broken\"}");
        var dead = kafka.readUntil(Topics.deadLetter(Topics.CATALOG_PRODUCTS), r -> ("broken-" + run).equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason").orElse("")).contains("does not match its schema");
        partnerWithAgreement(); // the channel still works
    }

    @Test
    void restSalesAreIdempotentByHeaderAndAnswerProblemsOtherwise() {
        long partner = partnerWithAgreement();
        String key = key();
        String body = "{\"lines\":[{\"productId\":\"" + STANDARD + "\",\"userProfile\":\"ADULT\",\"quantity\":2}]}";
        String orderId = given().auth().oauth2(partnerToken(partner)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/v1/sales").then().statusCode(201).body("totalAmount", equalTo("798.00")).body("totalTaxAmount", equalTo("85.50"))
                .body("status", equalTo("CONFIRMED")).body("tickets", hasSize(2)).extract().path("id");
        given().auth().oauth2(partnerToken(partner)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/v1/sales").then().statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(orderId));
        given().auth().oauth2(partnerToken(partner)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body.replace("\"quantity\":2", "\"quantity\":3")).post("/v1/sales").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://partnerplatform.org/problems/idempotency-key-reused"));

        given().header("Idempotency-Key", key()).contentType(ContentType.JSON).body(body).post("/v1/sales").then().statusCode(401);
        given().auth().oauth2(partnerToken(partner)).contentType(ContentType.JSON).body(body).post("/v1/sales").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(partnerToken(partner)).header("Idempotency-Key", key()).contentType(ContentType.JSON)
                .body("{\"lines\":[{\"productId\":\"bad\",\"userProfile\":\"ADULT\",\"quantity\":0}]}").post("/v1/sales").then().statusCode(400)
                .contentType("application/problem+json").body("errors", hasSize(2));
        given().auth().oauth2(partnerToken(partner)).header("Idempotency-Key", key()).contentType(ContentType.JSON)
                .body("{\"lines\":[{\"productId\":\"RUT:SalesPackage:Unknown\",\"userProfile\":\"ADULT\",\"quantity\":1}]}").post("/v1/sales")
                .then().statusCode(422).body("type", equalTo("https://partnerplatform.org/problems/unknown-product"));
        // The body goes through the SaleRequest.v1 schema too, as a Kafka record does: an empty channel passes the
        // body's own constraints but not the schema.
        given().auth().oauth2(partnerToken(partner)).header("Idempotency-Key", key()).contentType(ContentType.JSON)
                .body(body.replace("{\"lines\"", "{\"distributionChannelId\":\"\",\"lines\"")).post("/v1/sales").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("https://partnerplatform.org/problems/invalid-sale-request"));
        assertThat(count("select count(*) from sales_order where organisation_id = $1", partner)).isEqualTo(1);
    }

    long count(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
