package org.partnerplatform.token.service.oauth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A client id and secret as presented, by HTTP Basic or in the body. The secret never appears in toString. */
public record ClientCredentials(String clientId, String secret, Method method) {

    /**
     * The credentials of a token or introspection request: from a Basic header, or client_id and client_secret
     * parameters; null when there are none. RFC 6749 §2.3: one method per request; a client_id beside Basic is
     * tolerated if it agrees.
     */
    public static ClientCredentials of(Map<String, List<String>> parameters, String authorization) {
        String bodyClientId = TokenRequest.single(parameters, "client_id");
        String bodySecret = TokenRequest.single(parameters, "client_secret");
        Optional<ClientCredentials> basic = BasicCredentials.parse(authorization);
        if (basic.isPresent()) {
            if (bodySecret != null || (bodyClientId != null && !bodyClientId.equals(basic.get().clientId()))) {
                throw OAuthException.invalidRequest("client credentials are given both in the Authorization header and in the body");
            }
            return basic.get();
        }
        if (bodyClientId != null || bodySecret != null) {
            return new ClientCredentials(bodyClientId, bodySecret, Method.BODY);
        }
        return null;
    }

    public enum Method {
        /** client_secret_basic (RFC 6749 §2.3.1) */
        BASIC,
        /** client_secret_post: client_id and client_secret in the body */
        BODY
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", method=" + method + ", secret=***]";
    }
}
