package org.partnerplatform.token.service.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads client credentials from an Authorization header. RFC 6749 §2.3.1: the client id and secret are each
 * form-urlencoded before they are joined with a colon and base64-encoded, so both may contain any character.
 */
public final class BasicCredentials {
    private static final String SCHEME = "Basic";

    private BasicCredentials() {
    }

    /** Empty without a header; the credentials for a valid Basic header; invalid_client for anything else. */
    public static Optional<ClientCredentials> parse(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String header = authorization.trim();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase(SCHEME)) {
            throw OAuthException.invalidClient("the token endpoint accepts HTTP Basic client authentication only");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(space + 1).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw malformed();
        }
        String clientId = formDecode(decoded.substring(0, colon));
        String secret = formDecode(decoded.substring(colon + 1));
        if (clientId.isEmpty() || secret.isEmpty()) {
            throw malformed();
        }
        return Optional.of(new ClientCredentials(clientId, secret, ClientCredentials.Method.BASIC));
    }

    private static String formDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static OAuthException malformed() {
        return OAuthException.invalidClient("the Authorization header does not hold Basic client credentials");
    }
}
