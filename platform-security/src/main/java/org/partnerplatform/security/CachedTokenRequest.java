package org.partnerplatform.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token that {@link VerifiedTokenCache} holds as already verified. */
final class CachedTokenRequest extends BaseAuthenticationRequest {
    private final String token;

    CachedTokenRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}
