package org.partnerplatform.tickets;

import java.security.PrivateKey;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/** Signs a ticket's claims as a compact JWS: ES256 (P-256), the key's id in {@code kid}, {@code typ} {@value #TYPE}. */
public final class TicketSigner {
    public static final String ALGORITHM = AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;
    public static final String TYPE = "ticket+jwt";

    private TicketSigner() {
    }

    public static String sign(TicketClaims claims, String kid, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJwt().toJson());
        jws.setAlgorithmHeaderValue(ALGORITHM);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", TYPE);
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("signing ticket " + claims.ticketId() + " failed", e);
        }
    }
}
