package org.partnerplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerplatform.devinfra.Platform.Service;
import org.partnerplatform.devinfra.ServiceProcess;

/**
 * A resource server (settlement-service, validating with quarkus-oidc against token-service's discovery document)
 * accepts token-service's tokens and refuses every other kind: expired, signed by another key, unsigned
 * (alg=none), for another audience, from another issuer, and those of a client revoked moments ago. Tokens
 * with a valid signature but the wrong claims come from a second token-service process on the same keys with
 * that one setting changed.
 */
class TokenValidationIT {
    static String admin;
    static long partner;
    static PartnerPlatformApi.Credentials client;

    @BeforeAll
    static void partnerWithAClient() {
        RunningPlatform.get();
        admin = PartnerPlatformApi.adminToken();
        partner = PartnerPlatformApi.registerOrganisation(admin, "Validering AS", "PARTNER", null);
        client = PartnerPlatformApi.createClient(admin, partner, "validering-app", "PARTNER");
    }

    static int status(String token) {
        return given().auth().oauth2(token).get(RunningPlatform.url(Service.SETTLEMENT) + "/v1/settlement/partners/{p}/summary", partner)
                .then().extract().statusCode();
    }

    static String grant(String tokenServiceUrl, PartnerPlatformApi.Credentials credentials) {
        return given().auth().preemptive().basic(credentials.clientId(), credentials.clientSecret()).formParam("grant_type", "client_credentials")
                .post(tokenServiceUrl + "/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    /** A token from a second token-service on the same database and keys, with one setting changed. */
    static String tokenFromTwin(Map<String, String> setting) {
        try (ServiceProcess twin = RunningPlatform.get().startExtra(Service.TOKEN, "token-service-twin-" + setting.keySet().iterator().next(), setting)) {
            return grant(twin.baseUrl(), client);
        }
    }

    @Test
    void aTokenFromTokenServiceIsAccepted() {
        assertThat(status(grant(RunningPlatform.url(Service.TOKEN), client))).isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String shortLived = tokenFromTwin(Map.of("PLATFORM_TOKEN_LIFETIME", "PT3S"));
        assertThat(status(shortLived)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> status(shortLived) == 401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertThat(status(tokenFromTwin(Map.of("PLATFORM_TOKEN_AUDIENCE", "https://api.elsewhere.example")))).isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertThat(status(tokenFromTwin(Map.of("PLATFORM_TOKEN_ISSUER", "https://partner.elsewhere.example/")))).isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        JsonWebSignature genuine = new JsonWebSignature();
        genuine.setCompactSerialization(grant(RunningPlatform.url(Service.TOKEN), client));
        EllipticCurveJsonWebKey otherKey = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        JsonWebSignature forged = new JsonWebSignature();
        forged.setPayload(genuine.getUnverifiedPayload());
        forged.setKeyIdHeaderValue(genuine.getKeyIdHeaderValue());
        forged.setHeader("typ", "at+jwt");
        forged.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        forged.setKey(otherKey.getPrivateKey());
        assertThat(status(forged.getCompactSerialization())).isEqualTo(401);
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        JsonWebSignature genuine = new JsonWebSignature();
        genuine.setCompactSerialization(grant(RunningPlatform.url(Service.TOKEN), client));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + genuine.getKeyIdHeaderValue() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(genuine.getUnverifiedPayload().getBytes(StandardCharsets.UTF_8));
        assertThat(status(header + "." + payload + ".")).isEqualTo(401);
    }

    @Test
    void aRevokedClientsTokenIsRefusedWithinFiveSeconds() {
        PartnerPlatformApi.Credentials doomed = PartnerPlatformApi.createClient(admin, partner, "validering-doomed", "PARTNER");
        String token = grant(RunningPlatform.url(Service.TOKEN), doomed);
        assertThat(status(token)).isEqualTo(200);
        given().auth().oauth2(admin).post(RunningPlatform.url(Service.TOKEN) + "/v1/organisations/{o}/clients/{c}/revoke", partner, doomed.clientId())
                .then().statusCode(200);
        long revoked = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> status(token) == 401);
        System.out.printf("revoked client's token refused by settlement-service after %d ms%n", (System.nanoTime() - revoked) / 1_000_000);
        assertThat(status(grant(RunningPlatform.url(Service.TOKEN), client))).isEqualTo(200);
    }
}
