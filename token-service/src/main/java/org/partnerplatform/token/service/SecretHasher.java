package org.partnerplatform.token.service;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 hashes of client secrets. The stored form names algorithm, iterations and salt
 * ({@code pbkdf2-sha256$600000$<salt>$<hash>}, base64 without padding) so that the cost can be raised later
 * without invalidating existing hashes. Slow on purpose (about 125 ms at 600,000 iterations): never call it on
 * an event-loop thread.
 */
public final class SecretHasher {
    public static final String ALGORITHM = "pbkdf2-sha256";
    /** OWASP's current recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final int iterations;
    private final SecureRandom random;

    public SecretHasher(int iterations, SecureRandom random) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
        this.random = random;
    }

    public SecretHasher() {
        this(DEFAULT_ITERATIONS, new SecureRandom());
    }

    public String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return ALGORITHM + "$" + iterations + "$" + ENCODER.encodeToString(salt) + "$"
                + ENCODER.encodeToString(pbkdf2(secret, salt, iterations, HASH_BYTES));
    }

    /** True when the secret matches; false for a wrong secret and for a stored value this hasher cannot read. */
    public boolean verify(String secret, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = DECODER.decode(parts[2]);
            byte[] expected = DECODER.decode(parts[3]);
            if (storedIterations < 1 || expected.length == 0) {
                return false;
            }
            // Constant-time comparison: the time taken says nothing about how much of the hash matched.
            return MessageDigest.isEqual(expected, pbkdf2(secret, salt, storedIterations, expected.length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] pbkdf2(String secret, byte[] salt, int iterations, int length) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, length * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
