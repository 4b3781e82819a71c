package org.partnerplatform.token.service.keys;

import java.security.PrivateKey;
import java.time.Instant;

/** A key that signs tokens from activatedAt on (until a later one activates), decrypted, held only in memory. */
public record Signer(String kid, String algorithm, PrivateKey privateKey, Instant activatedAt) {

    @Override
    public String toString() {
        return "Signer[kid=" + kid + ", algorithm=" + algorithm + ", activatedAt=" + activatedAt + "]";
    }
}
