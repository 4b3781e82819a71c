package org.partnerplatform.catalog.repository;

/** What an agreement lets the partner do with the operator's products (a NeTEx DistributionAssignment's rights). */
public enum AgreementRight {
    SELL, REFUND
}
