package org.partnerplatform.token.repository;

public enum OrganisationType {
    /** The platform itself; only organisation 1. */
    PLATFORM,
    PARTNER,
    OPERATOR
}
