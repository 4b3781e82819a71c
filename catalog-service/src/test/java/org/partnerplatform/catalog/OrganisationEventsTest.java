package org.partnerplatform.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.partnerplatform.catalog.Fixtures.admin;
import static org.partnerplatform.catalog.Fixtures.agreement;
import static org.partnerplatform.catalog.Fixtures.catalogIds;
import static org.partnerplatform.catalog.Fixtures.newOperator;
import static org.partnerplatform.catalog.Fixtures.newOrganisation;
import static org.partnerplatform.catalog.Fixtures.partnerToken;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.catalog.Fixtures.Operator;
import org.partnerplatform.catalog.repository.CatalogQueries.CatalogRow;
import org.partnerplatform.catalog.service.CatalogService;
import org.partnerplatform.catalog.service.CatalogService.CatalogRequest;
import org.partnerplatform.events.EventJson;
import org.partnerplatform.events.EventType;
import org.partnerplatform.events.Topics;
import org.partnerplatform.events.token.OrganisationCertificationChanged;
import org.partnerplatform.events.token.OrganisationRegistered;
import org.partnerplatform.events.token.OrganisationStatusChanged;
import org.partnerplatform.testsupport.KafkaTestClient;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.OidcTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.testsupport.SharedInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * token-service's organisation events keep the catalog's parties: a suspended partner sees an empty catalog, a
 * suspended operator's products leave every catalog (its partners' tokens stay good, so this is seen over HTTP), and
 * both come back when reinstated. The catalogs are read
 * before the events too, so that a cached answer has to be retired by the change (the consumer's own transaction).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class OrganisationEventsTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);
    static KafkaTestClient kafka;

    @BeforeAll
    static void client() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void closeClient() {
        kafka.close();
    }

    @Inject
    CatalogService catalog;

    /** The partner's catalog as the service computes it, below the HTTP layer and its token checks. */
    private List<String> catalogOf(long partner) {
        return catalog.catalogOf(partner, new CatalogRequest(null, null, null, 0, 200)).await().atMost(Duration.ofSeconds(10))
                .rows().stream().map(CatalogRow::id).toList();
    }

    private static void send(long organisationId, EventType type, Object payload) {
        kafka.sendCloudEvent(Topics.ORGANISATION_EVENTS, Long.toString(organisationId), type.ceType(), EventJson.write(payload));
    }

    private static void status(long organisationId, String status, String reason) {
        send(organisationId, EventType.ORGANISATION_STATUS_CHANGED,
                new OrganisationStatusChanged(organisationId, status, reason, "platform-admin-app", Instant.now()));
    }

    @Test
    void aSuspendedPartnerSeesAnEmptyCatalogUntilItIsReinstated() {
        Operator operator = newOperator();
        String product = operator.publishedProduct("Standard");
        long partner = newOrganisation();
        long other = newOrganisation();
        String agreementId = agreement(partner, operator).products(product).sellable();
        agreement(other, operator).products(product).sellable();
        send(partner, EventType.ORGANISATION_REGISTERED,
                new OrganisationRegistered(partner, "Reiseportalen AS", "PARTNER", null, "ACTIVE", "CERTIFIED", Instant.now()));
        assertThat(catalogIds(partner)).containsExactly(product);

        status(partner, "SUSPENDED", "unpaid invoices");
        // The catalog's own rule: whatever reaches it for a suspended partner is empty.
        await().atMost(WITHIN).untilAsserted(() -> assertThat(catalogOf(partner)).isEmpty());
        // Over HTTP the partner gets nothing either: the platform's token checks (platform-security) refuse a suspended
        // organisation's tokens (401), and were they to let one through, the catalog would be empty.
        await().atMost(WITHIN).untilAsserted(() -> {
            var response = Fixtures.catalog(partner).extract();
            assertThat(response.statusCode()).isIn(200, 401);
            if (response.statusCode() == 200) {
                assertThat(response.jsonPath().getList("items")).isEmpty();
            }
        });
        assertThat(catalogIds(other)).containsExactly(product);
        given().auth().oauth2(admin()).get("/v1/admin/parties/{id}", partner).then().statusCode(200)
                .body("type", equalTo("PARTNER"))
                .body("name", equalTo("Reiseportalen AS"))
                .body("status", equalTo("SUSPENDED"))
                .body("statusReason", equalTo("unpaid invoices"))
                .body("certification", equalTo("CERTIFIED"));
        // The agreement is unchanged: the suspension is the organisation's, not the agreement's.
        given().auth().oauth2(admin()).get("/v1/admin/agreements/{id}", agreementId).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));

        status(partner, "ACTIVE", "paid");
        await().atMost(WITHIN).untilAsserted(() -> assertThat(catalogIds(partner)).containsExactly(product));
        assertThat(catalogOf(partner)).containsExactly(product);
    }

    @Test
    void aSuspendedOperatorsProductsLeaveEveryCatalogAndComeBackWhenItIsReinstated() {
        Operator suspended = newOperator();
        Operator active = newOperator();
        String suspendedProduct = suspended.publishedProduct("Standard");
        String activeProduct = active.publishedProduct("Standard");
        long partner = newOrganisation();
        long listing = newOrganisation();
        agreement(partner, suspended).allProducts().sellable();
        agreement(partner, active).allProducts().sellable();
        agreement(listing, suspended).products(suspendedProduct).sellable();
        assertThat(catalogIds(partner)).containsExactlyInAnyOrder(suspendedProduct, activeProduct);
        assertThat(catalogIds(listing)).containsExactly(suspendedProduct);

        // No registration seen first: the status change alone creates the party.
        status(suspended.organisationId(), "SUSPENDED", "licence revoked");
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(catalogIds(partner)).containsExactly(activeProduct);
            assertThat(catalogIds(listing)).isEmpty();
        });
        // The products themselves are untouched: they come back as they were.
        given().auth().oauth2(admin()).get("/v1/admin/products/{id}", suspendedProduct).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        given().auth().oauth2(admin()).get("/v1/admin/parties/{id}", suspended.organisationId()).then().statusCode(200)
                .body("status", equalTo("SUSPENDED"));

        status(suspended.organisationId(), "ACTIVE", "licence renewed");
        await().atMost(WITHIN).untilAsserted(() -> assertThat(catalogIds(listing)).containsExactly(suspendedProduct));
        assertThat(catalogIds(partner)).containsExactlyInAnyOrder(suspendedProduct, activeProduct);
    }

    @Test
    void registrationsAndCertificationsAreKeptForTheAdmins() {
        Operator operator = newOperator();
        long organisation = operator.organisationId();
        send(organisation, EventType.ORGANISATION_REGISTERED,
                new OrganisationRegistered(organisation, "Fjordtog AS", "OPERATOR", operator.codespace(), "ACTIVE", "NOT_CERTIFIED", Instant.now()));
        send(organisation, EventType.ORGANISATION_CERTIFICATION_CHANGED,
                new OrganisationCertificationChanged(organisation, "CERTIFIED", "cert-2026-17", "platform-admin-app", Instant.now()));

        await().atMost(WITHIN).untilAsserted(() -> given().auth().oauth2(admin()).get("/v1/admin/parties/{id}", organisation).then()
                .statusCode(200).body("certification", equalTo("CERTIFIED")));
        given().auth().oauth2(admin()).get("/v1/admin/parties/{id}", organisation).then()
                .body("type", equalTo("OPERATOR"))
                .body("codespace", equalTo(operator.codespace()))
                .body("status", equalTo("ACTIVE"));
        List<Integer> listed = given().auth().oauth2(admin()).get("/v1/admin/parties").then().statusCode(200)
                .extract().jsonPath().getList("organisationId", Integer.class);
        assertThat(listed).contains((int) organisation);
        given().auth().oauth2(admin()).get("/v1/admin/parties/{id}", newOrganisation()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(partnerToken(newOrganisation())).get("/v1/admin/parties").then().statusCode(403);
    }
}
