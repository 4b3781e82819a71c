package org.partnerplatform.token.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.token.service.OrganisationService;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Organisations: registered by platform admins, readable by their own clients. */
@Path("/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class OrganisationResource {
    private final OrganisationService organisations;
    private final Caller caller;

    public OrganisationResource(OrganisationService organisations, Caller caller) {
        this.organisations = organisations;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Register a partner or an operator; publishes OrganisationRegistered")
    public Uni<Response> register(@Valid @NotNull CreateOrganisationRequest request, @Context UriInfo uri) {
        return organisations.register(request.name(), request.type(), request.codespace())
                .map(o -> Response.created(uri.getAbsolutePathBuilder().path(Long.toString(o.organisationId)).build())
                        .entity(OrganisationView.of(o)).build());
    }

    @GET
    @Path("/{organisationId}")
    @Authenticated
    @Operation(summary = "An organisation: platform admins see any, other callers only their own")
    public Uni<OrganisationView> get(@PathParam("organisationId") long organisationId) {
        if (!caller.actsFor(organisationId)) {
            // Another organisation is answered as if it did not exist.
            throw ProblemException.notFound("organisation " + organisationId);
        }
        return organisations.find(organisationId).map(o -> {
            if (o == null) {
                throw ProblemException.notFound("organisation " + organisationId);
            }
            return OrganisationView.of(o);
        });
    }
}
