package org.partnerplatform.token.rest;

import java.time.Instant;

import org.partnerplatform.token.repository.SigningKeyStatus;
import org.partnerplatform.token.service.keys.PublishedKey;

/** A published signing key's life: published from publishedAt, signing from activatedAt, withdrawn at publishedUntil. */
public record SigningKeyView(String kid, SigningKeyStatus status, Instant publishedAt, Instant activatedAt, Instant retiredAt,
        Instant publishedUntil, boolean signsNow) {

    static SigningKeyView of(PublishedKey key, String signingKid) {
        return new SigningKeyView(key.kid(), key.status(), key.createdAt(), key.activatedAt(), key.retiredAt(), key.publishedUntil(),
                key.kid().equals(signingKid));
    }
}
