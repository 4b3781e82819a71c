package org.partnerplatform.token.repository;

public enum SigningKeyStatus {
    /** Published ahead of a rotation; signs from its activation time on (then becomes ACTIVE). */
    NEXT,
    /** Published; the newest ACTIVE (or NEXT) key whose activation time has passed signs. */
    ACTIVE,
    /** Signs no more; stays published until the last token it signed has expired. */
    RETIRED
}
