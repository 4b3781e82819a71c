package org.partnerplatform.token.service.signin;

/** What the token endpoint answers a web client for a person: an access token and an ID token. */
public record PersonTokens(String accessToken, long expiresIn, String scope, String idToken) {

    @Override
    public String toString() {
        return "PersonTokens[expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
