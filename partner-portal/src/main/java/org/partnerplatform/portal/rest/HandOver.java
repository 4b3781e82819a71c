package org.partnerplatform.portal.rest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import org.partnerplatform.keys.KeyEncryption;
import org.partnerplatform.portal.config.PortalConfig;

/**
 * Hands a once-shown secret from the form that made it to the page that shows it (post, redirect, get), without
 * keeping it anywhere: an AES-256-GCM sealed, HttpOnly, SameSite=Strict cookie for that page's path only, bound to
 * the person and the client, living a minute, and cleared by the page that reads it. A reload finds no cookie, so
 * the secret is never shown twice; any replica can read it.
 */
@ApplicationScoped
public class HandOver {
    static final String COOKIE = "portal_secret";
    private static final int MAX_AGE_SECONDS = 60;

    private final KeyEncryption encryption;
    private final boolean secure;

    public HandOver(PortalConfig config) {
        this.encryption = KeyEncryption.fromBase64(config.handOverKey(), "platform.portal.hand-over-key");
        this.secure = config.secureCookies();
    }

    public NewCookie seal(String secret, String person, String clientId, String path) {
        KeyEncryption.Sealed sealed = encryption.encrypt(secret.getBytes(StandardCharsets.UTF_8), person + "/" + clientId);
        byte[] value = ByteBuffer.allocate(sealed.iv().length + sealed.ciphertext().length).put(sealed.iv()).put(sealed.ciphertext()).array();
        return cookie(Base64.getUrlEncoder().withoutPadding().encodeToString(value), path, MAX_AGE_SECONDS);
    }

    /** The secret in the cookie, if it is there and was sealed for this person and client. */
    public Optional<String> open(String cookie, String person, String clientId) {
        if (cookie == null || cookie.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] value = Base64.getUrlDecoder().decode(cookie);
            byte[] iv = java.util.Arrays.copyOf(value, KeyEncryption.IV_BYTES);
            byte[] ciphertext = java.util.Arrays.copyOfRange(value, KeyEncryption.IV_BYTES, value.length);
            return Optional.of(new String(encryption.decrypt(new KeyEncryption.Sealed(iv, ciphertext), person + "/" + clientId),
                    StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public NewCookie cleared(String path) {
        return cookie("", path, 0);
    }

    private NewCookie cookie(String value, String path, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path(path).maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
