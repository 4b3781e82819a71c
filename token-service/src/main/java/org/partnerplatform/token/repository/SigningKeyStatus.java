package org.partnerplatform.token.repository;

public enum SigningKeyStatus {
    /** Published, and signing from its activation time on. */
    ACTIVE,
    /** Signs no more; stays published until the last token it signed has expired. */
    RETIRED
}
