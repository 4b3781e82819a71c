package org.partnerplatform.token.service.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * The claims of an access token (RFC 9068 profile, plus what the hub's resource servers read): iss, sub and
 * client_id and azp (the client), aud, iat, nbf, exp, jti, roles (array), scope (space-separated) and the
 * organisation as a number under the configured claim name.
 */
public record AccessTokenClaims(String issuer, String audience, String organisationClaim, Duration lifetime) {

    public JwtClaims of(String clientId, long organisationId, List<String> roles, Instant issuedAt, String jwtId) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(clientId);
        claims.setAudience(audience);
        NumericDate now = NumericDate.fromSeconds(issuedAt.getEpochSecond());
        claims.setIssuedAt(now);
        claims.setNotBefore(now);
        claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.plus(lifetime).getEpochSecond()));
        claims.setJwtId(jwtId);
        claims.setClaim("client_id", clientId);
        claims.setClaim("azp", clientId);
        claims.setStringListClaim("roles", roles);
        claims.setClaim("scope", String.join(" ", roles));
        claims.setClaim(organisationClaim, organisationId);
        return claims;
    }
}
