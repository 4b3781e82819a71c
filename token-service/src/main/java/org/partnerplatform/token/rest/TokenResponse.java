package org.partnerplatform.token.rest;

import org.partnerplatform.token.service.oauth.IssuedToken;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * RFC 6749 §5.1 successful token response. The token endpoint writes it with {@link #json} (every grant; the values
 * are a JWS, a number and role names, none of which needs escaping); the record documents it in the OpenAPI.
 */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("scope") String scope) {

    static String json(IssuedToken token) {
        return "{\"access_token\":\"" + token.accessToken() + "\",\"token_type\":\"Bearer\",\"expires_in\":" + token.expiresIn()
                + ",\"scope\":\"" + token.scope() + "\"}";
    }

    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
