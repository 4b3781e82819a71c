package org.partnerplatform.tickets;

import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

/** The ticket-keys JWKS document (RFC 7517): each published ticket key with its kid, {@code use: sig}, {@code alg: ES256}. */
public final class TicketJwks {

    private TicketJwks() {
    }

    /** The document of the keys, in the order given (newest first, by convention). */
    public static String of(Map<String, ECPublicKey> keysByKid) {
        List<JsonWebKey> keys = keysByKid.entrySet().stream().map(e -> {
            EllipticCurveJsonWebKey jwk = new EllipticCurveJsonWebKey(e.getValue());
            jwk.setKeyId(e.getKey());
            jwk.setUse("sig");
            jwk.setAlgorithm(TicketSigner.ALGORITHM);
            return (JsonWebKey) jwk;
        }).toList();
        return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
