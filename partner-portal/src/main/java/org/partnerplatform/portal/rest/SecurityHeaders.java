package org.partnerplatform.portal.rest;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What every page is sent with: a Content-Security-Policy that allows only the portal's own style sheet and script
 * and forms posted to the portal, no framing, no referrer, and no caching (pages show an organisation's clients).
 * <p>
 * Forms may also lead to token-service's sign-in page: a form posted after the session ended is answered with a
 * redirect there, and browsers hold redirects of a form to {@code form-action} too.
 */
public class SecurityHeaders {
    private final String policy;

    public SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.authorization-path") Optional<String> authorizationPath,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        String signIn = origin(authorizationPath.filter(p -> p.startsWith("http")).orElse(authServerUrl));
        this.policy = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self' " + signIn
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    /** scheme://host[:port] of a URL. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Content-Security-Policy", policy);
        response.getHeaders().putSingle("X-Frame-Options", "DENY");
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("Referrer-Policy", "no-referrer");
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
