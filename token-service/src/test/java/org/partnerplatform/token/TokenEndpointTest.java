package org.partnerplatform.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.partnerplatform.token.TokenServiceApi.STAGING_AUDIENCE;
import static org.partnerplatform.token.TokenServiceApi.STAGING_ISSUER;

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
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class TokenEndpointTest {
    static long partner;
    static Credentials client;

    /** Once per class; not in @BeforeAll, where RestAssured does not know the test port yet. */
    @BeforeEach
    void partnerWithAClient() {
        if (client != null) {
            return;
        }
        String admin = TokenServiceApi.adminToken();
        partner = TokenServiceApi.createPartner(admin, "Reiseselskapet AS");
        client = TokenServiceApi.createClient(admin, partner, "reiseselskapet-webshop", "PARTNER", "KLIENTADMINISTRATOR");
    }

    @Test
    void formBodyWithBasicAuthentication() throws Exception {
        Response response = TokenServiceApi.grant(client.clientId(), client.secret());
        response.then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(86400))
                .body("scope", equalTo("KLIENTADMINISTRATOR PARTNER"));
        AccessTokens.assertAccessToken(AccessTokens.verify(response.path("access_token"), STAGING_AUDIENCE), STAGING_ISSUER,
                STAGING_AUDIENCE, client.clientId(), partner, List.of("KLIENTADMINISTRATOR", "PARTNER"));
    }

    @Test
    void formBodyWithTheSecretInTheBody() throws Exception {
        Response response = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", client.clientId())
                .formParam("client_secret", client.secret())
                .post("/oauth/token");
        response.then().statusCode(200).header("Cache-Control", "no-store");
        AccessTokens.assertAccessToken(AccessTokens.verify(response.path("access_token"), STAGING_AUDIENCE), STAGING_ISSUER,
                STAGING_AUDIENCE, client.clientId(), partner, List.of("KLIENTADMINISTRATOR", "PARTNER"));
    }

    @Test
    void jsonBodyAsTheHubsPartnersSendIt() throws Exception {
        Response response = given().contentType(ContentType.JSON)
                .body(Map.of("grant_type", "client_credentials", "client_id", client.clientId(), "client_secret", client.secret(),
                        "audience", STAGING_AUDIENCE))
                .post("/oauth/token");
        response.then().statusCode(200).header("Cache-Control", "no-store").body("expires_in", equalTo(86400));
        AccessTokens.assertAccessToken(AccessTokens.verify(response.path("access_token"), STAGING_AUDIENCE), STAGING_ISSUER,
                STAGING_AUDIENCE, client.clientId(), partner, List.of("KLIENTADMINISTRATOR", "PARTNER"));
    }

    @Test
    void aScopeNarrowsTheTokenToSomeOfTheClientsRoles() throws Exception {
        Response response = given().auth().preemptive().basic(client.clientId(), client.secret()).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("scope", "PARTNER").post("/oauth/token");
        response.then().statusCode(200).body("scope", equalTo("PARTNER"));
        AccessTokens.assertAccessToken(AccessTokens.verify(response.path("access_token"), STAGING_AUDIENCE), STAGING_ISSUER,
                STAGING_AUDIENCE, client.clientId(), partner, List.of("PARTNER"));
    }

    @Test
    void unknownClientWrongSecretAndRevokedClientAreInvalidClient() {
        invalidClient(TokenServiceApi.grant("no-such-client", client.secret()));
        invalidClient(TokenServiceApi.grant(client.clientId(), client.secret() + "x"));
        invalidClient(given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", client.clientId()).formParam("client_secret", "wrong").post("/oauth/token"));

        String admin = TokenServiceApi.adminToken();
        Credentials revoked = TokenServiceApi.createClient(admin, partner, "reiseselskapet-old", "PARTNER");
        TokenServiceApi.grant(revoked.clientId(), revoked.secret()).then().statusCode(200);
        TokenServiceApi.revoke(admin, partner, revoked.clientId());
        invalidClient(TokenServiceApi.grant(revoked.clientId(), revoked.secret()));
    }

    @Test
    void noClientAuthenticationAtAllIsInvalidClient() {
        invalidClient(given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").post("/oauth/token"));
        invalidClient(given().header("Authorization", "Bearer abc").contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/oauth/token"));
    }

    @Test
    void malformedRequestsAreInvalidRequest() {
        oauthError(given().auth().preemptive().basic(client.clientId(), client.secret()).contentType(ContentType.URLENC)
                .formParam("scope", "PARTNER").post("/oauth/token"), 400, "invalid_request");
        // Basic and body credentials together: RFC 6749 §2.3 allows one method per request.
        oauthError(given().auth().preemptive().basic(client.clientId(), client.secret()).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", client.clientId())
                .formParam("client_secret", client.secret()).post("/oauth/token"), 400, "invalid_request");
        oauthError(given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("grant_type", "client_credentials").formParam("client_id", client.clientId())
                .formParam("client_secret", client.secret()).post("/oauth/token"), 400, "invalid_request");
        oauthError(given().contentType(ContentType.JSON).body("{\"grant_type\":").post("/oauth/token"), 400, "invalid_request");
        oauthError(given().contentType(ContentType.JSON).body("{\"grant_type\":\"client_credentials\",\"client_id\":7}")
                .post("/oauth/token"), 400, "invalid_request");
        oauthError(given().contentType(ContentType.TEXT).body("grant_type=client_credentials").post("/oauth/token"), 400, "invalid_request");
    }

    @Test
    void onlyTheClientCredentialsGrantIsSupported() {
        oauthError(given().contentType(ContentType.URLENC).formParam("grant_type", "password").formParam("username", "u")
                .formParam("password", "p").post("/oauth/token"), 400, "unsupported_grant_type");
    }

    @Test
    void aScopeBeyondTheClientsRolesIsInvalidScope() {
        oauthError(given().auth().preemptive().basic(client.clientId(), client.secret()).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("scope", "PARTNER PLATFORM_ADMIN").post("/oauth/token"),
                400, "invalid_scope");
        oauthError(given().auth().preemptive().basic(client.clientId(), client.secret()).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("scope", "openid").post("/oauth/token"), 400, "invalid_scope");
    }

    @Test
    void anotherAudienceIsInvalidTarget() {
        oauthError(given().contentType(ContentType.JSON)
                .body(Map.of("grant_type", "client_credentials", "client_id", client.clientId(), "client_secret", client.secret(),
                        "audience", "https://api.entur.io"))
                .post("/oauth/token"), 400, "invalid_target");
    }

    private static void invalidClient(Response response) {
        oauthError(response, 401, "invalid_client").header("WWW-Authenticate", "Basic realm=\"token-service\"");
    }

    private static ValidatableResponse oauthError(Response response, int status, String error) {
        ValidatableResponse then = response.then().statusCode(status)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("error", equalTo(error))
                .body("error_description", not(emptyOrNullString()));
        assertThat(response.asString()).doesNotContain("access_token").doesNotContain(client.secret());
        return then;
    }
}
