package org.partnerplatform.token.service.oauth;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerplatform.token.service.signin.AuthorizationCodeGrant;

import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Token grants, by grant type and outcome: issued, or refused with the OAuth error code (invalid_client is a
 * partner with a wrong or revoked secret, or someone guessing; slow_down the throttle at work). The common series
 * exist from the start, at zero.
 */
// Created at start-up, not at first use: its metrics exist (at zero) before anything happened.
@Startup
@ApplicationScoped
public class TokenMetrics {
    static final String GRANTS = "platform.token.grants";
    private final MeterRegistry registry;

    public TokenMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String grantType : new String[] { "client_credentials", AuthorizationCodeGrant.GRANT_TYPE }) {
            counter(grantType, "issued", "none");
            counter(grantType, "refused", OAuthException.INVALID_CLIENT);
        }
    }

    /** Counts the grant's outcome when it is known. */
    public <T> Uni<T> count(String grantType, Uni<T> grant) {
        return grant.invoke(issued -> counter(grantType, "issued", "none").increment())
                .onFailure().invoke(e -> counter(grantType, "refused", e instanceof OAuthException o ? o.error() : "other").increment());
    }

    private Counter counter(String grantType, String outcome, String error) {
        return Counter.builder(GRANTS).description("Token grants by grant type, outcome and OAuth error")
                .tags("grant_type", grantType, "outcome", outcome, "error", error).register(registry);
    }
}
