package org.partnerplatform.sales;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.partnerplatform.sales.SalesTest.key;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * What the partner's persons (signed in to the portal) may do with its orders: SALES_READER and SALES_ADMINISTRATOR
 * read them, only SALES_ADMINISTRATOR refunds, and neither sells; another organisation's order stays a 404.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sales"))
class PersonAccessTest {
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

    static RequestSpecification person(long organisation, String role) {
        return given().auth().oauth2(TestOidcServer.get().token("person-" + role, organisation, role)).contentType(ContentType.JSON);
    }

    @Test
    void readersReadOrdersAndOnlySalesAdministratorsRefund() {
        long partner = OrdersTest.partner(kafka, pool, "SELL", "REFUND");
        String id = OrdersTest.confirmed(partner).path("id");
        String line = OrdersTest.as(partner).get("/v1/orders/{id}", id).then().statusCode(200).extract().path("orderLines[0].lineId");

        for (String role : new String[] { "SALES_READER", "SALES_ADMINISTRATOR" }) {
            person(partner, role).get("/v1/orders").then().statusCode(200).body("items.id", equalTo(java.util.List.of(id)));
            person(partner, role).get("/v1/orders/{id}", id).then().statusCode(200).body("orderLines", hasSize(2));
            person(partner, role).header("Idempotency-Key", key()).body(OrdersTest.TWO_LINES).post("/v1/sales").then().statusCode(403);
            person(partner + 700_000, role).get("/v1/orders/{id}", id).then().statusCode(404);
        }
        person(partner, "SALES_READER").header("Idempotency-Key", key()).body("{\"orderLineIds\":[\"" + line + "\"]}")
                .post("/v1/orders/{id}/refunds", id).then().statusCode(403);
        person(partner, "FINANCE_READER").get("/v1/orders").then().statusCode(403);
        person(partner, "SALES_ADMINISTRATOR").header("Idempotency-Key", key()).body("{\"orderLineIds\":[\"" + line + "\"]}")
                .post("/v1/orders/{id}/refunds", id).then().statusCode(201).body("affectedOrderLineIds", equalTo(java.util.List.of(line)));
        person(partner + 700_000, "SALES_ADMINISTRATOR").header("Idempotency-Key", key()).post("/v1/orders/{id}/refunds", id).then()
                .statusCode(404);
    }
}
