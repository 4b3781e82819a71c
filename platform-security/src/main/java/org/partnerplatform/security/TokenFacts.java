package org.partnerplatform.security;

import java.time.Instant;
import java.util.Optional;

import org.partnerplatform.web.TokenClaims;

import io.quarkus.security.identity.SecurityIdentity;

/** What the revocation rules need to know about a verified token. */
record TokenFacts(String clientId, Optional<Long> organisationId, Instant issuedAt, Instant expiresAt) {

    static Optional<TokenFacts> of(SecurityIdentity identity, String organisationClaim) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt)) {
            return Optional.empty();
        }
        return Optional.of(new TokenFacts(TokenClaims.clientId(jwt), TokenClaims.organisation(jwt, organisationClaim),
                Instant.ofEpochSecond(jwt.getIssuedAtTime()), Instant.ofEpochSecond(jwt.getExpirationTime())));
    }
}
