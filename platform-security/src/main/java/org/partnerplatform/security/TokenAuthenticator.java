package org.partnerplatform.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Verifies a token that did not come over HTTP (a partner's token on a Kafka record) exactly as the REST API
 * would: quarkus-oidc's verification (through the cache), then the revocation rules.
 */
@ApplicationScoped
public class TokenAuthenticator {
    private final TenantIdentityProvider oidc;
    private final VerifiedTokenCache cache;
    private final TokenPolicy policy;

    public TokenAuthenticator(TenantIdentityProvider oidc, VerifiedTokenCache cache, TokenPolicy policy) {
        this.oidc = oidc;
        this.cache = cache;
        this.policy = policy;
    }

    /** The verified identity; fails with AuthenticationFailedException for an invalid or refused token. */
    public Uni<SecurityIdentity> authenticate(String token) {
        Optional<VerifiedTokenCache.Entry> cached = cache.lookup(token);
        if (cached.isPresent()) {
            return Uni.createFrom().item(() -> {
                policy.admit(cached.get().identity(), Optional.empty());
                return cached.get().identity();
            });
        }
        return oidc.authenticate(new AccessTokenCredential(token)).invoke(identity -> policy.admit(identity, Optional.of(token)));
    }
}
