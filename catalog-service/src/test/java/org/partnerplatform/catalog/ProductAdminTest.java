package org.partnerplatform.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.partnerplatform.catalog.Fixtures.ADMIN_CLIENT;
import static org.partnerplatform.catalog.Fixtures.admin;
import static org.partnerplatform.catalog.Fixtures.newOperator;
import static org.partnerplatform.catalog.Fixtures.newOrganisation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.catalog.Fixtures.Operator;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventSchemas;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.catalog.ProductPrice;
import org.partnerplatform.events.catalog.ProductState;
import org.partnerplatform.events.token.OrganisationRegistered;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.OidcTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Writing products: validation, identity, optimistic locking, status changes, and the full state they publish. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class ProductAdminTest {
    static KafkaTestClient kafka;

    @BeforeAll
    static void client() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void closeClient() {
        kafka.close();
    }

    private static ValidatableResponse put(String id, Map<String, Object> body, String ifMatch) {
        var request = given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/v1/admin/products/{id}", id).then();
    }

    @Test
    void aNewProductIsADraftWithDefaultsVersionZeroAndALocation() {
        Operator operator = newOperator();
        Map<String, Object> body = operator.product("Standard", "399.00");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body).post("/v1/admin/products").then()
                .statusCode(201)
                .header("Location", endsWith("/v1/admin/products/" + operator.id("Standard")))
                .header("ETag", "\"0\"")
                .body("id", equalTo(operator.id("Standard")))
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(0))
                .body("vatGroup", equalTo("TRANSPORT_AND_TICKETS_VAT"))
                .body("vatRate", equalTo("12"))
                .body("prices[0].amount", equalTo("399.00"))
                .body("prices[0].currency", equalTo("NOK"))
                .body("validTo", nullValue())
                .body("ticketValidity", equalTo("P1D"))
                .body("updatedBy", equalTo(ADMIN_CLIENT));

        given().auth().oauth2(admin()).get("/v1/admin/products/{id}", operator.id("Standard")).then()
                .statusCode(200).header("ETag", "\"0\"").body("name.nb", equalTo("Standard billett"));
        given().auth().oauth2(admin()).queryParam("operatorOrganisationId", operator.organisationId()).get("/v1/admin/products").then()
                .statusCode(200).body("id", equalTo(List.of(operator.id("Standard"))));
        given().auth().oauth2(admin()).get("/v1/admin/products/{id}", operator.id("Missing")).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void invalidProductsAreRefusedNamingTheirFields() {
        Operator operator = newOperator();
        Map<String, Object> body = operator.product("Standard", "399.0");
        body.put("id", "not-a-netex-id");
        body.put("name", Map.of("en", "No Norwegian name"));
        body.put("distributionChannels", List.of());
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body).post("/v1/admin/products").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/validation"))
                .body("errors.field", hasItem("id"))
                .body("errors.field", hasItem("name.nb"))
                .body("errors.field", hasItem("prices[0].amount"))
                .body("errors.field", hasItem("distributionChannels"));

        Map<String, Object> otherCodespace = operator.product("Standard", "399.00");
        otherCodespace.put("id", "ZZZ:SalesPackage:Standard");
        Map<String, Object> backwards = operator.product("Backwards", "399.00");
        backwards.put("validTo", Fixtures.today().minusDays(20).toString());
        backwards.put("vatRate", "25");
        backwards.put("ticketValidity", "P40D");
        backwards.put("prices", List.of(Map.of("userProfile", "ADULT", "amount", "1.00"), Map.of("userProfile", "ADULT", "amount", "2.00")));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(otherCodespace).post("/v1/admin/products").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", equalTo(List.of("id")));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(backwards).post("/v1/admin/products").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("vatRate", "validTo", "prices", "ticketValidity"));
        Map<String, Object> notADuration = operator.product("NotADuration", "399.00");
        notADuration.put("ticketValidity", "90 minutes");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(notADuration).post("/v1/admin/products").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("ticketValidity"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"id\": ").post("/v1/admin/products").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aProductIdIsTakenOnceAndACodespaceBelongsToOneOperator() {
        Operator operator = newOperator();
        operator.draftProduct("Standard");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(operator.product("Standard", "1.00")).post("/v1/admin/products")
                .then().statusCode(409).contentType("application/problem+json").body("type", endsWith("/product-exists"));

        Operator impostor = new Operator(newOrganisation(), operator.codespace());
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(impostor.product("Other", "1.00")).post("/v1/admin/products")
                .then().statusCode(409).contentType("application/problem+json").body("type", endsWith("/codespace-taken"));

        Operator renamed = new Operator(operator.organisationId(), newOperator().codespace());
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(renamed.product("Other", "1.00")).post("/v1/admin/products")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("codespace"));
    }

    @Test
    void anUpdateBasedOnAnOlderVersionIsRefusedWith409() {
        Operator operator = newOperator();
        String id = operator.draftProduct("Standard");
        Map<String, Object> update = operator.product("Standard", "449.00");
        update.put("version", 0);
        put(id, update, null).statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1)).body("prices[0].amount", equalTo("449.00"));

        Map<String, Object> stale = operator.product("Standard", "1.00");
        stale.put("version", 0);
        put(id, stale, null).statusCode(409).contentType("application/problem+json").body("type", endsWith("/stale-version"));
        put(id, operator.product("Standard", "1.00"), "\"0\"").statusCode(409).contentType("application/problem+json");
        put(id, operator.product("Standard", "1.00"), null).statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(admin()).header("If-Match", "\"0\"").post("/v1/admin/products/{id}/publish", id).then()
                .statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(admin()).get("/v1/admin/products/{id}", id).then()
                .body("version", equalTo(1)).body("prices[0].amount", equalTo("449.00"));
        put(id, operator.product("Standard", "459.00"), "\"1\"").statusCode(200).body("version", equalTo(2));
        put("ZZZ:SalesPackage:Missing", update, null).statusCode(404);
    }

    @Test
    void ofConcurrentUpdatesFromTheSameVersionExactlyOneWins() throws Exception {
        Operator operator = newOperator();
        String id = operator.draftProduct("Standard");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> updates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> body = operator.product("Standard", (100 + i) + ".00");
            body.put("version", 0);
            updates.add(() -> put(id, body, null).extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(updates)) {
            statuses.add(status.get());
        }
        pool.shutdown();
        assertThat(Collections.frequency(statuses, 200)).as(statuses.toString()).isEqualTo(1);
        assertThat(Collections.frequency(statuses, 409)).as(statuses.toString()).isEqualTo(5);
        given().auth().oauth2(admin()).get("/v1/admin/products/{id}", id).then().body("version", equalTo(1));
    }

    @Test
    void publishAndWithdrawFollowTheLifecycle() {
        Operator operator = newOperator();
        String id = operator.draftProduct("Standard");
        given().auth().oauth2(admin()).post("/v1/admin/products/{id}/publish", id).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        given().auth().oauth2(admin()).post("/v1/admin/products/{id}/publish", id).then()
                .statusCode(409).contentType("application/problem+json").body("type", endsWith("/illegal-transition"));
        given().auth().oauth2(admin()).post("/v1/admin/products/{id}/withdraw", id).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(admin()).post("/v1/admin/products/{id}/withdraw", id).then().statusCode(409);
        given().auth().oauth2(admin()).header("If-Match", "\"2\"").post("/v1/admin/products/{id}/publish", id).then()
                .statusCode(200).body("status", equalTo("PUBLISHED")).body("version", equalTo(3));
    }

    @Test
    void everyChangePublishesTheFullStateKeyedByProductId() {
        Operator operator = newOperator();
        String id = operator.draftProduct("Standard");
        Map<String, Object> update = operator.product("Standard", "449.00");
        update.put("prices", List.of(Map.of("userProfile", "ADULT", "amount", "449.00"), Map.of("userProfile", "CHILD", "amount", "224.50")));
        update.put("validTo", Fixtures.today().plusYears(1).toString());
        update.put("ticketValidity", "PT90M");
        update.put("version", 0);
        put(id, update, null).statusCode(200);
        Fixtures.publish(id);

        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.CATALOG_PRODUCTS, r -> id.equals(r.key()), 3, Duration.ofSeconds(20));
        assertThat(records).hasSize(3).allSatisfy(r -> {
            assertThat(KafkaTestClient.header(r, "ce_type")).contains(EventType.PRODUCT.ceType());
            assertThat(KafkaTestClient.header(r, "ce_subject")).contains(id);
            assertThat(EventSchemas.violations(EventType.PRODUCT, r.value())).isEmpty();
        });
        List<ProductState> states = records.stream().map(r -> EventJson.read(r.value(), ProductState.class)).toList();
        assertThat(states).extracting(ProductState::version).containsExactly(0L, 1L, 2L);
        assertThat(states).extracting(ProductState::status).containsExactly("DRAFT", "DRAFT", "PUBLISHED");
        ProductState last = states.get(2);
        assertThat(last.id()).isEqualTo(id);
        assertThat(last.operatorOrganisationId()).isEqualTo(operator.organisationId());
        assertThat(last.codespace()).isEqualTo(operator.codespace());
        assertThat(last.name().nb()).isEqualTo("Standard billett");
        assertThat(last.vatGroup()).isEqualTo("TRANSPORT_AND_TICKETS_VAT");
        assertThat(last.vatRate()).isEqualTo("12");
        assertThat(last.prices()).containsExactly(new ProductPrice("ADULT", "449.00", "NOK"), new ProductPrice("CHILD", "224.50", "NOK"));
        assertThat(last.distributionChannels()).containsExactly("WEB", "APP");
        assertThat(last.validFrom()).isEqualTo(Fixtures.today().minusDays(10));
        assertThat(last.validTo()).isEqualTo(Fixtures.today().plusYears(1));
        assertThat(last.ticketValidity()).isEqualTo("PT90M");
        assertThat(states.get(0).ticketValidity()).isEqualTo("P1D");
        assertThat(last.updatedAt()).isNotNull();
    }

    @Test
    void operatorsRegisteredByTokenServiceKeepTheirCodespace() {
        Operator registered = newOperator();
        Operator conflicting = new Operator(newOrganisation(), registered.codespace());
        OrganisationRegistered event = new OrganisationRegistered(registered.organisationId(), "Operatør AS", "OPERATOR",
                registered.codespace(), "ACTIVE", "CERTIFIED", Instant.now());
        OrganisationRegistered clash = new OrganisationRegistered(conflicting.organisationId(), "Kopi AS", "OPERATOR",
                conflicting.codespace(), "ACTIVE", "CERTIFIED", Instant.now());
        kafka.sendCloudEvent(Topics.ORGANISATION_EVENTS, Long.toString(event.organisationId()), EventType.ORGANISATION_REGISTERED.ceType(),
                EventJson.write(event));
        kafka.sendCloudEvent(Topics.ORGANISATION_EVENTS, Long.toString(clash.organisationId()), EventType.ORGANISATION_REGISTERED.ceType(),
                EventJson.write(clash));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin()).get("/v1/admin/operators").then()
                .statusCode(200).body("find { it.organisationId == " + registered.organisationId() + " }.codespace", equalTo(registered.codespace())));
        given().auth().oauth2(admin()).get("/v1/admin/operators").then()
                .body("find { it.organisationId == " + registered.organisationId() + " }.boundBy", equalTo("ORGANISATION_EVENT"))
                .body("find { it.organisationId == " + registered.organisationId() + " }.name", equalTo("Operatør AS"));
        var dead = kafka.readUntil(Topics.deadLetter(Topics.ORGANISATION_EVENTS), r -> Long.toString(clash.organisationId()).equals(r.key()), 1,
                Duration.ofSeconds(20));
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason")).hasValueSatisfying(reason -> assertThat(reason).contains("belongs to"));

        Operator wrongCodespace = new Operator(registered.organisationId(), newOperator().codespace());
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(wrongCodespace.product("Standard", "1.00")).post("/v1/admin/products")
                .then().statusCode(400).body("detail", containsString(registered.codespace()));
        registered.draftProduct("Standard");
    }
}
