package org.partnerplatform.catalog.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnerplatform.catalog.service.OperatorService;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/** The operators the catalog knows, with their codespaces. */
@Path("/v1/admin/operators")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Operators (platform admin)")
public class OperatorAdminResource {
    private final OperatorService operators;

    public OperatorAdminResource(OperatorService operators) {
        this.operators = operators;
    }

    @GET
    @Operation(summary = "Operators and their codespaces, by organisation id")
    public Uni<List<OperatorView>> list() {
        return operators.list().map(list -> list.stream().map(OperatorView::of).toList());
    }
}
