package org.partnerplatform.token.service.oauth;

import java.time.Duration;

/**
 * An error response of the OAuth endpoints as RFC 6749 §5.2 defines it (not problem details: OAuth clients parse
 * {@code error} and {@code error_description}). invalid_client answers 401, slow_down 429 and
 * temporarily_unavailable 503 (both with Retry-After), everything else 400 unless given otherwise.
 */
public class OAuthException extends RuntimeException {
    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String UNAUTHORIZED_CLIENT = "unauthorized_client";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    public static final String INVALID_SCOPE = "invalid_scope";
    /** RFC 6749 §5.2: the authorization code is unknown, used, expired, or another client's or redirect URI's. */
    public static final String INVALID_GRANT = "invalid_grant";
    /** RFC 8707 §2: the requested audience (resource) is not this deployment's. */
    public static final String INVALID_TARGET = "invalid_target";
    /**
     * Too many failed authentications of this client id: wait Retry-After seconds. The code is the one RFC 8628
     * registered for "poll more slowly"; the status is 429 so that generic HTTP clients back off too.
     */
    public static final String SLOW_DOWN = "slow_down";
    /** RFC 6749 §4.1.2.1: the server cannot handle the request now (too many secret checks waiting). */
    public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

    private final String error;
    private final int status;
    private final Duration retryAfter;

    public OAuthException(String error, String description) {
        this(error, description, INVALID_CLIENT.equals(error) ? 401 : 400, null);
    }

    private OAuthException(String error, String description, int status, Duration retryAfter) {
        // No stack trace: these are answers to bad requests, not failures of the service.
        super(description, null, false, false);
        this.error = error;
        this.status = status;
        this.retryAfter = retryAfter;
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

    public static OAuthException invalidGrant(String description) {
        return new OAuthException(INVALID_GRANT, description);
    }

    public static OAuthException invalidScope(String description) {
        return new OAuthException(INVALID_SCOPE, description);
    }

    public static OAuthException slowDown(Duration retryAfter) {
        return new OAuthException(SLOW_DOWN, "too many failed authentications of this client id; retry after the delay", 429, retryAfter);
    }

    public static OAuthException temporarilyUnavailable(String description, Duration retryAfter) {
        return new OAuthException(TEMPORARILY_UNAVAILABLE, description, 503, retryAfter);
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public int status() {
        return status;
    }

    /** Whole seconds to wait (at least 1), for the Retry-After header; null when there is nothing to wait for. */
    public Long retryAfterSeconds() {
        if (retryAfter == null) {
            return null;
        }
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
