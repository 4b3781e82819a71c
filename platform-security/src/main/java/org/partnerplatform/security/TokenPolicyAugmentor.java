package org.partnerplatform.security;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Runs after every bearer-token authentication, cached or not: refuses the tokens of revoked clients and
 * suspended organisations (401), and remembers freshly verified tokens in {@link VerifiedTokenCache}.
 */
@ApplicationScoped
public class TokenPolicyAugmentor implements SecurityIdentityAugmentor {
    private final TokenPolicy policy;

    public TokenPolicyAugmentor(TokenPolicy policy) {
        this.policy = policy;
    }

    @Override
    public int priority() {
        // After any augmentor that adds roles, so that the cached identity is the complete one.
        return -100;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context, Map<String, Object> attributes) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        boolean fromCache = Boolean.TRUE.equals(identity.getAttribute(CachedTokenIdentityProvider.FROM_CACHE));
        try {
            policy.admit(identity, credential == null || fromCache ? Optional.empty() : Optional.of(credential.getToken()));
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().item(identity);
    }
}
