package org.partnerplatform.sales.rest;

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
import org.partnerplatform.sales.service.TicketKeys;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/** The ticket keys: their public half for everyone who checks tickets, and their rotation for platform admins. */
@Path("/")
public class TicketKeyResource {
    private final TicketKeys keys;

    public TicketKeyResource(TicketKeys keys) {
        this.keys = keys;
    }

    @GET
    @Path(".well-known/ticket-keys.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The JWKS of the ticket signing keys (ES256), newest first; inspectors cache it (Cache-Control)")
    public Response jwks() {
        return Response.ok(keys.jwks()).header("Cache-Control", "public, max-age=" + keys.jwksMaxAge().toSeconds()).build();
    }

    @GET
    @Path("v1/admin/ticket-keys")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The published ticket keys: NEXT (signs from activatedAt), ACTIVE, RETIRED (published until publishedUntil)")
    public List<TicketKeys.Published> list() {
        return keys.published();
    }

    @POST
    @Path("v1/admin/ticket-keys/rotations")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Starts a rotation: a NEXT key, published now, signing after key-publish-ahead (a waiting one is returned as it is)")
    public Uni<Response> rotate() {
        return keys.rotate().map(next -> Response.status(Response.Status.ACCEPTED).entity(next).build());
    }
}
