package org.partnerplatform.token.service.oauth;

/** A signed access token and what the token response says about it. */
public record IssuedToken(String accessToken, long expiresIn, String scope) {

    @Override
    public String toString() {
        return "IssuedToken[expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
