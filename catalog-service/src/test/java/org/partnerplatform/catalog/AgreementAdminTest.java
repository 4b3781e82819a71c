package org.partnerplatform.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.partnerplatform.catalog.Fixtures.ADMIN_CLIENT;
import static org.partnerplatform.catalog.Fixtures.admin;
import static org.partnerplatform.catalog.Fixtures.agreement;
import static org.partnerplatform.catalog.Fixtures.newOperator;
import static org.partnerplatform.catalog.Fixtures.newOrganisation;
import static org.partnerplatform.catalog.Fixtures.ready;
import static org.partnerplatform.catalog.Fixtures.transition;
import static org.partnerplatform.catalog.Fixtures.unready;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.catalog.Fixtures.Operator;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventSchemas;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.catalog.AgreementState;
import org.partnerplatform.events.catalog.ProductsReadinessWithdrawn;
import org.partnerplatform.events.catalog.ProductsReadyForUse;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.OidcTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Writing agreements: validation, the status lifecycle, readiness per environment, history and published state. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class AgreementAdminTest {
    static KafkaTestClient kafka;

    @BeforeAll
    static void client() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void closeClient() {
        kafka.close();
    }

    private static void refused(Map<String, Object> body, String field) {
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body).post("/v1/admin/agreements").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(startsWith(field)));
    }

    @Test
    void aNewAgreementIsADraftAtVersionZero() {
        Operator operator = newOperator();
        String product = operator.publishedProduct("Standard");
        long partner = newOrganisation();
        Map<String, Object> body = agreement(partner, operator).products(product).commission(1250).body();
        String id = given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body).post("/v1/admin/agreements").then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(0))
                .body("partnerOrganisationId", equalTo((int) partner))
                .body("operatorOrganisationId", equalTo((int) operator.organisationId()))
                .body("allProducts", equalTo(false))
                .body("productIds", equalTo(List.of(product)))
                .body("rights", equalTo(List.of("REFUND", "SELL")))
                .body("distributionChannelId", equalTo("WEB"))
                .body("commissionBasisPoints", equalTo(1250))
                .body("validTo", nullValue())
                .body("readyEnvironments", equalTo(List.of()))
                .extract().path("id");
        given().auth().oauth2(admin()).get("/v1/admin/agreements/{id}", id).then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(admin()).queryParam("partnerOrganisationId", partner).get("/v1/admin/agreements").then()
                .statusCode(200).body("id", equalTo(List.of(id)));
        given().auth().oauth2(admin()).queryParam("operatorOrganisationId", operator.organisationId()).queryParam("partnerOrganisationId", partner + 1)
                .get("/v1/admin/agreements").then().statusCode(200).body("id", equalTo(List.of()));
        given().auth().oauth2(admin()).get("/v1/admin/agreements/{id}", "no-such-agreement").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void invalidAgreementsAreRefusedNamingTheirFields() {
        Operator operator = newOperator();
        Operator other = newOperator();
        String product = operator.publishedProduct("Standard");
        String othersProduct = other.publishedProduct("Standard");
        long partner = newOrganisation();

        refused(agreement(partner, operator).body(), "productIds");
        Map<String, Object> both = agreement(partner, operator).allProducts().body();
        both.put("productIds", List.of(product));
        refused(both, "productIds");
        refused(agreement(partner, operator).products(othersProduct).body(), "productIds");
        refused(agreement(partner, operator).products(product).commission(10_001).body(), "commissionBasisPoints");
        refused(agreement(partner, operator).products(product).rights("EXCHANGE").body(), "rights[0]");
        refused(agreement(partner, operator).products(product).rights().body(), "rights");
        refused(agreement(partner, operator).products(product).valid(Fixtures.today(), Fixtures.today().minusDays(1)).body(), "validTo");
        refused(agreement(operator.organisationId(), operator).products(product).body(), "partnerOrganisationId");
    }

    @Test
    void theLifecycleAllowsOnlyItsOwnMovesAndTerminationIsFinal() {
        Operator operator = newOperator();
        String product = operator.publishedProduct("Standard");
        String id = agreement(newOrganisation(), operator).products(product).draft();

        transition(id, "suspend").statusCode(409).contentType("application/problem+json").body("type", endsWith("/illegal-transition"));
        transition(id, "resume").statusCode(409);
        transition(id, "activate").statusCode(200).body("status", equalTo("ACTIVE")).body("version", equalTo(1));
        transition(id, "activate").statusCode(409);
        transition(id, "resume").statusCode(409);
        transition(id, "suspend").statusCode(200).body("status", equalTo("SUSPENDED"));
        transition(id, "suspend").statusCode(409);
        transition(id, "activate").statusCode(409);
        transition(id, "resume").statusCode(200).body("status", equalTo("ACTIVE"));
        transition(id, "terminate").statusCode(200).body("status", equalTo("TERMINATED")).body("version", equalTo(4));

        for (String action : List.of("activate", "suspend", "resume", "terminate")) {
            transition(id, action).statusCode(409).contentType("application/problem+json");
        }
        ready(id, "STAGING").statusCode(409).contentType("application/problem+json");
        unready(id, "STAGING").statusCode(409);
        given().auth().oauth2(admin()).get("/v1/admin/agreements/{id}", id).then().body("status", equalTo("TERMINATED")).body("version", equalTo(4));

        String draft = agreement(newOrganisation(), operator).products(product).draft();
        transition(draft, "terminate").statusCode(200).body("status", equalTo("TERMINATED"));
        transition("no-such-agreement", "activate").statusCode(404);
        given().auth().oauth2(admin()).header("If-Match", "\"7\"").post("/v1/admin/agreements/{id}/activate",
                agreement(newOrganisation(), operator).products(product).draft()).then().statusCode(409).body("type", endsWith("/stale-version"));
    }

    @Test
    void readinessIsPerEnvironmentIdempotentAndNotifiesThePartnerOnceEachWay() {
        Operator operator = newOperator();
        String product = operator.publishedProduct("Standard");
        long partner = newOrganisation();
        String id = agreement(partner, operator).products(product).active();

        ready(id, "STAGING").statusCode(200).body("readyEnvironments", equalTo(List.of("STAGING"))).body("version", equalTo(2));
        ready(id, "STAGING").statusCode(200).body("readyEnvironments", equalTo(List.of("STAGING"))).body("version", equalTo(2));
        ready(id, "PRODUCTION").statusCode(200).body("readyEnvironments", equalTo(List.of("PRODUCTION", "STAGING")));
        unready(id, "PRODUCTION").statusCode(200).body("readyEnvironments", equalTo(List.of("STAGING"))).body("version", equalTo(4));
        unready(id, "PRODUCTION").statusCode(200).body("version", equalTo(4));
        ready(id, "TEST").statusCode(400).contentType("application/problem+json");

        // Notifications of one agreement keep their order: ready in STAGING, ready in PRODUCTION, withdrawn from PRODUCTION,
        // and a repeated call would show up as a further record.
        String topic = Topics.catalogNotifications(partner);
        List<ConsumerRecord<String, String>> notices = kafka.readUntil(topic, r -> id.equals(r.key()), 3, Duration.ofSeconds(20));
        assertThat(notices).extracting(r -> KafkaTestClient.header(r, "ce_type").orElseThrow()).containsExactly(
                EventType.PRODUCTS_READY_FOR_USE.ceType(), EventType.PRODUCTS_READY_FOR_USE.ceType(), EventType.PRODUCTS_READINESS_WITHDRAWN.ceType());
        assertThat(EventSchemas.violations(EventType.PRODUCTS_READY_FOR_USE, notices.get(0).value())).isEmpty();
        assertThat(EventSchemas.violations(EventType.PRODUCTS_READINESS_WITHDRAWN, notices.get(2).value())).isEmpty();
        List<ProductsReadyForUse> payloads = notices.subList(0, 2).stream().map(r -> EventJson.read(r.value(), ProductsReadyForUse.class)).toList();
        assertThat(payloads).extracting(ProductsReadyForUse::environment).containsExactly("STAGING", "PRODUCTION");
        assertThat(payloads.get(0).agreementId()).isEqualTo(id);
        assertThat(payloads.get(0).partnerOrganisationId()).isEqualTo(partner);
        assertThat(payloads.get(0).operatorOrganisationId()).isEqualTo(operator.organisationId());
        assertThat(payloads.get(0).productIds()).containsExactly(product);
        ProductsReadinessWithdrawn withdrawn = EventJson.read(notices.get(2).value(), ProductsReadinessWithdrawn.class);
        assertThat(withdrawn.agreementId()).isEqualTo(id);
        assertThat(withdrawn.partnerOrganisationId()).isEqualTo(partner);
        assertThat(withdrawn.operatorOrganisationId()).isEqualTo(operator.organisationId());
        assertThat(withdrawn.environment()).isEqualTo("PRODUCTION");
        assertThat(withdrawn.occurredAt()).isNotNull();
        assertThat(kafka.readAll(topic, Duration.ofSeconds(10))).hasSize(3);
    }

    @Test
    void anAllProductsNotificationListsTheOperatorsPublishedProducts() {
        Operator operator = newOperator();
        String published = operator.publishedProduct("Published");
        operator.draftProduct("Draft");
        long partner = newOrganisation();
        String id = agreement(partner, operator).allProducts().sellable();

        ConsumerRecord<String, String> notice = kafka.readUntil(Topics.catalogNotifications(partner), r -> id.equals(r.key()), 1,
                Duration.ofSeconds(20)).get(0);
        assertThat(EventJson.read(notice.value(), ProductsReadyForUse.class).productIds()).containsExactly(published);
    }

    @Test
    void theHistorySaysWhoDidWhatAndWhen() {
        Operator operator = newOperator();
        String product = operator.publishedProduct("Standard");
        String id = agreement(newOrganisation(), operator).products(product).sellable();
        given().auth().oauth2(Fixtures.OIDC.token("another-admin", 1, "PLATFORM_ADMIN")).post("/v1/admin/agreements/{id}/suspend", id)
                .then().statusCode(200);

        given().auth().oauth2(admin()).get("/v1/admin/agreements/{id}/history", id).then().statusCode(200)
                .body("action", equalTo(List.of("CREATED", "ACTIVATED", "READY_FOR_USE", "SUSPENDED")))
                .body("detail", equalTo(Arrays.asList(null, null, "STAGING", null)))
                .body("actor", equalTo(List.of(ADMIN_CLIENT, ADMIN_CLIENT, ADMIN_CLIENT, "another-admin")))
                .body("version", equalTo(List.of(0, 1, 2, 3)))
                .body("at", everyItem(notNullValue()));
    }

    @Test
    void everyChangePublishesTheFullStateKeyedByAgreementId() {
        Operator operator = newOperator();
        String product = operator.publishedProduct("Standard");
        long partner = newOrganisation();
        String id = agreement(partner, operator).products(product).commission(800).valid(Fixtures.today().minusDays(5), Fixtures.today().plusYears(2))
                .sellable();
        transition(id, "suspend").statusCode(200);

        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.CATALOG_AGREEMENTS, r -> id.equals(r.key()), 4, Duration.ofSeconds(20));
        assertThat(records).allSatisfy(r -> {
            assertThat(KafkaTestClient.header(r, "ce_type")).contains(EventType.AGREEMENT.ceType());
            assertThat(EventSchemas.violations(EventType.AGREEMENT, r.value())).isEmpty();
        });
        List<AgreementState> states = records.stream().map(r -> EventJson.read(r.value(), AgreementState.class)).toList();
        assertThat(states).extracting(AgreementState::version).containsExactly(0L, 1L, 2L, 3L);
        assertThat(states).extracting(AgreementState::status).containsExactly("DRAFT", "ACTIVE", "ACTIVE", "SUSPENDED");
        assertThat(states.get(1).readyEnvironments()).isEmpty();
        AgreementState last = states.get(3);
        assertThat(last.id()).isEqualTo(id);
        assertThat(last.partnerOrganisationId()).isEqualTo(partner);
        assertThat(last.operatorOrganisationId()).isEqualTo(operator.organisationId());
        assertThat(last.allProducts()).isFalse();
        assertThat(last.productIds()).containsExactly(product);
        assertThat(last.rights()).containsExactly("REFUND", "SELL");
        assertThat(last.distributionChannelId()).isEqualTo("WEB");
        assertThat(last.commissionBasisPoints()).isEqualTo(800);
        assertThat(last.validFrom()).isEqualTo(Fixtures.today().minusDays(5));
        assertThat(last.validTo()).isEqualTo(Fixtures.today().plusYears(2));
        assertThat(last.readyEnvironments()).containsExactly("STAGING");
        assertThat(last.updatedAt()).isNotNull();
    }
}
