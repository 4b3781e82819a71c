package org.partnerplatform.token.repository;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerplatform.events.Environment;

class CertificationTest {

    @Test
    void onlyACertifiedOrganisationWorksInProduction() {
        assertThat(Certification.NOT_CERTIFIED.environments()).containsExactly(Environment.DEVELOPMENT, Environment.STAGING);
        assertThat(Certification.IN_CERTIFICATION.environments()).containsExactly(Environment.DEVELOPMENT, Environment.STAGING);
        assertThat(Certification.CERTIFIED.environments()).containsExactly(Environment.DEVELOPMENT, Environment.STAGING, Environment.PRODUCTION);
    }
}
