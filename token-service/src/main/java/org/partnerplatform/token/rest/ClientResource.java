package org.partnerplatform.token.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.token.service.ClientService;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/**
 * An organisation's clients, managed by platform admins and by the organisation's own client administrators.
 * Another organisation's clients answer 404, as if they did not exist.
 */
@Path("/v1/organisations/{organisationId}/clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.KLIENTADMINISTRATOR })
@SecurityRequirement(name = "bearer")
public class ClientResource {
    private final ClientService clients;
    private final Caller caller;

    public ClientResource(ClientService clients, Caller caller) {
        this.clients = clients;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a client; the answer holds its secret, which is never shown again")
    public Uni<Response> create(@PathParam("organisationId") long organisationId, @Valid @NotNull CreateClientRequest request,
            @Context UriInfo uri) {
        requireManages(organisationId);
        return clients.create(organisationId, request.name(), request.roles(), isPlatformAdmin(), caller.actor())
                .map(created -> Response.created(uri.getAbsolutePathBuilder().path(created.client().clientId).build())
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .entity(CreatedClientView.of(created)).build());
    }

    @GET
    @Operation(summary = "The organisation's clients, oldest first")
    public Uni<List<ClientView>> list(@PathParam("organisationId") long organisationId) {
        requireManages(organisationId);
        return clients.list(organisationId).map(list -> list.stream().map(ClientView::of).toList());
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "One client")
    public Uni<ClientView> get(@PathParam("organisationId") long organisationId, @PathParam("clientId") String clientId) {
        requireManages(organisationId);
        return clients.get(organisationId, clientId).map(ClientView::of);
    }

    @POST
    @Path("/{clientId}/rotate-secret")
    @Operation(summary = "Give the client a new secret, shown this once; the previous one works until the grace period ends. "
            + "Publishes ClientSecretRotated. The body ({gracePeriod}) is optional")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> rotateSecret(@PathParam("organisationId") long organisationId, @PathParam("clientId") String clientId,
            String body) {
        requireManages(organisationId);
        RotateSecretRequest request = OptionalBody.read(body, RotateSecretRequest.class);
        return clients.rotateSecret(organisationId, clientId, request == null ? null : request.gracePeriod(), isPlatformAdmin(), caller.actor())
                .map(rotated -> Response.ok(RotatedSecretView.of(rotated)).header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    @POST
    @Path("/{clientId}/revoke")
    @Operation(summary = "Revoke a client for good; publishes ClientRevoked, and its tokens stop working")
    public Uni<ClientView> revoke(@PathParam("organisationId") long organisationId, @PathParam("clientId") String clientId) {
        requireManages(organisationId);
        return clients.revoke(organisationId, clientId, isPlatformAdmin(), caller.actor()).map(ClientView::of);
    }

    private void requireManages(long organisationId) {
        if (!caller.actsFor(organisationId)) {
            throw ProblemException.notFound("organisation " + organisationId);
        }
    }

    private boolean isPlatformAdmin() {
        return caller.hasRole(Roles.PLATFORM_ADMIN);
    }
}
