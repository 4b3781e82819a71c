package org.partnerplatform.token.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IssuerSettingsTest {

    @Test
    void issuerAndAudienceFollowTheEnvironmentAndDomain() {
        assertThat(IssuerSettings.defaultIssuer(PlatformEnvironment.STAGING, "partnerplatform.local"))
                .isEqualTo("https://partner.staging.partnerplatform.local/");
        assertThat(IssuerSettings.defaultAudience(PlatformEnvironment.STAGING, "partnerplatform.local"))
                .isEqualTo("https://api.staging.partnerplatform.local");
        assertThat(IssuerSettings.defaultIssuer(PlatformEnvironment.DEVELOPMENT, "example.org")).isEqualTo("https://partner.development.example.org/");
        assertThat(IssuerSettings.defaultAudience(PlatformEnvironment.PRODUCTION, "example.org")).isEqualTo("https://api.production.example.org");
    }
}
