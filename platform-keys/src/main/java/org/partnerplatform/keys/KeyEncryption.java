package org.partnerplatform.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under a key-encryption key (KEK): how signing keys (token-service's, sales-service's ticket keys) are
 * kept at rest. Each encryption uses a fresh
 * random 12-byte IV; the caller's associated data (the kid) is authenticated, so a ciphertext copied to another
 * row does not decrypt.
 */
public final class KeyEncryption {
    public static final int KEY_BYTES = 32;
    public static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Decoded dev and test values start with this; such a key is refused in a production deployment. */
    static final byte[] DEV_ONLY_MARKER = "dev-only".getBytes(StandardCharsets.US_ASCII);

    private final SecretKey key;
    private final String fingerprint;
    private final SecureRandom random = new SecureRandom();

    public record Sealed(byte[] iv, byte[] ciphertext) {
    }

    private KeyEncryption(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key-encryption key must be " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.fingerprint = fingerprintOf(key);
    }

    public static KeyEncryption of(byte[] key) {
        return new KeyEncryption(key.clone());
    }

    /** From the configured base64 value; names the property, never the value, when it is unusable. */
    public static KeyEncryption fromBase64(String base64, String property) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(property + " must decode to " + KEY_BYTES + " bytes, not " + key.length);
        }
        return new KeyEncryption(key);
    }

    public boolean isDevOnly() {
        byte[] encoded = key.getEncoded();
        return Arrays.equals(encoded, 0, DEV_ONLY_MARKER.length, DEV_ONLY_MARKER, 0, DEV_ONLY_MARKER.length);
    }

    /** Identifies the KEK without revealing it: the first 8 bytes of its SHA-256, hex. */
    public String fingerprint() {
        return fingerprint;
    }

    public Sealed encrypt(byte[] plaintext, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new Sealed(iv, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption failed", e);
        }
    }

    public byte[] decrypt(Sealed sealed, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.iv()));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the encrypted key " + associatedData + " does not decrypt: tampered with, or moved from another row");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM decryption failed", e);
        }
    }

    private static String fingerprintOf(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
