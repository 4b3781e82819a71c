package org.partnerplatform.token.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** RFC 6749 §5.2 error response. */
public record OAuthErrorResponse(
        @JsonProperty("error") String error,
        @JsonProperty("error_description") String errorDescription) {
}
