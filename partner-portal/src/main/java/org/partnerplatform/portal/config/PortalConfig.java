package org.partnerplatform.portal.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "platform.portal")
public interface PortalConfig {
    /** The portal's client secret in token-service (also signs its state and CSRF cookies). */
    String clientSecret();

    /** Whether cookies are sent over HTTPS only: everywhere but a developer's machine. */
    boolean secureCookies();

    /** Base64 of 32 bytes: encrypts a once-shown secret on its way from a form to the page after it. */
    String handOverKey();
}
