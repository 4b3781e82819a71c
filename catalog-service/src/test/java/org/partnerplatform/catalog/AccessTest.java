package org.partnerplatform.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.partnerplatform.catalog.Fixtures.OIDC;
import static org.partnerplatform.catalog.Fixtures.agreement;
import static org.partnerplatform.catalog.Fixtures.newOperator;
import static org.partnerplatform.catalog.Fixtures.newOrganisation;
import static org.partnerplatform.catalog.Fixtures.partnerToken;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnerplatform.catalog.Fixtures.Operator;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.OidcTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may call what: a valid token always, admin endpoints only for platform admins, and each organisation its own agreements. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class AccessTest {
    private static final List<String> READ_PATHS = List.of("/v1/catalog", "/v1/agreements", "/v1/admin/products", "/v1/admin/agreements",
            "/v1/admin/operators", "/v1/admin/parties", "/v1/operator/products");

    @Test
    void everyEndpointNeedsAValidToken() {
        long partner = newOrganisation();
        for (String path : READ_PATHS) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
            given().auth().oauth2(OIDC.expiredToken("p", partner, "PARTNER")).get(path).then().statusCode(401);
            given().auth().oauth2(OIDC.forgedToken("p", partner, "PLATFORM_ADMIN")).get(path).then().statusCode(401);
            given().auth().oauth2(OIDC.tokenForAudience("https://api.other.example", "p", partner, "PLATFORM_ADMIN")).get(path).then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body("{}").post("/v1/admin/products").then().statusCode(401);
    }

    @Test
    void partnersCannotCallAdminEndpoints() {
        Operator operator = newOperator();
        String product = operator.publishedProduct("Standard");
        long partner = newOrganisation();
        String agreementId = agreement(partner, operator).products(product).draft();
        String token = partnerToken(partner);

        given().auth().oauth2(token).contentType(ContentType.JSON).body(operator.product("Mine", "1.00")).post("/v1/admin/products").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token).post("/v1/admin/products/{id}/withdraw", product).then().statusCode(403);
        given().auth().oauth2(token).get("/v1/admin/products/{id}", product).then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(agreement(partner, operator).products(product).body())
                .post("/v1/admin/agreements").then().statusCode(403);
        given().auth().oauth2(token).post("/v1/admin/agreements/{id}/activate", agreementId).then().statusCode(403);
        given().auth().oauth2(token).put("/v1/admin/agreements/{id}/readiness/STAGING", agreementId).then().statusCode(403);
        given().auth().oauth2(token).get("/v1/admin/agreements").then().statusCode(403);
        given().auth().oauth2(OIDC.token("klient-admin", partner, "KLIENTADMINISTRATOR")).post("/v1/admin/agreements/{id}/activate", agreementId)
                .then().statusCode(403);
        given().auth().oauth2(OIDC.token("roleless", partner)).get("/v1/catalog").then().statusCode(403);

        given().auth().oauth2(Fixtures.admin()).get("/v1/admin/agreements/{id}", agreementId).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void aPartnerSeesItsOwnAgreementsOnlyAndAnotherOrganisationsAnswer404() {
        Operator operator = newOperator();
        String product = operator.publishedProduct("Standard");
        long partner = newOrganisation();
        long other = newOrganisation();
        String mine = agreement(partner, operator).products(product).sellable();
        String theirs = agreement(other, operator).products(product).draft();

        given().auth().oauth2(partnerToken(partner)).get("/v1/agreements").then().statusCode(200)
                .body("id", equalTo(List.of(mine)))
                .body("[0].status", equalTo("ACTIVE"))
                .body("[0].readyEnvironments", equalTo(List.of("STAGING")))
                .body("[0].commissionBasisPoints", equalTo(500));
        given().auth().oauth2(partnerToken(partner)).get("/v1/agreements/{id}", mine).then().statusCode(200).body("id", equalTo(mine));
        given().auth().oauth2(OIDC.token("klient-admin", partner, "KLIENTADMINISTRATOR")).get("/v1/agreements/{id}", mine).then().statusCode(200);
        given().auth().oauth2(partnerToken(partner)).get("/v1/agreements/{id}", theirs).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(partnerToken(other)).get("/v1/agreements/{id}", mine).then().statusCode(404);
        given().auth().oauth2(partnerToken(other)).get("/v1/agreements").then().statusCode(200).body("id", equalTo(List.of(theirs)));
        given().auth().oauth2(partnerToken(partner)).get("/v1/agreements/{id}", "no-such-agreement").then().statusCode(404);
    }

    @Test
    void aPartnersReadingPersonsSeeItsCatalogAndAgreementsAndAUserAdministratorDoesNot() {
        Operator operator = newOperator();
        String product = operator.publishedProduct("Standard");
        long partner = newOrganisation();
        String mine = agreement(partner, operator).products(product).sellable();
        for (String role : List.of("SALES_READER", "SALES_ADMINISTRATOR", "FINANCE_READER")) {
            String person = OIDC.token("person-" + role, partner, role);
            given().auth().oauth2(person).get("/v1/catalog").then().statusCode(200).body("items.id", equalTo(List.of(product)));
            given().auth().oauth2(person).get("/v1/agreements").then().statusCode(200).body("id", equalTo(List.of(mine)));
            given().auth().oauth2(person).get("/v1/admin/agreements").then().statusCode(403);
        }
        // Managing persons gives no view of what the organisation sells.
        given().auth().oauth2(OIDC.token("user-admin", partner, "BRUKERADMINISTRATOR")).get("/v1/catalog").then().statusCode(403);
        given().auth().oauth2(OIDC.token("user-admin", partner, "BRUKERADMINISTRATOR")).get("/v1/agreements").then().statusCode(403);
    }

    @Test
    void anOperatorSeesTheAgreementsOnItsProducts() {
        Operator operator = newOperator();
        Operator other = newOperator();
        String product = operator.publishedProduct("Standard");
        String othersProduct = other.publishedProduct("Standard");
        String first = agreement(newOrganisation(), operator).products(product).draft();
        String second = agreement(newOrganisation(), operator).allProducts().sellable();
        String notItsOwn = agreement(newOrganisation(), other).products(othersProduct).draft();
        String operatorToken = OIDC.token("operator-app", operator.organisationId(), "PARTNER");

        given().auth().oauth2(operatorToken).get("/v1/agreements").then().statusCode(200).body("id", equalTo(List.of(first, second)));
        given().auth().oauth2(operatorToken).get("/v1/agreements/{id}", second).then().statusCode(200)
                .body("operatorOrganisationId", equalTo((int) operator.organisationId()));
        given().auth().oauth2(operatorToken).get("/v1/agreements/{id}", notItsOwn).then().statusCode(404);
    }

    @Test
    void anOperatorsAdminReadsItsOwnProductsAndAgreementsAndNothingOfAnotherOrganisation() {
        Operator operator = newOperator();
        Operator other = newOperator();
        String draft = operator.draftProduct("Draft");
        String published = operator.publishedProduct("Published");
        String theirs = other.publishedProduct("Theirs");
        String onMine = agreement(newOrganisation(), operator).products(published).sellable();
        String onTheirs = agreement(newOrganisation(), other).products(theirs).sellable();
        String operatorAdmin = OIDC.token("operator-admin", operator.organisationId(), "KLIENTADMINISTRATOR");

        given().auth().oauth2(operatorAdmin).get("/v1/operator/products").then().statusCode(200)
                .body("id", equalTo(List.of(draft, published)))
                .body("status", equalTo(List.of("DRAFT", "PUBLISHED")));
        given().auth().oauth2(operatorAdmin).get("/v1/operator/products/{id}", published).then().statusCode(200)
                .header("ETag", "\"1\"").body("operatorOrganisationId", equalTo((int) operator.organisationId()));
        given().auth().oauth2(operatorAdmin).get("/v1/operator/products/{id}", theirs).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(operatorAdmin).get("/v1/operator/products/{id}", operator.id("Missing")).then().statusCode(404);
        given().auth().oauth2(operatorAdmin).get("/v1/agreements").then().statusCode(200).body("id", equalTo(List.of(onMine)));
        given().auth().oauth2(operatorAdmin).get("/v1/agreements/{id}", onTheirs).then().statusCode(404);

        // Read-only: the platform's admin endpoints stay closed to it.
        given().auth().oauth2(operatorAdmin).get("/v1/admin/products/{id}", published).then().statusCode(403);
        given().auth().oauth2(operatorAdmin).post("/v1/admin/products/{id}/withdraw", published).then().statusCode(403);
        given().auth().oauth2(operatorAdmin).contentType(ContentType.JSON).body(operator.product("New", "1.00")).post("/v1/admin/products")
                .then().statusCode(403);
        given().auth().oauth2(operatorAdmin).contentType(ContentType.JSON).body(Map.of("effectiveFrom", "2099-01-01", "prices", List.of()))
                .post("/v1/admin/products/{id}/price-changes", published).then().statusCode(403);
        given().auth().oauth2(operatorAdmin).post("/v1/admin/agreements/{id}/suspend", onMine).then().statusCode(403);

        // The products are for the operator's admin, not for its other clients; a partner's admin has none to see.
        given().auth().oauth2(OIDC.token("operator-app", operator.organisationId(), "PARTNER")).get("/v1/operator/products").then().statusCode(403);
        String partnerAdmin = OIDC.token("partner-admin", newOrganisation(), "KLIENTADMINISTRATOR");
        given().auth().oauth2(partnerAdmin).get("/v1/operator/products").then().statusCode(200).body("id", equalTo(List.of()));
        given().auth().oauth2(partnerAdmin).get("/v1/operator/products/{id}", published).then().statusCode(404);
    }
}
