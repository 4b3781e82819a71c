package org.partnerplatform.catalog.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnerplatform.catalog.service.PartyService;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/** The organisations the catalog has heard of from token-service, with their status (a SUSPENDED one sells nothing). */
@Path("/v1/admin/parties")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Organisations (platform admin)")
public class PartyAdminResource {
    private final PartyService parties;

    public PartyAdminResource(PartyService parties) {
        this.parties = parties;
    }

    @GET
    @Operation(summary = "Organisations by id, as token-service's organisation events describe them")
    public Uni<List<PartyView>> list() {
        return parties.list().map(list -> list.stream().map(PartyView::of).toList());
    }

    @GET
    @Path("/{organisationId}")
    @Operation(summary = "One organisation; 404 when the catalog has heard nothing of it (it then counts as ACTIVE)")
    public Uni<PartyView> get(@PathParam("organisationId") long organisationId) {
        return parties.get(organisationId).map(PartyView::of);
    }
}
