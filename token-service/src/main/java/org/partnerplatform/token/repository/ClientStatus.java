package org.partnerplatform.token.repository;

public enum ClientStatus {
    ACTIVE,
    /** Final: gets no tokens, and tokens it already holds are refused. */
    REVOKED
}
