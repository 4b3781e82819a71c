package org.partnerplatform.token.service;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers and secrets that travel unescaped in URLs, forms and Basic credentials. */
public final class RandomValues {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int IDENTIFIER_LENGTH = 22;

    private RandomValues() {
    }

    /** 256 bits, base64url: a client secret (43 characters). */
    public static String secret() {
        byte[] value = new byte[32];
        RANDOM.nextBytes(value);
        return ENCODER.encodeToString(value);
    }

    /**
     * About 131 bits as 22 letters and digits: a client id or a key id. Alphanumeric rather than base64url so that
     * an id never starts with a hyphen, which command-line tools would take for an option.
     */
    public static String identifier() {
        StringBuilder id = new StringBuilder(IDENTIFIER_LENGTH);
        for (int i = 0; i < IDENTIFIER_LENGTH; i++) {
            id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }
}
