package org.partnerplatform.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/** P-256 (secp256r1) key pairs for ES256: generated, and decoded from their stored encodings (X.509, PKCS#8). */
public final class EcKeys {

    private EcKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 key generation is not available", e);
        }
    }

    public static PublicKey decodePublic(byte[] x509) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored public key is not an EC key", e);
        }
    }

    /** Decodes and then wipes the PKCS#8 bytes (they are a decrypted private key). */
    public static PrivateKey decodePrivate(byte[] pkcs8, String kid) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + kid + " is not an EC private key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }
}
