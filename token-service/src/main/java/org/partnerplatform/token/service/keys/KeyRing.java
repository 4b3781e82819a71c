package org.partnerplatform.token.service.keys;

import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

/**
 * An immutable snapshot of the published keys, the JWKS made from them, and the keys that sign or will sign.
 * Replaced whole on reload.
 * <p>
 * Which key signs is decided by the clock, not by the last reload: the newest key whose activation time has
 * passed. So every replica that has loaded a NEXT key (published ahead by far more than the reload interval)
 * switches to it at its activation time, whether or not it has reloaded since.
 */
final class KeyRing {
    static final KeyRing EMPTY = new KeyRing(List.of(), List.of(), Instant.EPOCH);

    private final Map<String, PublishedKey> byKid = new LinkedHashMap<>();
    /** Newest activation first. */
    private final List<Signer> signers;
    private final String jwks;
    private final Instant loadedAt;

    KeyRing(List<PublishedKey> published, List<Signer> signers, Instant loadedAt) {
        published.forEach(key -> byKid.put(key.kid(), key));
        this.signers = signers.stream().sorted(Comparator.comparing(Signer::activatedAt).thenComparing(Signer::kid).reversed()).toList();
        this.jwks = toJwks(published);
        this.loadedAt = loadedAt;
    }

    Optional<Signer> signerAt(Instant now) {
        for (Signer signer : signers) {
            if (!signer.activatedAt().isAfter(now)) {
                return Optional.of(signer);
            }
        }
        return Optional.empty();
    }

    Optional<Signer> signer(String kid) {
        return signers.stream().filter(s -> s.kid().equals(kid)).findFirst();
    }

    Optional<PublishedKey> key(String kid) {
        return Optional.ofNullable(byKid.get(kid));
    }

    List<PublishedKey> published() {
        return List.copyOf(byKid.values());
    }

    String jwks() {
        return jwks;
    }

    Instant loadedAt() {
        return loadedAt;
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
