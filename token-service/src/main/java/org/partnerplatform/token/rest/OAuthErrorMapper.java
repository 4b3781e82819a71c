package org.partnerplatform.token.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.partnerplatform.token.service.oauth.OAuthException;

/**
 * Token endpoint errors in RFC 6749 §5.2 form, which OAuth client libraries parse (not problem details).
 * invalid_client answers 401 with a Basic challenge, as §5.2 asks when the client may use the Authorization header;
 * slow_down (429) and temporarily_unavailable (503) say how long to wait in Retry-After (RFC 9110 §10.2.3).
 */
public class OAuthErrorMapper {
    static final String REALM = "Basic realm=\"token-service\"";

    @ServerExceptionMapper
    public Response oauthError(OAuthException e) {
        Response.ResponseBuilder response = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(new OAuthErrorResponse(e.error(), e.description()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache");
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, REALM);
        }
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        return response.build();
    }
}
