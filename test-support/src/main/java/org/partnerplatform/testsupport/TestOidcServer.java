package org.partnerplatform.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in authorization server for one service's own tests: it publishes a discovery document and a JWKS like
 * token-service does and signs ES256 access tokens with the same claims, so that the service under test validates
 * real tokens with quarkus-oidc. Tests of token-service itself and the system tests use the real thing.
 */
public final class TestOidcServer {
    public static final String AUDIENCE = "https://api.test.partnerplatform.local";
    public static final String ORGANISATION_CLAIM = "https://entur.io/organisationID";
    private static TestOidcServer instance;

    private final HttpServer server;
    private final EllipticCurveJsonWebKey key;
    private final EllipticCurveJsonWebKey foreignKey;
    private final String issuer;

    private TestOidcServer() {
        try {
            key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId("test-key-1");
            key.setUse("sig");
            key.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            foreignKey = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            foreignKey.setKeyId("test-key-1");
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, """
                    {"issuer":"%s","jwks_uri":"%s/.well-known/jwks.json","token_endpoint":"%s/oauth/token",
                     "grant_types_supported":["client_credentials"],"id_token_signing_alg_values_supported":["ES256"]}"""
                    .formatted(issuer, issuer, issuer)));
            server.createContext("/.well-known/jwks.json", exchange -> respond(exchange, new JsonWebKeySet(key).toJson()));
            server.start();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized TestOidcServer get() {
        if (instance == null) {
            instance = new TestOidcServer();
            TestOidcServer started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> started.server.stop(0), "test-oidc-stop"));
        }
        return instance;
    }

    public String issuer() {
        return issuer;
    }

    /** A valid access token for a client of the organisation, with the roles given. */
    public String token(String clientId, long organisationId, String... roles) {
        return sign(claims(clientId, organisationId, AUDIENCE, Duration.ofHours(1), roles), key);
    }

    public String expiredToken(String clientId, long organisationId, String... roles) {
        JwtClaims claims = claims(clientId, organisationId, AUDIENCE, Duration.ofHours(1), roles);
        claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(3600).getEpochSecond()));
        claims.setIssuedAt(NumericDate.fromSeconds(Instant.now().minusSeconds(7200).getEpochSecond()));
        return sign(claims, key);
    }

    public String tokenForAudience(String audience, String clientId, long organisationId, String... roles) {
        return sign(claims(clientId, organisationId, audience, Duration.ofHours(1), roles), key);
    }

    /** Signed by a key that is not published, under a published key id. */
    public String forgedToken(String clientId, long organisationId, String... roles) {
        return sign(claims(clientId, organisationId, AUDIENCE, Duration.ofHours(1), roles), foreignKey);
    }

    private JwtClaims claims(String clientId, long organisationId, String audience, Duration lifetime, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(clientId);
        claims.setAudience(audience);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetime.toMinutes());
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setClaim("client_id", clientId);
        claims.setClaim("azp", clientId);
        claims.setClaim("roles", List.of(roles));
        claims.setClaim(ORGANISATION_CLAIM, organisationId);
        return claims;
    }

    private static String sign(JwtClaims claims, EllipticCurveJsonWebKey signingKey) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey.getPrivateKey());
        jws.setKeyIdHeaderValue(signingKey.getKeyId());
        jws.setHeader("typ", "at+jwt");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
