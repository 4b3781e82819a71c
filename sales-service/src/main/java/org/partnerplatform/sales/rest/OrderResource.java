package org.partnerplatform.sales.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.partnerplatform.sales.service.SaleCommand;
import org.partnerplatform.sales.service.SaleService;
import org.partnerplatform.web.Caller;
import org.partnerplatform.web.ProblemException;
import org.partnerplatform.web.Roles;

import io.smallrye.mutiny.Uni;

/** Sales over REST, for partners that prefer a synchronous answer to the Kafka request topic. */
@Path("/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class OrderResource {
    private static final String KEY_PATTERN = "^[A-Za-z0-9._:\\-]{8,128}$";

    private final SaleService sales;
    private final Caller caller;

    public OrderResource(SaleService sales, Caller caller) {
        this.sales = sales;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Sell: validate against the caller's agreements, price, confirm and issue tickets",
            description = "Idempotent by the Idempotency-Key header: the same key and body returns the first order (200, "
                    + "Idempotent-Replayed: true); the same key with another body answers 409.")
    public Uni<Response> sell(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId, @Valid @NotNull SaleRequestBody body) {
        if (idempotencyKey == null || !idempotencyKey.matches(KEY_PATTERN)) {
            throw ProblemException.badRequest("missing-idempotency-key",
                    "an Idempotency-Key header of 8 to 128 characters [A-Za-z0-9._:-] is required");
        }
        var lines = body.lines().stream()
                .map(l -> new org.partnerplatform.events.sales.SaleRequest.Line(l.productId(), l.userProfile(), l.quantity())).toList();
        SaleCommand command = new SaleCommand(caller.organisationId(), idempotencyKey, body.distributionChannelId(), lines, body.externalReference());
        return sales.sellNow(command, SaleService.Channel.REST, correlationId != null ? correlationId : idempotencyKey).map(outcome -> {
            if (!outcome.isConfirmed()) {
                var r = outcome.rejection();
                throw new ProblemException(r.httpStatus(), r.code(), "Sale refused", r.getMessage());
            }
            OrderView view = OrderView.of(outcome.order());
            return outcome.replayed()
                    ? Response.ok(view).header("Idempotent-Replayed", "true").build()
                    : Response.status(201).entity(view).header("Location", "/v1/orders/" + view.id()).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.PLATFORM_ADMIN, Roles.FINANCE })
    @Operation(summary = "An order of the caller's organisation (another organisation's order answers 404)")
    public Uni<OrderView> get(@PathParam("id") String id) {
        UUID orderId;
        try {
            orderId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("order " + id);
        }
        return sales.load(orderId).map(placed -> {
            if (placed == null || !(caller.actsFor(placed.order().organisationId) || caller.hasRole(Roles.FINANCE))) {
                throw ProblemException.notFound("order " + id);
            }
            return OrderView.of(placed);
        });
    }
}
