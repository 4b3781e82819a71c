package org.partnerplatform.catalog.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnerplatform.catalog.service.ProductService;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/**
 * An operator's admin (role KLIENTADMINISTRATOR, token of the operator's organisation) reads its own organisation's
 * products, drafts and scheduled price changes included, and only reads them: the platform's admins write them.
 * Another organisation's product answers 404, as if it did not exist; an organisation without products sees an
 * empty list. The operator's agreements are at /v1/agreements, as for every organisation.
 */
@Path("/v1/operator/products")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.KLIENTADMINISTRATOR)
@SecurityRequirement(name = "bearer")
@Tag(name = "Products (operator admin, read-only)")
public class OperatorProductResource {
    private final ProductService products;
    private final Caller caller;

    public OperatorProductResource(ProductService products, Caller caller) {
        this.products = products;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The products of the caller's organisation, ordered by id")
    public Uni<List<ProductView>> list() {
        return products.list(caller.organisationId()).map(list -> list.stream().map(ProductView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One product of the caller's organisation; its ETag is its version")
    public Uni<Response> get(@PathParam("id") String id) {
        return products.getOfOperator(id, caller.organisationId()).map(p -> ProductAdminResource.withVersion(Response.ok(), p).build());
    }
}
