package org.partnerplatform.token.service.oauth;

/**
 * An error response of the token endpoint as RFC 6749 §5.2 defines it (not problem details: OAuth clients parse
 * {@code error} and {@code error_description}). invalid_client answers 401, everything else 400.
 */
public class OAuthException extends RuntimeException {
    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String UNAUTHORIZED_CLIENT = "unauthorized_client";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    public static final String INVALID_SCOPE = "invalid_scope";
    /** RFC 8707 §2: the requested audience (resource) is not this deployment's. */
    public static final String INVALID_TARGET = "invalid_target";

    private final String error;

    public OAuthException(String error, String description) {
        // No stack trace: these are answers to bad requests, not failures of the service.
        super(description, null, false, false);
        this.error = error;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(INVALID_REQUEST, description);
    }

    public static OAuthException invalidClient(String description) {
        return new OAuthException(INVALID_CLIENT, description);
    }

    public static OAuthException unauthorizedClient(String description) {
        return new OAuthException(UNAUTHORIZED_CLIENT, description);
    }

    public static OAuthException invalidScope(String description) {
        return new OAuthException(INVALID_SCOPE, description);
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public int status() {
        return INVALID_CLIENT.equals(error) ? 401 : 400;
    }
}
