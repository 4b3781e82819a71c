package org.partnerplatform.catalog.repository;

/** DRAFT -> ACTIVE <-> SUSPENDED, and any of them -> TERMINATED, which is final. Only ACTIVE lets a partner sell. */
public enum AgreementStatus {
    DRAFT, ACTIVE, SUSPENDED, TERMINATED
}
