package org.partnerplatform.token.repository;

public enum OrganisationStatus {
    ACTIVE,
    /** Gets no new clients and no tokens. */
    SUSPENDED
}
