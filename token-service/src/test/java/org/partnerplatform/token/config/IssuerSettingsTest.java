package org.partnerplatform.token.config;

import org.partnerplatform.events.Environment;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IssuerSettingsTest {

    @Test
    void issuerAndAudienceFollowTheEnvironmentAndDomain() {
        assertThat(IssuerSettings.defaultIssuer(Environment.STAGING, "partnerplatform.local"))
                .isEqualTo("https://partner.staging.partnerplatform.local/");
        assertThat(IssuerSettings.defaultAudience(Environment.STAGING, "partnerplatform.local"))
                .isEqualTo("https://api.staging.partnerplatform.local");
        assertThat(IssuerSettings.defaultIssuer(Environment.DEVELOPMENT, "example.org")).isEqualTo("https://partner.development.example.org/");
        assertThat(IssuerSettings.defaultAudience(Environment.PRODUCTION, "example.org")).isEqualTo("https://api.production.example.org");
    }
}
