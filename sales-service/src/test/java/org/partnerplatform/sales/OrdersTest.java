package org.partnerplatform.sales;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.partnerplatform.sales.SalesFixtures.agreement;
import static org.partnerplatform.sales.SalesFixtures.publish;
import static org.partnerplatform.sales.SalesTest.FLEX;
import static org.partnerplatform.sales.SalesTest.STANDARD;
import static org.partnerplatform.sales.SalesTest.key;
import static org.partnerplatform.sales.SalesTest.partnerToken;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.partnerplatform.events.sales.OrderConfirmed;
import org.partnerplatform.events.sales.OrderRefunded;
import org.partnerplatform.events.sales.RefundRequest;
import org.partnerplatform.events.sales.RefundResult;
import org.partnerplatform.events.sales.SalesDayTotals;
import org.partnerplatform.sales.service.DayTotalsPublisher;
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
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The order lifecycle over REST, on real PostgreSQL and Kafka: reserve, pay, confirm, cancel, expire, refund, versions. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class OrdersTest {
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

    long partner(String... rights) {
        return partner(kafka, pool, rights);
    }

    /** A new partner with an agreement on STANDARD and FLEX giving the rights, once sales-service has projected it. */
    static long partner(KafkaTestClient kafka, Pool pool, String... rights) {
        long partner = SalesTest.PARTNERS.incrementAndGet();
        AgreementState a = agreement(partner, "ACTIVE", List.of(STANDARD, FLEX), List.of(rights), List.of("STAGING"), 1);
        publish(kafka, a);
        awaitProjected(pool, "agreement_projection", a.id());
        awaitProjected(pool, "product_projection", STANDARD);
        awaitProjected(pool, "product_projection", FLEX);
        return partner;
    }

    void awaitProjected(String table, String id) {
        awaitProjected(pool, table, id);
    }

    static void awaitProjected(Pool pool, String table, String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery("select 1 from " + table + " where id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(5)).size() == 1);
    }

    static RequestSpecification as(long partner) {
        return given().auth().oauth2(partnerToken(partner)).contentType(ContentType.JSON);
    }

    static final String TWO_LINES = "{\"externalReference\":\"basket-1\",\"lines\":[{\"productId\":\"" + STANDARD
            + "\",\"userProfile\":\"ADULT\",\"quantity\":2},{\"productId\":\"" + FLEX + "\",\"userProfile\":\"ADULT\",\"quantity\":1}]}";

    static ExtractableResponse<Response> reserve(long partner) {
        return as(partner).header("Idempotency-Key", key()).body(TWO_LINES).post("/v1/orders").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("version", equalTo(1)).body("balance", equalTo("1397.00"))
                .body("expireAt", notNullValue()).body("tickets", hasSize(0)).header("ETag", "\"1\"").extract();
    }

    static String pay(String amount) {
        return "{\"type\":\"AGENT\",\"amount\":\"" + amount + "\",\"currency\":\"NOK\",\"reference\":\"kasse-7\"}";
    }

    static ExtractableResponse<Response> confirmed(long partner) {
        String id = reserve(partner).path("id");
        as(partner).body(pay("1397.00")).post("/v1/orders/{id}/payments", id).then().statusCode(200).body("balance", equalTo("0.00"));
        return as(partner).post("/v1/orders/{id}/confirm", id).then().statusCode(200).extract();
    }

    List<ConsumerRecord<String, String>> orderEvents(String orderId, int expected) {
        List<ConsumerRecord<String, String>> events = kafka.readUntil(Topics.SALES_ORDER_EVENTS, r -> orderId.equals(r.key()), expected,
                Duration.ofSeconds(20));
        events.forEach(r -> {
            EventType type = EventType.ofCeType(KafkaTestClient.header(r, "ce_type").orElseThrow()).orElseThrow();
            assertThat(EventSchemas.violations(type, r.value())).isEmpty();
        });
        return events;
    }

    static String type(ConsumerRecord<String, String> r) {
        return KafkaTestClient.header(r, "ce_type").orElseThrow();
    }

    @Test
    void reservePayConfirmRefundOneLineThenTheRest() {
        long partner = partner("SELL", "REFUND");
        ExtractableResponse<Response> draft = reserve(partner);
        String id = draft.path("id");
        String standardLine = draft.path("orderLines[0].lineId");
        String flexLine = draft.path("orderLines[1].lineId");
        as(partner).post("/v1/orders/{id}/confirm", id).then().statusCode(409).body("type", equalTo("https://partnerplatform.org/problems/balance-not-paid"));

        as(partner).header("If-Match", "\"1\"").body(pay("1397.00")).post("/v1/orders/{id}/payments", id).then().statusCode(200)
                .body("balance", equalTo("0.00")).body("payments[0].type", equalTo("AGENT")).body("payments[0].reference", equalTo("kasse-7"));
        as(partner).header("If-Match", "\"1\"").post("/v1/orders/{id}/confirm", id).then().statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("lastConfirmedAt", notNullValue()).body("tickets", hasSize(3)).header("ETag", "\"1\"");

        as(partner).header("Idempotency-Key", key()).body("{\"orderLineIds\":[\"" + standardLine + "\"]}").post("/v1/orders/{id}/refunds", id)
                .then().statusCode(201).body("orderVersion", equalTo(2)).body("totalCreditAmount", equalTo("798.00"))
                .body("totalCreditTaxAmount", equalTo("85.50")).body("affectedOrderLineIds", equalTo(List.of(standardLine)))
                .body("disabledTicketIds", hasSize(2)).body("creditId", notNullValue()).header("ETag", "\"2\"");
        as(partner).get("/v1/orders/{id}", id).then().statusCode(200).body("version", equalTo(2)).body("status", equalTo("CONFIRMED"))
                .body("totalAmount", equalTo("599.00")).body("orderLines[0].status", equalTo("REFUNDED"))
                .body("orderLines[1].status", equalTo("ACTIVE")).body("tickets.findAll { it.status == 'DISABLED' }", hasSize(2))
                .body("credits", hasSize(1));
        as(partner).header("Idempotency-Key", key()).body("{\"orderLineIds\":[\"" + standardLine + "\"]}").post("/v1/orders/{id}/refunds", id)
                .then().statusCode(409).body("type", equalTo("https://partnerplatform.org/problems/line-already-refunded"));

        String rest = as(partner).header("Idempotency-Key", key()).post("/v1/orders/{id}/refunds", id).then().statusCode(201)
                .body("orderVersion", equalTo(3)).body("affectedOrderLineIds", equalTo(List.of(flexLine))).body("totalCreditAmount", equalTo("599.00"))
                .body("totalCreditTaxAmount", equalTo("64.18")).extract().path("creditId");
        as(partner).get("/v1/orders/{id}", id).then().body("totalAmount", equalTo("0.00")).body("tickets.findAll { it.status == 'DISABLED' }", hasSize(3));
        as(partner).get("/v1/orders/{id}/versions/1", id).then().statusCode(200).body("version", equalTo(1)).body("totalAmount", equalTo("1397.00"))
                .body("orderLines[0].status", equalTo("ACTIVE")).body("orderLines[0].creditId", nullValue()).body("credits", hasSize(0))
                .body("tickets.findAll { it.status == 'ISSUED' }", hasSize(3));
        as(partner).get("/v1/orders/{id}/versions/2", id).then().statusCode(200).header("ETag", "\"2\"").body("totalAmount", equalTo("599.00"))
                .body("credits", hasSize(1));
        as(partner).get("/v1/orders/{id}/versions/4", id).then().statusCode(404);
        as(partner).header("Idempotency-Key", key()).post("/v1/orders/{id}/refunds", id).then().statusCode(409)
                .body("type", equalTo("https://partnerplatform.org/problems/already-refunded"));

        List<ConsumerRecord<String, String>> events = orderEvents(id, 3);
        assertThat(events).extracting(OrdersTest::type).containsExactly(EventType.ORDER_CONFIRMED.ceType(), EventType.ORDER_REFUNDED.ceType(),
                EventType.ORDER_REFUNDED.ceType());
        assertThat(EventJson.read(events.get(0).value(), OrderConfirmed.class).version()).isEqualTo(1);
        OrderRefunded last = EventJson.read(events.get(2).value(), OrderRefunded.class);
        assertThat(last.version()).isEqualTo(3);
        assertThat(last.creditId()).isEqualTo(rest);
        assertThat(last.totalCreditAmount()).isEqualTo("599.00");
        assertThat(last.lines()).extracting(l -> l.lineId()).containsExactly(flexLine);
        assertThat(last.disabledTicketIds()).hasSize(1);
    }

    @Test
    void paymentsOtherThanOneAgentPaymentOfTheBalanceAreRefused() {
        long partner = partner("SELL");
        String id = reserve(partner).path("id");
        as(partner).body(pay("1000.00")).post("/v1/orders/{id}/payments", id).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://partnerplatform.org/problems/payment-must-cover-balance"));
        as(partner).body("{\"type\":\"CARD\",\"amount\":\"1397.00\",\"currency\":\"NOK\"}").post("/v1/orders/{id}/payments", id).then()
                .statusCode(422).body("type", equalTo("https://partnerplatform.org/problems/unsupported-payment-type"));
        as(partner).body("{\"type\":\"AGENT\",\"amount\":\"1397.00\",\"currency\":\"EUR\"}").post("/v1/orders/{id}/payments", id).then()
                .statusCode(422).body("type", equalTo("https://partnerplatform.org/problems/unsupported-currency"));
        as(partner).get("/v1/orders/{id}", id).then().body("balance", equalTo("1397.00")).body("payments", hasSize(0));
    }

    @Test
    void aDraftIsCancelledButAConfirmedOrderIsNot() {
        long partner = partner("SELL");
        String id = reserve(partner).path("id");
        as(partner).post("/v1/orders/{id}/cancel", id).then().statusCode(200).body("status", equalTo("CANCELLED"));
        as(partner).post("/v1/orders/{id}/cancel", id).then().statusCode(200).body("status", equalTo("CANCELLED"));
        as(partner).body(pay("1397.00")).post("/v1/orders/{id}/payments", id).then().statusCode(409)
                .body("type", equalTo("https://partnerplatform.org/problems/order-not-draft"));
        assertThat(orderEvents(id, 1)).extracting(OrdersTest::type).containsExactly(EventType.ORDER_CANCELLED.ceType());

        String confirmed = confirmed(partner).path("id");
        as(partner).post("/v1/orders/{id}/cancel", confirmed).then().statusCode(409)
                .body("type", equalTo("https://partnerplatform.org/problems/order-confirmed"));
    }

    @Test
    void aDraftNotConfirmedByItsExpireAtExpiresByItself() {
        long partner = partner("SELL");
        String id = reserve(partner).path("id");
        // The draft lifetime is 30 minutes; move this draft's expireAt into the past rather than wait.
        pool.preparedQuery("update sales_order set expire_at = now() - interval '1 second' where id = $1").execute(Tuple.of(UUID.fromString(id)))
                .await().atMost(Duration.ofSeconds(5));
        as(partner).body(pay("1397.00")).post("/v1/orders/{id}/payments", id).then().statusCode(409);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(partner).get("/v1/orders/{id}", id).then().body("status", equalTo("EXPIRED")));
        assertThat(orderEvents(id, 1)).extracting(OrdersTest::type).containsExactly(EventType.ORDER_EXPIRED.ceType());
        // The same refusal before and after the sweep marked it.
        as(partner).post("/v1/orders/{id}/confirm", id).then().statusCode(409).body("type", equalTo("https://partnerplatform.org/problems/order-expired"));
    }

    @Test
    void refundsAreRefusedWithoutTheRightOnADraftAndAcrossOrganisations() {
        long sellOnly = partner("SELL");
        String order = confirmed(sellOnly).path("id");
        as(sellOnly).header("Idempotency-Key", key()).post("/v1/orders/{id}/refunds", order).then().statusCode(403)
                .body("type", equalTo("https://partnerplatform.org/problems/no-refund-right"));

        long partner = partner("SELL", "REFUND");
        String draft = reserve(partner).path("id");
        as(partner).header("Idempotency-Key", key()).post("/v1/orders/{id}/refunds", draft).then().statusCode(409)
                .body("type", equalTo("https://partnerplatform.org/problems/order-not-confirmed"));
        as(partner).header("Idempotency-Key", key()).post("/v1/orders/{id}/refunds", order).then().statusCode(404)
                .contentType("application/problem+json");
        as(partner).header("Idempotency-Key", key()).body("{\"orderLineIds\":[\"" + UUID.randomUUID() + "\"]}")
                .post("/v1/orders/{id}/refunds", confirmed(partner).path("id").toString()).then().statusCode(422)
                .body("type", equalTo("https://partnerplatform.org/problems/unknown-order-line"));
        as(partner).post("/v1/orders/{id}/refunds", order).then().statusCode(400); // no Idempotency-Key
        assertThat(count("select count(*) from order_credit c join sales_order o on o.id = c.order_id where o.organisation_id = $1", sellOnly)).isZero();
    }

    @Test
    void aStaleIfMatchIsRefusedWith412() {
        long partner = partner("SELL", "REFUND");
        String id = confirmed(partner).path("id");
        as(partner).header("Idempotency-Key", key()).header("If-Match", "\"1\"").body("{\"orderLineIds\":[]}").post("/v1/orders/{id}/refunds", id)
                .then().statusCode(201).header("ETag", "\"2\"");
        as(partner).header("If-Match", "\"1\"").post("/v1/orders/{id}/confirm", id).then().statusCode(412)
                .body("type", equalTo("https://partnerplatform.org/problems/stale-version"));
        as(partner).header("If-Match", "yesterday").post("/v1/orders/{id}/confirm", id).then().statusCode(400);
    }

    @Test
    void concurrentRequestsWithOneKeyNeverFailAndMakeOneOrderOrOneCredit() throws Exception {
        long partner = partner("SELL", "REFUND");
        String saleKey = key();
        List<Integer> sales = concurrently(8, () -> as(partner).header("Idempotency-Key", saleKey).body(TWO_LINES).post("/v1/sales").statusCode());
        assertThat(sales).containsOnly(200, 201).contains(201);
        assertThat(count("select count(*) from sales_order where organisation_id = $1", partner)).isEqualTo(1);

        String id = as(partner).get("/v1/orders?pageSize=5").then().statusCode(200).body("totalItems", equalTo(1)).extract().path("items[0].id");
        String refundKey = key();
        List<Integer> refunds = concurrently(8, () -> as(partner).header("Idempotency-Key", refundKey).post("/v1/orders/{id}/refunds", id).statusCode());
        assertThat(refunds).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(count("select count(*) from order_credit where order_id = $1", UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void theListShowsOnlyTheCallersOrdersFiltered() {
        long partner = partner("SELL");
        String draft = reserve(partner).path("id");
        String sold = confirmed(partner).path("id");
        as(partner).get("/v1/orders").then().statusCode(200).body("totalItems", equalTo(2)).body("items[0].id", equalTo(sold));
        as(partner).get("/v1/orders?status=DRAFT").then().body("totalItems", equalTo(1)).body("items[0].id", equalTo(draft));
        as(partner).get("/v1/orders?externalReference=basket-1&pageSize=1&page=1").then().body("totalItems", equalTo(2))
                .body("items", hasSize(1)).body("items[0].id", equalTo(draft));
        as(partner).get("/v1/orders?createdFrom=2099-01-01T00:00:00Z").then().body("totalItems", equalTo(0));
        as(partner).get("/v1/orders?createdFrom=yesterday").then().statusCode(400).contentType("application/problem+json");
        as(partner + 500_000).get("/v1/orders").then().body("totalItems", equalTo(0));
    }

    List<RefundResult> refundResults(long partner, String key, int expected) {
        return kafka.readUntil(Topics.salesResults(partner), r -> key.equals(r.key()), expected, Duration.ofSeconds(30)).stream()
                .peek(r -> assertThat(KafkaTestClient.header(r, "ce_type")).contains(EventType.REFUND_RESULT.ceType()))
                .peek(r -> assertThat(EventSchemas.violations(EventType.REFUND_RESULT, r.value())).isEmpty())
                .map(r -> EventJson.read(r.value(), RefundResult.class)).toList();
    }

    void sendRefund(long partner, String key, RefundRequest request, long tokenOf) {
        kafka.send(Topics.salesRequests(partner), key, EventJson.write(request), "ce_type", EventType.REFUND_REQUEST.ceType(),
                "Authorization", "Bearer " + partnerToken(tokenOf));
    }

    @Test
    void refundsOverKafkaFollowTheSameRulesAndIdempotencyAndAreAnsweredOnTheResultTopic() {
        long partner = partner("SELL", "REFUND");
        ExtractableResponse<Response> order = confirmed(partner);
        String id = order.path("id");
        String flexLine = order.path("orderLines[1].lineId");

        String key = key();
        RefundRequest oneLine = new RefundRequest(key, id, List.of(flexLine), 1);
        sendRefund(partner, key, oneLine, partner);
        sendRefund(partner, key, oneLine, partner);
        List<RefundResult> results = refundResults(partner, key, 2);
        assertThat(results.get(0).status()).as(results.get(0).errorCode() + ": " + results.get(0).errorDetail()).isEqualTo("REFUNDED");
        assertThat(results.get(0).replayed()).isFalse();
        assertThat(results.get(0).orderVersion()).isEqualTo(2);
        assertThat(results.get(0).totalCreditAmount()).isEqualTo("599.00");
        assertThat(results.get(0).affectedOrderLineIds()).containsExactly(flexLine);
        assertThat(results.get(0).disabledTicketIds()).hasSize(1);
        assertThat(results.get(1).replayed()).isTrue();
        assertThat(results.get(1).creditId()).isEqualTo(results.get(0).creditId());
        as(partner).get("/v1/orders/{id}", id).then().body("version", equalTo(2)).body("credits", hasSize(1));

        String stale = key();
        sendRefund(partner, stale, new RefundRequest(stale, id, null, 1), partner);
        assertThat(refundResults(partner, stale, 1).get(0).errorCode()).isEqualTo("stale-version");
        String foreign = key();
        sendRefund(partner + 500_000, foreign, new RefundRequest(foreign, id, null, null), partner + 500_000);
        assertThat(refundResults(partner + 500_000, foreign, 1).get(0).errorCode()).isEqualTo("order-not-found");
        String wrongToken = key();
        sendRefund(partner, wrongToken, new RefundRequest(wrongToken, id, null, null), partner + 1);
        assertThat(refundResults(partner, wrongToken, 1).get(0).errorCode()).isEqualTo("wrong-organisation");

        String run = UUID.randomUUID().toString();
        kafka.send(Topics.salesRequests(partner), "bad-refund-" + run, "{\"idempotencyKey\":\"key-" + run + "\",\"orderId\":\"not-a-uuid\"}",
                "ce_type", EventType.REFUND_REQUEST.ceType());
        var dead = kafka.readUntil(Topics.deadLetter(Topics.salesRequests(partner)), r -> ("bad-refund-" + run).equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason").orElse("")).contains("RefundRequest.v1");

        assertThat(orderEvents(id, 2)).extracting(OrdersTest::type).containsExactly(EventType.ORDER_CONFIRMED.ceType(), EventType.ORDER_REFUNDED.ceType());
    }

    @Test
    void theOpenApiDocumentDescribesEveryOrderEndpointAndItsProblems() {
        var doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        java.util.Map<String, List<String>> problems = java.util.Map.of(
                "/v1/orders", List.of("403", "409", "422"), "/v1/sales", List.of("403", "409", "422"),
                "/v1/orders/{id}/payments", List.of("409", "412", "422"), "/v1/orders/{id}/confirm", List.of("409", "412"),
                "/v1/orders/{id}/cancel", List.of("409", "412"), "/v1/orders/{id}/refunds", List.of("403", "409", "412", "422"));
        problems.forEach((path, codes) -> assertThat(doc.getMap("paths.'" + path + "'.post.responses").keySet()).as(path).containsAll(codes));
        assertThat(doc.getMap("paths.'/v1/orders/{id}/versions/{version}'.get")).isNotNull();
        assertThat(doc.getMap("paths.'/v1/orders'.get")).isNotNull();
    }

    @Test
    void oneKeyOfTwoPartnersInOneBatchIsTwoRefundsAndASaleUnderARefundsKeyIsRefused() {
        long a = partner("SELL", "REFUND");
        long b = partner("SELL", "REFUND");
        String orderOfA = confirmed(a).path("id");
        String orderOfB = confirmed(b).path("id");
        String key = key();
        kafka.sendAll(List.of(refundRecord(a, key, orderOfA), refundRecord(b, key, orderOfB)));
        RefundResult ofA = refundResults(a, key, 1).get(0);
        RefundResult ofB = refundResults(b, key, 1).get(0);
        assertThat(ofA.status()).as(ofA.errorCode()).isEqualTo("REFUNDED");
        assertThat(ofB.status()).as(ofB.errorCode()).isEqualTo("REFUNDED");
        assertThat(ofA.orderId()).isEqualTo(orderOfA);
        assertThat(ofB.orderId()).isEqualTo(orderOfB);

        String shared = key();
        String sale = EventJson.write(new org.partnerplatform.events.sales.SaleRequest(shared, null,
                List.of(new org.partnerplatform.events.sales.SaleRequest.Line(STANDARD, "ADULT", 1)), null));
        kafka.sendAll(List.of(refundRecord(a, shared, confirmed(a).path("id")), new org.apache.kafka.clients.producer.ProducerRecord<>(
                Topics.salesRequests(a), null, shared, sale, headers("Authorization", "Bearer " + partnerToken(a)))));
        List<ConsumerRecord<String, String>> answers = kafka.readUntil(Topics.salesResults(a), r -> shared.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(EventJson.read(answers.get(0).value(), RefundResult.class).status()).isEqualTo("REFUNDED");
        assertThat(EventJson.read(answers.get(1).value(), org.partnerplatform.events.sales.SaleResult.class).errorCode())
                .isEqualTo("idempotency-key-reused");
    }

    static org.apache.kafka.clients.producer.ProducerRecord<String, String> refundRecord(long partner, String key, String orderId) {
        return new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.salesRequests(partner), null, key,
                EventJson.write(new RefundRequest(key, orderId, null, null)),
                headers("ce_type", EventType.REFUND_REQUEST.ceType(), "Authorization", "Bearer " + partnerToken(partner)));
    }

    static List<org.apache.kafka.common.header.Header> headers(String... pairs) {
        List<org.apache.kafka.common.header.Header> headers = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(new org.apache.kafka.common.header.internals.RecordHeader(pairs[i], pairs[i + 1].getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return headers;
    }

    static List<Integer> concurrently(int n, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    long count(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    @Inject
    DayTotalsPublisher dayTotals;

    @Test
    void theDayTotalsCountOrdersAtTheirFirstConfirmationAtTheirFullAmountAndRefundsOnTheirDay() {
        long partner = partner("SELL", "REFUND");
        ExtractableResponse<Response> first = confirmed(partner);
        confirmed(partner);
        reserve(partner); // a draft is not a sale
        as(partner).header("Idempotency-Key", key()).body("{\"orderLineIds\":[\"" + first.path("orderLines[0].lineId") + "\"]}")
                .post("/v1/orders/{id}/refunds", (String) first.path("id")).then().statusCode(201);

        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Oslo"));
        assertThat(dayTotals.publish(today).await().atMost(Duration.ofSeconds(30))).isEqualTo(today);
        ConsumerRecord<String, String> record = kafka.readUntil(Topics.SALES_ORDER_EVENTS, r -> Long.toString(partner).equals(r.key())
                && type(r).equals(EventType.SALES_DAY_TOTALS.ceType()), 1, Duration.ofSeconds(20)).get(0);
        assertThat(EventSchemas.violations(EventType.SALES_DAY_TOTALS, record.value())).isEmpty();
        SalesDayTotals totals = EventJson.read(record.value(), SalesDayTotals.class);
        assertThat(totals.salesDate()).isEqualTo(today);
        assertThat(totals.saleCount()).isEqualTo(2);
        // Both orders at 1397.00 as confirmed, though the first is worth 599.00 after its refund of 798.00.
        assertThat(totals.saleAmount()).isEqualTo("2794.00");
        assertThat(totals.refundCount()).isEqualTo(1);
        assertThat(totals.refundAmount()).isEqualTo("798.00");
        // A day is published once, whichever replica asks again.
        assertThat(dayTotals.publish(today).await().atMost(Duration.ofSeconds(30))).isNull();

        // Finance reads the figures and publishes them again on request; today is allowed here (STAGING), tomorrow is not.
        String finance = TestOidcServer.get().token("finance-app", 1, "FINANCE");
        String mine = "partners.find { it.organisationId == " + partner + " }";
        given().auth().oauth2(finance).get("/v1/sales-day-totals/{date}", today.toString()).then().statusCode(200)
                .body(mine + ".saleCount", equalTo(2)).body(mine + ".saleAmount", equalTo("2794.00"))
                .body(mine + ".refundCount", equalTo(1)).body(mine + ".refundAmount", equalTo("798.00"));
        given().auth().oauth2(finance).contentType(ContentType.JSON).body(Map.of("salesDate", today.toString()))
                .post("/v1/sales-day-totals/publications").then().statusCode(202).body(mine + ".saleAmount", equalTo("2794.00"));
        List<ConsumerRecord<String, String>> both = kafka.readUntil(Topics.SALES_ORDER_EVENTS, r -> Long.toString(partner).equals(r.key())
                && type(r).equals(EventType.SALES_DAY_TOTALS.ceType()), 2, Duration.ofSeconds(20));
        SalesDayTotals again = EventJson.read(both.get(1).value(), SalesDayTotals.class);
        assertThat(again.saleAmount()).isEqualTo("2794.00");
        assertThat(again.computedAt()).isAfter(totals.computedAt());
        given().auth().oauth2(finance).contentType(ContentType.JSON).body(Map.of("salesDate", today.plusDays(1).toString()))
                .post("/v1/sales-day-totals/publications").then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/day-not-over"));
        as(partner).get("/v1/sales-day-totals/{date}", today.toString()).then().statusCode(403);
    }
}
