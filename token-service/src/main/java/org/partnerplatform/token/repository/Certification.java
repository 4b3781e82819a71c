package org.partnerplatform.token.repository;

/** Whether an organisation may work in PRODUCTION. Only CERTIFIED organisations get production clients and tokens. */
public enum Certification {
    NOT_CERTIFIED,
    IN_CERTIFICATION,
    CERTIFIED
}
