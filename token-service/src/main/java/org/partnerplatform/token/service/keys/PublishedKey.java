package org.partnerplatform.token.service.keys;

import java.security.PublicKey;
import java.time.Instant;

import org.partnerplatform.token.repository.SigningKeyStatus;

/** A key in the JWKS: what verifying a token needs. */
public record PublishedKey(String kid, PublicKey publicKey, SigningKeyStatus status, Instant activatedAt, Instant retiredAt) {
}
