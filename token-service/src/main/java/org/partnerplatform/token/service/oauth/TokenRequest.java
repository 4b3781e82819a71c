package org.partnerplatform.token.service.oauth;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A client credentials grant request (RFC 6749 §4.4), read from form or JSON parameters and the Authorization
 * header. Checks what can be checked without the client: parameters given once, the grant type, and one
 * authentication method only.
 */
public record TokenRequest(ClientCredentials credentials, Optional<String> audience, Optional<String> scope) {
    public static final String CLIENT_CREDENTIALS = "client_credentials";
    private static final Set<String> PARAMETERS = Set.of("grant_type", "client_id", "client_secret", "audience", "scope");

    public static TokenRequest of(Map<String, List<String>> parameters, String authorization) {
        for (String name : PARAMETERS) {
            if (parameters.getOrDefault(name, List.of()).size() > 1) {
                throw OAuthException.invalidRequest("the parameter " + name + " is given more than once");
            }
        }
        String grantType = single(parameters, "grant_type");
        if (grantType == null) {
            throw OAuthException.invalidRequest("the parameter grant_type is required");
        }
        if (!CLIENT_CREDENTIALS.equals(grantType)) {
            throw new OAuthException(OAuthException.UNSUPPORTED_GRANT_TYPE, "only the client_credentials grant is supported");
        }
        ClientCredentials credentials = ClientCredentials.of(parameters, authorization);
        return new TokenRequest(credentials, Optional.ofNullable(single(parameters, "audience")),
                Optional.ofNullable(single(parameters, "scope")));
    }

    /** The value of a parameter; absent and empty are the same (RFC 6749 §3.1). */
    public static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return values.isEmpty() || values.get(0) == null || values.get(0).isEmpty() ? null : values.get(0);
    }
}
