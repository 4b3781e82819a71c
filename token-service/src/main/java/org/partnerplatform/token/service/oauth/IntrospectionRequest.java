package org.partnerplatform.token.service.oauth;

import java.util.List;
import java.util.Map;

/**
 * A token introspection request (RFC 7662 §2.1): the token, an optional token_type_hint (ignored: there is one
 * kind of token here), and the calling resource server's client credentials.
 */
public record IntrospectionRequest(ClientCredentials credentials, String token) {

    public static IntrospectionRequest of(Map<String, List<String>> parameters, String authorization) {
        for (String name : List.of("token", "token_type_hint", "client_id", "client_secret")) {
            if (parameters.getOrDefault(name, List.of()).size() > 1) {
                throw OAuthException.invalidRequest("the parameter " + name + " is given more than once");
            }
        }
        String token = TokenRequest.single(parameters, "token");
        if (token == null) {
            throw OAuthException.invalidRequest("the parameter token is required");
        }
        return new IntrospectionRequest(ClientCredentials.of(parameters, authorization), token);
    }

    @Override
    public String toString() {
        return "IntrospectionRequest[credentials=" + credentials + ", token=***]";
    }
}
