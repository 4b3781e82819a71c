package org.partnerplatform.token.service.keys;

import java.security.PrivateKey;

/** The key that signs tokens now, decrypted, held only in memory. */
public record Signer(String kid, String algorithm, PrivateKey privateKey) {

    @Override
    public String toString() {
        return "Signer[kid=" + kid + ", algorithm=" + algorithm + "]";
    }
}
