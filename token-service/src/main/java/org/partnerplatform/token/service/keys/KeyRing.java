package org.partnerplatform.token.service.keys;

import java.security.interfaces.ECPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

/** An immutable snapshot of the published keys, the JWKS made from them, and the current signer. Replaced whole on reload. */
final class KeyRing {
    static final KeyRing EMPTY = new KeyRing(List.of(), null);

    private final Map<String, PublishedKey> byKid = new LinkedHashMap<>();
    private final Signer signer;
    private final String jwks;

    KeyRing(List<PublishedKey> published, Signer signer) {
        published.forEach(key -> byKid.put(key.kid(), key));
        this.signer = signer;
        this.jwks = toJwks(published);
    }

    Optional<Signer> signer() {
        return Optional.ofNullable(signer);
    }

    Optional<PublishedKey> key(String kid) {
        return Optional.ofNullable(byKid.get(kid));
    }

    String jwks() {
        return jwks;
    }

    private static String toJwks(List<PublishedKey> published) {
        List<JsonWebKey> keys = published.stream().map(KeyRing::toJwk).toList();
        return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private static JsonWebKey toJwk(PublishedKey key) {
        EllipticCurveJsonWebKey jwk = new EllipticCurveJsonWebKey((ECPublicKey) key.publicKey());
        jwk.setKeyId(key.kid());
        jwk.setUse("sig");
        jwk.setAlgorithm(SigningKeys.ALGORITHM);
        return jwk;
    }
}
