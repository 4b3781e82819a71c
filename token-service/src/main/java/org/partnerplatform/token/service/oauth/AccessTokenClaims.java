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
 * <p>
 * {@link #json} writes them straight into a string, the form the token endpoint signs: it runs on every grant,
 * where a general JSON library costs more than all the rest of the claims' work. {@link #of} builds the same claims
 * as a jose4j object, for tests and tools; a test holds the two to the same content.
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

    /** The same claims as {@link #of}, as compact JSON. */
    public String json(String clientId, long organisationId, List<String> roles, Instant issuedAt, String jwtId) {
        return json(clientId, clientId, organisationId, roles, issuedAt, jwtId);
    }

    /** A token whose subject is not the client: a person signed in through a web client. */
    public String json(String subject, String clientId, long organisationId, List<String> roles, Instant issuedAt, String jwtId) {
        long iat = issuedAt.getEpochSecond();
        StringBuilder json = new StringBuilder(384);
        json.append("{\"iss\":");
        string(json, issuer);
        json.append(",\"sub\":");
        string(json, subject);
        json.append(",\"aud\":");
        string(json, audience);
        json.append(",\"iat\":").append(iat);
        json.append(",\"nbf\":").append(iat);
        json.append(",\"exp\":").append(issuedAt.plus(lifetime).getEpochSecond());
        json.append(",\"jti\":");
        string(json, jwtId);
        json.append(",\"client_id\":");
        string(json, clientId);
        json.append(",\"azp\":");
        string(json, clientId);
        json.append(",\"roles\":[");
        for (int i = 0; i < roles.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            string(json, roles.get(i));
        }
        json.append("],\"scope\":");
        string(json, String.join(" ", roles));
        json.append(',');
        string(json, organisationClaim);
        json.append(':').append(organisationId).append('}');
        return json.toString();
    }

    /** A JSON string (RFC 8259 §7): quotes, backslash and control characters escaped. */
    static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
