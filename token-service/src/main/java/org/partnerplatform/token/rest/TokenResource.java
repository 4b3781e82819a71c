package org.partnerplatform.token.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.partnerplatform.token.service.oauth.IssuedToken;
import org.partnerplatform.token.service.oauth.OAuthException;
import org.partnerplatform.token.service.oauth.TokenGrants;
import org.partnerplatform.token.service.oauth.TokenMetrics;
import org.partnerplatform.token.service.oauth.TokenRequest;
import org.partnerplatform.token.service.signin.AuthorizationCodeGrant;
import org.partnerplatform.token.service.signin.PersonTokens;

import io.smallrye.mutiny.Uni;

/**
 * The token endpoint (RFC 6749 §4.4, client credentials): form bodies as the RFC defines them, JSON bodies as the
 * hub's partners send them; the client authenticates with HTTP Basic or with client_id and client_secret in the
 * body. Runs on the event loop: a grant whose secret is in the verified-secret cache and whose client is in the
 * registry does no I/O and no KDF at all; anything else is moved off the event loop by the authenticator.
 */
@Path("/oauth/token")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {
    private final TokenGrants grants;
    private final AuthorizationCodeGrant codeGrant;

    private final TokenMetrics metrics;

    public TokenResource(TokenGrants grants, AuthorizationCodeGrant codeGrant, TokenMetrics metrics) {
        this.grants = grants;
        this.codeGrant = codeGrant;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Client credentials grant (RFC 6749 §4.4), or a web client's authorization code grant with PKCE (§4.1.3, RFC 7636), form body")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    public Uni<Response> form(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (List.of(AuthorizationCodeGrant.GRANT_TYPE).equals(form.get("grant_type"))) {
            // A web client redeeming a person's sign-in (OpenID Connect: form bodies only).
            return metrics.count(AuthorizationCodeGrant.GRANT_TYPE, Uni.createFrom().deferred(() -> codeGrant.grant(form, authorization)))
                    .map(TokenResource::ok);
        }
        // The metric's label: a known grant type, else "other" (an unsupported one, refused), so a caller cannot add series.
        String grantType = "client_credentials".equals(form.getFirst("grant_type")) ? "client_credentials" : "other";
        return grant(grantType, () -> TokenRequest.of(form, authorization));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Client credentials grant, JSON body {grant_type, client_id, client_secret, audience}")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    public Uni<Response> json(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return grant("client_credentials", () -> TokenRequest.of(JsonParameters.parse(body), authorization));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response unsupported() {
        throw OAuthException.invalidRequest("the body must be application/x-www-form-urlencoded or application/json");
    }

    private Uni<Response> grant(String grantType, Supplier<TokenRequest> request) {
        return metrics.count(grantType, Uni.createFrom().item(request).chain(grants::grant)).map(TokenResource::ok);
    }

    private static Response ok(PersonTokens tokens) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.expiresIn());
        body.put("scope", tokens.scope());
        body.put("id_token", tokens.idToken());
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }

    private static Response ok(IssuedToken token) {
        // RFC 6749 §5.1: a response carrying a token must not be cached.
        return Response.ok(TokenResponse.json(token), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
