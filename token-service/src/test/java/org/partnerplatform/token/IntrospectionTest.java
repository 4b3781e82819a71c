package org.partnerplatform.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.partnerplatform.token.OAuthErrors.assertError;
import static org.partnerplatform.token.OAuthErrors.assertInvalidClient;
import static org.partnerplatform.token.TokenServiceApi.createClient;
import static org.partnerplatform.token.TokenServiceApi.createPartner;
import static org.partnerplatform.token.TokenServiceApi.introspect;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerplatform.testsupport.KafkaTestResource;
import org.partnerplatform.testsupport.PostgresTestResource;
import org.partnerplatform.token.TokenServiceApi.Credentials;
import org.partnerplatform.token.service.keys.Signer;
import org.partnerplatform.token.service.keys.SigningKeys;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Token introspection (RFC 7662) through HTTP: every answer and every error. The resource server is a client of
 * the platform organisation.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class IntrospectionTest {
    static String admin;
    static Credentials resourceServer;

    @Inject
    SigningKeys keys;

    @BeforeEach
    void resourceServer() {
        if (admin == null) {
            admin = TokenServiceApi.adminToken();
            resourceServer = TokenServiceApi.resourceServer(admin, "platform-salesservice");
        }
    }

    @Test
    void anActiveTokenIsAnsweredWithItsClaims() throws Exception {
        long org = createPartner(admin, "Innsyn AS");
        Credentials client = createClient(admin, org, "innsyn-app", "PARTNER", "KLIENTADMINISTRATOR");
        String token = TokenServiceApi.token(client);
        AccessTokens.Verified verified = AccessTokens.verify(token, TokenServiceApi.STAGING_AUDIENCE);

        Response answer = introspect(resourceServer, token);
        answer.then().statusCode(200).contentType(ContentType.JSON).header("Cache-Control", "no-store")
                .body("active", equalTo(true))
                .body("token_type", equalTo("Bearer"))
                .body("scope", equalTo("KLIENTADMINISTRATOR PARTNER"))
                .body("client_id", equalTo(client.clientId()))
                .body("sub", equalTo(client.clientId()))
                .body("iss", equalTo(TokenServiceApi.STAGING_ISSUER))
                .body("aud", equalTo(TokenServiceApi.STAGING_AUDIENCE))
                .body("jti", equalTo(verified.claims().getJwtId()))
                .body("roles", equalTo(List.of("KLIENTADMINISTRATOR", "PARTNER")));
        Map<String, Object> claims = answer.jsonPath().getMap("");
        assertThat(((Number) claims.get("exp")).longValue()).isEqualTo(verified.claims().getExpirationTime().getValue());
        assertThat(((Number) claims.get("iat")).longValue()).isEqualTo(verified.claims().getIssuedAt().getValue());
        assertThat(claims.get(TokenServiceApi.ORGANISATION_CLAIM)).isInstanceOf(Number.class);
        assertThat(((Number) claims.get(TokenServiceApi.ORGANISATION_CLAIM)).longValue()).isEqualTo(org);

        // The body form of client authentication works too; token_type_hint is accepted and ignored.
        given().contentType(ContentType.URLENC).formParam("token", token).formParam("token_type_hint", "access_token")
                .formParam("client_id", resourceServer.clientId()).formParam("client_secret", resourceServer.secret())
                .post("/oauth/introspect").then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void expiredForgedForeignAndUnknownTokensAreInactiveAndNothingMore() throws Exception {
        Signer signer = keys.signer();
        List<String> inactive = List.of(
                "not-a-jwt",
                sign(claims(c -> c.setExpirationTime(NumericDate.fromSeconds(Instant.now().getEpochSecond() - 600))), signer),
                sign(claims(c -> c.setAudience("https://api.entur.io")), signer),
                sign(claims(c -> c.setIssuer("https://partner.entur.org/")), signer),
                sign(claims(c -> c.setSubject("no-such-client")), signer),
                sign(claims(c -> { }), new Signer(signer.kid(), "ES256", EcJwkGenerator.generateJwk(EllipticCurves.P256).getPrivateKey(),
                        Instant.now())));
        for (String token : inactive) {
            Response answer = introspect(resourceServer, token);
            answer.then().statusCode(200).header("Cache-Control", "no-store");
            assertThat(answer.jsonPath().getMap("")).isEqualTo(Map.of("active", false));
        }
        // The same claims, signed with the real key and not expired: active, which shows the refusals were for their flaws.
        introspect(resourceServer, sign(claims(c -> { }), signer)).then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void aRevokedClientsOrASuspendedOrganisationsTokensAreInactiveAtOnce() {
        long org = createPartner(admin, "Innsyn Stopp AS");
        Credentials revoked = createClient(admin, org, "innsynstopp-app", "PARTNER");
        Credentials other = createClient(admin, org, "innsynstopp-kasse", "PARTNER");
        String revokedToken = TokenServiceApi.token(revoked);
        String otherToken = TokenServiceApi.token(other);
        introspect(resourceServer, revokedToken).then().body("active", equalTo(true));

        TokenServiceApi.revoke(admin, org, revoked.clientId());
        introspect(resourceServer, revokedToken).then().statusCode(200).body("active", equalTo(false));

        TokenServiceApi.suspend(admin, org, "investigation").then().statusCode(200);
        introspect(resourceServer, otherToken).then().statusCode(200).body("active", equalTo(false));
        TokenServiceApi.reinstate(admin, org).then().statusCode(200);
        introspect(resourceServer, otherToken).then().statusCode(200).body("active", equalTo(true));

        // A secret rotation leaves tokens already issued active.
        TokenServiceApi.rotatedSecret(admin, org, other.clientId(), null);
        introspect(resourceServer, otherToken).then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void onlyAnAuthenticatedClientMayIntrospectAndMalformedRequestsAreInvalid() {
        long org = createPartner(admin, "Nysgjerrig AS");
        Credentials partner = createClient(admin, org, "nysgjerrig-app", "PARTNER", "KLIENTADMINISTRATOR");
        String token = TokenServiceApi.token(partner);

        assertInvalidClient(given().contentType(ContentType.URLENC).formParam("token", token).post("/oauth/introspect"));
        assertInvalidClient(introspect(new Credentials(resourceServer.clientId(), "wrong"), token));
        assertInvalidClient(introspect(new Credentials("no-such-client", resourceServer.secret()), token));
        // A bearer token is no client authentication.
        assertInvalidClient(given().auth().oauth2(admin).contentType(ContentType.URLENC).formParam("token", token).post("/oauth/introspect"));
        // A client of a suspended organisation asks nothing.
        TokenServiceApi.suspend(admin, org, "curiosity").then().statusCode(200);
        assertError(introspect(partner, token), 400, "unauthorized_client");
        TokenServiceApi.reinstate(admin, org).then().statusCode(200);

        assertError(given().auth().preemptive().basic(resourceServer.clientId(), resourceServer.secret()).contentType(ContentType.URLENC)
                .formParam("token_type_hint", "access_token").post("/oauth/introspect"), 400, "invalid_request");
        assertError(given().auth().preemptive().basic(resourceServer.clientId(), resourceServer.secret()).contentType(ContentType.URLENC)
                .formParam("token", token).formParam("token", token).post("/oauth/introspect"), 400, "invalid_request");
        assertError(given().auth().preemptive().basic(resourceServer.clientId(), resourceServer.secret()).contentType(ContentType.JSON)
                .body(Map.of("token", token)).post("/oauth/introspect"), 400, "invalid_request");
        assertError(given().auth().preemptive().basic(resourceServer.clientId(), resourceServer.secret()).contentType(ContentType.URLENC)
                .formParam("token", token).formParam("client_secret", resourceServer.secret()).post("/oauth/introspect"), 400, "invalid_request");
    }

    /** RFC 7662 §4: a client outside the platform learns about its own organisation's tokens only, not whether others' are live. */
    @Test
    void aPartnerLearnsAboutItsOwnOrganisationsTokensOnly() {
        long mine = createPartner(admin, "Eget Innsyn AS");
        long theirs = createPartner(admin, "Fremmed Innsyn AS");
        Credentials own = createClient(admin, mine, "egetinnsyn-app", "PARTNER");
        Credentials colleague = createClient(admin, mine, "egetinnsyn-kasse", "PARTNER");
        String theirToken = TokenServiceApi.token(createClient(admin, theirs, "fremmedinnsyn-app", "PARTNER"));

        introspect(own, TokenServiceApi.token(colleague)).then().statusCode(200).body("active", equalTo(true))
                .body("client_id", equalTo(colleague.clientId()));
        Response foreign = introspect(own, theirToken);
        foreign.then().statusCode(200);
        assertThat(foreign.jsonPath().getMap("")).isEqualTo(Map.of("active", false));
        // The platform's resource server sees both.
        introspect(resourceServer, theirToken).then().statusCode(200).body("active", equalTo(true));
    }

    private static JwtClaims claims(java.util.function.Consumer<JwtClaims> change) {
        JwtClaims claims = AccessTokens.platformAdminClaims();
        change.accept(claims);
        return claims;
    }

    private static String sign(JwtClaims claims, Signer signer) throws Exception {
        return AccessTokens.sign(claims, signer.privateKey(), signer.kid(), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    }
}
