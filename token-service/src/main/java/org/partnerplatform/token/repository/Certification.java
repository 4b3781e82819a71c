package org.partnerplatform.token.repository;

import java.util.List;

import org.partnerplatform.events.Environment;

/** Whether an organisation may work in PRODUCTION. Only CERTIFIED organisations get production clients and tokens. */
public enum Certification {
    NOT_CERTIFIED,
    IN_CERTIFICATION,
    CERTIFIED;

    /** Where an organisation of this certification may have clients and get tokens: PRODUCTION only once certified. */
    public List<Environment> environments() {
        return this == CERTIFIED ? List.of(Environment.values()) : List.of(Environment.DEVELOPMENT, Environment.STAGING);
    }
}
