package org.partnerplatform.token;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * A resource server's view of the JWKS, as quarkus-oidc keeps it: read once, reread only when a token names a kid
 * it does not know (or never, for a snapshot). Thread-safe; counts rereads.
 */
final class ResourceServerKeys {
    private final HttpClient http;
    private final URI jwksUri;
    private final boolean refreshOnUnknownKid;
    private final AtomicInteger reads = new AtomicInteger();
    private final JwtConsumer consumer;
    private volatile List<JsonWebKey> keys;

    private ResourceServerKeys(HttpClient http, URI jwksUri, boolean refreshOnUnknownKid) throws Exception {
        this.http = http;
        this.jwksUri = jwksUri;
        this.refreshOnUnknownKid = refreshOnUnknownKid;
        this.keys = fetch();
        this.consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "ES256")
                .setVerificationKeyResolver((jws, nesting) -> resolve(jws.getKeyIdHeaderValue()))
                .setExpectedType(true, "at+jwt")
                .setExpectedIssuer(TokenServiceApi.STAGING_ISSUER)
                .setExpectedAudience(TokenServiceApi.STAGING_AUDIENCE)
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(30)
                .build();
    }

    static ResourceServerKeys refreshingOnUnknownKid(HttpClient http, URI jwksUri) throws Exception {
        return new ResourceServerKeys(http, jwksUri, true);
    }

    static ResourceServerKeys snapshot(HttpClient http, URI jwksUri) throws Exception {
        return new ResourceServerKeys(http, jwksUri, false);
    }

    JwtClaims verify(String token) throws Exception {
        return consumer.processToClaims(token);
    }

    boolean publishes(String kid) {
        return keys.stream().anyMatch(k -> kid.equals(k.getKeyId()));
    }

    int reads() {
        return reads.get();
    }

    private java.security.Key resolve(String kid) throws UnresolvableKeyException {
        java.security.Key key = find(kid);
        if (key == null && refreshOnUnknownKid) {
            synchronized (this) {
                key = find(kid);
                if (key == null) {
                    try {
                        keys = fetch();
                    } catch (Exception e) {
                        throw new UnresolvableKeyException("rereading the JWKS failed: " + e);
                    }
                    key = find(kid);
                }
            }
        }
        if (key == null) {
            throw new UnresolvableKeyException("no key " + kid + " in the JWKS");
        }
        return key;
    }

    private java.security.Key find(String kid) {
        for (JsonWebKey key : keys) {
            if (kid.equals(key.getKeyId())) {
                return key.getKey();
            }
        }
        return null;
    }

    private List<JsonWebKey> fetch() throws Exception {
        reads.incrementAndGet();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(jwksUri).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("JWKS answered " + response.statusCode());
        }
        return new JsonWebKeySet(response.body()).getJsonWebKeys();
    }
}
