package org.partnerplatform.catalog.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnerplatform.catalog.service.NewProduct;
import org.partnerplatform.catalog.service.PriceChangeRequest;
import org.partnerplatform.catalog.service.ProductDetails;
import org.partnerplatform.catalog.service.ProductService;
import org.partnerplatform.catalog.service.ProductUpdate;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/**
 * The platform's admins write operators' products. Every change is a new version, published in full on
 * catalog.products.
 */
@Path("/v1/admin/products")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Products (platform admin)")
public class ProductAdminResource {
    private final ProductService products;
    private final Caller caller;

    public ProductAdminResource(ProductService products, Caller caller) {
        this.products = products;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a product as a DRAFT")
    public Uni<Response> create(@Valid @NotNull NewProduct body, @Context UriInfo uri) {
        return products.create(body, caller.clientId())
                .map(p -> withVersion(Response.created(uri.getAbsolutePathBuilder().path(p.product().id).build()), p).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a product's content", description = "Give the version you read in If-Match or in the body's version field; "
            + "if the product has changed since, the answer is 409 and nothing is written.")
    public Uni<Response> update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProductUpdate body) {
        Long expected = EntityTags.expectedVersion(ifMatch, body.version());
        if (expected == null) {
            throw new ProblemException(428, "version-required", "Precondition required",
                    "send the version you read, in If-Match or as the body's version field");
        }
        return products.update(id, body, expected, caller.clientId()).map(p -> withVersion(Response.ok(), p).build());
    }

    @POST
    @Path("/{id}/publish")
    @Operation(summary = "Publish a DRAFT or WITHDRAWN product", description = "Partners whose agreements cover it see it in their catalog.")
    public Uni<Response> publish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return products.publish(id, EntityTags.versionOf(ifMatch), caller.clientId()).map(p -> withVersion(Response.ok(), p).build());
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(summary = "Withdraw a product from every catalog")
    public Uni<Response> withdraw(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return products.withdraw(id, EntityTags.versionOf(ifMatch), caller.clientId()).map(p -> withVersion(Response.ok(), p).build());
    }

    @POST
    @Path("/{id}/price-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Schedule prices that replace the product's prices from a later day on",
            description = "effectiveFrom is a day after today (Europe/Oslo); a second change for the same day replaces the first. "
                    + "The product gets a new version now, and another when the change takes effect (within seconds after midnight), "
                    + "when its new prices are published on catalog.products and shown in catalogs. Optional If-Match.")
    public Uni<Response> schedulePriceChange(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PriceChangeRequest body) {
        return products.schedulePriceChange(id, body, EntityTags.versionOf(ifMatch), caller.clientId())
                .map(p -> withVersion(Response.ok(), p).build());
    }

    @DELETE
    @Path("/{id}/price-changes/{effectiveFrom}")
    @Operation(summary = "Cancel the price change scheduled for a day", description = "Optional If-Match. 404 when none is scheduled for that day.")
    public Uni<Response> cancelPriceChange(@PathParam("id") String id, @PathParam("effectiveFrom") String effectiveFrom,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return products.cancelPriceChange(id, day(effectiveFrom), EntityTags.versionOf(ifMatch), caller.clientId())
                .map(p -> withVersion(Response.ok(), p).build());
    }

    @GET
    @Operation(summary = "Products, all or of one operator, ordered by id")
    public Uni<List<ProductView>> list(@QueryParam("operatorOrganisationId") Long operatorOrganisationId) {
        return products.list(operatorOrganisationId).map(list -> list.stream().map(ProductView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One product; its ETag is its version")
    public Uni<Response> get(@PathParam("id") String id) {
        return products.get(id).map(p -> withVersion(Response.ok(), p).build());
    }

    static Response.ResponseBuilder withVersion(Response.ResponseBuilder response, ProductDetails product) {
        return response.entity(ProductView.of(product)).tag(EntityTags.ofVersion(product.product().version));
    }

    private static LocalDate day(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-date", "effectiveFrom must be a date such as 2027-01-01, not " + value);
        }
    }
}
