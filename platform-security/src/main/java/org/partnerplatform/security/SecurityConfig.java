package org.partnerplatform.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "platform.security")
public interface SecurityConfig {

    /** The access-token claim that carries the organisation id (the hub's name by default). */
    @WithDefault("https://entur.io/organisationID")
    String organisationClaim();

    TokenCache tokenCache();

    interface TokenCache {
        /** Keep already-verified tokens so that a partner reusing its token for hours is not re-verified each request. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("100000")
        long maximumSize();

        /**
         * How long a verified token is trusted without verifying its signature again (never beyond its exp). Bounds
         * how long a token signed by a key that token-service has withdrawn keeps working here.
         */
        @WithDefault("PT5M")
        Duration maxAge();
    }
}
