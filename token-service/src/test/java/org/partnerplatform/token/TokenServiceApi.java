package org.partnerplatform.token;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** token-service as its callers see it, over HTTP: grants, organisations, clients. */
public final class TokenServiceApi {
    /** The bootstrap admin of the test profile (application.properties, %test). */
    public static final String ADMIN_ID = "platform-admin";
    public static final String ADMIN_SECRET = "dev-only-platform-admin-secret-change-me";
    public static final String STAGING_ISSUER = "https://partner.staging.partnerplatform.local/";
    public static final String STAGING_AUDIENCE = "https://api.staging.partnerplatform.local";
    public static final String ORGANISATION_CLAIM = "https://entur.io/organisationID";

    public record Credentials(String clientId, String secret) {
    }

    private TokenServiceApi() {
    }

    public static Response grant(String clientId, String secret) {
        return given().auth().preemptive().basic(clientId, secret)
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/oauth/token");
    }

    public static String token(String clientId, String secret) {
        return grant(clientId, secret).then().statusCode(200).extract().path("access_token");
    }

    public static String token(Credentials credentials) {
        return token(credentials.clientId(), credentials.secret());
    }

    public static String adminToken() {
        return token(ADMIN_ID, ADMIN_SECRET);
    }

    public static long createOrganisation(String token, String name, String type, String codespace) {
        Map<String, Object> body = codespace == null ? Map.of("name", name, "type", type) : Map.of("name", name, "type", type, "codespace", codespace);
        Number id = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/v1/organisations").then().statusCode(201).extract().path("organisationId");
        return id.longValue();
    }

    public static long createPartner(String token, String name) {
        return createOrganisation(token, name, "PARTNER", null);
    }

    public static Response postClient(String token, long organisationId, String name, String... roles) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", name, "roles", List.of(roles)))
                .post("/v1/organisations/{id}/clients", organisationId);
    }

    public static Credentials createClient(String token, long organisationId, String name, String... roles) {
        Response created = postClient(token, organisationId, name, roles);
        created.then().statusCode(201);
        return new Credentials(created.path("clientId"), created.path("clientSecret"));
    }

    public static void revoke(String token, long organisationId, String clientId) {
        given().auth().oauth2(token).post("/v1/organisations/{id}/clients/{c}/revoke", organisationId, clientId)
                .then().statusCode(200);
    }

    public static Response suspend(String token, long organisationId, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/v1/organisations/{id}/suspend", organisationId);
    }

    public static Response reinstate(String token, long organisationId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "the matter is settled"))
                .post("/v1/organisations/{id}/reinstate", organisationId);
    }

    public static Response certify(String token, long organisationId, String certification, String evidenceReference) {
        Map<String, Object> body = evidenceReference == null ? Map.of("certification", certification)
                : Map.of("certification", certification, "evidenceReference", evidenceReference);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/v1/organisations/{id}/certification", organisationId);
    }

    /** Rotates a client's secret; gracePeriod null for the configured default (none). */
    public static Response rotate(String token, long organisationId, String clientId, String gracePeriod) {
        var request = given().auth().oauth2(token);
        if (gracePeriod != null) {
            request = request.contentType(ContentType.JSON).body(Map.of("gracePeriod", gracePeriod));
        }
        return request.post("/v1/organisations/{id}/clients/{c}/rotate-secret", organisationId, clientId);
    }

    public static String rotatedSecret(String token, long organisationId, String clientId, String gracePeriod) {
        return rotate(token, organisationId, clientId, gracePeriod).then().statusCode(200).extract().path("clientSecret");
    }

    /**
     * A resource server's client: a client of the platform organisation. Its role matters only for the tokens it
     * would get (it needs none to introspect); PARTNER, which reaches nothing on the platform organisation.
     */
    public static Credentials resourceServer(String adminToken, String name) {
        return createClient(adminToken, 1, name, "PARTNER");
    }

    public static Response introspect(Credentials resourceServer, String token) {
        return given().auth().preemptive().basic(resourceServer.clientId(), resourceServer.secret())
                .contentType(ContentType.URLENC).formParam("token", token).post("/oauth/introspect");
    }
}
