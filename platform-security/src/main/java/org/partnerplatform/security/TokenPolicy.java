package org.partnerplatform.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The platform's rules beyond a valid signature, applied to every verified token, over HTTP and over Kafka. */
@ApplicationScoped
public class TokenPolicy {
    private static final Logger LOG = Logger.getLogger(TokenPolicy.class);

    private final RevocationRegistry revocations;
    private final VerifiedTokenCache cache;
    private final SecurityConfig config;

    public TokenPolicy(RevocationRegistry revocations, VerifiedTokenCache cache, SecurityConfig config) {
        this.revocations = revocations;
        this.cache = cache;
        this.config = config;
    }

    /**
     * Throws {@link AuthenticationFailedException} for a token the rules refuse; otherwise, when the raw token is
     * given (a fresh verification), remembers it as verified.
     */
    public void admit(SecurityIdentity identity, Optional<String> freshlyVerifiedToken) {
        Optional<TokenFacts> facts = TokenFacts.of(identity, config.organisationClaim());
        if (facts.isEmpty()) {
            return;
        }
        Optional<String> refusal = revocations.refusal(facts.get());
        if (refusal.isPresent()) {
            LOG.debugf("refusing a token: %s", refusal.get());
            throw new AuthenticationFailedException(refusal.get());
        }
        freshlyVerifiedToken.ifPresent(token -> cache.remember(token, identity, facts.get()));
    }
}
