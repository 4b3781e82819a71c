package org.partnerplatform.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.partnerplatform.token.TokenServiceApi.certify;
import static org.partnerplatform.token.TokenServiceApi.createClient;
import static org.partnerplatform.token.TokenServiceApi.createPartner;
import static org.partnerplatform.token.TokenServiceApi.reinstate;
import static org.partnerplatform.token.TokenServiceApi.suspend;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.token.TokenServiceApi.Credentials;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Suspension, reinstatement, certification and the list of organisations, through HTTP. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class OrganisationLifecycleTest {
    static final String PROBLEM = "application/problem+json";
    static String admin;

    @BeforeEach
    void adminToken() {
        if (admin == null) {
            admin = TokenServiceApi.adminToken();
        }
    }

    @Test
    void aSuspendedOrganisationsClientsGetNoTokensAndTheirTokensAreRefusedUntilItIsReinstated() {
        long org = createPartner(admin, "Suspendert AS");
        Credentials portal = createClient(admin, org, "suspendert-portal", "KLIENTADMINISTRATOR", "PARTNER");
        String token = TokenServiceApi.token(portal);
        given().auth().oauth2(token).get("/v1/organisations/{id}/clients", org).then().statusCode(200);

        suspend(admin, org, "unpaid invoices").then().statusCode(200).contentType(ContentType.JSON)
                .body("status", equalTo("SUSPENDED"))
                .body("statusReason", equalTo("unpaid invoices"))
                .body("statusChangedAt", notNullValue());
        // No new token (the secret is right, and even cached from the grant above)...
        OAuthErrors.assertError(TokenServiceApi.grant(portal.clientId(), portal.secret()), 400, "unauthorized_client");
        // ...the token it holds is refused here at once...
        given().auth().oauth2(token).get("/v1/organisations/{id}/clients", org).then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(token).get("/v1/organisations/{id}", org).then().statusCode(401).contentType(PROBLEM);
        // ...and it gets no new clients.
        TokenServiceApi.postClient(admin, org, "suspendert-ny", "PARTNER").then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/organisation-suspended"));
        given().auth().oauth2(admin).get("/v1/organisations/{id}", org).then().statusCode(200).body("status", equalTo("SUSPENDED"));

        // Suspending again changes nothing.
        String changedAt = given().auth().oauth2(admin).get("/v1/organisations/{id}", org).path("statusChangedAt");
        suspend(admin, org, "another reason").then().statusCode(200)
                .body("statusReason", equalTo("unpaid invoices")).body("statusChangedAt", equalTo(changedAt));

        reinstate(admin, org).then().statusCode(200).body("status", equalTo("ACTIVE")).body("statusReason", equalTo("the matter is settled"));
        given().auth().oauth2(token).get("/v1/organisations/{id}/clients", org).then().statusCode(200);
        TokenServiceApi.grant(portal.clientId(), portal.secret()).then().statusCode(200);
        TokenServiceApi.postClient(admin, org, "suspendert-ny", "PARTNER").then().statusCode(201);
        // Reinstating an active organisation changes nothing; a body is optional.
        given().auth().oauth2(admin).post("/v1/organisations/{id}/reinstate", org).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void onlyAPlatformAdminSuspendsWithAReasonAndNeverThePlatformItself() {
        long org = createPartner(admin, "Suspensjonsregler AS");
        String klientadmin = TokenServiceApi.token(createClient(admin, org, "suspensjonsregler-portal", "KLIENTADMINISTRATOR"));

        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).post("/v1/organisations/{id}/suspend", org)
                .then().statusCode(401).contentType(PROBLEM);
        suspend(klientadmin, org, "suspending myself").then().statusCode(403).contentType(PROBLEM);
        reinstate(klientadmin, org).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of()).post("/v1/organisations/{id}/suspend", org)
                .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/reason-required"));
        suspend(admin, org, " ").then().statusCode(400).contentType(PROBLEM);
        suspend(admin, org, "x".repeat(501)).then().statusCode(400).contentType(PROBLEM);
        // A suspension has a body; without one it is not JSON at all.
        given().auth().oauth2(admin).post("/v1/organisations/{id}/suspend", org).then().statusCode(415).contentType(PROBLEM);
        suspend(admin, 999_999, "no such organisation").then().statusCode(404).contentType(PROBLEM);
        reinstate(admin, 999_999).then().statusCode(404).contentType(PROBLEM);
        suspend(admin, 1, "the platform").then().statusCode(409).contentType(PROBLEM).body("type", endsWith("/platform-organisation"));
        given().auth().oauth2(admin).get("/v1/organisations/{id}", org).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aPlatformAdminCertifiesWithAReferenceToTheEvidence() {
        long org = createPartner(admin, "Sertifisering AS");
        given().auth().oauth2(admin).get("/v1/organisations/{id}", org).then()
                .body("certification", equalTo("NOT_CERTIFIED")).body("certificationEvidenceReference", nullValue())
                .body("environments", equalTo(java.util.List.of("DEVELOPMENT", "STAGING")));

        certify(admin, org, "IN_CERTIFICATION", null).then().statusCode(200).contentType(ContentType.JSON)
                .body("certification", equalTo("IN_CERTIFICATION")).body("certificationChangedAt", notNullValue());
        certify(admin, org, "CERTIFIED", null).then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/evidence-required"));
        certify(admin, org, "CERTIFIED", "  ").then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/evidence-required"));
        certify(admin, org, "CERTIFIED", "https://cases.partnerplatform.local/CERT-2026-17").then().statusCode(200)
                .body("certification", equalTo("CERTIFIED"))
                .body("certificationEvidenceReference", equalTo("https://cases.partnerplatform.local/CERT-2026-17"));
        given().auth().oauth2(admin).get("/v1/organisations/{id}", org).then().statusCode(200)
                .body("certification", equalTo("CERTIFIED")).body("environments", equalTo(java.util.List.of("DEVELOPMENT", "STAGING", "PRODUCTION")))
                .body("certificationEvidenceReference", equalTo("https://cases.partnerplatform.local/CERT-2026-17"));
        certify(admin, org, "NOT_CERTIFIED", "certificate withdrawn, case CERT-2026-18").then().statusCode(200)
                .body("certification", equalTo("NOT_CERTIFIED"));

        certify(admin, org, "SUPER_CERTIFIED", "x").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("evidenceReference", "x"))
                .put("/v1/organisations/{id}/certification", org).then().statusCode(400).contentType(PROBLEM);
        certify(admin, org, "CERTIFIED", "x".repeat(501)).then().statusCode(400).contentType(PROBLEM);
        certify(admin, 999_999, "CERTIFIED", "CERT-1").then().statusCode(404).contentType(PROBLEM);
        certify(admin, 1, "NOT_CERTIFIED", "CERT-1").then().statusCode(409).contentType(PROBLEM).body("type", endsWith("/platform-organisation"));

        String partner = TokenServiceApi.token(createClient(admin, org, "sertifisering-portal", "KLIENTADMINISTRATOR", "PARTNER"));
        certify(partner, org, "CERTIFIED", "self-certified").then().statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("certification", "CERTIFIED", "evidenceReference", "x"))
                .put("/v1/organisations/{id}/certification", org).then().statusCode(401).contentType(PROBLEM);
        // Its own organisation stays readable to it, certification and all.
        given().auth().oauth2(partner).get("/v1/organisations/{id}", org).then().statusCode(200).body("certification", equalTo("NOT_CERTIFIED"));
    }

    @Test
    void aPlatformAdminListsOrganisationsAPageAtATime() {
        long first = createPartner(admin, "Liste En AS");
        long second = createPartner(admin, "Liste To AS");
        long third = createPartner(admin, "Liste Tre AS");
        suspend(admin, second, "listed as suspended").then().statusCode(200);

        int total = given().auth().oauth2(admin).queryParam("size", 1).get("/v1/organisations").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(1)).body("items", hasSize(1))
                .body("items[0].organisationId", equalTo(1)).body("items[0].type", equalTo("PLATFORM"))
                .extract().path("totalItems");
        assertThat(total).isGreaterThanOrEqualTo(4);

        // Pages in id order, no organisation on two pages, together all of them.
        List<Integer> seen = new java.util.ArrayList<>();
        for (int page = 0; page * 2 < total; page++) {
            List<Integer> ids = given().auth().oauth2(admin).queryParam("page", page).queryParam("size", 2).get("/v1/organisations")
                    .then().statusCode(200).body("totalItems", equalTo(total)).extract().path("items.organisationId");
            seen.addAll(ids);
        }
        assertThat(seen).hasSize(total).doesNotHaveDuplicates().isSorted().contains((int) first, (int) second, (int) third);
        given().auth().oauth2(admin).queryParam("page", total).get("/v1/organisations").then().statusCode(200)
                .body("items", hasSize(0)).body("totalItems", equalTo(total));

        given().auth().oauth2(admin).queryParam("status", "SUSPENDED").queryParam("size", 200).get("/v1/organisations").then().statusCode(200)
                .body("items.status", everyItem(equalTo("SUSPENDED")))
                .body("items.organisationId", hasItem((int) second))
                .body("items.organisationId", not(hasItem((int) first)));

        for (Map<String, Object> bad : List.of(Map.<String, Object> of("size", 0), Map.<String, Object> of("size", 201),
                Map.<String, Object> of("page", -1), Map.<String, Object> of("status", "DORMANT"))) {
            given().auth().oauth2(admin).queryParams(bad).get("/v1/organisations").then().statusCode(400).contentType(PROBLEM);
        }
        String partner = TokenServiceApi.token(createClient(admin, first, "listeen-portal", "KLIENTADMINISTRATOR"));
        given().auth().oauth2(partner).get("/v1/organisations").then().statusCode(403).contentType(PROBLEM);
        given().get("/v1/organisations").then().statusCode(401).contentType(PROBLEM);
    }
}
