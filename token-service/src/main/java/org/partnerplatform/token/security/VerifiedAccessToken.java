package org.partnerplatform.token.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * A verified access token as the principal of a request, so that platform-web's Caller reads it exactly as it
 * reads a token verified by quarkus-oidc in the other services. Numbers come back as Long, arrays as List.
 */
public final class VerifiedAccessToken implements JsonWebToken {
    private final String raw;
    private final JwtClaims claims;

    public VerifiedAccessToken(String raw, JwtClaims claims) {
        this.raw = raw;
        this.claims = claims;
    }

    @Override
    public String getName() {
        return getSubject();
    }

    @Override
    public String getSubject() {
        try {
            return claims.getSubject();
        } catch (MalformedClaimException e) {
            return null;
        }
    }

    @Override
    public String getRawToken() {
        return raw;
    }

    @Override
    public Set<String> getAudience() {
        try {
            return claims.hasAudience() ? new HashSet<>(claims.getAudience()) : null;
        } catch (MalformedClaimException e) {
            return null;
        }
    }

    @Override
    public Set<String> getGroups() {
        return new HashSet<>(roles());
    }

    /** Every claim, as verified. */
    public JwtClaims claims() {
        return claims;
    }

    public List<String> roles() {
        Object roles = claims.getClaimValue("roles");
        return roles instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new HashSet<>(claims.getClaimNames());
        names.add(Claims.raw_token.name());
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        if (Claims.raw_token.name().equals(claimName)) {
            return (T) raw;
        }
        return (T) claims.getClaimValue(claimName);
    }

    @Override
    public String toString() {
        return "VerifiedAccessToken[sub=" + getSubject() + "]";
    }
}
