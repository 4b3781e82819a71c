package org.partnerplatform.token.config;

import org.partnerplatform.events.Environment;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The identity of this authorization server: issuer, audience, token lifetime and organisation claim, with issuer
 * and audience derived from the environment and domain when they are not configured.
 * <p>
 * platform.environment and platform.domain are read as single properties, not as a mapping of the "platform"
 * prefix: such a mapping would claim every platform.* key, those of platform-messaging and platform-web included.
 */
@ApplicationScoped
public class IssuerSettings {
    private final Environment environment;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final String organisationClaim;

    public IssuerSettings(
            @ConfigProperty(name = "platform.environment", defaultValue = "STAGING") Environment environment,
            @ConfigProperty(name = "platform.domain", defaultValue = "partnerplatform.local") String domain,
            TokenConfig token) {
        this.environment = environment;
        this.issuer = token.issuer().orElseGet(() -> defaultIssuer(environment, domain));
        this.audience = token.audience().orElseGet(() -> defaultAudience(environment, domain));
        this.lifetime = token.lifetime();
        this.organisationClaim = token.organisationClaim();
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalStateException("platform.token.lifetime must be positive: " + lifetime);
        }
    }

    public static String defaultIssuer(Environment environment, String domain) {
        return "https://partner." + environment.label() + "." + domain + "/";
    }

    public static String defaultAudience(Environment environment, String domain) {
        return "https://api." + environment.label() + "." + domain;
    }

    public Environment environment() {
        return environment;
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String organisationClaim() {
        return organisationClaim;
    }
}
