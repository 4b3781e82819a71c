package org.partnerplatform.token.service.keys;

import java.security.PublicKey;
import java.time.Instant;

import org.partnerplatform.token.repository.SigningKeyStatus;

/**
 * A key in the JWKS: what verifying a token needs, and its life: published from createdAt, signing from
 * activatedAt, retired at retiredAt, withdrawn at publishedUntil (null while it may still sign).
 */
public record PublishedKey(String kid, PublicKey publicKey, SigningKeyStatus status, Instant createdAt, Instant activatedAt,
        Instant retiredAt, Instant publishedUntil) {
}
