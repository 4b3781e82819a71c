package org.partnerplatform.token.repository;

/** A removed person cannot sign in; the row stays, for the audit of what it did. */
public enum PersonStatus {
    ACTIVE,
    REMOVED
}
