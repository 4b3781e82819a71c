package org.partnerplatform.token.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.token.service.keys.SigningKeys;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/** The token signing keys, for platform admins: what is published, and starting a rotation now. */
@Path("/v1/admin/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@SecurityRequirement(name = "bearer")
public class SigningKeyResource {
    private final SigningKeys keys;

    public SigningKeyResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Operation(summary = "The published keys as this replica holds them, newest activation first")
    public List<SigningKeyView> list() {
        String signing = keys.signer().kid();
        return keys.published().stream().map(k -> SigningKeyView.of(k, signing)).toList();
    }

    @POST
    @Path("/rotate")
    @Operation(summary = "Start a rotation now: a NEXT key, published at once, signing after platform.token.key-publish-ahead. "
            + "202 with the new key; 200 with the pending one if a rotation is under way already")
    public Uni<Response> rotate() {
        return keys.rotate().map(rotation -> Response.status(rotation.started() ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(SigningKeyView.of(rotation.next(), keys.signer().kid())).build());
    }
}
