package org.partnerplatform.token.config;

import java.util.Locale;

/** The environment a deployment serves. A client works only against the token service of the environment it was created in. */
public enum PlatformEnvironment {
    DEVELOPMENT,
    STAGING,
    PRODUCTION;

    /** The host label of this environment in issuer and audience URLs ("staging" in https://partner.staging.example/). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
