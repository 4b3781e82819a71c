package org.partnerplatform.catalog;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.partnerplatform.testsupport.TestOidcServer;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Builds catalog data through the service's own HTTP API, as an admin would, and reads catalogs as partners would.
 * Every operator, partner and product is new, so tests sharing one database never see each other's data.
 */
final class Fixtures {
    static final String ADMIN_CLIENT = "platform-admin-app";
    static final long PLATFORM_ORGANISATION = 1;
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final TestOidcServer OIDC = TestOidcServer.get();

    /**
     * Kept in the system properties so that it survives the test classes being loaded again by another Quarkus
     * class loader: organisation ids and codespaces must stay unique for the whole JVM, which shares one database.
     */
    private static final AtomicLong SEQUENCE = (AtomicLong) System.getProperties()
            .computeIfAbsent("catalog-service.test-sequence", key -> new AtomicLong());

    private Fixtures() {
    }

    static LocalDate today() {
        return LocalDate.now(OSLO);
    }

    static String admin() {
        return OIDC.token(ADMIN_CLIENT, PLATFORM_ORGANISATION, "PLATFORM_ADMIN");
    }

    static String partnerToken(long organisationId) {
        return OIDC.token("partner-app-" + organisationId, organisationId, "PARTNER");
    }

    static long newOrganisation() {
        return 100_000 + SEQUENCE.incrementAndGet();
    }

    static Operator newOperator() {
        long n = SEQUENCE.incrementAndGet();
        if (n >= 26 * 26 * 26) {
            throw new IllegalStateException("out of three-letter codespaces");
        }
        String codespace = "" + (char) ('A' + n / 676) + (char) ('A' + n / 26 % 26) + (char) ('A' + n % 26);
        return new Operator(200_000 + n, codespace);
    }

    record Operator(long organisationId, String codespace) {

        String id(String name) {
            return codespace + ":SalesPackage:" + name;
        }

        /** A product body: valid from ten days ago, open-ended, priced for ADULT (and CHILD at half). */
        Map<String, Object> product(String name, String adultPrice) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", id(name));
            body.put("operatorOrganisationId", organisationId);
            body.put("codespace", codespace);
            body.put("name", Map.of("nb", name + " billett", "en", name + " ticket"));
            body.put("prices", List.of(Map.of("userProfile", "ADULT", "amount", adultPrice)));
            body.put("distributionChannels", List.of("WEB", "APP"));
            body.put("validFrom", today().minusDays(10).toString());
            return body;
        }

        String createProduct(Map<String, Object> body) {
            return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                    .post("/v1/admin/products").then().statusCode(201).extract().path("id");
        }

        String draftProduct(String name) {
            return createProduct(product(name, "399.00"));
        }

        String publishedProduct(String name) {
            return publish(draftProduct(name));
        }

        String publishedProduct(Map<String, Object> body) {
            return publish(createProduct(body));
        }
    }

    static String publish(String productId) {
        given().auth().oauth2(admin()).post("/v1/admin/products/{id}/publish", productId).then().statusCode(200);
        return productId;
    }

    static void withdraw(String productId) {
        given().auth().oauth2(admin()).post("/v1/admin/products/{id}/withdraw", productId).then().statusCode(200);
    }

    static AgreementBuilder agreement(long partner, Operator operator) {
        return new AgreementBuilder(partner, operator.organisationId());
    }

    static ValidatableResponse transition(String agreementId, String action) {
        return given().auth().oauth2(admin()).post("/v1/admin/agreements/{id}/" + action, agreementId).then();
    }

    static ValidatableResponse ready(String agreementId, String environment) {
        return given().auth().oauth2(admin()).put("/v1/admin/agreements/{id}/readiness/{env}", agreementId, environment).then();
    }

    static ValidatableResponse unready(String agreementId, String environment) {
        return given().auth().oauth2(admin()).delete("/v1/admin/agreements/{id}/readiness/{env}", agreementId, environment).then();
    }

    static ValidatableResponse catalog(long partner, Object... queryParameters) {
        var request = given().auth().oauth2(partnerToken(partner));
        for (int i = 0; i + 1 < queryParameters.length; i += 2) {
            request.queryParam((String) queryParameters[i], queryParameters[i + 1]);
        }
        return request.get("/v1/catalog").then();
    }

    /** The ids of the products in the partner's catalog (first page of up to 200). */
    static List<String> catalogIds(long partner) {
        return catalog(partner, "pageSize", 200).statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    static final class AgreementBuilder {
        private final Map<String, Object> body = new LinkedHashMap<>();

        AgreementBuilder(long partner, long operator) {
            body.put("partnerOrganisationId", partner);
            body.put("operatorOrganisationId", operator);
            body.put("allProducts", false);
            body.put("productIds", new ArrayList<String>());
            body.put("rights", List.of("SELL", "REFUND"));
            body.put("distributionChannelId", "WEB");
            body.put("commissionBasisPoints", 500);
            body.put("validFrom", today().minusDays(30).toString());
        }

        AgreementBuilder products(String... productIds) {
            body.put("productIds", List.of(productIds));
            return this;
        }

        AgreementBuilder allProducts() {
            body.put("allProducts", true);
            body.put("productIds", List.of());
            return this;
        }

        AgreementBuilder rights(String... rights) {
            body.put("rights", List.of(rights));
            return this;
        }

        AgreementBuilder commission(int basisPoints) {
            body.put("commissionBasisPoints", basisPoints);
            return this;
        }

        AgreementBuilder valid(LocalDate from, LocalDate to) {
            body.put("validFrom", from.toString());
            body.put("validTo", to == null ? null : to.toString());
            return this;
        }

        Map<String, Object> body() {
            return body;
        }

        /** Created and left a DRAFT. */
        String draft() {
            return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                    .post("/v1/admin/agreements").then().statusCode(201).extract().path("id");
        }

        /** Created and activated, but ready for use nowhere. */
        String active() {
            String id = draft();
            transition(id, "activate").statusCode(200);
            return id;
        }

        /** Created, activated and made ready for use in STAGING, the environment the tests' deployment serves. */
        String sellable() {
            String id = active();
            ready(id, "STAGING").statusCode(200);
            return id;
        }
    }
}
