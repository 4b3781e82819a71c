package org.partnerplatform.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.partnerplatform.events.EventJson;

import io.restassured.path.json.JsonPath;

/**
 * Verifies an access token the way a resource server running quarkus-oidc does: discovery document first, then
 * the JWKS at its jwks_uri, then signature (ES256), typ, issuer (as discovered), audience and times.
 */
public final class AccessTokens {

    public record Verified(JwtClaims claims, JsonWebSignature jws, Map<String, Object> payload) {
    }

    private AccessTokens() {
    }

    public static Verified verify(String token, String audience) throws Exception {
        JsonPath discovery = given().get("/.well-known/openid-configuration").then().statusCode(200).extract().jsonPath();
        String jwks = given().get(discovery.getString("jwks_uri")).then().statusCode(200).extract().asString();
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "ES256")
                .setExpectedType(true, "at+jwt")
                .setExpectedIssuer(discovery.getString("issuer"))
                .setExpectedAudience(audience)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireNotBefore()
                .setRequireJwtId()
                .setRequireSubject()
                .build();
        JwtContext context = consumer.process(token);
        JsonWebSignature jws = (JsonWebSignature) context.getJoseObjects().get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = EventJson.mapper().readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
        return new Verified(context.getJwtClaims(), jws, payload);
    }

    /** Every header field and claim that RFC 9068 and the hub's resource servers rely on. */
    public static void assertAccessToken(Verified token, String issuer, String audience, String clientId, long organisationId,
            List<String> roles) throws Exception {
        assertThat(token.jws().getAlgorithmHeaderValue()).isEqualTo("ES256");
        assertThat(token.jws().getHeader("typ")).isEqualTo("at+jwt");
        assertThat(token.jws().getKeyIdHeaderValue()).isNotBlank();
        JwtClaims claims = token.claims();
        assertThat(claims.getIssuer()).isEqualTo(issuer);
        assertThat(claims.getSubject()).isEqualTo(clientId);
        assertThat(claims.getAudience()).containsExactly(audience);
        long now = System.currentTimeMillis() / 1000;
        assertThat(claims.getIssuedAt().getValue()).isBetween(now - 60, now + 5);
        assertThat(claims.getNotBefore().getValue()).isEqualTo(claims.getIssuedAt().getValue());
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(86_400);
        assertThat(claims.getJwtId()).isNotBlank();
        assertThat(claims.getStringClaimValue("client_id")).isEqualTo(clientId);
        assertThat(claims.getStringClaimValue("azp")).isEqualTo(clientId);
        assertThat(claims.getStringListClaimValue("roles")).containsExactlyElementsOf(roles);
        assertThat(claims.getStringClaimValue("scope")).isEqualTo(String.join(" ", roles));
        // A JSON number, not a string: the hub's resource servers read it as a number.
        assertThat(token.payload().get(TokenServiceApi.ORGANISATION_CLAIM)).isInstanceOf(Number.class);
        assertThat(((Number) token.payload().get(TokenServiceApi.ORGANISATION_CLAIM)).longValue()).isEqualTo(organisationId);
    }

    /** The claims token-service puts in a platform admin's token (organisation 1), for tests that forge tokens. */
    public static JwtClaims platformAdminClaims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TokenServiceApi.STAGING_ISSUER);
        claims.setAudience(TokenServiceApi.STAGING_AUDIENCE);
        claims.setSubject(TokenServiceApi.ADMIN_ID);
        claims.setIssuedAt(NumericDate.fromSeconds(Instant.now().getEpochSecond()));
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setClaim("client_id", TokenServiceApi.ADMIN_ID);
        claims.setClaim("azp", TokenServiceApi.ADMIN_ID);
        claims.setStringListClaim("roles", "PLATFORM_ADMIN");
        claims.setClaim(TokenServiceApi.ORGANISATION_CLAIM, 1);
        return claims;
    }

    /** Signs claims as an access token (typ at+jwt) with any key and algorithm, checked or not. */
    public static String sign(JwtClaims claims, java.security.Key key, String kid, String algorithm) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "at+jwt");
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }
}
