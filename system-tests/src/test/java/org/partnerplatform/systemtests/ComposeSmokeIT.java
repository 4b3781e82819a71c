package org.partnerplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import io.restassured.http.ContentType;

/**
 * The whole stack from docker-compose.yml, with the images Jib built: a token, one sale, its settlement entry. It
 * needs a Docker engine and the images: {@code ./mvnw -Pcompose-smoke verify} builds them and runs it. Anywhere else
 * it is skipped, and says so and why (CI here has no Docker engine).
 */
class ComposeSmokeIT {
    private static final Path REPOSITORY = Path.of(System.getProperty("platform.repository", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("token-service", "catalog-service", "sales-service", "settlement-service", "partner-portal");
    private static final String PRODUCT = "SMK:SalesPackage:Smoke";

    @Test
    void aTokenASaleAndItsSettlementEntryFromTheComposeStack() {
        skipUnlessPossible();
        String adminSecret = random(32);
        Map<String, String> env = Map.of("PLATFORM_ADMIN_SECRET", adminSecret, "PLATFORM_KEY_ENCRYPTION_KEY", random(32),
                "PLATFORM_TICKET_KEY_ENCRYPTION_KEY", random(32), "PLATFORM_PORTAL_SECRET", random(32), "PLATFORM_PORTAL_HAND_OVER_KEY", random(32));
        ComposeContainer compose = new ComposeContainer(new File(REPOSITORY.resolve("docker-compose.yml").toString())).withEnv(env)
                // The services' images are the ones Jib just built into the local engine: nothing to pull for them.
                .withPull(false).withRemoveVolumes(true);
        for (String service : SERVICES) {
            compose = compose.withExposedService(service, 8080, Wait.forHttp("/q/health/ready").forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(5)));
        }
        try (ComposeContainer stack = compose) {
            stack.start();
            String token = url(stack, "token-service");
            String catalog = url(stack, "catalog-service");
            String admin = grant(token, "platform-admin", adminSecret);
            long operator = register(token, admin, Map.of("name", "Smoke Operator", "type", "OPERATOR", "codespace", "SMK"));
            long partner = register(token, admin, Map.of("name", "Smoke Partner AS", "type", "PARTNER"));
            Map<String, String> seller = client(token, admin, partner, "smoke-partner-app", "PARTNER");
            Map<String, String> finance = client(token, admin, 1, "smoke-finance", "FINANCE");
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("id", PRODUCT, "operatorOrganisationId", operator,
                    "codespace", "SMK", "name", Map.of("nb", "Røykbillett", "en", "Smoke ticket"),
                    "prices", List.of(Map.of("userProfile", "ADULT", "amount", "100.00")), "distributionChannels", List.of("WEB"),
                    "validFrom", "2020-01-01")).post(catalog + "/v1/admin/products").then().statusCode(201);
            given().auth().oauth2(admin).post(catalog + "/v1/admin/products/{id}/publish", PRODUCT).then().statusCode(200);
            String agreement = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("partnerOrganisationId", partner,
                    "operatorOrganisationId", operator, "allProducts", true, "rights", List.of("SELL"), "distributionChannelId", "WEB",
                    "commissionBasisPoints", 500, "validFrom", "2020-01-01")).post(catalog + "/v1/admin/agreements").then().statusCode(201)
                    .extract().path("id");
            given().auth().oauth2(admin).post(catalog + "/v1/admin/agreements/{id}/activate", agreement).then().statusCode(200);
            given().auth().oauth2(admin).put(catalog + "/v1/admin/agreements/{id}/readiness/STAGING", agreement).then().statusCode(200);

            String partnerToken = grant(token, seller.get("clientId"), seller.get("clientSecret"));
            // Sold once sales-service has the product and agreement from Kafka; a rejection is not final, so the same key retries.
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> given().auth().oauth2(partnerToken).header("Idempotency-Key", "smoke-1")
                    .contentType(ContentType.JSON).body(Map.of("lines", List.of(Map.of("productId", PRODUCT, "userProfile", "ADULT", "quantity", 1))))
                    .post(url(stack, "sales-service") + "/v1/sales").statusCode() == 201);
            String financeToken = grant(token, finance.get("clientId"), finance.get("clientSecret"));
            Awaitility.await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(given().auth().oauth2(financeToken)
                    .get(url(stack, "settlement-service") + "/v1/settlement/partners/{p}/summary", partner).then().statusCode(200)
                    .extract().jsonPath().getString("grossAmount")).isEqualTo("100.00"));
        }
    }

    private static void skipUnlessPossible() {
        String why = null;
        if (!Boolean.getBoolean("compose.smoke")) {
            why = "not asked for: ./mvnw -Pcompose-smoke verify builds the images with Jib and runs it";
        } else if (!DockerClientFactory.instance().isDockerAvailable()) {
            why = "no Docker engine here";
        }
        if (why != null) {
            System.out.println("ComposeSmokeIT SKIPPED: " + why + ". The stack from docker-compose.yml was not started.");
        }
        Assumptions.assumeTrue(why == null, "ComposeSmokeIT skipped: " + why);
    }

    private static String url(ComposeContainer stack, String service) {
        return "http://" + stack.getServiceHost(service, 8080) + ":" + stack.getServicePort(service, 8080);
    }

    private static String grant(String token, String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId).formParam("client_secret", secret)
                .post(token + "/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    private static long register(String token, String admin, Map<String, String> organisation) {
        Number id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(organisation).post(token + "/v1/organisations").then()
                .statusCode(201).extract().path("organisationId");
        return id.longValue();
    }

    private static Map<String, String> client(String token, String admin, long organisation, String name, String role) {
        var created = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", name, "roles", List.of(role)))
                .post(token + "/v1/organisations/{id}/clients", organisation).then().statusCode(201).extract();
        return Map.of("clientId", created.path("clientId"), "clientSecret", created.path("clientSecret"));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }
}
