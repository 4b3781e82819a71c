package org.partnerplatform.token.rest;

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
import org.partnerplatform.token.service.oauth.IntrospectionRequest;
import org.partnerplatform.token.service.oauth.OAuthException;
import org.partnerplatform.token.service.oauth.TokenIntrospection;

import io.smallrye.mutiny.Uni;

/**
 * Token introspection (RFC 7662): a form body with {@code token}, the resource server's own client credentials by
 * HTTP Basic or in the body. Errors are RFC 6749 JSON like the token endpoint's.
 */
@Path("/oauth/introspect")
@Produces(MediaType.APPLICATION_JSON)
public class IntrospectionResource {
    private final TokenIntrospection introspection;

    public IntrospectionResource(TokenIntrospection introspection) {
        this.introspection = introspection;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Token introspection (RFC 7662): platform clients learn about every token, others about their own organisation's")
    public Uni<Response> introspect(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Uni.createFrom().item(() -> IntrospectionRequest.of(form, authorization))
                .chain(introspection::introspect)
                // §2.2: the answer describes a credential; nothing on the way may keep it.
                .map(answer -> Response.ok(answer).header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response unsupported() {
        throw OAuthException.invalidRequest("the body must be application/x-www-form-urlencoded");
    }
}
