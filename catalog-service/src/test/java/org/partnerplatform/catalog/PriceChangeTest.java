package org.partnerplatform.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.partnerplatform.catalog.Fixtures.admin;
import static org.partnerplatform.catalog.Fixtures.agreement;
import static org.partnerplatform.catalog.Fixtures.catalog;
import static org.partnerplatform.catalog.Fixtures.newOperator;
import static org.partnerplatform.catalog.Fixtures.newOrganisation;
import static org.partnerplatform.catalog.Fixtures.partnerToken;
import static org.partnerplatform.catalog.Fixtures.today;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.catalog.Fixtures.Operator;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.catalog.ProductPrice;
import org.partnerplatform.events.catalog.ProductState;
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

/**
 * Future-dated prices: scheduled through the admin API (a new version, today's prices unchanged), applied by the
 * price schedule when their day comes (in Europe/Oslo; the test moves the service's clock), as one more version that
 * the catalog shows and catalog.products carries.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class PriceChangeTest {
    static KafkaTestClient kafka;

    @Inject
    MovableClock clock;

    @BeforeAll
    static void client() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void closeClient() {
        kafka.close();
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    private static Map<String, Object> change(LocalDate effectiveFrom, String... profileAndAmount) {
        List<Map<String, String>> prices = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < profileAndAmount.length; i += 2) {
            prices.add(Map.of("userProfile", profileAndAmount[i], "amount", profileAndAmount[i + 1]));
        }
        return Map.of("effectiveFrom", effectiveFrom.toString(), "prices", prices);
    }

    private static ValidatableResponse schedule(String productId, Map<String, Object> body, String ifMatch) {
        var request = given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/v1/admin/products/{id}/price-changes", productId).then();
    }

    private static String productPricedAt(Operator operator, String name, String adult, String child) {
        Map<String, Object> body = operator.product(name, adult);
        body.put("prices", List.of(Map.of("userProfile", "ADULT", "amount", adult), Map.of("userProfile", "CHILD", "amount", child)));
        return operator.publishedProduct(body);
    }

    @Test
    void aScheduledPriceTakesEffectOnItsDayAsANewVersionThatTheCatalogShowsAndTheTopicCarries() {
        Operator operator = newOperator();
        String id = productPricedAt(operator, "Standard", "399.00", "199.00");
        long partner = newOrganisation();
        agreement(partner, operator).products(id).sellable();
        LocalDate day = today().plusDays(3);

        schedule(id, change(day, "ADULT", "449.00", "CHILD", "224.50", "SENIOR", "299.00"), "\"1\"").statusCode(200)
                .header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("prices.amount", equalTo(List.of("399.00", "199.00")))
                .body("scheduledPriceChanges.effectiveFrom", equalTo(List.of(day.toString())))
                .body("scheduledPriceChanges[0].prices.userProfile", equalTo(List.of("ADULT", "CHILD", "SENIOR")))
                .body("scheduledPriceChanges[0].prices.amount", equalTo(List.of("449.00", "224.50", "299.00")))
                .body("scheduledPriceChanges[0].createdBy", equalTo(Fixtures.ADMIN_CLIENT));
        catalog(partner).statusCode(200).body("items[0].prices.amount", equalTo(List.of("399.00", "199.00")));

        // Two days on, the change is still ahead; on the third it applies.
        clock.moveForward(Duration.ofDays(2));
        catalog(partner).statusCode(200).body("date", equalTo(today().plusDays(2).toString()))
                .body("items[0].prices.amount", equalTo(List.of("399.00", "199.00")));
        clock.moveForward(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin()).get("/v1/admin/products/{id}", id).then()
                .statusCode(200).body("version", equalTo(3)));
        given().auth().oauth2(admin()).get("/v1/admin/products/{id}", id).then()
                .header("ETag", "\"3\"")
                .body("prices.userProfile", equalTo(List.of("ADULT", "CHILD", "SENIOR")))
                .body("prices.amount", equalTo(List.of("449.00", "224.50", "299.00")))
                .body("scheduledPriceChanges", empty())
                .body("updatedBy", equalTo("catalog-service:price-schedule"));
        catalog(partner).statusCode(200)
                .body("date", equalTo(day.toString()))
                .body("items[0].version", equalTo(3))
                .body("items[0].prices.amount", equalTo(List.of("449.00", "224.50", "299.00")));

        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.CATALOG_PRODUCTS, r -> id.equals(r.key()), 4, Duration.ofSeconds(20));
        List<ProductState> states = records.stream().map(r -> EventJson.read(r.value(), ProductState.class)).toList();
        assertThat(states).extracting(ProductState::version).containsExactly(0L, 1L, 2L, 3L);
        assertThat(states.get(2).prices()).extracting(ProductPrice::amount).containsExactly("399.00", "199.00");
        assertThat(states.get(3).prices()).containsExactly(new ProductPrice("ADULT", "449.00", "NOK"), new ProductPrice("CHILD", "224.50", "NOK"),
                new ProductPrice("SENIOR", "299.00", "NOK"));
        assertThat(states.get(3).status()).isEqualTo("PUBLISHED");
    }

    @Test
    void whenSeveralDaysHaveComeTheLatestChangeAppliesAsOneVersion() {
        Operator operator = newOperator();
        String id = productPricedAt(operator, "Standard", "100.00", "50.00");
        schedule(id, change(today().plusDays(1), "ADULT", "110.00"), null).statusCode(200).body("version", equalTo(2));
        schedule(id, change(today().plusDays(2), "ADULT", "120.00", "CHILD", "60.00"), null).statusCode(200).body("version", equalTo(3));
        schedule(id, change(today().plusDays(9), "ADULT", "190.00"), null).statusCode(200)
                .body("scheduledPriceChanges.effectiveFrom",
                        equalTo(List.of(today().plusDays(1).toString(), today().plusDays(2).toString(), today().plusDays(9).toString())));

        clock.moveForward(Duration.ofDays(5));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin()).get("/v1/admin/products/{id}", id).then()
                .body("version", equalTo(5))
                .body("prices.amount", equalTo(List.of("120.00", "60.00")))
                .body("scheduledPriceChanges.effectiveFrom", equalTo(List.of(today().plusDays(9).toString()))));
    }

    @Test
    void onlyLaterDaysMayBeScheduledASecondChangeForADayReplacesTheFirstAndAChangeCanBeCancelled() {
        Operator operator = newOperator();
        Map<String, Object> body = operator.product("Ending", "100.00");
        body.put("validTo", today().plusDays(20).toString());
        String id = operator.publishedProduct(body);

        schedule(id, change(today(), "ADULT", "1.00"), null).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("effectiveFrom"));
        schedule(id, change(today().minusDays(1), "ADULT", "1.00"), null).statusCode(400);
        schedule(id, change(today().plusDays(21), "ADULT", "1.00"), null).statusCode(400).body("errors.field", hasItem("effectiveFrom"));
        schedule(id, change(today().plusDays(2), "ADULT", "1.00", "ADULT", "2.00"), null).statusCode(400).body("errors.field", hasItem("prices"));
        schedule(id, change(today().plusDays(2), "ADULT", "1.5"), null).statusCode(400).body("errors.field", hasItem("prices[0].amount"));
        schedule(id, Map.of("effectiveFrom", today().plusDays(2).toString(), "prices", List.of()), null).statusCode(400);
        schedule("ZZZ:SalesPackage:Missing", change(today().plusDays(2), "ADULT", "1.00"), null).statusCode(404);
        given().auth().oauth2(partnerToken(newOrganisation())).contentType(ContentType.JSON).body(change(today().plusDays(2), "ADULT", "1.00"))
                .post("/v1/admin/products/{id}/price-changes", id).then().statusCode(403);

        LocalDate day = today().plusDays(5);
        schedule(id, change(day, "ADULT", "150.00"), "\"1\"").statusCode(200).body("version", equalTo(2));
        schedule(id, change(day, "ADULT", "160.00"), "\"1\"").statusCode(409).body("type", endsWith("/stale-version"));
        schedule(id, change(day, "ADULT", "170.00"), "\"2\"").statusCode(200).body("version", equalTo(3))
                .body("scheduledPriceChanges.effectiveFrom", equalTo(List.of(day.toString())))
                .body("scheduledPriceChanges[0].prices.amount", equalTo(List.of("170.00")));

        given().auth().oauth2(admin()).delete("/v1/admin/products/{id}/price-changes/{day}", id, day.toString()).then().statusCode(200)
                .body("version", equalTo(4)).body("scheduledPriceChanges", empty()).body("prices.amount", equalTo(List.of("100.00")));
        given().auth().oauth2(admin()).delete("/v1/admin/products/{id}/price-changes/{day}", id, day.toString()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(admin()).delete("/v1/admin/products/{id}/price-changes/{day}", id, "not-a-day").then().statusCode(400);
    }
}
