package org.partnerplatform.token.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.partnerplatform.token.config.IssuerSettings;
import org.partnerplatform.token.repository.Role;
import org.partnerplatform.token.service.keys.SigningKeys;

/**
 * Discovery (OpenID Connect Discovery 1.0 and RFC 8414) and the JWKS, which resource servers running quarkus-oidc
 * read. The issuer is the configured identifier; endpoint URLs are built from the request's own base URL, since
 * the issuer need not be reachable (locally it is not). X-Forwarded-* headers count only where
 * quarkus.http.proxy.proxy-address-forwarding is enabled.
 */
@Path("/.well-known")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {
    static final String JWKS_PATH = ".well-known/jwks.json";
    static final String TOKEN_PATH = "oauth/token";
    static final String INTROSPECTION_PATH = "oauth/introspect";
    static final String AUTHORIZATION_PATH = "oauth/authorize";
    static final String END_SESSION_PATH = "oauth/logout";

    private final IssuerSettings settings;
    private final SigningKeys keys;

    public DiscoveryResource(IssuerSettings settings, SigningKeys keys) {
        this.settings = settings;
        this.keys = keys;
    }

    @GET
    @Path("/openid-configuration")
    @Operation(summary = "OpenID Connect discovery document")
    public Map<String, Object> openidConfiguration(@Context UriInfo uri) {
        return metadata(uri.getBaseUri());
    }

    @GET
    @Path("/oauth-authorization-server")
    @Operation(summary = "OAuth 2.0 authorization server metadata (RFC 8414)")
    public Map<String, Object> authorizationServer(@Context UriInfo uri) {
        return metadata(uri.getBaseUri());
    }

    @GET
    @Path("/jwks.json")
    @Operation(summary = "The public keys that verify access tokens (RFC 7517)")
    public Response jwks() {
        // Short caching: a key published ahead of a rotation reaches resource servers well before it signs.
        return Response.ok(keys.jwks()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + keys.jwksMaxAge().toSeconds()).build();
    }

    private Map<String, Object> metadata(URI base) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", settings.issuer());
        metadata.put("authorization_endpoint", root + AUTHORIZATION_PATH);
        metadata.put("token_endpoint", root + TOKEN_PATH);
        metadata.put("jwks_uri", root + JWKS_PATH);
        metadata.put("introspection_endpoint", root + INTROSPECTION_PATH);
        metadata.put("end_session_endpoint", root + END_SESSION_PATH);
        metadata.put("grant_types_supported", List.of("client_credentials", "authorization_code"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        metadata.put("introspection_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        // Persons sign in with the code flow and PKCE only (RFC 9700 §2.1.1): no implicit flow, no plain challenges.
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("response_modes_supported", List.of("query"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("authorization_response_iss_parameter_supported", true);
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of(SigningKeys.ALGORITHM));
        List<String> scopes = new ArrayList<>(List.of("openid", "profile", "email"));
        Arrays.stream(Role.values()).map(Role::claimValue).forEach(scopes::add);
        metadata.put("scopes_supported", scopes);
        metadata.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "client_id", "azp", "roles", "scope",
                settings.organisationClaim(), "auth_time", "nonce", "name", "email"));
        return metadata;
    }
}
