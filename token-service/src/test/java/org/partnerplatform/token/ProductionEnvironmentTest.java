package org.partnerplatform.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.token.TokenServiceApi.Credentials;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A PRODUCTION deployment: its own issuer, the audience the deployment names for all services, and only certified
 * organisations get clients and tokens, certified by a platform admin through the API.
 */
@QuarkusTest
@TestProfile(ProductionEnvironmentTest.Production.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "token_production"))
class ProductionEnvironmentTest {
    static final String ISSUER = "https://partner.production.partnerplatform.local/";
    /** Named once for the whole deployment (PLATFORM_AUDIENCE), as the resource servers read it; the issuer is derived. */
    static final String AUDIENCE = "https://api.partnerplatform.example";

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.environment", "PRODUCTION", "platform.audience", AUDIENCE);
        }
    }

    @Inject
    Pool pool;

    @Test
    void issuerAndAudienceFollowTheEnvironment() throws Exception {
        given().get("/.well-known/openid-configuration").then().statusCode(200).body("issuer", equalTo(ISSUER));
        String admin = TokenServiceApi.adminToken();
        AccessTokens.assertAccessToken(AccessTokens.verify(admin, AUDIENCE), ISSUER, AUDIENCE, TokenServiceApi.ADMIN_ID, 1,
                List.of("PLATFORM_ADMIN"));
        oauthError(given().contentType("application/json").body(Map.of("grant_type", "client_credentials",
                "client_id", TokenServiceApi.ADMIN_ID, "client_secret", TokenServiceApi.ADMIN_SECRET, "audience", TokenServiceApi.STAGING_AUDIENCE))
                .post("/oauth/token").then(), 400, "invalid_target");
    }

    @Test
    void anUncertifiedOrganisationGetsNoClientsAndNoTokens() {
        String admin = TokenServiceApi.adminToken();
        long partner = TokenServiceApi.createPartner(admin, "Usertifisert AS");
        TokenServiceApi.postClient(admin, partner, "usertifisert-app", "PARTNER").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/not-certified"));

        certify(partner, "CERTIFIED");
        Credentials client = TokenServiceApi.createClient(admin, partner, "usertifisert-app", "PARTNER");
        given().auth().oauth2(admin).get("/v1/organisations/{id}/clients/{c}", partner, client.clientId()).then().statusCode(200)
                .body("environment", equalTo("PRODUCTION"));
        TokenServiceApi.grant(client.clientId(), client.secret()).then().statusCode(200);

        // Certification withdrawn: the existing client gets no more tokens.
        certify(partner, "NOT_CERTIFIED");
        oauthError(TokenServiceApi.grant(client.clientId(), client.secret()).then(), 400, "unauthorized_client");
    }

    @Test
    void aClientOfAnotherEnvironmentIsUnknownHere() {
        String admin = TokenServiceApi.adminToken();
        long partner = TokenServiceApi.createPartner(admin, "Feil Miljø AS");
        certify(partner, "CERTIFIED");
        Credentials client = TokenServiceApi.createClient(admin, partner, "feilmiljo-app", "PARTNER");
        pool.preparedQuery("update client set environment = 'STAGING' where client_id = $1").execute(Tuple.of(client.clientId()))
                .await().atMost(Duration.ofSeconds(10));
        oauthError(TokenServiceApi.grant(client.clientId(), client.secret()).then(), 401, "invalid_client");
    }

    private void certify(long organisationId, String certification) {
        given().auth().oauth2(TokenServiceApi.adminToken()).contentType("application/json")
                .body(Map.of("certification", certification, "evidenceReference", "CERT-2026-" + organisationId))
                .put("/v1/organisations/{id}/certification", organisationId)
                .then().statusCode(200).body("certification", equalTo(certification));
    }

    private static void oauthError(io.restassured.response.ValidatableResponse response, int status, String error) {
        response.statusCode(status).header("Cache-Control", "no-store").body("error", equalTo(error));
    }
}
